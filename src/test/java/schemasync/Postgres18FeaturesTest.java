package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.plan.Plan;

/**
 * PostgreSQL 18's schema features declared in the DSL: created, converged (re-plan empty), reported when they
 * differ; and refused with a clear error, nothing changed, on an older server. The 18 cases run with
 * {@code SCHEMA_SYNC_TEST_POSTGRES=18}, the refusals on the default server (17) or older.
 */
class Postgres18FeaturesTest {

    private static List<ChangeBlock> lines(ColumnType total) {
        return List.of(block("P18_Lines", db -> db.ensureTable("order_lines", t -> t
                .column("id", "bigint")
                .column("price", ColumnType.type("numeric(10,2)").notNull())
                .column("quantity", ColumnType.type("int").notNull())
                .column("total", total)
                .primaryKey("id"))));
    }

    private static int major(Scenario s) throws Exception {
        return Integer.parseInt(s.queryString("SHOW server_version_num")) / 10000;
    }

    @Test
    void aVirtualGeneratedColumnIsCreatedAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            List<ChangeBlock> blocks = lines(ColumnType.type("numeric").generatedVirtual("price * quantity"));
            assertEquals(List.of("CREATE TABLE \"public\".\"order_lines\" (\"id\" bigint NOT NULL, \"price\" numeric(10,2) NOT NULL,"
                    + " \"quantity\" int NOT NULL, \"total\" numeric GENERATED ALWAYS AS (price * quantity) VIRTUAL,"
                    + " PRIMARY KEY (\"id\"))"), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("v", s.queryString("SELECT attgenerated FROM pg_attribute WHERE attrelid = 'order_lines'::regclass"
                    + " AND attname = 'total'"));
            assertEquals("7.50", s.queryString("INSERT INTO order_lines (id, price, quantity) VALUES (1, 2.50, 3) RETURNING total"));
        }
    }

    @Test
    void aVirtualColumnIsAddedToAnExistingTableAndStoredVersusVirtualIsDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE order_lines (id bigint PRIMARY KEY, price numeric(10,2) NOT NULL,"
                + " quantity integer NOT NULL)")) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            // Computed when read: adding it rewrites nothing, unlike a STORED one (reported, not added).
            List<ChangeBlock> virtual = lines(ColumnType.type("numeric").generatedVirtual("price * quantity"));
            s.applyAndConverge(virtual);
            Plan stored = s.plan(lines(ColumnType.type("numeric").generatedAlwaysAs("price * quantity")));
            assertTrue(stored.isEmpty(), () -> Scenario.sql(stored).toString());
            assertEquals(List.of("column public.order_lines.total: declared GENERATED ALWAYS AS ((price * (quantity)::numeric)) STORED,"
                            + " database has GENERATED ALWAYS AS ((price * (quantity)::numeric)) VIRTUAL: not changed:"
                            + " it would recompute every row"),
                    Scenario.drift(stored).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList());
        }
    }

    @Test
    void aVirtualColumnIsRefusedBelow18AndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) < 18, "PostgreSQL older than 18");
            List<ChangeBlock> blocks = lines(ColumnType.type("numeric").generatedVirtual("price * quantity"));
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertEquals("public.order_lines.total (block P18_Lines): a VIRTUAL generated column needs PostgreSQL 18 or later;"
                    + " this server is PostgreSQL " + major(s) + "\nnothing was changed", e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'order_lines'"));
        }
    }

    private static List<ChangeBlock> orders(boolean notEnforced) {
        return List.of(block("P18_Orders", db -> db
                .ensureTable("customers", t -> t.column("id", "bigint").primaryKey("id"))
                .ensureTable("orders", t -> {
                    t.column("id", "bigint").column("customer_id", "bigint").column("qty", "int").primaryKey("id");
                    t.check("orders_qty_check", "qty > 0");
                    if (notEnforced) t.notEnforced();
                    var fk = t.foreignKey("customer_id").references("customers");
                    if (notEnforced) fk.notEnforced();
                    return t;
                })));
    }

    @Test
    void notEnforcedConstraintsAreCreatedConvergeAndCheckNothing() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            List<String> sql = Scenario.sql(s.plan(orders(true)));
            assertTrue(sql.get(1).contains("CONSTRAINT \"orders_qty_check\" CHECK (qty > 0) NOT ENFORCED")
                    && sql.get(1).contains("REFERENCES \"public\".\"customers\" NOT ENFORCED"), sql::toString);
            s.applyAndConverge(orders(true));
            assertEquals("f,f", s.queryString("SELECT string_agg(conenforced::text, ',') FROM pg_constraint"
                    + " WHERE conrelid = 'orders'::regclass AND contype IN ('c', 'f')").replace("false", "f"));
            // Kept, never checked: neither the CHECK nor the reference stops this row.
            s.execute("INSERT INTO orders VALUES (1, 42, -1)");
        }
    }

    @Test
    void notEnforcedConstraintsAddedToAnExistingTableScanNothingAndEnforcementIsDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE customers (id bigint PRIMARY KEY);"
                + " CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, qty int);"
                + " INSERT INTO orders VALUES (1, 42, -1)")) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            // The row already there breaks both: a validation would fail, NOT ENFORCED adds them all the same.
            s.applyAndConverge(orders(true));
            Plan enforced = s.plan(orders(false));
            assertTrue(enforced.isEmpty(), () -> Scenario.sql(enforced).toString());
            assertEquals(List.of("constraint public.orders.orders_qty_check", "constraint public.orders.orders_customer_id_fkey"),
                    Scenario.drift(enforced).stream().map(d -> d.kind() + " " + d.object()).toList());
        }
    }

    @Test
    void notEnforcedIsRefusedBelow18AndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) < 18, "PostgreSQL older than 18");
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(orders(true)));
            assertEquals("public.orders.orders_qty_check (block P18_Orders): a NOT ENFORCED constraint needs PostgreSQL 18 or later;"
                    + " this server is PostgreSQL " + major(s) + "\npublic.orders.orders_customer_id_fkey (block P18_Orders): a NOT"
                    + " ENFORCED constraint needs PostgreSQL 18 or later; this server is PostgreSQL " + major(s) + "\nnothing was changed",
                    e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname IN ('customers', 'orders')"));
        }
    }

    private static List<ChangeBlock> rooms(boolean withoutOverlaps) {
        return List.of(block("P18_Rooms", db -> db.ensureExtension("btree_gist")
                .ensureTable("rooms", t -> {
                    t.column("id", "int").column("valid_at", "tstzrange").column("name", "text").primaryKey("id", "valid_at");
                    if (withoutOverlaps) t.withoutOverlaps();
                    t.unique("name", "valid_at");
                    if (withoutOverlaps) t.withoutOverlaps();
                    return t;
                })));
    }

    @Test
    void keysWithoutOverlapsAreCreatedConvergeAndAreCheckedOnRanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            List<String> sql = Scenario.sql(s.plan(rooms(true)));
            assertTrue(sql.stream().anyMatch(q -> q.contains("PRIMARY KEY (\"id\", \"valid_at\" WITHOUT OVERLAPS)")
                    && q.contains("UNIQUE (\"name\", \"valid_at\" WITHOUT OVERLAPS)")), sql::toString);
            s.applyAndConverge(rooms(true));
            s.execute("INSERT INTO rooms VALUES (1, '[2026-01-01, 2026-02-01)', 'a'), (1, '[2026-02-01, 2026-03-01)', 'b')");
            var overlap = assertThrows(java.sql.SQLException.class,
                    () -> s.execute("INSERT INTO rooms VALUES (1, '[2026-01-15, 2026-01-20)', 'c')"));
            assertEquals("23P01", overlap.getSQLState(), overlap::getMessage); // exclusion violation: the key's GiST index
        }
    }

    @Test
    void aKeyWithoutOverlapsDeclaredOnAPlainKeyIsDrift() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            s.applyAndConverge(rooms(false));
            Plan temporal = s.plan(rooms(true));
            assertTrue(temporal.isEmpty(), () -> Scenario.sql(temporal).toString());
            assertEquals(List.of("constraint public.rooms primary key", "constraint public.rooms.rooms_name_valid_at_key"),
                    Scenario.drift(temporal).stream().map(d -> d.kind() + " " + d.object()).toList());
        }
    }

    @Test
    void keysWithoutOverlapsAreRefusedBelow18AndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) < 18, "PostgreSQL older than 18");
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(rooms(true)));
            assertEquals("public.rooms.rooms_name_valid_at_key (block P18_Rooms): a key WITHOUT OVERLAPS needs PostgreSQL 18 or later;"
                    + " this server is PostgreSQL " + major(s) + "\npublic.rooms primary key (block P18_Rooms): a primary key WITHOUT"
                    + " OVERLAPS needs PostgreSQL 18 or later; this server is PostgreSQL " + major(s) + "\nnothing was changed",
                    e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'rooms'"));
        }
    }

    private static List<ChangeBlock> bookings(boolean period) {
        return List.of(block("P18_Bookings", db -> db.ensureExtension("btree_gist")
                .ensureTable("rooms", t -> t.column("id", "int").column("valid_at", "tstzrange")
                        .primaryKey("id", "valid_at").withoutOverlaps())
                .ensureTable("bookings", t -> {
                    t.column("id", "int").column("room_id", "int").column("valid_at", "tstzrange").primaryKey("id");
                    var fk = t.foreignKey("room_id", "valid_at").references("rooms", "id", "valid_at");
                    if (period) fk.period();
                    return t;
                })));
    }

    @Test
    void aPeriodForeignKeyIsCreatedConvergesAndChecksCoverage() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            List<String> sql = Scenario.sql(s.plan(bookings(true)));
            assertTrue(sql.stream().anyMatch(q -> q.contains("CONSTRAINT \"bookings_room_id_valid_at_fkey\" FOREIGN KEY"
                    + " (\"room_id\", PERIOD \"valid_at\") REFERENCES \"public\".\"rooms\" (\"id\", PERIOD \"valid_at\")")), sql::toString);
            s.applyAndConverge(bookings(true));
            assertEquals("t", s.queryString("SELECT conperiod FROM pg_constraint WHERE conname = 'bookings_room_id_valid_at_fkey'")
                    .replace("true", "t"));
            s.execute("INSERT INTO rooms VALUES (1, '[2026-01-01, 2026-02-01)'), (1, '[2026-02-01, 2026-03-01)')");
            // Covered by the two room rows together: a PERIOD reference checks coverage, not one equal row.
            s.execute("INSERT INTO bookings VALUES (1, 1, '[2026-01-15, 2026-02-15)')");
            var uncovered = assertThrows(java.sql.SQLException.class,
                    () -> s.execute("INSERT INTO bookings VALUES (2, 1, '[2026-02-15, 2026-04-01)')"));
            assertEquals("23503", uncovered.getSQLState(), uncovered::getMessage);
        }
    }

    @Test
    void aPeriodForeignKeyAddedToAnExistingTableIsAddedNotValidThenValidated() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            s.execute("CREATE EXTENSION btree_gist; CREATE TABLE rooms (id int, valid_at tstzrange,"
                    + " PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)); CREATE TABLE bookings (id int PRIMARY KEY, room_id int,"
                    + " valid_at tstzrange); INSERT INTO rooms VALUES (1, '[2026-01-01, 2026-03-01)');"
                    + " INSERT INTO bookings VALUES (1, 1, '[2026-01-15, 2026-02-15)')");
            List<String> sql = Scenario.sql(s.plan(bookings(true)));
            assertTrue(sql.stream().anyMatch(q -> q.endsWith("PERIOD \"valid_at\") NOT VALID"))
                    && sql.stream().anyMatch(q -> q.contains("VALIDATE CONSTRAINT")), sql::toString);
            s.applyAndConverge(bookings(true));
            assertEquals("t", s.queryString("SELECT convalidated FROM pg_constraint WHERE conname = 'bookings_room_id_valid_at_fkey'")
                    .replace("true", "t"));
        }
    }

    @Test
    void aPeriodForeignKeyDeclaredWithoutPeriodIsDrift() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            s.applyAndConverge(bookings(true));
            Plan plain = s.plan(bookings(false));
            assertTrue(plain.isEmpty(), () -> Scenario.sql(plain).toString());
            assertEquals(List.of("constraint public.bookings.bookings_room_id_valid_at_fkey"),
                    Scenario.drift(plain).stream().map(d -> d.kind() + " " + d.object()).toList());
        }
    }

    @Test
    void aPeriodForeignKeyIsRefusedBelow18AndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) < 18, "PostgreSQL older than 18");
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(bookings(true)));
            String older = "; this server is PostgreSQL " + major(s);
            assertEquals("public.rooms primary key (block P18_Bookings): a primary key WITHOUT OVERLAPS needs PostgreSQL 18 or later"
                    + older + "\npublic.bookings.bookings_room_id_valid_at_fkey (block P18_Bookings): a foreign key with PERIOD needs"
                    + " PostgreSQL 18 or later" + older + "\nnothing was changed", e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname IN ('rooms', 'bookings')"));
        }
    }

    @Test
    void aTypedTableKeyWithoutOverlapsIsCreatedAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            List<ChangeBlock> blocks = List.of(block("P18_Slots", db -> {
                db.ensureExtension("btree_gist");
                db.ensureCompositeType("slot").attribute("id", "int").attribute("valid", "tstzrange");
                db.ensureTable("slots", t -> t.ofType("slot").primaryKey("id", "valid").withoutOverlaps());
            }));
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertTrue(sql.contains("CREATE TABLE \"public\".\"slots\" OF \"public\".\"slot\" (PRIMARY KEY (\"id\", \"valid\" WITHOUT OVERLAPS))"),
                    sql::toString);
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO slots VALUES (1, '[2026-01-01, 2026-02-01)')");
            var overlap = assertThrows(java.sql.SQLException.class, () -> s.execute("INSERT INTO slots VALUES (1, '[2026-01-15, 2026-03-01)')"));
            assertEquals("23P01", overlap.getSQLState(), overlap::getMessage);
        }
    }
}
