package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CreationOrderRoundTripTest.Fixture;

/**
 * Types and routines created where the apply needs them (issue 13, point 2), each failing on the code before it: a
 * domain whose CHECK calls a function whose standard SQL body reads a table, a range type over a domain placed among
 * the tables, types over a view's row type, and a CHECK calling a function whose signature names the row type of a
 * table that has a column of the CHECK's table. Each is generated with the defaults, applied to an empty database and
 * must come back exactly ({@link ExactRoundTrip}). Names are chosen so that name order would be wrong.
 */
class PrerequisitePlacedRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                // PostgreSQL parses a standard SQL body at CREATE: the function needs the table, the domain the function.
                new Fixture("a domain whose CHECK calls a function whose standard SQL body reads a table", 140000, """
                        CREATE TABLE zz_limits (name text PRIMARY KEY, max_items integer NOT NULL);
                        CREATE FUNCTION m_fits(n integer) RETURNS boolean LANGUAGE sql STABLE
                            RETURN n <= (SELECT coalesce(max(l.max_items), 10) FROM zz_limits l);
                        CREATE DOMAIN a_count AS integer CHECK (m_fits(VALUE));
                        CREATE TABLE b_baskets (id bigint PRIMARY KEY, items a_count);
                        """),
                // The range's subtype is a domain placed among the tables (after the function its CHECK calls, which reads
                // zz_limits); the range, its multirange (a column of a table sorting first) and a domain over it follow.
                new Fixture("a range type over a domain placed among the tables, its multirange and a domain over it", 140000, """
                        CREATE TABLE zz_limits (name text PRIMARY KEY, max_items integer NOT NULL);
                        CREATE FUNCTION m_fits(n integer) RETURNS boolean LANGUAGE sql STABLE
                            RETURN n <= (SELECT coalesce(max(l.max_items), 10) FROM zz_limits l);
                        CREATE DOMAIN m_count AS integer CHECK (m_fits(VALUE));
                        CREATE TYPE b_count_range AS RANGE (subtype = m_count);
                        CREATE DOMAIN a_span AS b_count_range CHECK (NOT isempty(VALUE));
                        CREATE TABLE a_items (id bigint PRIMARY KEY, span a_span);
                        CREATE TABLE a_more (id bigint PRIMARY KEY, spans b_count_multirange);
                        """),
                new Fixture("a composite type and a domain over a view's row type", 0, """
                        CREATE TABLE zz_items (id integer PRIMARY KEY, name text);
                        CREATE VIEW m_item_names AS SELECT id, name FROM zz_items;
                        CREATE TYPE a_pair AS (first m_item_names, second m_item_names);
                        CREATE DOMAIN a_named AS m_item_names CHECK ((VALUE).id > 0);
                        CREATE DOMAIN a_pairs AS a_pair[];
                        """),
                // The CHECK closes a cycle (a_orders → m_valid → zz_wraps → a_orders): generate adds it by a later
                // ensureConstraints, and the comparison must create the functions, whose signatures name zz_wraps.
                new Fixture("a CHECK calling functions whose argument and result are the row type of a table with a column of the CHECK's table", 0, """
                        CREATE TABLE a_orders (id bigint PRIMARY KEY, total numeric);
                        CREATE TABLE zz_wraps (orders a_orders, note text);
                        CREATE FUNCTION m_valid(w zz_wraps) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT (w).note IS NULL $$;
                        CREATE FUNCTION m_wrap(o a_orders) RETURNS zz_wraps LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(o, NULL)::zz_wraps $$;
                        ALTER TABLE a_orders ADD CONSTRAINT a_orders_valid CHECK (m_valid(m_wrap(ROW(id, total)::a_orders)));
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        ExactRoundTrip.assertExact(fixture.name(), fixture.minimumVersion(), fixture.sql());
    }
}
