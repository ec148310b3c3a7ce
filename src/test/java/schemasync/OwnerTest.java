package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.OwnerOf;
import schemasync.plan.Plan;

/** ensureOwner: set on what the blocks create, put back when changed by hand, undeclared owners left alone. */
class OwnerTest {
    static final String ROLE = "DO $$ BEGIN CREATE ROLE \"Schema Sync Owner\"; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    private static final String OWNER = "Schema Sync Owner";

    private static final List<ChangeBlock> BLOCKS = List.of(block("O1_Shop", db -> db
            .ensureSchema("shop")
            .ensureEnum("shop.status", "new", "paid")
            .ensureRangeType("shop.price_range", "numeric")
            .ensureCollation("shop.posix", c -> c.libc("C"))
            .ensureTable("shop.orders", t -> t.column("id", "bigint").column("status", "shop.status"))
            .ensureView("shop.paid", "SELECT id FROM shop.orders WHERE status = 'paid'")
            .ensureMaterializedView("shop.order_count", "SELECT count(*) AS n FROM shop.orders")
            .ensureFunction("shop.add(a integer, b integer)", "RETURNS integer LANGUAGE sql AS $$ SELECT a + b $$")
            .ensureProcedure("shop.noop()", "LANGUAGE sql AS $$ SELECT 1 $$")
            .ensureAggregate("shop.total(integer)", "SFUNC = int4pl, STYPE = integer")
            .ensureOwner(OwnerOf.SCHEMA, "shop", OWNER)
            .ensureOwner(OwnerOf.TYPE, "shop.status", OWNER)
            .ensureOwner(OwnerOf.TYPE, "shop.price_range", OWNER)
            .ensureOwner(OwnerOf.COLLATION, "shop.posix", OWNER)
            .ensureOwner(OwnerOf.TABLE, "shop.orders", OWNER)
            .ensureOwner(OwnerOf.VIEW, "shop.paid", OWNER)
            .ensureOwner(OwnerOf.MATERIALIZED_VIEW, "shop.order_count", OWNER)
            .ensureOwner(OwnerOf.FUNCTION, "shop.add(a integer, b integer)", OWNER)
            .ensureOwner(OwnerOf.PROCEDURE, "shop.noop()", OWNER)
            .ensureOwner(OwnerOf.AGGREGATE, "shop.total(integer)", OWNER)));


    private static final List<ChangeBlock> WITH_TYPES = List.of(BLOCKS.get(0), block("O2_Types", db -> {
        db.ensureSequence("shop.invoice_number");
        db.ensureOwner(OwnerOf.SEQUENCE, "shop.invoice_number", OWNER);
        db.ensureDomain("shop.amount", "numeric");
        db.ensureCompositeType("shop.address").attribute("street", "text");
        db.ensureOwner(OwnerOf.DOMAIN, "shop.amount", OWNER);
        db.ensureOwner(OwnerOf.TYPE, "shop.address", OWNER);
    }));

    private static final String OWNERS = """
            SELECT string_agg(what || '=' || owner, ', ' ORDER BY what) FROM (
              SELECT 'schema ' || nspname AS what, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'shop'
              UNION ALL SELECT 'rel ' || relname, pg_get_userbyid(relowner) FROM pg_class
                WHERE relnamespace = 'shop'::regnamespace AND relkind IN ('r', 'v', 'm', 'S')
              UNION ALL SELECT 'proc ' || proname, pg_get_userbyid(proowner) FROM pg_proc WHERE pronamespace = 'shop'::regnamespace
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = pg_proc.oid AND d.deptype = 'i')
              UNION ALL SELECT 'type ' || typname, pg_get_userbyid(typowner) FROM pg_type
                WHERE typnamespace = 'shop'::regnamespace AND typtype IN ('e', 'r', 'd') OR typname = 'address'
              UNION ALL SELECT 'collation ' || collname, pg_get_userbyid(collowner) FROM pg_collation
                WHERE collnamespace = 'shop'::regnamespace) o WHERE owner <> 'Schema Sync Owner'""";

    @Test
    void declaredOwnersAreSetOnWhatTheBlocksCreateAndConverge() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            Plan plan = s.plan(WITH_TYPES);
            assertTrue(Scenario.sql(plan).contains("ALTER TABLE \"shop\".\"orders\" OWNER TO \"Schema Sync Owner\""), Scenario.sql(plan).toString());
            assertTrue(Scenario.sql(plan).contains("ALTER FUNCTION \"shop\".\"add\"(a integer, b integer) OWNER TO \"Schema Sync Owner\"")
                    || Scenario.sql(plan).contains("ALTER FUNCTION \"shop\".\"add\"(integer, integer) OWNER TO \"Schema Sync Owner\""),
                    Scenario.sql(plan).toString());
            s.applyAndConverge(WITH_TYPES);
            assertEquals(null, s.queryString(OWNERS), "objects not owned by the declared role");
        }
    }

    @Test
    void anOwnerChangedByHandIsPutBackAndAnUndeclaredOneIsNotReported() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            s.applyAndConverge(BLOCKS);
            s.execute("CREATE TABLE shop.notes (id int)"); // owned by the applying role, declared by no ensureOwner
            s.execute("ALTER TABLE shop.orders OWNER TO CURRENT_USER");
            s.execute("ALTER TABLE shop.notes OWNER TO \"Schema Sync Owner\"");
            List<ChangeBlock> blocks = List.of(BLOCKS.get(0), block("O3_Notes", db -> db.ensureTable("shop.notes", t -> t.column("id", "int"))));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER TABLE \"shop\".\"orders\" OWNER TO \"Schema Sync Owner\""), Scenario.sql(plan));
            assertTrue(Scenario.drift(plan).isEmpty(), Scenario.drift(plan).toString());
            s.applyAndConverge(blocks);
            assertEquals("Schema Sync Owner", s.queryString("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'shop.orders'::regclass"));
            assertEquals("Schema Sync Owner", s.queryString("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'shop.notes'::regclass"));
        }
    }

    /**
     * Owners in the replay: the rename keeps the owner (the replay moves its entry), the drop takes it along; the
     * scenario's replay assertion compares owners, so an entry left under the old name or on the dropped table fails it.
     */
    @Test
    void aRenamedOwnedTableKeepsItsOwnerAndADroppedOneTakesItAlong() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            ChangeBlock tables = block("O6_Tables", db -> db
                    .ensureTable("orders", t -> t.column("id", "bigint"))
                    .ensureTable("notes", t -> t.column("id", "bigint"))
                    .ensureOwner(OwnerOf.TABLE, "orders", OWNER)
                    .ensureOwner(OwnerOf.TABLE, "notes", OWNER));
            s.applyAndConverge(List.of(tables));
            List<ChangeBlock> blocks = List.of(tables, block("O7_Rename_Drop", db -> db
                    .ensureTableRenamed("orders", "purchases")
                    .ensureNoTable("notes")));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER TABLE \"public\".\"orders\" RENAME TO \"purchases\"", "DROP TABLE \"public\".\"notes\""),
                    Scenario.sql(plan));
            s.applyAndConverge(blocks, schemasync.model.HazardKind.DELETES_DATA);
            assertEquals(OWNER, s.queryString("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.purchases'::regclass"));
        }
    }

    /**
     * Operators and text search objects: the owner is set on what the blocks create (the operator named by its types
     * as ensureOperator writes them: int4, spelled integer by PostgreSQL), put back when changed by hand, and an
     * ensureNoOperator after the ensureOwner drops the operator without looking for its owner.
     */
    @Test
    void operatorsAndTextSearchObjectsGetTheirDeclaredOwner() throws Exception {
        ChangeBlock objects = block("O8_Operators", db -> db
                .ensureSchema("shop")
                .ensureFunction("shop.same(a integer, b integer)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a = b $$")
                .ensureFunction("shop.neg(a integer)", "RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT -a $$")
                .ensureOperator("shop.===", o -> o.leftArg("int4").rightArg("int4").function("shop.same"))
                .ensureOperator("shop.~~~", o -> o.rightArg("int4").function("shop.neg"))
                .ensureTextSearchDictionary("shop.simple_stop", d -> d.template("simple").option("stopwords", "english"))
                .ensureTextSearchConfiguration("shop.docs", c -> c.parser("default").mapping(List.of("asciiword"), "simple_stop"))
                .ensureOwner(OwnerOf.OPERATOR, "shop.===(int4, int4)", OWNER)
                .ensureOwner(OwnerOf.OPERATOR, "shop.~~~(NONE, int4)", OWNER)
                .ensureOwner(OwnerOf.TEXT_SEARCH_DICTIONARY, "shop.simple_stop", OWNER)
                .ensureOwner(OwnerOf.TEXT_SEARCH_CONFIGURATION, "shop.docs", OWNER));
        String owners = """
                SELECT string_agg(what || '=' || owner, ', ' ORDER BY what) FROM (
                  SELECT 'operator ' || oprname AS what, pg_get_userbyid(oprowner) AS owner FROM pg_operator
                    WHERE oprnamespace = 'shop'::regnamespace
                  UNION ALL SELECT 'dictionary ' || dictname, pg_get_userbyid(dictowner) FROM pg_ts_dict WHERE dictnamespace = 'shop'::regnamespace
                  UNION ALL SELECT 'configuration ' || cfgname, pg_get_userbyid(cfgowner) FROM pg_ts_config
                    WHERE cfgnamespace = 'shop'::regnamespace) o""";
        try (Scenario s = Scenario.start(ROLE)) {
            Plan plan = s.plan(List.of(objects));
            assertTrue(Scenario.sql(plan).contains("ALTER OPERATOR \"shop\".=== (integer, integer) OWNER TO \"Schema Sync Owner\""),
                    Scenario.sql(plan).toString());
            s.applyAndConverge(List.of(objects));
            assertEquals("configuration docs=" + OWNER + ", dictionary simple_stop=" + OWNER + ", operator ===" + "=" + OWNER
                    + ", operator ~~~=" + OWNER, s.queryString(owners));
            s.execute("ALTER OPERATOR shop.=== (integer, integer) OWNER TO CURRENT_USER");
            s.execute("ALTER TEXT SEARCH CONFIGURATION shop.docs OWNER TO CURRENT_USER");
            assertEquals(List.of("ALTER OPERATOR \"shop\".=== (integer, integer) OWNER TO \"Schema Sync Owner\"",
                    "ALTER TEXT SEARCH CONFIGURATION \"shop\".\"docs\" OWNER TO \"Schema Sync Owner\""), Scenario.sql(s.plan(List.of(objects))));
            s.applyAndConverge(List.of(objects));
            List<ChangeBlock> removed = List.of(objects, block("O9_No_Operator", db -> db.ensureNoOperator("shop.~~~", null, "int4")));
            assertEquals(List.of("DROP OPERATOR \"shop\".~~~ (NONE, integer)"), Scenario.sql(s.plan(removed)));
            s.applyAndConverge(removed);
        }
    }

    @Test
    void aRoleThatDoesNotExistIsAnErrorBeforeAnythingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("O4_Missing", db -> db
                    .ensureTable("orders", t -> t.column("id", "bigint"))
                    .ensureOwner(OwnerOf.TABLE, "orders", "no_such_role_k10")));
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertTrue(e.getMessage().contains("O4_Missing: owner of table public.orders: role no_such_role_k10 does not exist"),
                    e.getMessage());
            assertEquals(null, s.queryString("SELECT to_regclass('public.orders')::text"));
        }
    }

    @Test
    void twoOwnersForOneObjectAndAMissingSignatureAreRefused() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("O5_A", db -> db.ensureOwner(OwnerOf.TABLE, "orders", "a")),
                block("O5_B", db -> db.ensureOwner(OwnerOf.TABLE, "orders", "b").ensureOwner(OwnerOf.FUNCTION, "f", "a")))));
        assertTrue(e.getMessage().contains("owner of table public.orders is declared as b here and as a in"), e.getMessage());
        assertTrue(e.getMessage().contains("owner of function public.f: write the signature as name(argument types)"), e.getMessage());
    }
}
