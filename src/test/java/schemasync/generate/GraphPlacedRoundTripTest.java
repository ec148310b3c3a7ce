package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CreationOrderRoundTripTest.Fixture;

/**
 * The creation-order cases of issue 13 that a fixed slot per kind got wrong (each failed on the code before it): a
 * domain or composite type that needs an operator or a table's row type, a partition tree's own default closing a
 * cycle. Each is generated with the defaults, applied to an empty database and must come back exactly
 * ({@link ExactRoundTrip}). Names are chosen so that name order would be wrong.
 */
class GraphPlacedRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("a domain whose CHECK and one whose default use a user operator, a composite over the first", 0, """
                        CREATE FUNCTION zz_near(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT abs(a - b) <= 3 $$;
                        CREATE OPERATOR ### (LEFTARG = integer, RIGHTARG = integer, FUNCTION = zz_near);
                        CREATE DOMAIN a_small AS integer CHECK (VALUE ### 3);
                        CREATE DOMAIN a_flag AS boolean DEFAULT (1 ### 2);
                        CREATE TYPE a_sizes AS (first a_small, second a_small);
                        CREATE TABLE m_items (id bigint PRIMARY KEY, size a_small, flag a_flag, sizes a_sizes);
                        """),
                new Fixture("a domain whose CHECK uses an operator whose function's standard SQL body reads a table", 140000, """
                        CREATE TABLE zz_limits (name text PRIMARY KEY, max_items integer NOT NULL);
                        CREATE FUNCTION m_within(n integer, t text) RETURNS boolean LANGUAGE sql STABLE
                            RETURN n <= (SELECT l.max_items FROM zz_limits l WHERE l.name = t);
                        CREATE OPERATOR <~ (LEFTARG = integer, RIGHTARG = text, FUNCTION = m_within);
                        CREATE DOMAIN a_count AS integer CHECK (VALUE <~ 'basket');
                        CREATE TABLE b_baskets (id bigint PRIMARY KEY, items a_count);
                        """),
                new Fixture("a composite type and a domain over a table's row type, used by an earlier-named table", 0, """
                        CREATE TABLE zz_points (x integer, y integer);
                        CREATE TYPE a_segment AS (p zz_points, q zz_points);
                        CREATE DOMAIN a_point AS zz_points CHECK ((VALUE).x IS NOT NULL);
                        CREATE TABLE m_paths (id bigint PRIMARY KEY, seg a_segment, start a_point);
                        """),
                // The comparison's shadows are temporary tables under other names: the column's type needs the real table.
                new Fixture("a table with a column of another table's row type, that table sorting later", 0, """
                        CREATE TABLE zz_points (x integer, y integer);
                        CREATE TABLE a_shapes (id bigint PRIMARY KEY, origin zz_points, corners zz_points[]);
                        """),
                // The default reaches the partitions as copies (SET DEFAULT on a partitioned table recurses): the tree is
                // created without it, and the later block's SET DEFAULT on the parent gives it to both again.
                new Fixture("a partitioned table's default calling a function whose standard SQL body reads the tree", 140000, """
                        CREATE TABLE a_log (id bigint NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at);
                        CREATE TABLE a_log_2024 PARTITION OF a_log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                        CREATE FUNCTION zz_next_log() RETURNS bigint LANGUAGE sql RETURN (SELECT coalesce(max(id), 0) + 1 FROM a_log);
                        ALTER TABLE a_log ALTER COLUMN id SET DEFAULT zz_next_log();
                        CREATE TABLE a_log_2025 PARTITION OF a_log FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        ExactRoundTrip.assertExact(fixture.name(), fixture.minimumVersion(), fixture.sql());
    }
}
