package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jooq.impl.SQLDataType.BIGINT;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;

/**
 * UNLOGGED tables that reference each other are created in one run: each is created UNLOGGED (a logged table
 * may not reference an unlogged one, nor the reverse, so CREATE TABLE then SET UNLOGGED fails on the second).
 */
class UnloggedCreationTest {

    private static List<ChangeBlock> blocks() {
        return List.of(block("C1_Scratch", db -> {
            db.ensureTable("batches", t -> t.column("id", BIGINT.notNull()).primaryKey("id").unlogged().with("fillfactor", "90"));
            db.ensureTable("batch_rows", t -> t.column("id", BIGINT.notNull()).column("batch_id", BIGINT.notNull())
                    .primaryKey("id").foreignKey("batch_id").references("batches", "id").unlogged());
        }));
    }

    @Test
    void unloggedTablesThatReferenceEachOtherAreCreatedInOneRun() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(blocks()));
            assertTrue(sql.get(0).startsWith("CREATE UNLOGGED TABLE \"public\".\"batches\" ("), sql::toString);
            assertTrue(sql.get(0).endsWith(" WITH (\"fillfactor\" = '90')"), sql::toString);
            assertTrue(sql.stream().noneMatch(q -> q.contains("SET UNLOGGED") || q.contains(" SET (")), sql::toString);
            s.applyAndConverge(blocks());
            assertEquals("u,u", s.queryString("SELECT string_agg(relpersistence::text, ',' ORDER BY relname) FROM pg_class"
                    + " WHERE relname IN ('batches', 'batch_rows')"));
            assertEquals("fillfactor=90", s.queryString("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'batches'"));

            // The referenced table turned logged outside the blocks (PostgreSQL allows it: an unlogged table may
            // reference a logged one): put back.
            s.execute("ALTER TABLE batches SET LOGGED");
            assertEquals(List.of("ALTER TABLE \"public\".\"batches\" SET UNLOGGED"), Scenario.sql(s.plan(blocks())));
            s.applyAndConverge(blocks(), schemasync.model.HazardKind.TABLE_REWRITE);
            assertEquals("u", s.queryString("SELECT relpersistence::text FROM pg_class WHERE relname = 'batches'"));
        }
    }
}
