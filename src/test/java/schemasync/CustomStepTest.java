package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;

/** Guarded custom steps: the expand/contract backfill between schema steps. */
class CustomStepTest {

    private static List<ChangeBlock> backfill(String guard) {
        return List.of(
                block("C1_Expand", db -> db.ensureColumn("users", "status", "text")),
                block("C2_Backfill", db -> db.customStep("backfill_status", guard,
                        "UPDATE users SET status = CASE WHEN banned THEN 'banned' ELSE 'active' END WHERE status IS NULL")));
    }

    @Test
    void aBackfillRunsInTheSameTransactionAfterTheColumnItNeeds() throws Exception {
        List<ChangeBlock> blocks = backfill("SELECT EXISTS (SELECT 1 FROM users WHERE status IS NULL)");
        try (Scenario s = Scenario.start("CREATE TABLE users (id int, banned boolean)",
                "INSERT INTO users VALUES (1, false), (2, true)")) {
            Plan plan = s.plan(blocks);
            assertEquals(2, plan.steps().size());
            assertTrue(plan.changes().get(1).summary().startsWith("guard refers to objects this run creates"),
                    plan.changes().get(1).summary());
            assertEquals(HazardKind.CUSTOM_SQL, plan.steps().get(1).hazards().get(0).kind());
            s.applyAndConverge(blocks);
            assertEquals("active,banned", s.queryString("SELECT string_agg(status, ',' ORDER BY id) FROM users"));
        }
    }

    @Test
    void aGuardThatSaysNotNeededSkipsTheStep() throws Exception {
        List<ChangeBlock> blocks = backfill("SELECT EXISTS (SELECT 1 FROM users WHERE status IS NULL)");
        try (Scenario s = Scenario.start("CREATE TABLE users (id int, banned boolean, status text)",
                "INSERT INTO users VALUES (1, false, 'active')")) {
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(Outcome.IN_SYNC, s.apply(blocks).outcome());
        }
    }

    @Test
    void aGuardThatStaysTrueIsNotConverged() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1_Bad", db -> db.customStep("never_done", "SELECT true", "SELECT 1")));
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertEquals(SchemaSyncException.Code.NOT_CONVERGED, e.code());
        }
    }

    @Test
    void aBrokenGuardIsBadInputNamingTheBlock() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(
                    block("C3_Guard", db -> db.customStep("x", "SELECT 'yes'", "SELECT 1")))));
            assertEquals("the guard of custom step x returned yes, not a boolean", e.getMessage());
            var e2 = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(
                    block("C4_Guard", db -> db.customStep("y", "SELEC 1", "SELECT 1")))));
            assertTrue(e2.getMessage().startsWith("C4_Guard: the guard of custom step y failed: ERROR: syntax error"), e2.getMessage());
        }
    }
}
