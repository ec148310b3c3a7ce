package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Drift;

/**
 * Exclusion constraints (compared on pg_get_constraintdef, an index build on an existing table) and
 * constraint triggers (CREATE CONSTRAINT TRIGGER ... DEFERRABLE INITIALLY DEFERRED, compared on
 * pg_get_triggerdef like every trigger).
 */
class ExclusionAndConstraintTriggerTest {

    private static List<ChangeBlock> bookings(String exclusion) {
        return List.of(block("C1_Bookings", db -> {
            db.ensureExtension("btree_gist");
            db.ensureTable("booking", t -> t.column("id", "bigint").column("room", "integer").column("during", "tstzrange")
                    .primaryKey("id").exclude("booking_no_overlap", exclusion));
        }));
    }

    @Test
    void anExclusionConstraintIsCreatedWithItsTableAndConverges() throws Exception {
        List<ChangeBlock> blocks = bookings("USING gist (room WITH =, during WITH &&)");
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertEquals("CREATE TABLE \"public\".\"booking\" (\"id\" bigint NOT NULL, \"room\" integer, \"during\" tstzrange,"
                    + " PRIMARY KEY (\"id\"), CONSTRAINT \"booking_no_overlap\" EXCLUDE USING gist (room WITH =, during WITH &&))",
                    sql.get(1));
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO booking VALUES (1, 7, '[2024-01-01, 2024-01-03)')");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO booking VALUES (2, 7, '[2024-01-02, 2024-01-04)')"));
            assertEquals("23P01", e.getSQLState());
            // pg_get_constraintdef's own text is accepted as the declaration (what `generate` writes).
            assertTrue(s.plan(bookings("EXCLUDE USING gist (room WITH =, during WITH &&)")).isEmpty());
        }
    }

    @Test
    void onAnExistingTableItIsAnIndexBuildAndADifferentOneIsDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE EXTENSION btree_gist",
                "CREATE TABLE booking (id bigint PRIMARY KEY, room integer, during tstzrange)")) {
            List<ChangeBlock> blocks = bookings("USING gist (room WITH =, during WITH &&) WHERE (room > 0)");
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER TABLE \"public\".\"booking\" ADD CONSTRAINT \"booking_no_overlap\" EXCLUDE USING gist"
                    + " (room WITH =, during WITH &&) WHERE (room > 0)"), Scenario.sql(plan));
            assertEquals(HazardKind.INDEX_BUILD, plan.steps().get(0).hazards().get(0).kind());
            s.applyAndConverge(blocks, schemasync.model.HazardKind.INDEX_BUILD); // refused unless allowed: the table was never analyzed
            Plan changed = s.plan(bookings("USING gist (during WITH &&)"));
            assertTrue(changed.isEmpty());
            Drift drift = Scenario.drift(changed).get(0);
            assertEquals("constraint public.booking.booking_no_overlap", drift.kind() + " " + drift.object());
            assertEquals("declared EXCLUDE USING gist (during WITH &&), database has EXCLUDE USING gist (room WITH =, during WITH &&)"
                    + " WHERE ((room > 0)): not changed; replacing it means dropping and adding it again", drift.message());
        }
    }

    @Test
    void aBadExclusionIsRejectedNamingTheBlock() throws Exception {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C4", db ->
                db.ensureTable("t", t -> t.column("a", "int").exclude("t_x", "(a WITH =)"))))));
        assertTrue(e.getMessage().contains("C4: exclusion constraint t_x needs a clause like"), e.getMessage());
        try (Scenario s = Scenario.start()) {
            var rejected = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(block("C5", db ->
                    db.ensureTable("t", t -> t.column("a", "int").exclude("t_x", "USING gist (a WITH =)"))))));
            assertTrue(rejected.getMessage().contains("C5: exclusion constraint public.t.t_x: ERROR:"), rejected.getMessage());
        }
    }

    private static final String CHECK_BALANCE = "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF (SELECT sum(amount) FROM entry WHERE tx = NEW.tx) <> 0 THEN RAISE EXCEPTION 'unbalanced'; END IF;"
            + " RETURN NULL; END $$";

    private static List<ChangeBlock> ledger(boolean deferred) {
        return List.of(
                block("C1_Entries", db -> db.ensureTable("entry", t -> t.column("id", "bigint").column("tx", "bigint")
                        .column("amount", "numeric").primaryKey("id"))),
                block("C2_Balance", db -> {
                    db.ensureFunction("check_balance()", CHECK_BALANCE);
                    var trigger = db.ensureTrigger("entry_balanced").on("entry").after("INSERT OR UPDATE").forEachRow().constraint();
                    if (deferred) trigger.initiallyDeferred();
                    trigger.executes("check_balance()");
                }));
    }

    @Test
    void aDeferredConstraintTriggerIsCreatedAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(ledger(true)));
            assertEquals("CREATE CONSTRAINT TRIGGER \"entry_balanced\" AFTER INSERT OR UPDATE ON \"public\".\"entry\""
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_balance()", sql.get(2));
            s.applyAndConverge(ledger(true));
            // Deferred to commit: a transaction may pass through unbalanced states.
            s.execute("BEGIN; INSERT INTO entry VALUES (1, 1, 5); INSERT INTO entry VALUES (2, 1, -5); COMMIT");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO entry VALUES (3, 2, 5)"));
        }
    }

    @Test
    void anImmediateDeclarationAgainstADeferredTriggerIsDrift() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(ledger(true));
            Plan plan = s.plan(ledger(false));
            assertTrue(plan.isEmpty());
            Drift drift = Scenario.drift(plan).get(0);
            assertEquals("declared CREATE CONSTRAINT TRIGGER entry_balanced AFTER INSERT OR UPDATE ON <table> NOT DEFERRABLE"
                    + " INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION public.check_balance(), database has CREATE CONSTRAINT TRIGGER"
                    + " entry_balanced AFTER INSERT OR UPDATE ON <table> DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION"
                    + " public.check_balance(): not changed; drop it by hand to have it re-created", drift.message());
        }
    }

    @Test
    void aConstraintTriggerMustBeAfterAndForEachRow() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C6", db ->
                db.ensureTrigger("t").on("entry").before("INSERT").deferrable().executes("f()")))));
        assertTrue(e.getMessage().contains("C6: constraint trigger t must be .after(...) and .forEachRow()"), e.getMessage());
    }
}
