package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.verify.RoundTrip;

/**
 * Comments pg_dump writes on a collation, an operator, a cast, an operator class and family, a materialized view's
 * column, a composite type's attribute, and the database's extension, foreign server, publication and event trigger
 * (issue 13, point 3) round-trip with the shared proof ({@link ExactRoundTrip}): generate writes an
 * {@code ensureComment} for each, the copy's comments equal the source's, plans are empty both ways. Before, the catalog
 * read none of them: the census listed some as not carried, and the casts' and the database objects' were lost
 * without a word. An extension's comment its control file gives (CREATE EXTENSION sets it) is not written.
 */
class ObjectCommentsRoundTripTest {

    /** Every comment on these kinds, as PostgreSQL names their objects: the same text in the source and the copy. */
    private static final String COMMENTS = """
            SELECT string_agg(pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' = ' || d.description, '; '
                              ORDER BY pg_describe_object(d.classoid, d.objoid, d.objsubid))
            FROM pg_description d
            WHERE d.objoid >= 16384 -- not initdb's own objects
              AND (d.classoid IN ('pg_collation'::regclass, 'pg_operator'::regclass, 'pg_cast'::regclass, 'pg_opclass'::regclass,
                                 'pg_opfamily'::regclass, 'pg_extension'::regclass, 'pg_foreign_server'::regclass,
                                 'pg_publication'::regclass, 'pg_event_trigger'::regclass)
               OR d.classoid = 'pg_class'::regclass AND d.objsubid > 0
                  AND d.objoid IN (SELECT c.oid FROM pg_class c WHERE c.relkind IN ('m', 'c')))
            """;

    @Test
    void commentsOnEveryDeclaredKindRoundTrip() throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            source.execute("""
                CREATE SCHEMA shop;
                CREATE EXTENSION postgres_fdw;
                CREATE EXTENSION btree_gist;
                COMMENT ON EXTENSION postgres_fdw IS 'Reads the archive';
                CREATE COLLATION shop.bytes (provider = libc, locale = 'C');
                COMMENT ON COLLATION shop.bytes IS 'Byte order';
                CREATE DOMAIN shop.code AS text;
                CREATE FUNCTION shop.code_eq(a shop.code, b shop.code) RETURNS boolean LANGUAGE sql IMMUTABLE
                    AS $$ SELECT lower(a::text) = lower(b::text) $$;
                CREATE FUNCTION shop.code_cmp(a shop.code, b shop.code) RETURNS integer LANGUAGE sql IMMUTABLE
                    AS $$ SELECT CASE WHEN lower(a::text) < lower(b::text) THEN -1 WHEN lower(a::text) > lower(b::text) THEN 1 ELSE 0 END $$;
                CREATE OPERATOR shop.=== (LEFTARG = shop.code, RIGHTARG = shop.code, FUNCTION = shop.code_eq);
                COMMENT ON OPERATOR shop.=== (shop.code, shop.code) IS 'Equal, ignoring case';
                CREATE OPERATOR shop.#< (RIGHTARG = integer, FUNCTION = int4abs);
                COMMENT ON OPERATOR shop.#< (NONE, integer) IS 'A prefix one';
                CREATE OPERATOR FAMILY shop.code_family USING btree;
                COMMENT ON OPERATOR FAMILY shop.code_family USING btree IS 'Codes';
                CREATE OPERATOR CLASS shop.code_ops FOR TYPE shop.code USING btree FAMILY shop.code_family AS
                    OPERATOR 3 shop.===, FUNCTION 1 shop.code_cmp(shop.code, shop.code);
                COMMENT ON OPERATOR CLASS shop.code_ops USING btree IS 'Case-blind order';
                CREATE TYPE shop.pair AS (a integer, "B" integer);
                COMMENT ON COLUMN shop.pair."B" IS 'The second';
                CREATE FUNCTION shop.pair_sum(p shop.pair) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p.a + p."B" $$;
                CREATE CAST (shop.pair AS integer) WITH FUNCTION shop.pair_sum(shop.pair) AS ASSIGNMENT;
                COMMENT ON CAST (shop.pair AS integer) IS 'Sums the pair';
                CREATE TABLE shop.orders (id bigint PRIMARY KEY, total numeric);
                CREATE MATERIALIZED VIEW shop.totals AS SELECT sum(total) AS total FROM shop.orders;
                COMMENT ON COLUMN shop.totals.total IS 'All orders';
                CREATE SERVER archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost');
                COMMENT ON SERVER archive IS 'Orders before 2020';
                CREATE PUBLICATION changes FOR TABLE shop.orders;
                COMMENT ON PUBLICATION changes IS 'To the warehouse';
                CREATE FUNCTION shop.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
                CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION shop.log_ddl();
                COMMENT ON EVENT TRIGGER audit_ddl IS 'Logs DDL';
                """);
            RoundTrip.Report report = ExactRoundTrip.run(source, SchemaSelection.all().resolve(source.connection), target);
            ExactRoundTrip.assertExact("comments on every declared kind", report);
            String sourceComments = source.queryString(COMMENTS);
            assertTrue(sourceComments.contains("cast from shop.pair to integer = Sums the pair"), sourceComments);
            assertEquals(sourceComments, target.queryString(COMMENTS));
            // Compared, not merely absent on both sides: twelve declared ones, the public schema's stock comment and the
            // control files' of btree_gist and plpgsql (CREATE EXTENSION set them in the copy too).
            assertEquals(15, report.diff().compared().get("comments"), report.diff().compared().toString());
            String code = report.generated().blocks().stream().map(b -> b.source("changes")).reduce("", String::concat);
            assertTrue(code.contains("db.ensureComment(CommentOn.CAST, \"shop.pair AS integer\", \"Sums the pair\");"), code);
            assertTrue(code.contains("db.ensureComment(CommentOn.FOREIGN_SERVER, \"archive\", \"Orders before 2020\");"), code);
            assertFalse(code.contains("\"btree_gist\", \"support for"), "the comment CREATE EXTENSION sets is not written");
        }
    }
}
