package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.model.HazardKind;

/**
 * A later {@code ensureNoColumn} of a column that an earlier block's key, CHECK or index uses: PostgreSQL's
 * {@code DROP COLUMN} drops the indexes and table constraints involving the column with it, so the earlier
 * declarations of those are taken away too (the one removal rule of ordered blocks, {@code dsl.LaterRemovals}; the
 * schema docs show the same). Before, the trimmed table kept its key and CHECK on a column it no longer had, and
 * the index stayed declared: an empty database could not be created, an existing one never converged.
 */
class ColumnRemovalTakesItsUsersTest {
    private static final ChangeBlock DECLARES = block("C1_Items", db -> {
        db.ensureTable("items", t -> t.column("id", "bigint").column("sku", "text").column("qty", "integer")
                .primaryKey("id", "sku").unique("sku", "qty").check("items_qty_check", "qty > 0 AND sku <> ''"));
        db.ensureIndex("items_sku_idx").on("items").columns("sku");
        db.ensureIndex("items_lower_sku_idx").on("items").expression("lower(sku)");
        db.ensureIndex("items_qty_idx").on("items").columns("qty"); // keeps: it does not use sku
    });
    private static final ChangeBlock REMOVES = block("C2_NoSku", db -> db.ensureNoColumn("items", "sku"));
    /**
     * An existing database where DECLARES was applied: the replay of DROP COLUMN (plan.TableEffects.dropColumn) must
     * take along the keys, the CHECK and the plain and expression indexes that use the column, or the Scenario's replay
     * assertion (replayed steps on the before-catalog equal the catalog read after the apply) fails.
     */
    @Test
    void onAnExistingDatabaseTheColumnGoesWithEverythingUsingItAndThePlanConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(DECLARES));
            s.applyAndConverge(List.of(DECLARES, REMOVES), HazardKind.DELETES_DATA);
            // contype 'n': PostgreSQL 18 keeps a NOT NULL as a constraint of its own (the key's columns stay NOT NULL).
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype <> 'n'"));
            assertEquals("id,qty", s.queryString("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
                    + " WHERE attrelid = 'items'::regclass AND attnum > 0 AND NOT attisdropped"));
            assertEquals("items_qty_idx", s.queryString("SELECT string_agg(indexname, ',') FROM pg_indexes WHERE tablename = 'items'"));
        }
    }

    @Test
    void onAnEmptyDatabaseNothingThatUsesTheColumnIsCreated() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(List.of(DECLARES, REMOVES)));
            assertTrue(sql.stream().noneMatch(q -> q.contains("sku")), sql.toString());
            s.applyAndConverge(List.of(DECLARES, REMOVES));
            assertEquals("id,qty", s.queryString("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
                    + " WHERE attrelid = 'items'::regclass AND attnum > 0 AND NOT attisdropped"));
            assertEquals("items_qty_idx", s.queryString("SELECT string_agg(indexname, ',') FROM pg_indexes WHERE tablename = 'items'"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype <> 'n'"));
        }
    }
}
