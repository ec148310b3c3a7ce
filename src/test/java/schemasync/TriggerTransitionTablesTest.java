package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.TriggerEvent;
import schemasync.plan.Plan;

/** Statement triggers with REFERENCING transition tables: created, read back equal, a different name is drift. */
class TriggerTransitionTablesTest {
    private static final String AUDIT = "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " INSERT INTO changes (n) SELECT count(*) FROM new_rows; RETURN NULL; END $$";

    private static List<ChangeBlock> blocks(String newName) {
        return List.of(
                block("C1_Tables", db -> {
                    db.ensureTable("accounts", t -> t.column("id", "bigint").column("balance", "numeric").primaryKey("id"));
                    db.ensureTable("changes", t -> t.column("n", "bigint"));
                }),
                block("C2_Audit", db -> {
                    db.ensureFunction("count_changes()", AUDIT);
                    db.ensureTrigger("accounts_audit").on("accounts").after(TriggerEvent.UPDATE)
                            .referencingOldTableAs("old_rows").referencingNewTableAs(newName).executes("count_changes()");
                }));
    }

    @Test
    void aTriggerWithTransitionTablesIsCreatedAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks("new_rows"));
            assertTrue(Scenario.sql(plan).contains("CREATE TRIGGER \"accounts_audit\" AFTER UPDATE ON \"public\".\"accounts\""
                    + " REFERENCING OLD TABLE AS \"old_rows\" NEW TABLE AS \"new_rows\" FOR EACH STATEMENT EXECUTE FUNCTION count_changes()"),
                    () -> Scenario.sql(plan).toString());
            s.applyAndConverge(blocks("new_rows"));
            s.execute("INSERT INTO accounts VALUES (1, 10), (2, 20)");
            s.execute("UPDATE accounts SET balance = balance + 1");
            assertEquals("2", s.queryString("SELECT n FROM changes"));
        }
    }

    @Test
    void anotherTransitionTableNameIsDriftAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks("new_rows"));
            // The function reads new_rows: declare the trigger under another name to see the comparison tell them apart.
            Plan changed = s.plan(blocks("after_rows"));
            assertTrue(changed.isEmpty());
            assertEquals(1, Scenario.drift(changed).size(), () -> Scenario.drift(changed).toString());
            assertTrue(Scenario.drift(changed).get(0).message().contains("NEW TABLE AS after_rows"), Scenario.drift(changed).get(0).message());
            assertTrue(Scenario.drift(changed).get(0).message().contains("NEW TABLE AS new_rows"), Scenario.drift(changed).get(0).message());
        }
    }

    @Test
    void transitionTablesOnABeforeTriggerAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C3", db -> db.ensureTrigger("t").on("accounts").before(TriggerEvent.UPDATE).referencingNewTableAs("n")
                        .executes("f()")))));
        assertTrue(e.getMessage().contains("C3: trigger t: transition tables (REFERENCING) need .after(...)"), e.getMessage());
    }

    @Test
    void aTransitionTableOnAnInsertOnlyTriggerIsRefusedByPostgresNamingTheBlock() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> bad = List.of(blocks("new_rows").get(0), block("C2_Bad", db -> {
                db.ensureFunction("count_changes()", AUDIT);
                db.ensureTrigger("accounts_audit").on("accounts").after(TriggerEvent.INSERT)
                        .referencingOldTableAs("old_rows").executes("count_changes()");
            }));
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(bad));
            assertTrue(e.getMessage().contains("C2_Bad"), e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'accounts'"), "nothing was created");
        }
    }
}
