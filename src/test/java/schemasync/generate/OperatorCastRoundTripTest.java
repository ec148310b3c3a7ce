package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.verify.RoundTrip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * Operators and casts (issue 13), each round-tripped with CorpusKindsRoundTripTest's proof: generate with the
 * defaults, apply to an empty database, zero differences, zero custom steps, empty plans both ways. The operators are
 * placed by the dependency graph: before the tables whose CHECKs and indexes use them, after the types and functions
 * they use (CreationOrderRoundTripTest: those needing a table).
 */
class OperatorCastRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("operators over a domain (a commutator/negator pair, estimators, HASHES, MERGES, a prefix one) used by a CHECK and an index", """
                        CREATE SCHEMA app;
                        CREATE DOMAIN app.code AS text;
                        CREATE FUNCTION app.code_eq(a app.code, b app.code) RETURNS boolean LANGUAGE sql IMMUTABLE
                            AS $$ SELECT lower(a::text) = lower(b::text) $$;
                        CREATE FUNCTION app.code_ne(a app.code, b app.code) RETURNS boolean LANGUAGE sql IMMUTABLE
                            AS $$ SELECT lower(a::text) <> lower(b::text) $$;
                        CREATE OPERATOR app.=== (LEFTARG = app.code, RIGHTARG = app.code, FUNCTION = app.code_eq,
                            COMMUTATOR = OPERATOR(app.===), NEGATOR = OPERATOR(app.!==), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
                        CREATE OPERATOR app.!== (LEFTARG = app.code, RIGHTARG = app.code, FUNCTION = app.code_ne,
                            COMMUTATOR = OPERATOR(app.!==), NEGATOR = OPERATOR(app.===), RESTRICT = neqsel, JOIN = neqjoinsel);
                        CREATE OPERATOR public.#< (RIGHTARG = integer, FUNCTION = int4abs);
                        CREATE TABLE app.items (id bigint PRIMARY KEY, code app.code NOT NULL,
                            CONSTRAINT code_not_blank CHECK (code OPERATOR(app.!==) ''::app.code));
                        CREATE INDEX items_code_blank ON app.items (id) WHERE code OPERATOR(app.===) 'x'::app.code;
                        """),
                new Fixture("casts of a composite type: a function (assignment), INOUT (implicit), to it from text (explicit)", """
                        CREATE SCHEMA geo;
                        CREATE TYPE geo.pair AS (a integer, b integer);
                        CREATE FUNCTION geo.pair_sum(p geo.pair) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p.a + p.b $$;
                        CREATE CAST (geo.pair AS integer) WITH FUNCTION geo.pair_sum(geo.pair) AS ASSIGNMENT;
                        CREATE CAST (geo.pair AS text) WITH INOUT AS IMPLICIT;
                        CREATE CAST (text AS geo.pair) WITH INOUT;
                        CREATE TABLE geo.points (id bigint PRIMARY KEY, p geo.pair, total integer DEFAULT (ROW(1, 2)::geo.pair)::integer);
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        new CorpusKindsRoundTripTest().roundTripsExactly(fixture);
    }

    /**
     * roundtrip prints its counts per kind from the census: every kind it compares is counted, operators, casts and text
     * search objects too (before, they were compared but never counted), and none is reported as not covered.
     */
    @Test
    void censusCountsEveryComparedKind() throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            source.execute("""
                    CREATE SCHEMA geo;
                    CREATE TYPE geo.pair AS (a integer, b integer);
                    CREATE FUNCTION geo.pair_eq(a geo.pair, b geo.pair) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a = b $$;
                    CREATE OPERATOR geo.=== (LEFTARG = geo.pair, RIGHTARG = geo.pair, FUNCTION = geo.pair_eq);
                    CREATE CAST (geo.pair AS text) WITH INOUT;
                    CREATE TEXT SEARCH DICTIONARY geo.english_nostop (TEMPLATE = snowball, LANGUAGE = english);
                    CREATE TEXT SEARCH CONFIGURATION geo.docs (COPY = english);
                    """);
            RoundTrip.Report report = ExactRoundTrip.run(source, SchemaSelection.all().resolve(source.connection), target);
            ExactRoundTrip.assertExact("census", report);
            Map<String, Integer> objects = report.generated().objects();
            assertEquals(List.of(1, 1, 1, 1), List.of(objects.getOrDefault("operator", 0), objects.getOrDefault("cast", 0),
                    objects.getOrDefault("text search dictionary", 0), objects.getOrDefault("text search configuration", 0)),
                    "operator, cast, text search dictionary, configuration counted in " + objects);
            assertEquals(Map.of(), report.generated().unmodeled(), "kinds the comparison does not cover");
        }
    }
}
