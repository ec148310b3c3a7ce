package schemasync.normalize;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.BOOLEAN;
import static org.jooq.impl.SQLDataType.CLOB;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.JSONB;
import static org.jooq.impl.SQLDataType.NUMERIC;
import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
import static org.jooq.impl.SQLDataType.UUID;
import static org.jooq.impl.SQLDataType.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.Default.dflt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.db.DatabaseUrl;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.plan.Plan;

/**
 * The normalizer's shortcut: declarations already spelled as the catalog spells the existing objects
 * skip the shadow tables, and tables of one shape share one shadow. Scenario.plan compares both
 * ways on every scenario of the suite; these cases aim at the edges.
 */
class NormalizationShortcutTest {

    /** Every alias CanonicalText rewrites, against format_type on this server. */
    @Test
    void builtInAliasesAreSpelledAsFormatTypeSpellsThem() throws Exception {
        List<String> declared = List.of("int", "int4", "INTEGER", "int8", "bigint", "int2", "smallint", "float8", "float",
                "double precision", "float4", "real", "bool", "boolean", "varchar", "varchar(320)", "VARCHAR (12)",
                "character varying(5)", "char(3)", "character(2)", "decimal", "numeric", "numeric(12,2)",
                "numeric(12, 2)", "decimal(5)", "DECIMAL(7, 3)", "timestamptz", "timestamp with time zone",
                "timestamp", "timestamp without time zone", "timestamptz(3)", "timestamp(6)",
                "timestamp(2) with time zone", "timestamp(1) without time zone", "timetz", "time", "time(3)",
                "timetz(2)", "time with time zone", "text", "jsonb", "uuid", "int[]", "varchar(10)[]", "text[][]",
                "bytea", "date", "interval", "inet", "tsvector");
        StringBuilder ddl = new StringBuilder("CREATE TABLE spellings (");
        for (int i = 0; i < declared.size(); i++) ddl.append(i > 0 ? ", " : "").append("c").append(i).append(' ').append(declared.get(i));
        try (Scenario s = Scenario.start(ddl.append(')').toString())) {
            Catalog catalog = SchemaSync.readCatalog(s.connection, DeclaredSchema.of(List.of()));
            var table = catalog.tables().get(new QualifiedName("public", "spellings"));
            for (int i = 0; i < declared.size(); i++) {
                String actual = table.column("c" + i).orElseThrow().type();
                assertEquals(actual, CanonicalText.type(declared.get(i)), "declared " + declared.get(i));
            }
        }
    }

    /** The benchmark's table, written the way the catalog spells it, converged: no shadow is needed. */
    private static List<ChangeBlock> canonicalTables(int n) {
        List<ChangeBlock> blocks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String t = "t" + i;
            blocks.add(block("C" + i, db -> {
                db.ensureTable(t, tb -> tb
                        .column("id", BIGINT.identity(true))
                        .column("email", VARCHAR(320).notNull())
                        .column("note", CLOB)
                        .column("amount", NUMERIC(12, 2))
                        .column("deleted", BOOLEAN.notNull(), dflt("false"))
                        .column("created_at", TIMESTAMPWITHTIMEZONE.notNull(), dflt("now()"))
                        .column("attrs", JSONB.notNull(), dflt("'{}'::jsonb"))
                        .column("external_ref", UUID)
                        .column("score", INTEGER)
                        .primaryKey("id"));
                db.ensureIndex(t + "_email_key").on(t).unique().expression("lower((email)::text)");
                db.ensureIndex(t + "_live_idx").on(t).columns("created_at").where("deleted IS NOT TRUE");
                db.ensureIndex(t + "_score_idx").on(t).columns("score").include("amount");
            }));
        }
        return blocks;
    }

    @Test
    void aConvergedSchemaInTheCatalogsSpellingNeedsNoTemporaryTable() throws Exception {
        List<ChangeBlock> blocks = canonicalTables(3);
        try (Scenario setup = Scenario.start()) {
            setup.applyAndConverge(blocks);
            String db = setup.queryString("SELECT current_database()");
            setup.execute("REVOKE TEMPORARY ON DATABASE " + db + " FROM PUBLIC");
            setup.execute("DO $$ BEGIN CREATE ROLE schema_sync_no_temp LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            var props = setup.url.properties();
            props.setProperty("user", "schema_sync_no_temp");
            props.remove("password");
            try (Scenario s = Scenario.reconnect(new DatabaseUrl(setup.url.jdbcUrl(), props, "no-temp role"))) {
                // A role that may not create temporary tables plans this schema: no shadow was built.
                Plan plan = SchemaSync.dryRun(s.connection, DeclaredSchema.of(blocks)).plan();
                assertTrue(plan.isEmpty(), () -> "not in sync: " + Scenario.sql(plan));
                // ...and the shadows, forced, do need one (so this test can fail).
                DeclaredSchema declared = DeclaredSchema.of(blocks);
                Catalog catalog = SchemaSync.readCatalog(s.connection, declared);
                s.connection.setAutoCommit(false);
                var e = assertThrows(SchemaSyncException.class, () -> Normalizer.normalize(s.connection, catalog, declared, false));
                assertTrue(e.getMessage().contains("temporary"), e.getMessage());
                s.connection.rollback();
                // One declaration in another spelling than the catalog's: that table takes its shadow.
                List<ChangeBlock> other = new ArrayList<>(blocks);
                other.add(block("C9", d -> d.ensureIndex("t1_email_key").on("t1").unique().expression("lower(email)")));
                assertThrows(SchemaSyncException.class, () -> SchemaSync.dryRun(s.connection, DeclaredSchema.of(other)));
            }
        }
    }

    @Test
    void declarationsThatOnlyLookLikeTheCatalogAreNotShortcut() throws Exception {
        // Each database object differs from its declaration in a way a sloppy text comparison would miss.
        try (Scenario s = Scenario.start(
                "CREATE TABLE a (email text, n numeric(12,2), flag boolean DEFAULT false, two int)",
                "CREATE INDEX a_email ON a (lower(email))",
                "CREATE INDEX a_flag ON a (n) WHERE (flag IS TRUE)")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> {
                db.ensureTable("a", t -> t
                        .column("email", VARCHAR(100))          // another type: the index expression is re-spelled
                        .column("n", NUMERIC(12, 3))
                        .column("flag", BOOLEAN, dflt("true"))
                        .column("two", ColumnType.type("int")));
                db.ensureIndex("a_email").on("a").expression("lower(email)");
                db.ensureIndex("a_flag").on("a").columns("n").where("flag IS NOT TRUE");
            }));
            Plan plan = s.plan(blocks); // compares shortcut and shadows
            assertTrue(Scenario.drift(plan).size() >= 3, () -> "drift expected: " + plan.items());
        }
    }

    @Test
    void tablesOfOneShapeShareAShadowAndKeepTheirOwnBlocksInErrors() throws Exception {
        List<ChangeBlock> blocks = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String t = "s" + i;
            blocks.add(block("C" + i, db -> {
                db.ensureTable(t, tb -> tb.column("id", "serial").column("email", VARCHAR(50)).primaryKey("id"));
                db.ensureIndex(t + "_lower").on(t).expression("lower(email)");
            }));
        }
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertTrue(s.queryString("SELECT pg_get_indexdef('s3_lower'::regclass)").endsWith("(lower((email)::text))"));
        }
        List<ChangeBlock> broken = new ArrayList<>(blocks);
        broken.add(block("C5_Broken", db -> db.ensureTable("s5", tb -> tb.column("id", "serial")
                .column("email", ColumnType.type("no_such_type")).primaryKey("id"))));
        broken.add(block("C6_Broken", db -> db.ensureTable("s6", tb -> tb.column("id", "serial")
                .column("email", ColumnType.type("no_such_type")).primaryKey("id"))));
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(broken));
            assertTrue(e.getMessage().contains("C5_Broken") && e.getMessage().contains("C6_Broken"), e.getMessage());
        }
    }

    @Test
    void expressionKeysAreShortcutOnlyWhenTheyAreOneTerm() {
        var index = new schemasync.catalog.Index(new QualifiedName("public", "i"), new QualifiedName("public", "t"), false,
                "btree", "USING btree (a, b)", true, false);
        var twoKeys = new schemasync.dsl.Declaration.IndexDecl(new QualifiedName("public", "i"), new QualifiedName("public", "t"),
                false, schemasync.dsl.IndexMethod.BTREE, List.of(new schemasync.catalog.KeyPart.ExpressionKey("a, b")),
                List.of(), null, null);
        assertNull(CanonicalText.index(twoKeys, index));
        var columns = new schemasync.dsl.Declaration.IndexDecl(new QualifiedName("public", "i"), new QualifiedName("public", "t"),
                false, schemasync.dsl.IndexMethod.BTREE, List.of(new schemasync.catalog.KeyPart.ColumnKey("a"),
                new schemasync.catalog.KeyPart.ColumnKey("b")), List.of(), null, null);
        assertEquals("USING btree (a, b)", CanonicalText.index(columns, index));
        var forged = new schemasync.dsl.Declaration.IndexDecl(new QualifiedName("public", "i"), new QualifiedName("public", "t"),
                false, schemasync.dsl.IndexMethod.BTREE, List.of(new schemasync.catalog.KeyPart.ExpressionKey("a), (b")),
                List.of(), null, null);
        assertNull(CanonicalText.index(forged, index));
    }
}
