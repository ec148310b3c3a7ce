package schemasync.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.Table;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.generate.Generator;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem;

/**
 * The adoption proof for a source database S: generate blocks from S, apply them to an empty
 * database E, read both catalogs (they must be equal, object by object), then plan the blocks
 * against S (nothing to do) and against E again (nothing to do). E must be empty and disposable.
 */
public final class RoundTrip {

    /**
     * @param sourcePlan the steps a plan of the generated blocks against the source would run (must be none)
     * @param targetPlan the same against the rebuilt database after the apply (must be none)
     * @param sourceDrift the ⚠ lines of the plan against the source (never applied, but a {@code --dry-run --check}
     *                    against the source would report them as drift: must be none)
     * @param targetDrift the same against the rebuilt database (must be none)
     * @param applied the apply to the empty database (its plan and executed steps: what a test replays to check that the
     *                dry run predicted the apply)
     */
    public record Report(Generator.Result generated, CatalogDiff.Result diff, List<String> sourcePlan, List<String> targetPlan,
                         List<String> sourceDrift, List<String> targetDrift, int statementsApplied, Duration generateTime,
                         Duration total, SchemaSync.Result applied) {
        /** Exact: equal catalogs, and both plans say "in sync" (nothing to do, nothing to warn about). */
        public boolean ok() {
            return diff.equal() && sourcePlan.isEmpty() && targetPlan.isEmpty() && sourceDrift.isEmpty() && targetDrift.isEmpty();
        }
    }

    private RoundTrip() {
    }

    public static Report run(Connection source, Collection<String> schemas, Connection target) throws SQLException {
        long t0 = System.nanoTime();
        Generator.Result generated = Generator.generate(source, schemas);
        Duration generateTime = Duration.ofNanos(System.nanoTime() - t0);
        DeclaredSchema declared = DeclaredSchema.of(generated.blocks());
        Set<String> managed = new TreeSet<>(schemas);
        managed.addAll(declared.managedSchemas());
        // One read of the source serves the roles and the comparison (a full catalog read: seconds at 500 tables).
        Catalog original = read(source, managed);
        createMissingRoles(target, roles(original));
        SchemaSync.Result applied = SchemaSync.apply(target, declared, SchemaSync.Options.defaults());
        Catalog rebuilt = read(target, managed);
        // CHECK texts compared at their fixed point: the source's text printed once more by PostgreSQL.
        CatalogDiff.Result diff = CatalogDiff.compare(schemasync.normalize.FixedPoint.settleChecks(target, original, rebuilt),
                rebuilt);
        Plan sourcePlan = SchemaSync.dryRun(source, declared).plan();
        Plan targetPlan = SchemaSync.dryRun(target, declared).plan();
        return new Report(generated, diff, describe(sourcePlan), describe(targetPlan), warnings(sourcePlan), warnings(targetPlan),
                applied.executed().size(), generateTime, Duration.ofNanos(System.nanoTime() - t0), applied);
    }

    private static List<String> describe(Plan plan) {
        return plan.changes().stream().map(c -> c.kind() + " " + c.object() + " — " + c.summary()).toList();
    }

    private static List<String> warnings(Plan plan) {
        return plan.items().stream().filter(i -> i instanceof PlanItem.Drift || i instanceof PlanItem.Conflict)
                .map(RoundTrip::describe).toList();
    }

    private static String describe(PlanItem i) {
        if (i instanceof PlanItem.Drift d) return d.kind() + " " + d.object() + " — " + d.message();
        PlanItem.Conflict c = (PlanItem.Conflict) i;
        return c.kind() + " " + c.object() + " — " + c.message();
    }

    /**
     * A catalog snapshot in its own rolled-back transaction, read whole ({@code Detail.GENERATE}): the comparison
     * includes the triggers of views and foreign tables and the foreign partitions, which a plan's read leaves empty.
     */
    public static Catalog read(Connection c, Collection<String> schemas) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            return CatalogReader.read(c, schemas, CatalogReader.Detail.GENERATE);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    /** Roles named by grants, policies and default privileges of the source: the rebuilt database needs them. */
    private static Set<String> roles(Catalog catalog) {
        Set<String> roles = new TreeSet<>();
        for (Table t : catalog.tables().values()) {
            t.grants().forEach(g -> roles.add(g.role()));
            t.policies().forEach(p -> roles.addAll(p.roles()));
        }
        catalog.grants().values().forEach(grants -> grants.forEach(g -> roles.add(g.role())));
        catalog.defaultPrivileges().forEach((target, grants) -> {
            roles.add(target.forRole());
            grants.forEach(g -> roles.add(g.role()));
        });
        roles.addAll(catalog.owners().values()); // owners are referenced, never created by the blocks
        roles.remove("public");
        return roles;
    }

    /** Roles are cluster-wide: on a throwaway server they are missing; on a shared one they exist already. */
    private static void createMissingRoles(Connection target, Set<String> roles) throws SQLException {
        boolean auto = target.getAutoCommit();
        target.setAutoCommit(true);
        try (Statement st = target.createStatement()) {
            for (String role : roles) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '"
                        + role.replace("'", "''") + "'")) {
                    if (rs.next()) continue;
                }
                st.execute("CREATE ROLE " + schemasync.model.Identifiers.quote(role));
            }
        } finally {
            target.setAutoCommit(auto);
        }
    }
}
