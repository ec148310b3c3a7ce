package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;

/**
 * What pg_dump writes for a schema and the engine neither models nor generates is listed, never lost without a word
 * (issue 13: "every kind pg_dump writes for a schema"; docs/adopting-an-existing-database.md, "What is not carried"):
 * the comments the catalog does not read (on a collation, an operator, a materialized view's column, a composite type's
 * attribute). Before the census counted them, generate and roundtrip dropped them silently: the copy lacked them and the
 * report said nothing. A conversion was listed so too until {@code ensureConversion}: now it is counted and carried.
 */
class UnreadObjectsListedTest {

    @Test
    void unreadCommentsAreListedAsNotCarriedAndAConversionIsCountedAndCarried() throws Exception {
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
                    """);
            Generator.Result generated = Generator.generate(source.connection, List.of("shop"));
            List<String> notCarried = generated.notCarried();
            assertEquals(List.of(
                    "comment on collation shop.posix_c: the catalog does not read this comment yet: COMMENT ON it is not generated nor"
                            + " compared (write it in a custom step)",
                    "comment on composite type attribute shop.money_pair.currency: the catalog does not read this comment yet: COMMENT"
                            + " ON it is not generated nor compared (write it in a custom step)",
                    "comment on materialized view column shop.totals.total: the catalog does not read this comment yet: COMMENT ON it"
                            + " is not generated nor compared (write it in a custom step)",
                    "comment on operator shop.===(integer, integer): the catalog does not read this comment yet: COMMENT ON it is not"
                            + " generated nor compared (write it in a custom step)"),
                    notCarried.stream().filter(n -> n.startsWith("comment on") || n.startsWith("conversion")).sorted().toList());
            assertEquals(1, generated.objects().get("conversion"), generated.objects()::toString);
            assertEquals(1, generated.unmodeled().get("comment on collation"), generated.unmodeled()::toString);
            assertTrue(notCarried.stream().noneMatch(n -> n.contains("orders.total")), notCarried::toString);
        }
    }
}
