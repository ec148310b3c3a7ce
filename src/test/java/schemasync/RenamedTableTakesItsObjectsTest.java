package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.CommentOn;

/**
 * ALTER TABLE ... RENAME keeps what hangs off the table by its oid: its extended statistics, its rules and their
 * comments, the foreign keys that reference it, the publications that list it. The plan's working copy and the replay
 * of the executed steps (Scenario.assertReplayPredicts) must move them to the new name as PostgreSQL does: a later
 * block that declares them on the new name finds them there, and the re-plan is empty.
 */
class RenamedTableTakesItsObjectsTest {

    private static final String[] EXISTING = {
            "CREATE TABLE orders (id bigint PRIMARY KEY, city text, zip text)",
            "CREATE TABLE order_lines (id bigint, order_id bigint CONSTRAINT order_lines_order_fkey REFERENCES orders (id))",
            "CREATE STATISTICS s_city_zip (ndistinct) ON city, zip FROM orders",
            "CREATE RULE orders_no_delete AS ON DELETE TO orders DO INSTEAD NOTHING",
            "COMMENT ON RULE orders_no_delete ON orders IS 'deletes are kept'",
            "CREATE PUBLICATION orders_pub FOR TABLE orders"};

    /** The history: the tables, then a rename, then the objects declared on the table's new name. */
    private static final List<ChangeBlock> HISTORY = List.of(
            block("R1_Orders", db -> db
                    .ensureTable("orders", t -> t.column("id", "bigint").column("city", "text").column("zip", "text").primaryKey("id"))
                    .ensureTable("order_lines", t -> t.column("id", "bigint").column("order_id", "bigint")
                            .foreignKey("order_id").references("orders", "id").named("order_lines_order_fkey"))),
            block("R2_Rename", db -> db.ensureTableRenamed("orders", "purchases")),
            block("R3_Objects", db -> db
                    .ensureStatistics("s_city_zip", s -> s.on("purchases").kinds(schemasync.dsl.StatisticsKind.NDISTINCT).columns("city", "zip"))
                    .ensureRule("purchases", "orders_no_delete", "ON DELETE TO purchases DO INSTEAD NOTHING")
                    .ensureComment(CommentOn.RULE, "purchases", "orders_no_delete", "deletes are kept")
                    .ensurePublication("orders_pub", p -> p.table("purchases"))));

    @Test
    void anExistingTablesStatisticsRulesAndReferencesFollowItsNewName() throws Exception {
        try (Scenario s = Scenario.start(EXISTING)) {
            // The statistics, the rule's comment, the foreign key and the publication are found on the new name: nothing to
            // do. The rule is found too (the old working copy had none there: a CREATE RULE that PostgreSQL refuses), but
            // is replaced in place: the normalizer spells no rule on a table only this run's rename makes, so the declared
            // text (TO purchases) is compared with the catalog's (TO public.purchases). CREATE OR REPLACE keeps its state.
            assertEquals(List.of("ALTER TABLE \"public\".\"orders\" RENAME TO \"purchases\"",
                    "CREATE OR REPLACE RULE \"orders_no_delete\" AS ON DELETE TO purchases DO INSTEAD NOTHING"), Scenario.sql(s.plan(HISTORY)));
            s.applyAndConverge(HISTORY);
            assertEquals("purchases", s.queryString("SELECT stxrelid::regclass::text FROM pg_statistic_ext WHERE stxname = 's_city_zip'"));
            assertEquals("purchases", s.queryString("SELECT ev_class::regclass::text FROM pg_rewrite WHERE rulename = 'orders_no_delete'"));
            assertEquals("deletes are kept", s.queryString("SELECT obj_description(oid, 'pg_rewrite') FROM pg_rewrite WHERE rulename = 'orders_no_delete'"));
        }
    }

    @Test
    void anEmptyDatabaseGetsTheSameResult() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(HISTORY);
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_statistic_ext WHERE stxrelid = 'purchases'::regclass"));
        }
    }

    /**
     * Statistics and a rule declared on the table's old name, in a block before the rename: on a database deployed since
     * (the rename ran), the re-plan finds them on the new name, as it finds an index or trigger declared there. Before,
     * the statistics and rule planner did not follow the lane's renames and the re-plan refused ("is on public.orders,
     * which neither exists nor is declared").
     */
    @Test
    void statisticsAndARuleDeclaredBeforeTheRenameFollowIt() throws Exception {
        List<ChangeBlock> history = List.of(
                block("R1_Orders", db -> db
                        .ensureTable("orders", t -> t.column("id", "bigint").column("city", "text").column("zip", "text").primaryKey("id"))
                        .ensureStatistics("s_city_zip", s -> s.on("orders").kinds(schemasync.dsl.StatisticsKind.NDISTINCT).columns("city", "zip"))
                        .ensureRule("orders", "orders_no_delete", "ON DELETE TO orders DO INSTEAD NOTHING")),
                block("R2_Rename", db -> db.ensureTableRenamed("orders", "purchases").ensureColumnRenamed("purchases", "city", "town")));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(history);
            assertEquals("purchases", s.queryString("SELECT stxrelid::regclass::text FROM pg_statistic_ext WHERE stxname = 's_city_zip'"));
            assertEquals("purchases", s.queryString("SELECT ev_class::regclass::text FROM pg_rewrite WHERE rulename = 'orders_no_delete'"));
        }
    }
}
