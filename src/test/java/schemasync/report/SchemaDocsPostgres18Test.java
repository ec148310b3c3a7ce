package schemasync.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.DeclaredSchema;

/**
 * The markdown docs show PostgreSQL 18's constraint forms as declared: NOT ENFORCED CHECK and FOREIGN KEY, a UNIQUE
 * key WITHOUT OVERLAPS, a PERIOD foreign key; also after a later block renames a column they name
 * ({@link DocsReplay} keeps them).
 */
class SchemaDocsPostgres18Test {

    @Test
    void notEnforcedWithoutOverlapsAndPeriodAreShown() {
        String md = SchemaDocs.markdown(DeclaredSchema.of(List.of(
                block("C1", db -> db
                        .ensureTable("rooms", t -> t.column("id", "int").column("valid_at", "tstzrange").column("code", "text")
                                .primaryKey("id", "valid_at").withoutOverlaps().unique("code", "valid_at").withoutOverlaps())
                        .ensureTable("stays", t -> t.column("id", "int").column("room_id", "int").column("valid_at", "tstzrange")
                                .column("qty", "int").primaryKey("id")
                                .check("stays_qty_check", "qty > 0").notEnforced()
                                .foreignKey("room_id", "valid_at").references("rooms", "id", "valid_at").period()
                                .foreignKey("qty").references("rooms", "id").notEnforced())),
                block("C2", db -> db.ensureColumnRenamed("stays", "qty", "quantity")))));
        assertTrue(md.contains("- `rooms_code_valid_at_key` — UNIQUE `(code, valid_at)` WITHOUT OVERLAPS on the last column\n"), md);
        assertTrue(md.contains("- `stays_qty_check` — CHECK `(quantity > 0)` NOT ENFORCED\n"), md);
        assertTrue(md.contains("- `stays_room_id_valid_at_fkey` — FOREIGN KEY `(room_id, valid_at)` → `public.rooms` `(id, valid_at)`"
                + " PERIOD on the last column\n"), md);
        assertTrue(md.contains("- `stays_qty_fkey` — FOREIGN KEY `(quantity)` → `public.rooms` `(id)` NOT ENFORCED\n"), md);
    }
}
