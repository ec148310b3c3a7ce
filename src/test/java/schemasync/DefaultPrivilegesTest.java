package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Plan;

/** ALTER DEFAULT PRIVILEGES, read from pg_default_acl: granted when missing, extra ones reported, revoked only when declared. */
class DefaultPrivilegesTest {
    private static final String ROLES = "DO $$ BEGIN CREATE ROLE reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
            + " DO $$ BEGIN CREATE ROLE app_owner; EXCEPTION WHEN duplicate_object THEN NULL; END $$";

    private static final List<ChangeBlock> BLOCKS = List.of(block("C1_Defaults", db -> {
        db.ensureDefaultPrivileges("TABLES", "reader", "SELECT").inSchema("public");
        db.ensureDefaultPrivileges("sequences", "reader", "USAGE").forRole("app_owner");
        db.ensureNoDefaultPrivileges("ROUTINES", "public", "EXECUTE").forRole("app_owner");
    }));

    @Test
    void defaultPrivilegesAreGrantedAndRevokedAsDeclaredAndConverge() throws Exception {
        try (Scenario s = Scenario.start(ROLES)) {
            Plan plan = s.plan(BLOCKS);
            assertEquals(List.of("ALTER DEFAULT PRIVILEGES IN SCHEMA \"public\" GRANT SELECT ON TABLES TO \"reader\"",
                    "ALTER DEFAULT PRIVILEGES FOR ROLE \"app_owner\" GRANT USAGE ON SEQUENCES TO \"reader\"",
                    "ALTER DEFAULT PRIVILEGES FOR ROLE \"app_owner\" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC"), Scenario.sql(plan));
            String me = s.queryString("SELECT current_user");
            assertEquals("default privileges for role " + me + " in schema public on TABLES to reader",
                    plan.changes().get(0).kind() + " " + plan.changes().get(0).object());
            s.applyAndConverge(BLOCKS);
            s.execute("CREATE TABLE created_later (id int)");
            assertEquals("t", s.queryString("SELECT has_table_privilege('reader', 'created_later', 'SELECT')"));
            assertEquals(3, Integer.parseInt(s.queryString("SELECT count(*) FROM pg_default_acl")));
        }
    }

    @Test
    void extraDefaultPrivilegesAreReportedNotRevoked() throws Exception {
        try (Scenario s = Scenario.start(ROLES, "ALTER DEFAULT PRIVILEGES GRANT INSERT ON TABLES TO reader",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, UPDATE ON TABLES TO reader",
                "ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT EXECUTE ON FUNCTIONS TO reader")) {
            String me = s.queryString("SELECT current_user");
            Plan plan = s.plan(BLOCKS);
            assertEquals(List.of("ALTER DEFAULT PRIVILEGES FOR ROLE \"app_owner\" GRANT USAGE ON SEQUENCES TO \"reader\"",
                    "ALTER DEFAULT PRIVILEGES FOR ROLE \"app_owner\" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC"), Scenario.sql(plan));
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.object() + ": " + d.message()).toList();
            assertEquals(List.of(
                    "for role app_owner on FUNCTIONS to reader: EXECUTE is given by default but no block declares it: left alone"
                            + " (never revoked implicitly)",
                    "for role " + me + " in schema public on TABLES to reader: UPDATE is given by default but no block declares"
                            + " it: left alone (never revoked implicitly)",
                    "for role " + me + " on TABLES to reader: INSERT is given by default but no block declares it: left alone"
                            + " (never revoked implicitly)"), drift.stream().sorted().toList());
            s.applyAndConverge(BLOCKS);
        }
    }

    @Test
    void aTableCreatedInTheRunHasTheDefaultPrivilegesAlready() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1_Table", db -> {
            db.ensureTable("fresh", t -> t.column("id", "int"));
            db.ensureGrant("fresh", "reader", "SELECT");
            db.ensureNoGrant("fresh", "reader", "UPDATE");
        }));
        try (Scenario s = Scenario.start(ROLES, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, UPDATE ON TABLES TO reader")) {
            Plan plan = s.plan(blocks);
            assertEquals(List.of("REVOKE UPDATE ON TABLE \"public\".\"fresh\" FROM \"reader\""), Scenario.sql(plan).subList(1, 2));
            assertEquals(2, Scenario.sql(plan).size(), () -> Scenario.sql(plan).toString());
            s.applyAndConverge(blocks);
            assertEquals("f", s.queryString("SELECT has_table_privilege('reader', 'fresh', 'UPDATE')"));
        }
    }

    @Test
    void schemasCannotBeLimitedToASchemaAndObjectsMustBeKnown() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C2", db -> {
            db.ensureDefaultPrivileges("SCHEMAS", "reader", "USAGE").inSchema("public");
            db.ensureDefaultPrivileges("VIEWS", "reader", "SELECT");
            db.ensureDefaultPrivileges("TYPES", "reader", "EXECUTE");
        }))));
        assertTrue(e.getMessage().contains("C2: default privileges on SCHEMAS cannot be limited to a schema"), e.getMessage());
        assertTrue(e.getMessage().contains("C2: default privileges: objects must be TABLES, SEQUENCES, FUNCTIONS, TYPES or SCHEMAS,"
                + " not 'VIEWS'"), e.getMessage());
        assertTrue(e.getMessage().contains("C2: default privileges on TYPES: unknown types privilege 'EXECUTE'"), e.getMessage());
    }
}
