package schemasync.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.execute.AdvisoryLock;
import schemasync.execute.SchemaSync;
import schemasync.step.Step;

/**
 * A fresh tenant (its schema holds nothing yet) applied with the statements that converged another fresh tenant
 * of the same run, in one transaction and a handful of round trips, instead of the whole single-run pipeline
 * (advisory lock, catalog read, shadow normalization, plan, one round trip per statement, read, normalize and
 * plan again).
 *
 * <p>Why it is sound. The template comes from a tenant R that the ordinary apply converged and that a dry run
 * then found in sync (an empty plan): its catalog afterwards, R's part and the shared part, is a state the
 * planner calls converged. A fresh tenant T whose own part was empty in the run's snapshot, like R's, has the same
 * plan as R modulo the schema name: the planner is a pure function of the catalog and the declarations, T's part
 * is empty (no statistics, no rows, so no data-dependent route or hazard either) and the shared part is the one
 * R's plan saw. In T's transaction the tool checks first that T is still fresh (else nothing runs), then runs
 * R's statements with R's schema name replaced by T's, in one round trip, and commits. Then, instead of the
 * verification plan (a read, the shadow normalization, a plan), it reads T's catalog (and the shared part) and
 * compares its fingerprints with R's converged state: identical means the re-plan would be empty, exactly as
 * R's was, so T is reported applied. Anything else (a statement failed or a lock timed out: rolled back; the
 * state differs: T or the shared part changed meanwhile) sends T through the ordinary apply, which plans from
 * what is there and verifies itself. The check runs after the commit on purpose: a foreign key to a shared
 * table locks that table (SHARE ROW EXCLUSIVE) until commit, and holding it through a catalog read would make
 * the fresh tenants of a database wait for each other's reads.
 *
 * <p>Locks: the statements of the template touch only T's schema (checked when the template is made: each
 * statement names R's schema), so fresh tenants do not need the database-wide advisory lock of a single run
 * against each other. Each transaction takes that lock in shared mode (a single run, which takes it exclusively,
 * waits for it or makes T take the ordinary path) and a per-tenant exclusive lock (two fleet runs never apply the
 * same tenant at once). Both are transaction-level: released by COMMIT or ROLLBACK, however the session ends.
 */
final class FreshTenants {
    /** "Sync" in ASCII: the first half of a per-tenant advisory lock key (the second is the tenant name's hash). */
    private static final int TENANT_LOCK_CLASS = 0x53796e63;

    /**
     * @param tenant     R, the tenant the statements converged
     * @param statements its executed statements, in order
     * @param converged  R's part of its converged catalog (own name replaced by the placeholder)
     * @param shared     the shared part of that catalog
     */
    record Template(String tenant, List<String> statements, String converged, String shared) {
    }

    private FreshTenants() {
    }

    /**
     * A template from R's apply and the dry run that found R in sync afterwards, or null when R's apply is not one
     * a fresh tenant may repeat: not applied, any step outside the one transaction, any hazard, or a statement
     * that does not name R's schema (it changed a shared object: the next tenant's plan no longer has it) or names it
     * other than as a quoted identifier.
     */
    static Template of(String tenant, SchemaSync.Result applied, SchemaSync.Result verified, Set<String> shared,
                       String placeholder) {
        if (applied.outcome() != SchemaSync.Outcome.APPLIED || verified == null || !verified.plan().isEmpty()) return null;
        if (applied.executed().isEmpty()) return null;
        String quoted = quoted(tenant);
        for (SchemaSync.ExecutedStep e : applied.executed()) {
            if (e.step().step().phase() != Step.Phase.TRANSACTION || !e.step().hazards().isEmpty()) return null;
            if (!e.sql().contains(quoted) || e.step().step() instanceof Step.CustomSql) return null;
            // R's name anywhere but as a quoted identifier (in a literal, say nextval('tenant_1.s')) is not replaced.
            if (e.sql().replace(quoted, "").contains(tenant)) return null;
        }
        TenantCatalogs.Slices slices = TenantCatalogs.slices(verified.planned().catalog(), Set.of(tenant), shared, placeholder);
        return new Template(tenant, applied.executed().stream().map(SchemaSync.ExecutedStep::sql).toList(),
                slices.tenants().get(tenant), slices.shared());
    }

    /**
     * Runs {@code template}'s statements for {@code tenants} in one transaction of one statement batch and commits;
     * returns the tenants that took them. A tenant missing from the answer took nothing from here (not fresh any more);
     * the caller sends it through the ordinary apply, which plans from what is there. Whether the committed tenants
     * converged is {@link #converged}'s to say.
     *
     * <p>Why several tenants in one transaction: the cost of a fresh tenant is PostgreSQL's DDL, and what the tool adds
     * per tenant is round trips and a commit; a batch pays those once. A tenant that is not fresh is left out before
     * anything runs; a statement that fails rolls the whole batch back (nothing changed, the exception says why), and
     * the caller retries its tenants one by one.
     */
    static List<String> commit(Connection connection, Template template, List<String> tenants, SchemaSync.Options options)
            throws SQLException {
        long t0 = System.nanoTime();
        List<String> fresh;
        connection.setAutoCommit(false);
        try {
            fresh = lockedAndFresh(connection, tenants);
            if (fresh.isEmpty()) {
                connection.rollback();
                return List.of();
            }
            String from = quoted(template.tenant());
            // The index timeout when it is the longer: the tables are new and empty, only a lock wait can last.
            long timeout = Math.max(options.statementTimeout().toMillis(), options.indexStatementTimeout().toMillis());
            // Routine bodies as the template's apply created them: with check_function_bodies off (a body may read a
            // table a later statement creates), and the template's apply has checked the same bodies before its commit.
            StringBuilder batch = new StringBuilder("SET LOCAL lock_timeout = " + options.lockTimeout().toMillis()
                    + ";\nSET LOCAL statement_timeout = " + timeout + ";\nSET LOCAL check_function_bodies = off;\n");
            for (String tenant : fresh) {
                String to = quoted(tenant);
                for (String sql : template.statements()) batch.append(sql.replace(from, to)).append(";\n");
            }
            try (Statement st = connection.createStatement()) {
                // One round trip: pgjdbc sends the statements as one batch of Parse/Bind/Execute, one Sync.
                st.execute(batch.toString());
            }
            connection.commit();
        } catch (SQLException e) {
            if (!connection.isClosed()) connection.rollback();
            throw e;
        } finally {
            if (!connection.isClosed()) connection.setAutoCommit(true);
        }
        timing("fresh tenants %s..%s (%d): statements and commit %d ms", fresh.get(0), fresh.get(fresh.size() - 1),
                fresh.size(), (System.nanoTime() - t0) / 1_000_000);
        return fresh;
    }

    /**
     * The tenants (committed by {@link #commit}, in one batch or several) whose part, read with the shared part in one
     * snapshot, is that of R's converged catalog: what the verification plan would find in sync, as it found R.
     */
    static Set<String> converged(Connection connection, Template template, List<String> tenants, Set<String> shared,
                                 String placeholder) throws SQLException {
        long t0 = System.nanoTime();
        Set<String> schemas = new TreeSet<>(shared);
        schemas.addAll(tenants);
        Catalog after;
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            after = CatalogReader.read(connection, schemas);
        } finally {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        TenantCatalogs.Slices slices = TenantCatalogs.slices(after, Set.copyOf(tenants), shared, placeholder);
        Set<String> converged = new TreeSet<>();
        if (template.shared().equals(slices.shared())) {
            for (String tenant : tenants) if (template.converged().equals(slices.tenants().get(tenant))) converged.add(tenant);
        }
        timing("fresh tenants checked (%d, %d converged): %d ms", tenants.size(), converged.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return converged;
    }

    private static void timing(String format, Object... args) {
        if (System.getenv("SCHEMA_SYNC_TIMINGS") != null) System.err.printf("timings: " + format + "%n", args);
    }

    /**
     * Takes the locks (see the class comment) of each tenant and answers those whose schema exists and holds no object
     * yet, in the order given; one round trip for all of them.
     */
    private static List<String> lockedAndFresh(Connection connection, List<String> tenants) throws SQLException {
        String sql = "SELECT t.name FROM unnest(?::text[]) WITH ORDINALITY AS t(name, i)"
                + " JOIN pg_catalog.pg_namespace n ON n.nspname = t.name"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type ty WHERE ty.typnamespace = n.oid)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace = n.oid)"
                + " AND pg_catalog.pg_try_advisory_xact_lock_shared(?)"
                + " AND pg_catalog.pg_try_advisory_xact_lock(?, pg_catalog.hashtext(t.name))"
                + " ORDER BY t.i";
        List<String> fresh = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            ps.setLong(2, AdvisoryLock.KEY);
            ps.setInt(3, TENANT_LOCK_CLASS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) fresh.add(rs.getString(1));
            }
        }
        return fresh;
    }

    /** Tenant names are plain lower-case identifiers ({@link Tenants#requireTenantName}): jOOQ quotes them so. */
    private static String quoted(String schema) {
        return "\"" + schema + "\"";
    }
}
