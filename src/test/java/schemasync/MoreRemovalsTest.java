package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/** ensureNoConstraint / ensureNoTrigger / ensureNoView / ensureNoFunction: dropped once, then skipped. */
class MoreRemovalsTest {

    @Test
    void constraintsTriggersViewsAndFunctionsAreDroppedOnceWithoutCascade() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE t (id int PRIMARY KEY, v int CONSTRAINT t_v_positive CHECK (v > 0))",
                "CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER t_noop BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION noop()",
                "CREATE VIEW t_view AS SELECT id FROM t",
                "CREATE PROCEDURE purge(days int) LANGUAGE sql AS $$ DELETE FROM t WHERE v < days $$")) {
            List<ChangeBlock> blocks = List.of(block("C9_Cleanup", db -> {
                db.ensureNoView("t_view");
                db.ensureNoTrigger("t", "t_noop");
                db.ensureNoFunction("noop()");
                db.ensureNoFunction("purge(integer)");
                db.ensureNoConstraint("t", "t_v_positive");
                db.ensureNoView("never_was");
            }));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("DROP VIEW \"public\".\"t_view\"", "DROP TRIGGER \"t_noop\" ON \"public\".\"t\"",
                    "DROP ROUTINE \"public\".\"noop\"()", "DROP ROUTINE \"public\".\"purge\"(integer)",
                    "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_v_positive\""),
                    Scenario.sql(plan));
            s.applyAndConverge(blocks);
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_constraint WHERE conrelid = 't'::regclass"), "only the primary key");
            assertTrue(s.plan(blocks).items().stream().allMatch(i -> i instanceof schemasync.plan.PlanItem.Unchanged
                    || i instanceof schemasync.plan.PlanItem.Drift));
        }
    }
}
