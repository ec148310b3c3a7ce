package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;

/** Stored generated columns and column collations: created, compared as PostgreSQL spells them, reported when different. */
class ColumnDetailsTest {

    private static List<ChangeBlock> lines(String total) {
        return List.of(block("C1_Lines", db -> db.ensureTable("order_lines", t -> t
                .column("id", "bigint")
                .column("price", ColumnType.type("numeric(10,2)").notNull())
                .column("quantity", ColumnType.type("int").notNull())
                .column("total", ColumnType.type("numeric").generatedAlwaysAs(total))
                .column("sku", ColumnType.type("text").collate("C"))
                .primaryKey("id"))));
    }

    @Test
    void generatedAndCollatedColumnsAreCreatedAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            assertEquals(List.of("CREATE TABLE \"public\".\"order_lines\" (\"id\" bigint NOT NULL, \"price\" numeric(10,2) NOT NULL,"
                    + " \"quantity\" int NOT NULL, \"total\" numeric GENERATED ALWAYS AS (price * quantity) STORED,"
                    + " \"sku\" text COLLATE \"pg_catalog\".\"C\", PRIMARY KEY (\"id\"))"), Scenario.sql(s.plan(lines("price * quantity"))));
            s.applyAndConverge(lines("price * quantity"));
            assertEquals("7.50", s.queryString("INSERT INTO order_lines (id, price, quantity, sku) VALUES (1, 2.50, 3, 'a')"
                    + " RETURNING total"));
        }
    }

    @Test
    void differencesAreReportedWithBothSides() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE order_lines (id bigint PRIMARY KEY, price numeric(10,2) NOT NULL,"
                + " quantity integer NOT NULL, total numeric GENERATED ALWAYS AS (price * quantity + 1) STORED, sku text)")) {
            Plan plan = s.plan(lines("price * quantity"));
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(List.of("column public.order_lines.total: declared GENERATED ALWAYS AS ((price * (quantity)::numeric)) STORED,"
                            + " database has GENERATED ALWAYS AS (((price * (quantity)::numeric) + (1)::numeric)) STORED: not changed:"
                            + " it would recompute every row",
                    "column public.order_lines.sku: declared COLLATE \"C\", database has COLLATE (the type's default): not changed:"
                            + " changing it rebuilds the column's indexes under an ACCESS EXCLUSIVE lock"),
                    Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList());
        }
    }

    @Test
    void aGeneratedColumnIsNotAddedToAnExistingTable() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE order_lines (id bigint PRIMARY KEY, price numeric(10,2) NOT NULL,"
                + " quantity integer NOT NULL, sku text COLLATE \"C\")")) {
            Plan plan = s.plan(lines("price * quantity"));
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            var drift = Scenario.drift(plan);
            assertEquals(1, drift.size(), drift::toString);
            assertEquals(HazardKind.TABLE_REWRITE, drift.get(0).hazard());
            assertTrue(drift.get(0).message().startsWith("declared numeric GENERATED ALWAYS AS (price * quantity) STORED, missing:"
                    + " not added"), drift.get(0).message());
        }
    }
}
