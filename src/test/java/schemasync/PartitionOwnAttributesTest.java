package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.model.HazardKind;

/**
 * What one partition has of its own, declared with {@code ensurePartition(..., t -> ...)} and {@code ensureTrigger}:
 * its comment, UNLOGGED, column options and a trigger of its own. Created in a fresh apply, set back when changed by
 * hand, the next plan empty.
 */
class PartitionOwnAttributesTest {

    private static List<ChangeBlock> readings() {
        return List.of(block("C1_Readings", db -> {
            db.ensureTable("readings", t -> t.column("id", "bigint").column("taken", "date").column("note", "text")
                    .partitionBy("RANGE (taken)"));
            db.ensurePartition("readings_2025", "readings", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                    t -> t.comment("Last year's readings").unlogged().onColumn("note").statistics(500).storage("MAIN")
                            .onColumn("id").columnOption("n_distinct", "1000"));
            db.ensureFunction("readings_touch()", "RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$");
            db.ensureTrigger("readings_2025_touch").on("readings_2025").before("INSERT").forEachRow().executes("readings_touch()");
        }));
    }

    private static String attributes(Scenario s) throws Exception {
        return s.queryString("SELECT c.relpersistence::text || ':' || COALESCE(obj_description(c.oid, 'pg_class'), '') || ':'"
                + " || (SELECT string_agg(a.attname || '=' || COALESCE(a.attstattarget::text, '') || a.attstorage::text"
                + " || COALESCE(a.attoptions::text, ''), ',' ORDER BY a.attname) FROM pg_attribute a"
                + " WHERE a.attrelid = c.oid AND a.attnum > 0) || ':' || (SELECT count(*) FROM pg_trigger g WHERE g.tgrelid = c.oid)"
                + " FROM pg_class c WHERE c.relname = 'readings_2025'");
    }

    @Test
    void aPartitionsOwnCommentPersistenceColumnOptionsAndTriggerAreCreatedAndSetBack() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(readings());
            String applied = attributes(s);
            assertTrue(applied.startsWith("u:Last year's readings:"), applied);
            assertTrue(applied.contains("note=500m") && applied.contains("{n_distinct=1000}") && applied.endsWith(":1"), applied);
            assertEquals("p", s.queryString("SELECT relpersistence FROM pg_class WHERE relname = 'readings'"));

            // Changed by hand: each is set back on the partition alone.
            s.execute("ALTER TABLE readings_2025 SET LOGGED");
            s.execute("COMMENT ON TABLE readings_2025 IS 'changed'");
            s.execute("ALTER TABLE readings_2025 ALTER COLUMN note SET STATISTICS 10");
            s.execute("ALTER TABLE readings_2025 ALTER COLUMN id RESET (n_distinct)");
            List<String> sql = Scenario.sql(s.plan(readings()));
            assertTrue(sql.stream().anyMatch(q -> q.contains("SET UNLOGGED")), sql::toString);
            assertTrue(sql.stream().anyMatch(q -> q.startsWith("COMMENT ON TABLE \"public\".\"readings_2025\"")), sql::toString);
            s.applyAndConverge(readings(), HazardKind.values());
            assertEquals(applied, attributes(s));
        }
    }
}
