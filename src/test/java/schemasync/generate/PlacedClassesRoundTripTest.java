package schemasync.generate;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CreationOrderRoundTripTest.Fixture;

/**
 * Operator classes and families, and text search objects, placed by the dependency graph rather than in a slot of
 * their own (issue 13, point 2), and an index over a domain that has a DEFAULT operator class: each is generated with
 * the defaults, applied to an empty database and must come back exactly ({@link ExactRoundTrip}). Names are chosen so
 * that name order would be wrong.
 */
class PlacedClassesRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                // PostgreSQL parses a standard SQL body at CREATE FUNCTION: the function comes after zz_weights, the class
                // after the function, and b_items (whose index names the class) after the class.
                new Fixture("an operator class whose support function's standard SQL body reads a table, used by an index", 140000, """
                        CREATE TABLE zz_weights (code text PRIMARY KEY, weight integer NOT NULL);
                        DO $do$ BEGIN EXECUTE $f$CREATE FUNCTION m_weight_cmp(a text, b text) RETURNS integer LANGUAGE sql
                            IMMUTABLE BEGIN ATOMIC SELECT sign(coalesce((SELECT w.weight FROM zz_weights w WHERE w.code = a), 0)
                                - coalesce((SELECT w.weight FROM zz_weights w WHERE w.code = b), 0))::integer; END$f$; END $do$;
                        CREATE OPERATOR FAMILY a_weight_family USING btree;
                        CREATE OPERATOR CLASS a_weight_ops FOR TYPE text USING btree FAMILY a_weight_family AS
                            OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
                            FUNCTION 1 m_weight_cmp(text, text);
                        CREATE TABLE b_items (id bigint PRIMARY KEY, code text);
                        CREATE INDEX b_items_code ON b_items (code a_weight_ops);
                        """),
                new Fixture("a text search configuration over a built-in template, used by a generated column, a default and an"
                        + " expression index", 0, """
                        CREATE SCHEMA zz_search;
                        CREATE TEXT SEARCH DICTIONARY zz_search.z_stem (TEMPLATE = snowball, language = 'english');
                        CREATE TEXT SEARCH CONFIGURATION zz_search.z_cfg (PARSER = default);
                        ALTER TEXT SEARCH CONFIGURATION zz_search.z_cfg ADD MAPPING FOR asciiword, word WITH zz_search.z_stem;
                        CREATE TABLE a_docs (id bigint PRIMARY KEY, body text,
                            empty tsvector DEFAULT to_tsvector('zz_search.z_cfg'::regconfig, ''),
                            search tsvector GENERATED ALWAYS AS (to_tsvector('zz_search.z_cfg'::regconfig, body)) STORED);
                        CREATE INDEX a_docs_body ON a_docs USING gin (to_tsvector('zz_search.z_cfg'::regconfig, body));
                        """),
                UNACCENT,
                // PostgreSQL resolves a regconfig constant in a standard SQL body at CREATE FUNCTION: the configuration
                // comes with the extensions, before the functions the tables use.
                new Fixture("a function whose standard SQL body names a text search configuration, called by an index", 140000, """
                        CREATE TEXT SEARCH CONFIGURATION zz_cfg (COPY = pg_catalog.simple);
                        CREATE FUNCTION a_words(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE RETURN to_tsvector('zz_cfg'::regconfig, t);
                        CREATE TABLE b_texts (id bigint PRIMARY KEY, body text);
                        CREATE INDEX b_texts_words ON b_texts USING gin (a_words(body));
                        """),
                // GetDefaultOpClass looks at a domain's base type: an index naming no class gets text_ops and
                // pg_get_indexdef names none; one naming the domain's DEFAULT class has it printed.
                new Fixture("a DEFAULT operator class over a domain, an index naming no class and one naming it", 0, """
                        CREATE DOMAIN code AS text;
                        CREATE FUNCTION code_lt(a code, b code) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(a) < lower(b) $f$;
                        CREATE FUNCTION code_eq(a code, b code) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(a) = lower(b) $f$;
                        CREATE FUNCTION code_gt(a code, b code) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(a) > lower(b) $f$;
                        CREATE FUNCTION code_cmp(a code, b code) RETURNS integer LANGUAGE sql IMMUTABLE
                            AS $f$ SELECT bttextcmp(lower(a), lower(b)) $f$;
                        CREATE OPERATOR < (LEFTARG = code, RIGHTARG = code, FUNCTION = code_lt);
                        CREATE OPERATOR = (LEFTARG = code, RIGHTARG = code, FUNCTION = code_eq);
                        CREATE OPERATOR > (LEFTARG = code, RIGHTARG = code, FUNCTION = code_gt);
                        CREATE OPERATOR CLASS code_ops DEFAULT FOR TYPE code USING btree AS
                            OPERATOR 1 <, OPERATOR 3 =, OPERATOR 5 >, FUNCTION 1 code_cmp(code, code);
                        CREATE TABLE items (id integer, code code);
                        CREATE INDEX items_code ON items (code);
                        CREATE INDEX items_code_desc ON items (code DESC);
                        CREATE INDEX items_code_named ON items (code code_ops);
                        """));
    }

    /** Needs contrib's unaccent: skipped (not passed empty) on a server without it. */
    static final Fixture UNACCENT = new Fixture("a text search dictionary over an extension's template (unaccent) in its own"
            + " schema, a configuration mapping it, used by a generated column and an expression index", 0, """
            CREATE SCHEMA ext;
            CREATE EXTENSION unaccent WITH SCHEMA ext;
            CREATE TEXT SEARCH DICTIONARY a_plain (TEMPLATE = ext.unaccent, RULES = 'unaccent');
            CREATE TEXT SEARCH CONFIGURATION a_folded (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION a_folded ALTER MAPPING FOR hword, hword_part, word WITH a_plain, simple;
            CREATE TABLE b_names (id bigint PRIMARY KEY, name text,
                folded tsvector GENERATED ALWAYS AS (to_tsvector('a_folded'::regconfig, name)) STORED);
            CREATE INDEX b_names_name ON b_names USING gin (to_tsvector('a_folded'::regconfig, name));
            """);

    private static boolean unaccentAvailable() throws Exception {
        schemasync.db.DatabaseUrl url = schemasync.TestDatabase.fresh();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.properties());
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'unaccent'")) {
            return rs.next();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        if (fixture == UNACCENT) Assumptions.assumeTrue(unaccentAvailable(), "unaccent is not available");
        ExactRoundTrip.assertExact(fixture.name(), fixture.minimumVersion(), fixture.sql());
    }
}
