package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.CommentOn;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.OwnerOf;
import schemasync.plan.Plan;

/**
 * Encoding conversions on a server: created (plain and DEFAULT, encodings named by aliases), with a comment and an owner,
 * converged and replayed; a conversion changed by hand replaced (DROP and CREATE: no ALTER CONVERSION); removed; a
 * function that does not exist refused by PostgreSQL with nothing changed.
 */
class ConversionTest {
    private static final String OWNER = "Schema Sync Owner";

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("V1_Schema", db -> db.ensureSchema("enc")),
            block("V2_Conversions", db -> db
                    .ensureConversion("enc.latin1_to_utf8", c -> c.encodings("iso-8859-1", "unicode").function("iso8859_1_to_utf8"))
                    .ensureConversion("enc.utf8_to_latin1", c -> c.encodings("UTF8", "LATIN1")
                            .function("pg_catalog.utf8_to_iso8859_1").asDefault())
                    .ensureComment(CommentOn.CONVERSION, "enc.latin1_to_utf8", "Latin-1 clients")
                    .ensureOwner(OwnerOf.CONVERSION, "enc.utf8_to_latin1", OWNER)));

    @Test
    void conversionsAreCreatedWithTheirCommentAndOwnerAndConverge() throws Exception {
        try (Scenario s = Scenario.start(OwnerTest.ROLE)) {
            List<String> sql = Scenario.sql(s.plan(BLOCKS));
            assertEquals(List.of("CREATE SCHEMA \"enc\"",
                    "CREATE CONVERSION \"enc\".\"latin1_to_utf8\" FOR 'LATIN1' TO 'UTF8' FROM \"pg_catalog\".\"iso8859_1_to_utf8\"",
                    "CREATE DEFAULT CONVERSION \"enc\".\"utf8_to_latin1\" FOR 'UTF8' TO 'LATIN1' FROM \"pg_catalog\".\"utf8_to_iso8859_1\"",
                    "COMMENT ON CONVERSION \"enc\".\"latin1_to_utf8\" IS 'Latin-1 clients'",
                    "ALTER CONVERSION \"enc\".\"utf8_to_latin1\" OWNER TO \"" + OWNER + "\""), sql);
            s.applyAndConverge(BLOCKS, schemasync.model.HazardKind.CHANGES_AUTHORIZATION);
            assertEquals("latin1_to_utf8 LATIN1 UTF8 f Latin-1 clients|utf8_to_latin1 UTF8 LATIN1 t " + OWNER, s.queryString("""
                    SELECT string_agg(c.conname || ' ' || pg_encoding_to_char(c.conforencoding) || ' ' || pg_encoding_to_char(c.contoencoding)
                           || ' ' || CASE WHEN c.condefault THEN 't' ELSE 'f' END || ' '
                           || coalesce(obj_description(c.oid, 'pg_conversion'), pg_get_userbyid(c.conowner)), '|' ORDER BY c.conname)
                    FROM pg_conversion c WHERE c.connamespace = 'enc'::regnamespace"""));
        }
    }

    @Test
    void aConversionChangedByHandIsReplacedAndARemovalDropsIt() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA enc",
                "CREATE DEFAULT CONVERSION enc.latin1_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8",
                "COMMENT ON CONVERSION enc.latin1_to_utf8 IS 'kept'",
                "CREATE CONVERSION enc.undeclared FOR 'LATIN2' TO 'UTF8' FROM iso8859_to_utf8")) {
            List<ChangeBlock> blocks = List.of(block("V1", db -> db.ensureSchema("enc")
                    .ensureConversion("enc.latin1_to_utf8", c -> c.encodings("LATIN1", "UTF8").function("iso8859_1_to_utf8"))));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("DROP CONVERSION \"enc\".\"latin1_to_utf8\"",
                    "CREATE CONVERSION \"enc\".\"latin1_to_utf8\" FOR 'LATIN1' TO 'UTF8' FROM \"pg_catalog\".\"iso8859_1_to_utf8\"",
                    "COMMENT ON CONVERSION \"enc\".\"latin1_to_utf8\" IS 'kept'"), Scenario.sql(plan));
            assertEquals(List.of("conversion enc.undeclared"), Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object()).toList());
            s.applyAndConverge(blocks);
            assertEquals("f kept", s.queryString("SELECT CASE WHEN condefault THEN 't' ELSE 'f' END || ' '"
                    + " || obj_description(oid, 'pg_conversion') FROM pg_conversion"
                    + " WHERE conname = 'latin1_to_utf8' AND connamespace = 'enc'::regnamespace"));

            List<ChangeBlock> removed = List.of(blocks.get(0), block("V2", db -> db.ensureNoConversion("enc.latin1_to_utf8")));
            assertEquals(List.of("DROP CONVERSION \"enc\".\"latin1_to_utf8\""), Scenario.sql(s.plan(removed)));
            s.applyAndConverge(removed);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_conversion WHERE conname = 'latin1_to_utf8'"));
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_conversion WHERE conname = 'undeclared'"), "undeclared: left alone");
        }
    }

    @Test
    void aFunctionThatDoesNotExistIsRefusedByPostgresqlAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("V1", db -> db.ensureSchema("enc")
                    .ensureConversion("enc.broken", c -> c.encodings("LATIN1", "UTF8").function("no_such_conversion"))));
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertTrue(e.getMessage().contains("no_such_conversion"), e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_namespace WHERE nspname = 'enc'"), "rolled back: no schema");
        }
    }

    @Test
    void badDeclarationsAreRefusedBeforeAnyConnection() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("V1", db -> db
                .ensureConversion("a", c -> c.function("iso8859_1_to_utf8"))
                .ensureConversion("b", c -> c.encodings("LATIN1", "UTF8"))
                .ensureConversion("d1", c -> c.encodings("LATIN1", "UTF8").function("iso8859_1_to_utf8").asDefault())
                .ensureConversion("d2", c -> c.encodings("latin1", "utf-8").function("iso8859_1_to_utf8").asDefault())))));
        assertTrue(e.getMessage().contains("V1: conversion public.a needs two encodings"), e.getMessage());
        assertTrue(e.getMessage().contains("V1: conversion public.b needs a function"), e.getMessage());
        assertTrue(e.getMessage().contains("V1: conversion public.d2 is a DEFAULT conversion for LATIN1 to UTF8 in schema public,"
                + " as public.d1 is"), e.getMessage());
    }

    @Test
    void aConversionDroppedByHandMovesTheCatalogVersionSoTheFastPathIsNotTaken() throws Exception {
        // The no-op fast path trusts the catalog version: a conversion dropped or created by hand must move it, or a run
        // with unchanged blocks would skip the plan and leave the conversion missing.
        try (Scenario s = Scenario.start("CREATE SCHEMA enc",
                "CREATE CONVERSION enc.latin1_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM pg_catalog.iso8859_1_to_utf8")) {
            String before = schemasync.catalog.CatalogVersion.read(s.connection, List.of("enc")).rows();
            s.execute("DROP CONVERSION enc.latin1_to_utf8");
            String dropped = schemasync.catalog.CatalogVersion.read(s.connection, List.of("enc")).rows();
            org.junit.jupiter.api.Assertions.assertNotEquals(before, dropped, "a DROP CONVERSION is seen");
            s.execute("CREATE CONVERSION enc.latin1_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM pg_catalog.iso8859_1_to_utf8");
            org.junit.jupiter.api.Assertions.assertNotEquals(dropped,
                    schemasync.catalog.CatalogVersion.read(s.connection, List.of("enc")).rows(), "a CREATE CONVERSION is seen");
        }
    }
}
