package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Drift;

/** Views: created after their tables, compared on pg_get_viewdef, replaced only when PostgreSQL accepts it. */
class ViewTest {

    private static List<ChangeBlock> blocks(String viewSql) {
        return List.of(
                block("C1_Users", db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text")
                        .column("deleted_at", "timestamptz").primaryKey("id"))),
                block("C2_View", db -> db.ensureView("active_users", viewSql)));
    }

    @Test
    void aViewOverATableCreatedInTheSameRunConverges() throws Exception {
        List<ChangeBlock> blocks = blocks("select id, email from users where deleted_at is null");
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks);
            assertEquals("CREATE VIEW \"public\".\"active_users\" AS select id, email from users where deleted_at is null",
                    Scenario.sql(plan).get(1));
            s.applyAndConverge(blocks);
        }
    }

    @Test
    void anEquivalentSpellingIsUnchangedAndACompatibleChangeIsReplaced() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY, email text, deleted_at timestamptz)",
                "CREATE VIEW active_users AS SELECT users.id, users.email FROM users WHERE (users.deleted_at IS NULL)")) {
            Plan same = s.plan(blocks("select id, email from users where deleted_at is null"));
            assertTrue(same.isEmpty() && Scenario.drift(same).isEmpty(), () -> Scenario.sql(same) + " " + Scenario.drift(same));

            List<ChangeBlock> wider = blocks("SELECT id, email, deleted_at FROM users WHERE deleted_at IS NULL");
            assertEquals(List.of("CREATE OR REPLACE VIEW \"public\".\"active_users\" AS SELECT id, email, deleted_at FROM users"
                    + " WHERE deleted_at IS NULL"), Scenario.sql(s.plan(wider)));
            s.applyAndConverge(wider);
        }
    }

    @Test
    void anIncompatibleChangeIsDriftAndTheViewIsLeftAlone() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY, email text, deleted_at timestamptz)",
                "CREATE VIEW active_users AS SELECT id, email FROM users", "CREATE VIEW legacy_report AS SELECT 1 AS one")) {
            List<ChangeBlock> blocks = blocks("SELECT email FROM users");
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            List<Drift> drift = Scenario.drift(plan);
            assertTrue(drift.get(0).message().startsWith("differs, and PostgreSQL refuses CREATE OR REPLACE VIEW here (ERROR: cannot"),
                    drift.get(0).message());
            assertEquals("view public.legacy_report", drift.get(1).kind() + " " + drift.get(1).object());
            s.applyAndConverge(blocks);
            assertEquals("2", s.queryString("SELECT count(*) FROM information_schema.columns WHERE table_name = 'active_users'"));
        }
    }

    @Test
    void comparingABusyViewGivesUpQuicklyInsteadOfQueueing() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY, email text, deleted_at timestamptz)",
                "CREATE VIEW active_users AS SELECT id FROM users");
             java.sql.Connection app = schemasync.db.Connections.open(s.url); java.sql.Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("LOCK TABLE active_users IN ACCESS SHARE MODE"); // a long report reading the view
            long start = System.nanoTime();
            Plan plan = s.plan(blocks("SELECT id, email FROM users"));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 5000, "did not wait long");
            assertTrue(Scenario.drift(plan).get(0).message().contains("the view is busy"), () -> Scenario.drift(plan).toString());
            app.rollback();
        }
    }

    @Test
    void aRoleThatDoesNotOwnTheViewStillComparesIt() throws Exception {
        try (Scenario setup = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY, email text, deleted_at timestamptz)",
                "CREATE VIEW active_users AS SELECT id, email FROM users WHERE deleted_at IS NULL",
                "DO $$ BEGIN CREATE ROLE schema_sync_checker LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT SELECT ON users, active_users TO schema_sync_checker")) {
            var props = setup.url.properties();
            props.setProperty("user", "schema_sync_checker");
            props.remove("password");
            try (Scenario s = Scenario.reconnect(new schemasync.db.DatabaseUrl(setup.url.jdbcUrl(), props, "checker"))) {
                Plan plan = s.plan(blocks("select id, email from users where deleted_at is null"));
                assertTrue(plan.isEmpty() && Scenario.drift(plan).stream().noneMatch(d -> d.kind().equals("view")),
                        () -> Scenario.drift(plan).toString());
                Plan other = s.plan(blocks("select id from users"));
                assertTrue(Scenario.drift(other).stream().anyMatch(d -> d.message().startsWith("differs, and PostgreSQL refuses"
                        + " CREATE OR REPLACE VIEW here (ERROR: ")), () -> Scenario.drift(other).toString());
            }
        }
    }

    @Test
    void declaringAndRemovingAViewIsRejected() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(SchemaSyncException.class, () -> schemasync.dsl.DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureView("v", "SELECT 1").ensureNoView("v")))));
        assertTrue(e.getMessage().contains("C1: view public.v is declared by C1 and removed here"), e.getMessage());
    }
}
