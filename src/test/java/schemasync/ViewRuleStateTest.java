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
 * A rule on a view keeps PostgreSQL's default state: ALTER TABLE ... DISABLE RULE refuses a view and ALTER VIEW has no
 * such clause (checked here on the server the suite runs, 13 to 18). A view's rule declared with another state is
 * refused at plan time with a clear error, before anything runs; declared enabled it is created as usual.
 */
class ViewRuleStateTest {

    private static List<ChangeBlock> blocks(boolean disabled) {
        return List.of(block("C1_Orders", db -> {
            db.ensureTable("orders", t -> t.column("id", "bigint").primaryKey("id"));
            db.ensureView("open_orders", "SELECT id FROM orders");
            if (disabled) db.ensureRule("open_orders", "open_orders_no_delete", "ON DELETE TO open_orders DO INSTEAD NOTHING", r -> r.disabled());
            else db.ensureRule("open_orders", "open_orders_no_delete", "ON DELETE TO open_orders DO INSTEAD NOTHING");
        }));
    }

    @Test
    void postgresqlSetsARulesStateOnlyOnATable() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute("CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t;"
                    + " CREATE RULE v_no_delete AS ON DELETE TO v DO INSTEAD NOTHING");
            SQLException table = assertThrows(SQLException.class, () -> s.execute("ALTER TABLE v DISABLE RULE v_no_delete"));
            assertTrue(table.getMessage().contains("v"), table.getMessage());
            assertThrows(SQLException.class, () -> s.execute("ALTER VIEW v DISABLE RULE v_no_delete"));
        }
    }

    @Test
    void aViewsRuleDeclaredDisabledIsRefusedBeforeAnythingRuns() throws Exception {
        try (Scenario s = Scenario.start()) {
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks(true)));
            assertTrue(e.getMessage().contains("is a view") && e.getMessage().contains("declared disabled"), e.getMessage());
            assertThrows(SchemaSyncException.class, () -> s.apply(blocks(true)));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname IN ('orders', 'open_orders')"));

            s.applyAndConverge(blocks(false));
            assertEquals("O", s.queryString("SELECT ev_enabled::text FROM pg_rewrite WHERE rulename = 'open_orders_no_delete'"));
            assertThrows(SchemaSyncException.class, () -> s.plan(blocks(true)));
        }
    }
}
