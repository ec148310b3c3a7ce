package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/** Rules (CREATE RULE): created after their table, compared as pg_get_ruledef prints them, replaced when they differ. */
class RuleTest {

    private static final ChangeBlock TABLES = block("R1_Tables", db -> db
            .ensureTable("orders", t -> t.column("id", "bigint").column("qty", "integer").primaryKey("id"))
            .ensureTable("orders_log", t -> t.column("id", "bigint").column("qty", "integer"))
            .ensureView("big_orders", "SELECT id, qty FROM orders WHERE qty > 10"));

    @Test
    void rulesAreCreatedAndConvergeWhateverTheirSpelling() throws Exception {
        // Unqualified names, extra spaces, a trailing semicolon and a multi-action list: PostgreSQL re-prints them all.
        List<ChangeBlock> blocks = List.of(TABLES, block("R2_Rules", db -> db
                .ensureRule("orders", "orders_no_delete", "ON DELETE TO orders DO INSTEAD NOTHING;")
                .ensureRule("orders", "orders_log_insert", "ON INSERT TO orders  WHERE new.qty > 0 DO ALSO"
                        + " (INSERT INTO orders_log VALUES (new.id, new.qty); INSERT INTO orders_log VALUES (new.id, -new.qty))")
                .ensureRule("big_orders", "big_orders_insert", "ON INSERT TO big_orders DO INSTEAD INSERT INTO orders VALUES (new.id, new.qty)")));
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertTrue(sql.contains("CREATE RULE \"orders_no_delete\" AS ON DELETE TO orders DO INSTEAD NOTHING"), sql::toString);
            assertEquals("CREATE RULE \"big_orders_insert\" AS ON INSERT TO big_orders DO INSTEAD INSERT INTO orders VALUES (new.id,"
                    + " new.qty)", sql.get(sql.size() - 1));
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO orders VALUES (1, 5); DELETE FROM orders; INSERT INTO big_orders VALUES (2, 50)");
            assertEquals("2", s.queryString("SELECT count(*) FROM orders"));
            // Two log rows per insert into orders, the one through the view's rule included.
            assertEquals("4", s.queryString("SELECT count(*) FROM orders_log"));
        }
    }

    @Test
    void aRuleOnATableWhoseNameNeedsQuotesIsReadAsPostgreSQLReadsIt() throws Exception {
        // TO "Odd""Name" and TO public."Odd Name": a doubled quote and a space inside quotes are part of the name
        // (the validator once stripped every quote and stopped at the first space, and refused both).
        List<ChangeBlock> blocks = List.of(block("R1_Odd", db -> db
                .ensureTable("Odd\"Name", t -> t.column("id", "bigint"))
                .ensureTable("Odd Name", t -> t.column("id", "bigint"))
                .ensureRule("Odd\"Name", "odd_no_delete", "ON DELETE TO \"Odd\"\"Name\" DO INSTEAD NOTHING")
                .ensureRule("Odd Name", "odd_space_no_delete", "ON DELETE TO public.\"Odd Name\" DO INSTEAD NOTHING")));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO \"Odd\"\"Name\" VALUES (1); DELETE FROM \"Odd\"\"Name\"");
            assertEquals("1", s.queryString("SELECT count(*) FROM \"Odd\"\"Name\""));
        }
    }

    @Test
    void aBareNameInTheRuleFoldsToLowerCase() throws Exception {
        // ON DELETE TO Orders names orders, not the table "Orders": PostgreSQL folds a bare name (the validator once
        // compared case-insensitively and let the CREATE RULE fail on the server).
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(block("R1_Case", db -> db
                    .ensureTable("Orders", t -> t.column("id", "bigint"))
                    .ensureRule("Orders", "r1", "ON DELETE TO Orders DO INSTEAD NOTHING")))));
            assertTrue(e.getMessage().contains("the definition is ON DELETE TO Orders, not TO the rule's table"), e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'Orders'"));
        }
    }

    @Test
    void aRuleChangedByHandIsReplacedAndAnUndeclaredOneReported() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(TABLES, block("R2_Rules", db -> db
                    .ensureRule("orders", "orders_no_delete", "ON DELETE TO orders DO INSTEAD NOTHING")));
            s.applyAndConverge(blocks);
            s.execute("CREATE OR REPLACE RULE orders_no_delete AS ON DELETE TO orders DO ALSO NOTHING");
            s.execute("CREATE RULE orders_by_hand AS ON UPDATE TO orders DO ALSO NOTHING");
            Plan plan = s.plan(blocks);
            assertEquals(List.of("CREATE OR REPLACE RULE \"orders_no_delete\" AS ON DELETE TO orders DO INSTEAD NOTHING"),
                    Scenario.sql(plan));
            assertEquals(List.of("rule orders_by_hand ON public.orders: undeclared rule (ON UPDATE TO public.orders DO NOTHING):"
                    + " no block declares it; left alone"), Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": "
                    + d.message()).toList());
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO orders VALUES (1, 5); DELETE FROM orders");
            assertEquals("1", s.queryString("SELECT count(*) FROM orders"));
        }
    }

    @Test
    void aRemovedRuleIsDroppedOnceThenAbsent() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE orders (id bigint PRIMARY KEY, qty integer)",
                "CREATE RULE orders_old AS ON DELETE TO orders DO INSTEAD NOTHING")) {
            List<ChangeBlock> blocks = List.of(block("R1", db -> db.ensureTable("orders", t -> t.column("id", "bigint")
                    .column("qty", "integer").primaryKey("id"))), block("R9_Drop", db -> db.ensureNoRule("orders", "orders_old")));
            assertEquals(List.of("DROP RULE \"orders_old\" ON \"public\".\"orders\""), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_rewrite WHERE rulename = 'orders_old'"));
        }
    }

    @Test
    void badRulesAreAClearErrorAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            var shape = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(TABLES, block("R2_Bad", db -> db
                    .ensureRule("orders", "r1", "DO INSTEAD NOTHING")
                    .ensureRule("orders", "r2", "ON DELETE TO orders_log DO INSTEAD NOTHING")
                    .ensureRule("orders", "r3", "ON DELETE TO orders DO INSTEAD DELETE FROM orders_log; DROP TABLE orders")))));
            String m = shape.getMessage();
            assertTrue(m.contains("R2_Bad: rule r1 on public.orders: the definition is what follows CREATE RULE name AS"), m);
            assertTrue(m.contains("rule r2 on public.orders: the definition is ON DELETE TO orders_log, not TO the rule's table"), m);
            assertTrue(m.contains("rule r3 on public.orders: definition"), m);
            var server = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(TABLES, block("R2_Server", db -> db
                    .ensureRule("orders", "r4", "ON DELETE TO orders DO INSTEAD DELETE FROM nowhere")))));
            assertTrue(server.getMessage().contains("nowhere"), server.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'orders'"));
        }
    }
}
