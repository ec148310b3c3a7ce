package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.CommentOn;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;

/**
 * A column type change drops and re-creates the views that read the column (issue 13 point 7): the
 * re-created views keep their grants (on the view and on a column) and their comments (on the view and
 * on a column). Grants on views and comments on view columns are read, declarable and converge.
 */
class RecreatedViewAccessTest {
    private static final String ROLE = "DO $$ BEGIN CREATE ROLE view_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    private static final String[] START = {ROLE, "CREATE TABLE orders (id bigint, amount bigint)", "INSERT INTO orders VALUES (1, 125000)",
            "CREATE VIEW order_totals AS SELECT id, amount FROM orders",
            "CREATE VIEW big_orders AS SELECT id FROM order_totals WHERE amount > 1000",
            "GRANT SELECT ON order_totals TO view_reader", "GRANT SELECT (id) ON big_orders TO view_reader",
            "COMMENT ON VIEW order_totals IS 'Totals per order'", "COMMENT ON COLUMN order_totals.amount IS 'In cents'",
            "COMMENT ON COLUMN big_orders.id IS 'The order'"};

    private static final List<ChangeBlock> CHANGE = List.of(block("C1", db -> {
        db.allowHazard(HazardKind.TABLE_REWRITE, "orders is small");
        db.ensureColumnChanged("orders", "amount").type("numeric(12,2)").using("amount / 100.0");
    }));

    @Test
    void theRecreatedViewsKeepTheirGrantsAndComments() throws Exception {
        try (Scenario s = Scenario.start(START)) {
            Plan plan = s.plan(CHANGE);
            assertEquals(List.of("DROP VIEW \"public\".\"big_orders\"", "DROP VIEW \"public\".\"order_totals\"",
                    "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"amount\" TYPE numeric(12,2) USING amount / 100.0",
                    "CREATE VIEW \"public\".\"order_totals\" AS SELECT id,\n    amount\n   FROM public.orders",
                    "GRANT SELECT ON TABLE \"public\".\"order_totals\" TO \"view_reader\"",
                    "COMMENT ON VIEW \"public\".\"order_totals\" IS 'Totals per order'",
                    "COMMENT ON COLUMN \"public\".\"order_totals\".\"amount\" IS 'In cents'",
                    "CREATE VIEW \"public\".\"big_orders\" AS SELECT id\n   FROM public.order_totals\n  WHERE (amount > 1000)",
                    "GRANT SELECT (\"id\") ON TABLE \"public\".\"big_orders\" TO \"view_reader\"",
                    "COMMENT ON COLUMN \"public\".\"big_orders\".\"id\" IS 'The order'"), Scenario.sql(plan));
            s.applyAndConverge(CHANGE); // re-plan empty, a second apply executes nothing, the replay predicts the catalog
            assertEquals("1250.00", s.queryString("SELECT amount FROM order_totals"));
            assertEquals("true", s.queryString("SELECT has_table_privilege('view_reader', 'order_totals', 'SELECT')::text"));
            assertEquals("false", s.queryString("SELECT has_table_privilege('view_reader', 'big_orders', 'SELECT')::text"));
            assertEquals("true", s.queryString("SELECT has_column_privilege('view_reader', 'big_orders', 'id', 'SELECT')::text"));
            assertEquals("Totals per order", s.queryString("SELECT obj_description('order_totals'::regclass, 'pg_class')"));
            assertEquals("In cents", s.queryString("SELECT col_description('order_totals'::regclass, 2)"));
            assertEquals("The order", s.queryString("SELECT col_description('big_orders'::regclass, 1)"));
        }
    }

    /** The grants and comments the re-creation restores are the ones blocks may declare: declared, they read unchanged. */
    @Test
    void grantsOnViewsAndCommentsOnViewColumnsAreDeclaredAndRead() throws Exception {
        List<ChangeBlock> declared = List.of(block("C1", db -> {
            db.ensureGrant("order_totals", "view_reader", schemasync.dsl.Privilege.SELECT);
            db.ensureColumnGrant("big_orders", "id", "view_reader", schemasync.dsl.Privilege.SELECT);
            db.ensureComment(CommentOn.VIEW_COLUMN, "order_totals", "amount", "In cents");
        }));
        List<ChangeBlock> more = List.of(block("C1", db -> {
            db.ensureGrant("big_orders", "view_reader", schemasync.dsl.Privilege.SELECT);
            db.ensureComment(CommentOn.VIEW_COLUMN, "big_orders", "id", "The order's id");
        }));
        try (Scenario s = Scenario.start(START)) {
            Plan held = s.plan(declared);
            assertTrue(held.isEmpty(), () -> "held and set: " + Scenario.sql(held));
            assertEquals(List.of("GRANT SELECT ON TABLE \"public\".\"big_orders\" TO \"view_reader\"",
                    "COMMENT ON COLUMN \"public\".\"big_orders\".\"id\" IS 'The order''s id'"), Scenario.sql(s.plan(more)));
            s.applyAndConverge(more);
            assertEquals("true", s.queryString("SELECT has_table_privilege('view_reader', 'big_orders', 'SELECT')::text"));
        }
    }

    /**
     * A materialized view over the column is not re-created (its query would run again under the lock):
     * PostgreSQL refuses ALTER COLUMN TYPE for it too, naming it, and the transaction leaves nothing changed.
     */
    @Test
    void aMaterializedViewOverTheColumnIsNamedByPostgreSQL() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE orders (id bigint, amount bigint)",
                "CREATE MATERIALIZED VIEW order_sums AS SELECT sum(amount) AS total FROM orders")) {
            Exception e = assertThrows(Exception.class, () -> s.apply(CHANGE));
            assertTrue(String.valueOf(e.getMessage()).contains("order_sums"), e::getMessage);
            assertEquals("bigint", s.queryString("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'orders'::regclass AND attname = 'amount'"));
        }
    }
}
