package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.TriggerSpec;

/**
 * generate decides from a trigger's parts (pg_trigger: tgtype, tgattr, transition tables, deferral, function and
 * arguments) whether {@code ensureTrigger} can say it, checking the decision with the trigger differ. Each trigger here
 * has a clause a text parser gets wrong easily; each must become a call with PostgreSQL's parts, the schema must
 * round-trip exactly, and a constraint trigger FROM another table stays a custom step.
 */
class TriggerExpressibilityTest {

    private static final String TRICKY = """
            CREATE SCHEMA audit;
            CREATE TABLE orders (id int PRIMARY KEY, status text, total numeric, note text);
            CREATE FUNCTION audit.log_change() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER orders_status AFTER UPDATE OF status, total ON orders FOR EACH ROW
                WHEN (new.status IS DISTINCT FROM old.status AND new.note <> ') EXECUTE FUNCTION x(')
                EXECUTE FUNCTION audit.log_change('orders', 'it''s', '');
            CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE TRIGGER orders_batch AFTER INSERT ON orders REFERENCING NEW TABLE AS "Added Rows"
                FOR EACH STATEMENT EXECUTE FUNCTION audit.log_change();
            CREATE TRIGGER orders_gone AFTER DELETE ON orders REFERENCING OLD TABLE AS gone
                FOR EACH STATEMENT EXECUTE FUNCTION audit.log_change();
            CREATE TRIGGER orders_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION audit.log_change();
            CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT OR UPDATE ON orders DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (new.total > 0) EXECUTE FUNCTION audit.log_change();
            CREATE TRIGGER orders_off BEFORE DELETE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            ALTER TABLE orders DISABLE TRIGGER orders_off;
            CREATE TRIGGER orders_args BEFORE UPDATE ON orders FOR EACH ROW WHEN (new.total > 1)
                EXECUTE FUNCTION touch('a) EXECUTE FUNCTION b(', 'c');
            """;

    @Test
    void everyTrickyTriggerRoundTripsExactly() throws Exception {
        ExactRoundTrip.assertExact("tricky triggers", 0, TRICKY);
    }

    @Test
    void theCallsCarryTheTriggersParts() throws Exception {
        Map<String, RoutineCalls.TriggerCall> calls = triggerCalls(TRICKY, List.of());
        RoutineCalls.TriggerCall status = calls.get("orders_status");
        assertEquals("AFTER", status.timing());
        assertEquals("UPDATE OF status, total", status.events());
        assertEquals("((new.status IS DISTINCT FROM old.status) AND (new.note <> ') EXECUTE FUNCTION x('::text))", status.when());
        assertEquals("audit.log_change('orders', 'it''s', '')", status.function());
        assertEquals("INSERT OR UPDATE", calls.get("orders_touch").events());
        assertEquals("touch()", calls.get("orders_touch").function().replace("public.", ""));
        assertEquals(new TriggerSpec.Transitions(null, "Added Rows"), calls.get("orders_batch").transitions());
        assertEquals(false, calls.get("orders_batch").forEachRow());
        assertEquals(new TriggerSpec.Transitions("gone", null), calls.get("orders_gone").transitions());
        assertEquals("TRUNCATE", calls.get("orders_truncate").events());
        assertEquals(new RoutineCalls.ConstraintTriggerDef(null, true, true), calls.get("orders_check").constraint());
        assertEquals("(new.total > (0)::numeric)", calls.get("orders_check").when());
        assertNull(calls.get("orders_touch").when());
        assertEquals(ExternalObjects.Enabled.DISABLED, calls.get("orders_off").enabled());
        // An argument that reads like the end of a WHEN clause: pg_trigger keeps the arguments apart (tgargs).
        assertEquals("(new.total > (1)::numeric)", calls.get("orders_args").when());
        assertEquals("touch('a) EXECUTE FUNCTION b(', 'c')", calls.get("orders_args").function().replace("public.", ""));
    }

    @Test
    void aConstraintTriggerFromAnotherTableStaysACustomStep() throws Exception {
        String sql = """
                CREATE TABLE parents (id int PRIMARY KEY);
                CREATE TABLE children (id int PRIMARY KEY, parent int);
                CREATE FUNCTION check_parent() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
                CREATE CONSTRAINT TRIGGER children_parent AFTER INSERT ON children FROM parents
                    FOR EACH ROW EXECUTE FUNCTION check_parent();
                """;
        assertEquals(Map.of(), triggerCalls(sql, List.of("trigger children_parent on public.children")));
    }

    /** The ensureTrigger calls generate writes for {@code sql}, by trigger name; {@code custom}: the custom steps expected. */
    private static Map<String, RoutineCalls.TriggerCall> triggerCalls(String sql, List<String> custom) throws Exception {
        try (Scenario source = Scenario.start()) {
            source.execute(sql);
            Generator.Result result = Generator.generate(source.connection, SchemaSelection.all().resolve(source.connection));
            assertEquals(custom, result.carried().stream().map(Generator.Carried::what).toList(), "custom steps");
            Map<String, RoutineCalls.TriggerCall> calls = new LinkedHashMap<>();
            result.blocks().forEach(b -> b.calls().forEach(c -> {
                if (c instanceof RoutineCalls.TriggerCall t) calls.put(t.name(), t);
            }));
            return calls;
        }
    }
}
