package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.execute.SchemaSync.Result;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem;
import schemasync.render.SqlRenderer;

/**
 * A fresh database, some start SQL, then blocks: plan, apply, and the idempotency proof every
 * scenario ends with (plan again: empty; apply again: nothing executed).
 */
public final class Scenario implements AutoCloseable {
    public final DatabaseUrl url;
    public final Connection connection;

    private Scenario(DatabaseUrl url) {
        this.url = url;
        this.connection = Connections.open(url);
    }

    public static Scenario start(String... startSql) throws SQLException {
        Scenario s = new Scenario(TestDatabase.fresh());
        for (String sql : startSql) s.execute(sql);
        return s;
    }

    /** Another session on the same database (e.g. after ALTER DATABASE ... SET, or as another role). */
    public static Scenario reconnect(DatabaseUrl url) {
        return new Scenario(url);
    }

    public void execute(String sql) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    public String queryString(String sql) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public Plan plan(List<? extends ChangeBlock> blocks) throws SQLException {
        Plan plan = SchemaSync.dryRun(connection, DeclaredSchema.of(blocks)).plan();
        assertShortcutSound(blocks);
        return plan;
    }

    /**
     * The normalizer's shortcuts (declarations already in the catalog's spelling skip the shadows;
     * tables of one shape share a shadow) must give exactly what a shadow per table gives. Every
     * scenario that plans checks it, in whatever state its database is.
     */
    public void assertShortcutSound(List<? extends ChangeBlock> blocks) throws SQLException {
        DeclaredSchema declared = DeclaredSchema.of(blocks);
        schemasync.catalog.Catalog catalog = SchemaSync.readCatalog(connection, declared);
        connection.setAutoCommit(false);
        try {
            schemasync.normalize.DeclaredShapes fast = schemasync.normalize.Normalizer.normalize(connection, catalog, declared, true);
            schemasync.normalize.DeclaredShapes full = schemasync.normalize.Normalizer.normalize(connection, catalog, declared, false);
            assertEquals(full, fast, "the normalizer's shortcut disagrees with its shadow tables");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    public Result apply(List<? extends ChangeBlock> blocks) throws SQLException {
        return assertReplayPredicts(blocks, SchemaSync.apply(connection, DeclaredSchema.of(blocks), SchemaSync.Options.defaults()));
    }

    /**
     * The dry run predicts the apply: the executed steps replayed on the catalog they were planned from
     * ({@link schemasync.plan.Effects}) give what PostgreSQL reports after the apply, fact for fact
     * ({@link schemasync.plan.CatalogOutline} lists what is compared and the one set of exceptions).
     */
    public Result assertReplayPredicts(List<? extends ChangeBlock> blocks, Result result) throws SQLException {
        if (result.outcome() != Outcome.APPLIED || result.planned() == null) return result;
        List<schemasync.step.Step> steps = result.executed().stream().map(e -> e.step().step()).toList();
        if (!schemasync.plan.CatalogOutline.predictable(steps)) return result;
        schemasync.catalog.Catalog replayed = schemasync.plan.Effects.replay(steps, result.planned().catalog());
        schemasync.catalog.Catalog read = SchemaSync.readCatalog(connection, DeclaredSchema.of(blocks));
        String applyingRole = queryString("SELECT current_user"); // what the run creates it owns: no owner the replay can know
        java.util.Set<String> predicted = schemasync.plan.CatalogOutline.of(replayed, applyingRole);
        java.util.Set<String> actual = schemasync.plan.CatalogOutline.of(read, applyingRole);
        if (!predicted.equals(actual)) {
            java.util.Set<String> missing = new java.util.TreeSet<>(actual);
            missing.removeAll(predicted);
            java.util.Set<String> extra = new java.util.TreeSet<>(predicted);
            extra.removeAll(actual);
            org.junit.jupiter.api.Assertions.fail("the replay of the executed steps does not predict the catalog after the apply"
                    + "\n  read but not predicted: " + missing + "\n  predicted but not read: " + extra + "\n  steps: " + sql(steps));
        }
        return result;
    }

    private static List<String> sql(List<schemasync.step.Step> steps) {
        return steps.stream().map(SqlRenderer::render).toList();
    }

    /** Apply with these hazard kinds allowed for the whole run (--allow-hazard), then prove idempotency. */
    public Result applyAndConverge(List<? extends ChangeBlock> blocks, schemasync.model.HazardKind... allowed) throws SQLException {
        Result first = assertReplayPredicts(blocks, SchemaSync.apply(connection, DeclaredSchema.of(blocks),
                SchemaSync.Options.defaults().withAllowedHazards(java.util.Set.of(allowed))));
        assertTrue(first.outcome() != Outcome.REFUSED, () -> "--apply refused: " + first.review().refusals().stream()
                .map(r -> r.describe()).toList());
        Plan again = plan(blocks);
        assertTrue(again.isEmpty(), () -> "second plan not empty: " + sql(again));
        assertEquals(Outcome.IN_SYNC, apply(blocks).outcome());
        return first;
    }

    /** Apply, then prove idempotency: the re-plan is empty and a second apply executes nothing. */
    public Result applyAndConverge(List<? extends ChangeBlock> blocks) throws SQLException {
        Result first = apply(blocks);
        assertTrue(first.outcome() != Outcome.REFUSED, () -> "--apply refused: " + first.review().refusals().stream()
                .map(r -> r.describe()).toList());
        Plan again = plan(blocks);
        assertTrue(again.isEmpty(), () -> "second plan not empty: " + sql(again));
        Result second = apply(blocks);
        assertEquals(Outcome.IN_SYNC, second.outcome());
        assertEquals(0, second.executed().size());
        return first;
    }

    public static List<String> sql(Plan plan) {
        List<String> out = new ArrayList<>();
        plan.steps().forEach(s -> out.add(SqlRenderer.render(s.step())));
        return out;
    }

    public static List<PlanItem.Drift> drift(Plan plan) {
        return plan.items().stream().filter(PlanItem.Drift.class::isInstance).map(PlanItem.Drift.class::cast).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
