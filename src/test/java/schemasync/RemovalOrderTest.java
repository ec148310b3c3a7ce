package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;

/**
 * Removals of objects that depend on each other, declared in the order that PostgreSQL refuses
 * (the needed object first): the plan drops dependents first, by the dependency graph.
 */
class RemovalOrderTest {

    @Test
    void aViewOverAViewOverATableAndATriggersFunctionAreDroppedDependentsFirst() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1", db -> {
                    db.ensureNoView("active_users");
                    db.ensureNoFunction("stamp()");
                }),
                block("C2", db -> {
                    db.ensureNoTrigger("users", "users_stamp");
                    db.ensureNoView("recent_active_users");
                }));
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, active boolean, seen timestamptz)",
                "CREATE VIEW active_users AS SELECT id, seen FROM users WHERE active",
                "CREATE VIEW recent_active_users AS SELECT id FROM active_users WHERE seen > now() - interval '1 day'",
                "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.seen := now(); RETURN NEW; END $$",
                "CREATE TRIGGER users_stamp BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION stamp()")) {
            // Block order is what PostgreSQL refuses: the first drop of each pair has a dependent.
            SQLException view = assertThrows(SQLException.class, () -> s.execute("DROP VIEW public.active_users"));
            assertTrue(view.getMessage().contains("depend"), view::getMessage);
            SQLException function = assertThrows(SQLException.class, () -> s.execute("DROP FUNCTION public.stamp()"));
            assertTrue(function.getMessage().contains("depend"), function::getMessage);

            List<String> sql = Scenario.sql(s.plan(blocks));
            assertEquals(4, sql.size(), sql::toString);
            assertEquals("DROP VIEW \"public\".\"recent_active_users\"", sql.get(0));
            assertEquals("DROP VIEW \"public\".\"active_users\"", sql.get(1));
            assertTrue(sql.get(2).startsWith("DROP TRIGGER \"users_stamp\""), sql::toString);
            assertTrue(sql.get(3).contains("\"stamp\""), sql::toString);
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_views WHERE schemaname = 'public'"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_proc WHERE proname = 'stamp'"));
        }
    }

    /** Removals that do not depend on each other keep block order. */
    @Test
    void independentRemovalsKeepBlockOrder() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureNoView("b_view");
            db.ensureNoView("a_view");
        }));
        try (Scenario s = Scenario.start("CREATE TABLE t (id bigint)", "CREATE VIEW a_view AS SELECT id FROM t",
                "CREATE VIEW b_view AS SELECT id FROM t")) {
            assertEquals(List.of("DROP VIEW \"public\".\"b_view\"", "DROP VIEW \"public\".\"a_view\""), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
        }
    }
}
