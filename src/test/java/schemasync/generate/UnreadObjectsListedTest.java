package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;

/**
 * What pg_dump writes for a schema and the engine neither models nor generates is listed, never lost without a word
 * (issue 13: "every kind pg_dump writes for a schema"; docs/adopting-an-existing-database.md, "What is not carried"):
 * a text search template (made of C functions: only an extension ships one). Conversions (ensureConversion) and the comments
 * on a collation, an operator, a materialized view's column and a composite type's attribute were listed the same way
 * until they were carried: now they are counted and carried, and listed no more.
 */
class UnreadObjectsListedTest {

    @Test
    void aTemplateIsListedAsNotCarriedAndConversionsAndCommentsNoLonger() throws Exception {
        try (Scenario source = Scenario.start()) {
            source.execute("""
                    CREATE SCHEMA shop;
                    CREATE CONVERSION shop.latin1_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM pg_catalog.iso8859_1_to_utf8;
                    CREATE COLLATION shop.posix_c (provider = libc, locale = 'C');
                    COMMENT ON COLLATION shop.posix_c IS 'byte order';
                    CREATE FUNCTION shop.same(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
                    CREATE OPERATOR shop.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = shop.same);
                    COMMENT ON OPERATOR shop.=== (integer, integer) IS 'the same';
                    CREATE TABLE shop.orders (id bigint PRIMARY KEY, total numeric);
                    CREATE MATERIALIZED VIEW shop.totals AS SELECT sum(total) AS total FROM shop.orders;
                    COMMENT ON COLUMN shop.totals.total IS 'all orders';
                    CREATE TYPE shop.money_pair AS (amount numeric, currency text);
                    COMMENT ON COLUMN shop.money_pair.currency IS 'ISO 4217';
                    COMMENT ON COLUMN shop.orders.total IS 'read and carried: a table column';
                    CREATE TEXT SEARCH TEMPLATE shop.copy_of_simple (INIT = pg_catalog.dsimple_init, LEXIZE = pg_catalog.dsimple_lexize);
                    """);
            Generator.Result generated = Generator.generate(source.connection, List.of("shop"));
            List<String> notCarried = generated.notCarried();
            // Conversions and the comments on a collation, an operator, a materialized view's column and a composite type's
            // attribute are read and generated now (ConversionRoundTripTest, ObjectCommentsRoundTripTest).
            assertEquals(List.of(), notCarried.stream().filter(n -> n.startsWith("comment on") || n.startsWith("conversion")).toList());
            assertTrue(notCarried.stream().anyMatch(n -> n.startsWith("text search template shop.copy_of_simple")), notCarried::toString);
            assertEquals(1, generated.objects().get("conversion"), generated.objects()::toString);
            assertTrue(generated.unmodeled().keySet().stream().noneMatch(k -> k.startsWith("comment on")), generated.unmodeled()::toString);
            assertTrue(notCarried.stream().noneMatch(n -> n.contains("orders.total")), notCarried::toString);
        }
    }
}
