package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.CommentOn;

/**
 * A rule's enabled state (pg_rewrite.ev_enabled) and the comments on rules and statistics objects: created with
 * their object, changed in place, kept by CREATE OR REPLACE RULE, and converged (apply, re-plan empty, replay).
 */
class RuleAndStatisticsAttributesTest {

    private static final ChangeBlock TABLES = block("A1_Tables", db -> db
            .ensureTable("orders", t -> t.column("id", "bigint").column("qty", "integer").column("city", "text").primaryKey("id")));

    private static ChangeBlock attributes(String state, String ruleAction, String ruleComment, String statisticsComment) {
        return block("A2_Attributes", db -> {
            db.ensureStatistics("s_orders", s -> s.on("orders").columns("qty", "city"))
                    .ensureRule("orders", "orders_no_delete", "ON DELETE TO orders DO INSTEAD " + ruleAction, r -> switch (state) {
                        case "disabled" -> r.disabled();
                        case "replica" -> r.enabledReplica();
                        case "always" -> r.enabledAlways();
                        default -> r;
                    });
            if (ruleComment != null) db.ensureComment(CommentOn.RULE, "orders", "orders_no_delete", ruleComment);
            if (statisticsComment != null) db.ensureComment(CommentOn.STATISTICS, "s_orders", statisticsComment);
        });
    }

    private static String state(Scenario s) throws Exception {
        return s.queryString("SELECT ev_enabled FROM pg_rewrite WHERE rulename = 'orders_no_delete'");
    }

    @Test
    void aDisabledCommentedRuleAndACommentedStatisticsObjectAreCreatedThenChangedInPlace() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> first = List.of(TABLES, attributes("disabled", "NOTHING", "Deletes are kept", "Qty by city"));
            List<String> sql = Scenario.sql(s.plan(first));
            assertEquals(List.of("CREATE RULE \"orders_no_delete\" AS ON DELETE TO orders DO INSTEAD NOTHING",
                    "ALTER TABLE \"public\".\"orders\" DISABLE RULE \"orders_no_delete\"",
                    "COMMENT ON RULE \"orders_no_delete\" ON \"public\".\"orders\" IS 'Deletes are kept'",
                    "COMMENT ON STATISTICS \"public\".\"s_orders\" IS 'Qty by city'"), sql.subList(sql.size() - 4, sql.size()));
            s.applyAndConverge(first);
            assertEquals("D", state(s));
            // Disabled: the DELETE goes through.
            s.execute("INSERT INTO orders VALUES (1, 5, 'x'); DELETE FROM orders");
            assertEquals("0", s.queryString("SELECT count(*) FROM orders"));

            // Each attribute changed in place; nothing dropped.
            List<ChangeBlock> second = List.of(TABLES, attributes("replica", "NOTHING", "Deletes are kept on replicas", "Qty, city"));
            assertEquals(List.of("ALTER TABLE \"public\".\"orders\" ENABLE REPLICA RULE \"orders_no_delete\"",
                    "COMMENT ON RULE \"orders_no_delete\" ON \"public\".\"orders\" IS 'Deletes are kept on replicas'",
                    "COMMENT ON STATISTICS \"public\".\"s_orders\" IS 'Qty, city'"), Scenario.sql(s.plan(second)));
            s.applyAndConverge(second);
            assertEquals("R", state(s));

            // A replaced rule keeps its state and comment (CREATE OR REPLACE RULE rewrites the same pg_rewrite row).
            List<ChangeBlock> third = List.of(TABLES, attributes("replica", "SELECT 1", "Deletes are kept on replicas", "Qty, city"));
            assertEquals(List.of("CREATE OR REPLACE RULE \"orders_no_delete\" AS ON DELETE TO orders DO INSTEAD SELECT 1"),
                    Scenario.sql(s.plan(third)));
            s.applyAndConverge(third);
            assertEquals("R", state(s));

            // Replaced and set back to enabled in one go; changed by hand, set back.
            List<ChangeBlock> fourth = List.of(TABLES, attributes("origin", "NOTHING", "Deletes are kept on replicas", "Qty, city"));
            assertEquals(List.of("CREATE OR REPLACE RULE \"orders_no_delete\" AS ON DELETE TO orders DO INSTEAD NOTHING",
                    "ALTER TABLE \"public\".\"orders\" ENABLE RULE \"orders_no_delete\""), Scenario.sql(s.plan(fourth)));
            s.applyAndConverge(fourth);
            assertEquals("O", state(s));
            s.execute("ALTER TABLE orders ENABLE ALWAYS RULE orders_no_delete");
            assertEquals(List.of("ALTER TABLE \"public\".\"orders\" ENABLE RULE \"orders_no_delete\""), Scenario.sql(s.plan(fourth)));
            s.applyAndConverge(fourth);
            assertEquals("O", state(s));
        }
    }

    @Test
    void aStatisticsObjectDroppedAndCreatedAgainGetsItsCommentBack() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(TABLES, attributes("origin", "NOTHING", null, "Qty by city")));
            List<ChangeBlock> changed = List.of(TABLES, block("A2_Attributes", db -> db
                    .ensureStatistics("s_orders", x -> x.on("orders").columns("id", "city"))
                    .ensureRule("orders", "orders_no_delete", "ON DELETE TO orders DO INSTEAD NOTHING")
                    .ensureComment(CommentOn.STATISTICS, "s_orders", "Qty by city")));
            assertEquals(List.of("DROP STATISTICS \"public\".\"s_orders\"",
                    "CREATE STATISTICS \"public\".\"s_orders\" (ndistinct, dependencies, mcv) ON \"city\", \"id\" FROM \"public\".\"orders\"",
                    "COMMENT ON STATISTICS \"public\".\"s_orders\" IS 'Qty by city'"), Scenario.sql(s.plan(changed)));
            s.applyAndConverge(changed);
        }
    }

    @Test
    void aTriggersEnabledStateIsSetAfterCreationAndChangedInPlace() throws Exception {
        try (Scenario s = Scenario.start()) {
            ChangeBlock function = block("A0_Function", db -> db.ensureFunction("touch()",
                    "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.qty := 0; RETURN NEW; END $$"));
            List<ChangeBlock> disabled = List.of(function, TABLES, block("A3_Trigger", db -> db.ensureTrigger("orders_touch")
                    .on("orders").before("INSERT").forEachRow().disabled().executes("touch()")));
            List<String> sql = Scenario.sql(s.plan(disabled));
            assertEquals("ALTER TABLE \"public\".\"orders\" DISABLE TRIGGER \"orders_touch\"", sql.get(sql.size() - 1));
            s.applyAndConverge(disabled);
            s.execute("INSERT INTO orders VALUES (1, 5, 'x')");
            assertEquals("5", s.queryString("SELECT qty FROM orders"));

            List<ChangeBlock> always = List.of(function, TABLES, block("A3_Trigger", db -> db.ensureTrigger("orders_touch")
                    .on("orders").before("INSERT").forEachRow().enabledAlways().executes("touch()")));
            assertEquals(List.of("ALTER TABLE \"public\".\"orders\" ENABLE ALWAYS TRIGGER \"orders_touch\""), Scenario.sql(s.plan(always)));
            s.applyAndConverge(always);
            assertEquals("A", s.queryString("SELECT tgenabled FROM pg_trigger WHERE tgname = 'orders_touch'"));

            // Disabled by hand: enabled again as declared.
            s.execute("ALTER TABLE orders DISABLE TRIGGER orders_touch");
            assertEquals(List.of("ALTER TABLE \"public\".\"orders\" ENABLE ALWAYS TRIGGER \"orders_touch\""), Scenario.sql(s.plan(always)));
            s.applyAndConverge(always);
            s.execute("INSERT INTO orders VALUES (2, 5, 'x')");
            assertEquals("0", s.queryString("SELECT qty FROM orders WHERE id = 2"));
        }
    }
}
