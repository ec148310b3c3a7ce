package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Plan;

/** Composite types: created before the tables that use them, attributes compared as PostgreSQL spells them. */
class CompositeTypeTest {

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("C1_Schema", db -> db.ensureSchema("geo")),
            block("C2_Address", db -> db.ensureCompositeType("geo.address")
                    .attribute("street", "text").attribute("zip", "varchar(10)").collate("C").attribute("lat", "float8")),
            block("C3_Shops", db -> db.ensureTable("geo.shops", t -> t
                    .column("id", "bigint").column("address", ColumnType.type("geo.address")).primaryKey("id"))));

    @Test
    void aCompositeTypeAndATableOfItAreCreatedAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            assertEquals(List.of("CREATE SCHEMA \"geo\"",
                    "CREATE TYPE \"geo\".\"address\" AS (\"street\" text, \"zip\" varchar(10) COLLATE \"pg_catalog\".\"C\", \"lat\" float8)",
                    "CREATE TABLE \"geo\".\"shops\" (\"id\" bigint NOT NULL, \"address\" geo.address, PRIMARY KEY (\"id\"))"),
                    Scenario.sql(s.plan(BLOCKS)));
            s.applyAndConverge(BLOCKS);
            s.execute("INSERT INTO geo.shops VALUES (1, ROW('Main St', '12345', 1.5))");
            assertEquals("12345", s.queryString("SELECT (address).zip FROM geo.shops"));
        }
    }

    @Test
    void differentAttributesAreReportedWithBothSidesAndNotAltered() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA geo",
                "CREATE TYPE geo.address AS (street text, zip varchar(12), lat double precision)",
                "CREATE TYPE geo.undeclared_pair AS (a int, b int)",
                "CREATE TABLE geo.shops (id bigint PRIMARY KEY, address geo.address)")) {
            Plan plan = s.plan(BLOCKS);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(List.of("composite type geo.address: declared (street text, zip character varying(10) COLLATE \"C\","
                            + " lat double precision), database has (street text, zip character varying(12), lat double precision):"
                            + " not changed",
                    "composite type geo.undeclared_pair: undeclared (a integer, b integer): no block declares it; left alone"),
                    Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList());
        }
    }

    @Test
    void anEqualTypeWrittenDifferentlyIsUnchanged() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA geo",
                "CREATE TYPE geo.address AS (street text, zip character varying(10) COLLATE \"C\", lat double precision)",
                "CREATE TABLE geo.shops (id bigint PRIMARY KEY, address geo.address)")) {
            Plan plan = s.plan(BLOCKS);
            assertTrue(plan.isEmpty() && Scenario.drift(plan).isEmpty(), () -> plan.items().toString());
            s.applyAndConverge(BLOCKS);
        }
    }

    @Test
    void badCompositeTypesAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureCompositeType("pair").attribute("a", "int").attribute("a", " ")),
                block("C2", db -> db.ensureCompositeType("empty")))));
        assertTrue(e.getMessage().contains("C1: attribute a is declared twice in composite type public.pair"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: attribute a of composite type public.pair has no type"), e.getMessage());
        assertTrue(e.getMessage().contains("C2: composite type public.empty has no attributes"), e.getMessage());
    }
}
