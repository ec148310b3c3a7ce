package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;

/**
 * A partition's own defaults, NOT NULL and column comments, declared with {@code ensurePartition(..., t ->
 * t.columnDefault(...).notNull(...).columnComment(...))}: created in a fresh apply, set back when changed by hand, the
 * next plan empty; and a parent's SET STATISTICS reaching its partitions, as the replay predicts.
 */
class PartitionOwnColumnsTest {

    private static List<ChangeBlock> orders(int statistics) {
        return List.of(block("C1_Orders", db -> {
            db.ensureTable("orders", t -> t.column("id", "bigint").column("placed", "date").column("status", "text", schemasync.dsl.Default.dflt("'new'"))
                    .column("channel", "text", schemasync.dsl.Default.dflt("'web'")).column("note", "text").statistics(statistics)
                    .partitionBy("RANGE (placed)"));
            db.ensurePartition("orders_2025", "orders", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                    t -> t.columnDefault("status", "'archived'::text").columnDefault("channel", null).notNull("note")
                            .columnComment("note", "Kept for the audit").columnComment("id", "Order number"));
            db.ensurePartition("orders_2026", "orders", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        }));
    }

    private static String columns(Scenario s, String table) throws Exception {
        return s.queryString("SELECT string_agg(a.attname || '=' || COALESCE(pg_get_expr(d.adbin, d.adrelid), '-') || ':' || a.attnotnull"
                + " || ':' || COALESCE(col_description(a.attrelid, a.attnum), '-') || ':' || COALESCE(a.attstattarget::text, '-1'), ','"
                + " ORDER BY a.attnum) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = '" + table + "'::regclass AND a.attnum > 0 AND NOT a.attisdropped");
    }

    @Test
    void aPartitionsOwnDefaultsNotNullAndColumnCommentsAreCreatedAndSetBack() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(orders(100));
            String applied = columns(s, "orders_2025");
            assertTrue(applied.contains("status='archived'::text:false"), applied);
            assertTrue(applied.contains("channel=-:false"), applied);
            assertTrue(applied.contains("note=-:true:Kept for the audit"), applied);
            assertTrue(applied.contains("id=-:false:Order number"), applied);
            assertTrue(columns(s, "orders_2026").contains("status='new'::text:false:-"), columns(s, "orders_2026"));

            // Changed by hand: the default and the comment are set back; a dropped NOT NULL is reported (SET NOT NULL scans).
            s.execute("ALTER TABLE orders_2025 ALTER COLUMN status SET DEFAULT 'x'");
            s.execute("ALTER TABLE orders_2025 ALTER COLUMN channel SET DEFAULT 'y'");
            s.execute("COMMENT ON COLUMN orders_2025.note IS 'changed'");
            List<String> sql = Scenario.sql(s.plan(orders(100)));
            assertTrue(sql.stream().anyMatch(q -> q.contains("\"orders_2025\" ALTER \"status\" SET DEFAULT 'archived'::text")), sql::toString);
            assertTrue(sql.stream().anyMatch(q -> q.contains("\"orders_2025\" ALTER COLUMN \"channel\" DROP DEFAULT")), sql::toString);
            assertTrue(sql.stream().anyMatch(q -> q.startsWith("COMMENT ON COLUMN \"public\".\"orders_2025\".\"note\"")), sql::toString);
            s.applyAndConverge(orders(100));
            assertEquals(applied, columns(s, "orders_2025"));

            s.execute("ALTER TABLE orders_2025 ALTER COLUMN note DROP NOT NULL");
            List<schemasync.plan.PlanItem.Drift> drift = Scenario.drift(s.plan(orders(100)));
            assertTrue(drift.stream().anyMatch(d -> d.toString().contains("declared NOT NULL")), drift::toString);
            s.execute("ALTER TABLE orders_2025 ALTER COLUMN note SET NOT NULL");

            // The parent's SET STATISTICS reaches every partition (ALTER TABLE recurses); the replay says so too.
            s.applyAndConverge(orders(300));
            assertTrue(columns(s, "orders_2026").contains("note=-:false:-:300"), columns(s, "orders_2026"));
        }
    }

    @Test
    void aColumnThePartitionDoesNotHaveIsABadInput() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("C1_Orders", db -> {
                db.ensureTable("orders", t -> t.column("id", "bigint").column("placed", "date").partitionBy("RANGE (placed)"));
                db.ensurePartition("orders_2025", "orders", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')", t -> t.notNull("nope"));
            }));
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
            assertTrue(e.getMessage().contains("declares column nope"), e.getMessage());
        }
    }
}
