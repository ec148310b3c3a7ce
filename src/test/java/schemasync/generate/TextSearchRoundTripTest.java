package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * Text search dictionaries and configurations (issue 13, point 3), round-tripped with the shared proof
 * ({@link ExactRoundTrip}): generate with the defaults, apply to an empty database, zero differences, zero custom
 * steps, empty plans both ways. The configuration is created before the generated tsvector column and the
 * expression index that name it, which pg_depend records (a regconfig constant in an expression).
 */
class TextSearchRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("a dictionary, a configuration using it, a generated tsvector column and GIN indexes over it", """
                        CREATE SCHEMA search;
                        CREATE TEXT SEARCH DICTIONARY search.english_nostop (TEMPLATE = snowball, language = 'english');
                        CREATE TEXT SEARCH DICTIONARY public.simple_stop (TEMPLATE = simple, StopWords = english, Accept = false);
                        CREATE TEXT SEARCH DICTIONARY public.english_stem (TEMPLATE = snowball, language = english);
                        CREATE TEXT SEARCH CONFIGURATION search.docs (PARSER = default);
                        ALTER TEXT SEARCH CONFIGURATION search.docs ADD MAPPING FOR asciiword, word, hword_part
                            WITH search.english_nostop;
                        ALTER TEXT SEARCH CONFIGURATION search.docs ADD MAPPING FOR numword, int WITH public.simple_stop, simple;
                        CREATE TEXT SEARCH CONFIGURATION public.copied (COPY = pg_catalog.english);
                        ALTER TEXT SEARCH CONFIGURATION public.copied ALTER MAPPING FOR asciiword WITH pg_catalog.english_stem;
                        COMMENT ON TEXT SEARCH CONFIGURATION search.docs IS 'Documents: stemmed, stop words kept';
                        COMMENT ON TEXT SEARCH DICTIONARY search.english_nostop IS 'Snowball without a stop list';
                        CREATE TABLE articles (id bigint PRIMARY KEY, title text, body text,
                            search tsvector GENERATED ALWAYS AS (to_tsvector('search.docs'::regconfig, coalesce(title, '') || ' ' || body)) STORED);
                        CREATE INDEX articles_search ON articles USING gin (search);
                        CREATE INDEX articles_title ON articles USING gin (to_tsvector('public.copied'::regconfig, title));
                        """),
                DICT_INT);
    }

    /** Needs contrib's dict_int: skipped (not passed empty) on a server without it. */
    static final Fixture DICT_INT = new Fixture("a dictionary over an extension's template (dict_int), with a numeric option", """
            CREATE SCHEMA ext;
            CREATE EXTENSION dict_int WITH SCHEMA ext;
            CREATE TEXT SEARCH DICTIONARY public.short_ints (TEMPLATE = ext.intdict_template, MAXLEN = 4, rejectlong = true);
            CREATE TEXT SEARCH CONFIGURATION public.numbers (PARSER = default);
            ALTER TEXT SEARCH CONFIGURATION public.numbers ADD MAPPING FOR int, uint WITH public.short_ints;
            """);

    private static boolean dictIntAvailable() throws Exception {
        schemasync.db.DatabaseUrl url = schemasync.TestDatabase.fresh();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.properties());
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'dict_int'")) {
            return rs.next();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        if (fixture == DICT_INT) org.junit.jupiter.api.Assumptions.assumeTrue(dictIntAvailable(), "dict_int is not available");
        ExactRoundTrip.assertExact(fixture.name(), 0, fixture.sql());
    }
}
