package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * Operators and casts (issue 13), each round-tripped with CorpusKindsRoundTripTest's proof: generate with the
 * defaults, apply to an empty database, zero differences, zero custom steps, empty plans both ways. The operators are
 * written before the tables whose CHECKs and indexes use them, after the types and functions they use.
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
}
