package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * Encoding conversions (issue 13, point 3: pg_dump writes them for a schema), round-tripped with the shared proof
 * ({@link ExactRoundTrip}): generate with the defaults, apply to an empty database, zero differences, zero custom steps,
 * empty plans both ways. Before {@code ensureConversion} they were counted and listed as not carried: the copy lacked
 * them and the comparison did not look. The DEFAULT one over a user function needs that function first: it is a C
 * function of PostgreSQL's own conversion library, whose signature gained a sixth argument ({@code noError}) and an
 * integer result in 14, so the fixture is spelled per major.
 */
class ConversionRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("conversions over pg_catalog functions, DEFAULT or not, with a comment, in two schemas", """
                        CREATE SCHEMA enc;
                        CREATE CONVERSION enc.latin1_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM pg_catalog.iso8859_1_to_utf8;
                        CREATE DEFAULT CONVERSION public.utf8_to_latin2 FOR 'unicode' TO 'iso-8859-2' FROM utf8_to_iso8859;
                        COMMENT ON CONVERSION enc.latin1_to_utf8 IS 'Latin-1 clients';
                        """),
                new Fixture("a DEFAULT conversion over a user function, which is created before it", """
                        CREATE SCHEMA enc;
                        CREATE FUNCTION enc.latin1_in(integer, integer, cstring, internal, integer, boolean) RETURNS integer
                            LANGUAGE c STRICT AS '$libdir/utf8_and_iso8859_1', 'iso8859_1_to_utf8';
                        CREATE DEFAULT CONVERSION enc.latin1_in FOR 'LATIN1' TO 'UTF8' FROM enc.latin1_in;
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        String sql = fixture.sql();
        if (serverMajor() < 14) {
            // PostgreSQL 13's conversion functions: five arguments, no result (the noError flag came in 14).
            sql = sql.replace("integer, boolean) RETURNS integer", "integer) RETURNS void");
        }
        ExactRoundTrip.assertExact(fixture.name(), 0, sql);
    }

    private static int serverMajor() throws Exception {
        schemasync.db.DatabaseUrl url = schemasync.TestDatabase.fresh();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.properties());
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
