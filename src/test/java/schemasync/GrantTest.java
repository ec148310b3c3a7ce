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

/** Table grants: missing privileges granted, extra ones reported, nothing revoked. */
class GrantTest {
    private static final String ROLE = "DO $$ BEGIN CREATE ROLE \"Schema Sync Reader\"; EXCEPTION WHEN duplicate_object THEN NULL; END $$";

    private static final List<ChangeBlock> BLOCKS = List.of(block("C1", db -> {
        db.ensureTable("reports", t -> t.column("id", "int"));
        db.ensureGrant("reports", "Schema Sync Reader", "select", "INSERT");
        db.ensureGrant("reports", "public", "SELECT");
    }));

    @Test
    void grantsAreAddedOnceAndConverge() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            Plan plan = s.plan(BLOCKS);
            assertEquals(List.of("GRANT SELECT, INSERT ON TABLE \"public\".\"reports\" TO \"Schema Sync Reader\"",
                    "GRANT SELECT ON TABLE \"public\".\"reports\" TO PUBLIC"), Scenario.sql(plan).subList(1, 3));
            s.applyAndConverge(BLOCKS);
        }
    }

    @Test
    void missingOnesAreGrantedAndExtraOnesReportedNotRevoked() throws Exception {
        try (Scenario s = Scenario.start(ROLE, "CREATE TABLE reports (id int)",
                "GRANT SELECT, DELETE ON reports TO \"Schema Sync Reader\"")) {
            Plan plan = s.plan(BLOCKS);
            assertEquals(List.of("GRANT INSERT ON TABLE \"public\".\"reports\" TO \"Schema Sync Reader\"",
                    "GRANT SELECT ON TABLE \"public\".\"reports\" TO PUBLIC"), Scenario.sql(plan));
            assertEquals("public.reports to Schema Sync Reader: DELETE is granted but no block declares it: left alone"
                    + " (never revoked implicitly)", Scenario.drift(plan).get(0).object() + ": " + Scenario.drift(plan).get(0).message());
            s.applyAndConverge(BLOCKS);
            assertTrue(s.queryString("SELECT has_table_privilege('Schema Sync Reader', 'reports', 'DELETE')").equals("t"));
        }
    }

    @Test
    void unknownPrivilegesAreRejected() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C2", db -> db.ensureGrant("reports", "app", "SELEKT")))));
        assertTrue(e.getMessage().contains("C2: grant on table public.reports: unknown table privilege 'SELEKT'"), e.getMessage());
    }
}
