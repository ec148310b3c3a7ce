package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;

/**
 * Legacy inheritance (INHERITS) and typed tables (OF type): created in one statement, a child declaring only its own
 * columns and constraints, an existing table linked with INHERIT when it can be, reported when it cannot.
 */
class InheritanceTest {

    private static List<ChangeBlock> cities() {
        return List.of(block("C1_Cities", db -> {
            db.ensureTable("cities", t -> t.column("id", "bigint").column("name", schemasync.dsl.ColumnType.TEXT.notNull())
                    .check("cities_id_positive", "id > 0").check("cities_only_here", "id < 1000000000").noInherit());
            db.ensureTable("capitals", t -> t.inherits("cities").column("country", "char(2)")
                    .primaryKey("id").check("capitals_country", "country <> ''"));
        }));
    }

    @Test
    void aChildIsCreatedWithItsParentsAndDeclaresOnlyItsOwn() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(cities()));
            assertTrue(sql.get(1).startsWith("CREATE TABLE \"public\".\"capitals\" (\"country\" char(2)"), sql::toString);
            assertTrue(sql.get(1).endsWith(" INHERITS (\"public\".\"cities\")"), sql::toString);
            s.applyAndConverge(cities());
            assertEquals("id,name,country", s.queryString("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
                    + " WHERE attrelid = 'capitals'::regclass AND attnum > 0"));
            // The inherited CHECK is the parent's; the NO INHERIT one stays the parent's alone.
            assertEquals("capitals_country,capitals_pkey,cities_id_positive", s.queryString("SELECT string_agg(conname, ','"
                    + " ORDER BY conname) FROM pg_constraint WHERE conrelid = 'capitals'::regclass"));

            // Unlinked outside the blocks: the child still has the parent's columns, so it is linked again.
            s.execute("ALTER TABLE capitals NO INHERIT cities");
            assertEquals(List.of("ALTER TABLE \"public\".\"capitals\" INHERIT \"public\".\"cities\""), Scenario.sql(s.plan(cities())));
            s.applyAndConverge(cities());
            assertEquals("cities", s.queryString("SELECT inhparent::regclass::text FROM pg_inherits WHERE inhrelid = 'capitals'::regclass"));
        }
    }

    @Test
    void anExistingTableWithoutTheParentsColumnsIsReportedNotLinked() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE cities (id bigint CHECK (id > 0), name text NOT NULL)",
                "CREATE TABLE capitals (id bigint PRIMARY KEY, country char(2))")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> {
                db.ensureTable("cities", t -> t.column("id", "bigint").column("name", schemasync.dsl.ColumnType.TEXT.notNull())
                        .check("cities_id_check", "id > 0"));
                db.ensureTable("capitals", t -> t.inherits("cities").column("country", "char(2)").primaryKey("id"));
            }));
            var plan = s.plan(blocks);
            assertEquals(List.of(), Scenario.sql(plan));
            assertTrue(Scenario.drift(plan).stream().anyMatch(d -> d.message().contains("has no column name")
                    && d.message().contains("not linked")), () -> Scenario.drift(plan).toString());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_inherits"));
        }
    }

    @Test
    void aParentThatDoesNotExistIsAClearErrorAndATypedTableCannotInherit() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> orphan = List.of(block("C1", db -> db.ensureTable("capitals", t -> t.inherits("cities")
                    .column("country", "char(2)"))));
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(orphan));
            assertTrue(e.getMessage().contains("inherits from public.cities, which does not exist"), e::getMessage);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'capitals'"));
            var bad = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C1", db -> {
                db.ensureCompositeType("pair").attribute("a", "int");
                db.ensureTable("t", t -> t.ofType("pair").inherits("u"));
            }))));
            assertTrue(bad.getMessage().contains("a typed table cannot also inherit"), bad::getMessage);
        }
    }

    private static List<ChangeBlock> typed() {
        return List.of(block("C1_Pairs", db -> {
            db.ensureCompositeType("pair").attribute("k", "text").attribute("v", "integer");
            db.ensureTable("pairs", t -> t.ofType("pair").column("k", schemasync.dsl.ColumnType.TEXT.notNull()).column("v", "integer",
                    schemasync.dsl.Default.dflt("0")).primaryKey("k"));
            db.ensureTable("bare_pairs", t -> t.ofType("pair"));
        }));
    }

    @Test
    void aTypedTableIsCreatedOfItsTypeAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(typed()));
            assertTrue(sql.contains("CREATE TABLE \"public\".\"pairs\" OF \"public\".\"pair\" (\"k\" WITH OPTIONS NOT NULL,"
                    + " \"v\" WITH OPTIONS DEFAULT 0, PRIMARY KEY (\"k\"))"), sql::toString);
            assertTrue(sql.contains("CREATE TABLE \"public\".\"bare_pairs\" OF \"public\".\"pair\""), sql::toString);
            s.applyAndConverge(typed());
            assertEquals("pair", s.queryString("SELECT reloftype::regtype::text FROM pg_class WHERE relname = 'bare_pairs'"));
            // Made untyped outside the blocks: reported, not changed.
            s.execute("ALTER TABLE bare_pairs NOT OF");
            var plan = s.plan(typed());
            assertTrue(Scenario.drift(plan).stream().anyMatch(d -> d.message().contains("is not a typed table")),
                    () -> Scenario.drift(plan).toString());
        }
    }

    private static List<ChangeBlock> ownOnInherited(String capitalCountry) {
        return List.of(block("C1_Cities", db -> {
            db.ensureTable("cities", t -> t.column("id", "bigint").column("name", "text")
                    .column("country", "char(2)", schemasync.dsl.Default.dflt("'US'::bpchar")).primaryKey("id"));
            db.ensureTable("capitals", t -> t.inherits("cities").column("since", "date")
                    .inheritedDefault("country", capitalCountry).inheritedNotNull("name"));
        }));
    }

    @Test
    void aChildsOwnDefaultAndNotNullOnInheritedColumnsAreSetAfterItIsCreatedAndStayInherited() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(ownOnInherited("'FR'::bpchar")));
            assertEquals(List.of("ALTER TABLE ONLY \"public\".\"capitals\" ALTER \"country\" SET DEFAULT 'FR'::bpchar",
                    "ALTER TABLE ONLY \"public\".\"capitals\" ALTER COLUMN \"name\" SET NOT NULL"), sql.subList(2, sql.size()));
            s.applyAndConverge(ownOnInherited("'FR'::bpchar"));
            // Still inherited (attislocal false): pg_dump writes them as ALTER TABLE ONLY, not as the child's own columns.
            assertEquals("country:f:'FR'::bpchar,name:f:", s.queryString("SELECT string_agg(a.attname || ':' || a.attislocal::text::char(1)"
                    + " || ':' || COALESCE(pg_get_expr(d.adbin, d.adrelid), ''), ',' ORDER BY a.attname) FROM pg_attribute a"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attrelid = 'capitals'::regclass AND a.attname IN ('country', 'name')"));
            assertEquals("true", s.queryString("SELECT attnotnull::text FROM pg_attribute WHERE attrelid = 'capitals'::regclass AND attname = 'name'"));

            // Changed by hand: set back; a declaration without a default of its own drops the child's.
            s.execute("ALTER TABLE ONLY capitals ALTER COLUMN country SET DEFAULT 'DE'");
            assertEquals(List.of("ALTER TABLE ONLY \"public\".\"capitals\" ALTER \"country\" SET DEFAULT 'FR'::bpchar"),
                    Scenario.sql(s.plan(ownOnInherited("'FR'::bpchar"))));
            s.applyAndConverge(ownOnInherited("'FR'::bpchar"));
            s.applyAndConverge(ownOnInherited(null));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_attrdef WHERE adrelid = 'capitals'::regclass"));

            // Undeclared in the database: reported, left alone.
            s.execute("ALTER TABLE ONLY capitals ALTER COLUMN id SET DEFAULT 0");
            var plan = s.plan(ownOnInherited(null));
            assertEquals(List.of(), Scenario.sql(plan));
            assertTrue(Scenario.drift(plan).stream().anyMatch(d -> d.object().equals("public.capitals.id")
                    && d.message().contains("its own default (0)")), () -> Scenario.drift(plan).toString());
        }
    }
}
