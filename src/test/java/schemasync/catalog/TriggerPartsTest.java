package schemasync.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without a server: {@link TriggerParts} spells a trigger as pg_get_triggerdef does and finds the WHEN condition
 * between its spelling before and after it (TriggerExpressibilityTest checks both against the server).
 */
class TriggerPartsTest {

    private static final TriggerParts AUDIT = new TriggerParts("AFTER", List.of("INSERT", "UPDATE"), List.of("status", "Total"), true,
            null, null, null, "public.audit", List.of("orders", "it's"));

    @Test
    void eventsFunctionAndArgumentsAreSpelledAsPgGetTriggerdefSpellsThem() {
        assertEquals("INSERT OR UPDATE OF status, \"Total\"", AUDIT.eventsSql());
        assertEquals("public.audit('orders', 'it''s')", AUDIT.functionCall());
        assertEquals("CREATE TRIGGER \"Audit\" AFTER INSERT OR UPDATE OF status, \"Total\" ON <table> FOR EACH ROW"
                + " WHEN ((new.status IS DISTINCT FROM old.status)) EXECUTE FUNCTION public.audit('orders', 'it''s')",
                AUDIT.definition("Audit", "(new.status IS DISTINCT FROM old.status)"));
    }

    @Test
    void aConstraintTriggerSpellsItsDeferralAndAStatementTriggerItsTransitionTables() {
        TriggerParts constraint = new TriggerParts("AFTER", List.of("DELETE"), List.of(), true, null, null,
                new TriggerParts.Deferral(false, false, false), "check_it", List.of());
        assertEquals("CREATE CONSTRAINT TRIGGER t AFTER DELETE ON <table> NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW"
                + " EXECUTE FUNCTION check_it()", constraint.definition("t", null));
        TriggerParts statement = new TriggerParts("AFTER", List.of("INSERT", "DELETE", "UPDATE", "TRUNCATE"), List.of(), false,
                "gone", "New Rows", null, "s.f", List.of());
        assertEquals("CREATE TRIGGER t AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON <table> REFERENCING OLD TABLE AS gone"
                + " NEW TABLE AS \"New Rows\" FOR EACH STATEMENT EXECUTE FUNCTION s.f()", statement.definition("t", null));
    }

    @Test
    void theWhenConditionIsWhatLiesBetweenThePartsSpellingBeforeAndAfterIt() {
        String when = "((new.status)::text = ANY (ARRAY['a'::text, ') EXECUTE FUNCTION x('::text]))";
        assertEquals(when, AUDIT.whenIn("Audit", AUDIT.definition("Audit", when)));
        assertNull(AUDIT.whenIn("Audit", AUDIT.definition("Audit", null)), "no WHEN");
        assertNull(AUDIT.whenIn("Audit", AUDIT.definition("Audit", "true").replace("public.audit", "public.other")),
                "a definition the parts do not spell has no WHEN to find");
    }
}
