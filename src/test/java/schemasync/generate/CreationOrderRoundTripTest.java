package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schemas whose objects must be created in an order that neither their kinds nor their names give:
 * each is generated with the defaults, applied to an empty database and must come back exactly (no
 * difference, no custom step, empty plans: {@link ExactRoundTrip}). Names are chosen so that name order would be wrong.
 */
class CreationOrderRoundTripTest {

    record Fixture(String name, int minimumVersion, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("an extension WITH SCHEMA x, schema x created in the same run, used by a table of an earlier schema", 0, """
                        CREATE SCHEMA zz_ext;
                        CREATE EXTENSION citext WITH SCHEMA zz_ext;
                        CREATE SCHEMA aa;
                        CREATE TABLE aa.users (id bigint PRIMARY KEY, email zz_ext.citext NOT NULL);
                        """),
                new Fixture("a trigger whose function comes later by name and schema", 0, """
                        CREATE SCHEMA a;
                        CREATE SCHEMA z;
                        CREATE TABLE a.docs (id bigint PRIMARY KEY, updated_at timestamptz);
                        CREATE FUNCTION z.zz_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
                        CREATE TRIGGER docs_touch BEFORE UPDATE ON a.docs FOR EACH ROW EXECUTE FUNCTION z.zz_touch();
                        """),
                new Fixture("a view over a function over a table", 0, """
                        CREATE TABLE zz_orders (id bigint PRIMARY KEY, total numeric NOT NULL);
                        CREATE FUNCTION a_revenue() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(total) FROM zz_orders $$;
                        CREATE VIEW a_dashboard AS SELECT a_revenue() AS revenue;
                        """),
                new Fixture("an index function calling a helper that sorts after it and after the table", 0, """
                        CREATE FUNCTION zz_helper(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
                        CREATE FUNCTION a_key(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT public.zz_helper(trim(t)) $$;
                        CREATE TABLE m_items (id bigint PRIMARY KEY, name text NOT NULL);
                        CREATE INDEX m_items_key_idx ON m_items (a_key(name));
                        """),
                new Fixture("a default, a CHECK and a generated column calling functions whose names sort after the table", 0, """
                        CREATE FUNCTION zz_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
                        CREATE FUNCTION zz_ok(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t <> '' $$;
                        CREATE FUNCTION zz_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
                        CREATE TABLE a_items (id bigint PRIMARY KEY, code text NOT NULL DEFAULT zz_code() CHECK (zz_ok(code)),
                            key text GENERATED ALWAYS AS (zz_norm(code)) STORED);
                        """),
                new Fixture("a policy calling a function that sorts after its table", 0, """
                        CREATE TABLE a_notes (id bigint PRIMARY KEY, owner text NOT NULL);
                        CREATE FUNCTION zz_me() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_user::text $$;
                        ALTER TABLE a_notes ENABLE ROW LEVEL SECURITY;
                        CREATE POLICY a_notes_mine ON a_notes USING (owner = zz_me());
                        """),
                new Fixture("foreign keys in a cycle, one to a table that sorts later", 0, """
                        CREATE TABLE b_customers (id bigint PRIMARY KEY, best_order bigint);
                        CREATE TABLE a_orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES b_customers (id));
                        ALTER TABLE b_customers ADD FOREIGN KEY (best_order) REFERENCES a_orders (id);
                        CREATE TABLE c_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES a_orders (id));
                        """),
                new Fixture("a domain whose CHECK calls a function", 0, """
                        CREATE FUNCTION zz_is_code(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t ~ '^[A-Z]{3}$' $$;
                        CREATE DOMAIN a_code AS text CHECK (zz_is_code(VALUE));
                        CREATE TABLE m_airports (id bigint PRIMARY KEY, code a_code NOT NULL);
                        """),
                new Fixture("a standard SQL body (BEGIN ATOMIC) reading a view", 140000, """
                        CREATE TABLE zz_events (id bigint PRIMARY KEY, kind text NOT NULL);
                        CREATE VIEW zz_signups AS SELECT id FROM zz_events WHERE kind = 'signup';
                        CREATE FUNCTION a_signup_count() RETURNS bigint LANGUAGE sql STABLE
                            BEGIN ATOMIC SELECT count(*) FROM zz_signups; END;
                        """),
                new Fixture("a standard SQL body (RETURN) used by a CHECK, calling a function that sorts after it", 140000, """
                        CREATE FUNCTION zz_len(t text) RETURNS integer LANGUAGE sql IMMUTABLE RETURN length(t);
                        CREATE FUNCTION a_short(t text) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN zz_len(t) < 10;
                        CREATE TABLE m_tags (id bigint PRIMARY KEY, tag text NOT NULL CHECK (a_short(tag)));
                        """),
                new Fixture("a CHECK calling a function whose SQL body reads a table that sorts after it (check_function_bodies off)", 0, """
                        CREATE TABLE zz_limits (name text PRIMARY KEY, max_items int NOT NULL);
                        CREATE FUNCTION m_limit(t text) RETURNS int LANGUAGE sql STABLE AS $$ SELECT max_items FROM zz_limits WHERE name = t $$;
                        CREATE TABLE a_baskets (id bigint PRIMARY KEY, kind text NOT NULL, items int NOT NULL CHECK (items <= coalesce(m_limit(kind), 0)));
                        """),
                new Fixture("a CHECK calling a function whose standard SQL body (RETURN) reads a table that sorts after it", 140000, """
                        CREATE TABLE zz_limits (name text PRIMARY KEY, max_items int NOT NULL);
                        CREATE FUNCTION m_limit(t text) RETURNS int LANGUAGE sql STABLE
                            RETURN (SELECT max_items FROM zz_limits WHERE name = t);
                        CREATE TABLE a_baskets (id bigint PRIMARY KEY, kind text NOT NULL, items int NOT NULL CHECK (items <= coalesce(m_limit(kind), 0)));
                        """),
                new Fixture("a default, an index and a generated column calling standard SQL bodies (RETURN) that read other tables", 140000, """
                        CREATE TABLE zz_codes (code text PRIMARY KEY, label text NOT NULL);
                        CREATE TABLE zy_rates (code text PRIMARY KEY, rate numeric NOT NULL);
                        CREATE FUNCTION b_label(c text) RETURNS text LANGUAGE sql IMMUTABLE RETURN (SELECT label FROM zz_codes WHERE code = c);
                        CREATE FUNCTION b_first_code() RETURNS text LANGUAGE sql STABLE RETURN (SELECT min(code) FROM zz_codes);
                        CREATE FUNCTION c_rate(c text) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN (SELECT rate FROM zy_rates WHERE code = c);
                        CREATE FUNCTION b_rated(c text) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN c_rate(c) * 2;
                        CREATE TABLE a_items (id bigint PRIMARY KEY, code text NOT NULL DEFAULT b_first_code(),
                            doubled numeric GENERATED ALWAYS AS (b_rated(code)) STORED);
                        CREATE INDEX a_items_label_idx ON a_items (b_label(code));
                        """),
                new Fixture("a CHECK calling a function whose standard SQL body reads the CHECK's own table (added after both)", 140000, """
                        CREATE TABLE a_accounts (id bigint PRIMARY KEY, parent bigint);
                        CREATE FUNCTION zz_known(p bigint) RETURNS boolean LANGUAGE sql STABLE
                            RETURN p IS NULL OR EXISTS (SELECT 1 FROM a_accounts WHERE id = p);
                        ALTER TABLE a_accounts ADD CONSTRAINT a_accounts_parent_known CHECK (zz_known(parent));
                        CREATE TABLE b_members (id bigint PRIMARY KEY, account bigint REFERENCES a_accounts (id));
                        """),
                new Fixture("an index calling a function whose standard SQL body (BEGIN ATOMIC) reads a table that sorts after it", 140000, """
                        CREATE TABLE a_words (id bigint PRIMARY KEY, word text NOT NULL);
                        CREATE TABLE zz_stems (word text PRIMARY KEY, stem text NOT NULL);
                        DO $do$ BEGIN EXECUTE $f$CREATE FUNCTION m_stem(w text) RETURNS text LANGUAGE sql IMMUTABLE
                            BEGIN ATOMIC SELECT coalesce((SELECT stem FROM zz_stems WHERE word = w), w); END$f$; END $do$;
                        CREATE INDEX a_words_stem_idx ON a_words (m_stem(word));
                        """),
                new Fixture("an index calling a function whose standard SQL body reads the index's own table (created after both)", 140000, """
                        CREATE TABLE a_labels (id bigint PRIMARY KEY, code text NOT NULL, parent text);
                        CREATE FUNCTION zz_children(c text) RETURNS bigint LANGUAGE sql IMMUTABLE
                            RETURN (SELECT count(*) FROM a_labels WHERE parent = c);
                        CREATE INDEX a_labels_children_idx ON a_labels (zz_children(code));
                        CREATE INDEX a_labels_code_idx ON a_labels (code);
                        """),
                new Fixture("a domain and a composite type over a range type whose subtype_diff is a user function", 0, """
                        CREATE FUNCTION zz_time_diff(a time, b time) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT EXTRACT(EPOCH FROM (a - b))::float8 $$;
                        CREATE TYPE a_timerange AS RANGE (subtype = time, subtype_diff = zz_time_diff);
                        CREATE DOMAIN a_shift AS a_timerange CHECK (NOT isempty(VALUE));
                        CREATE TYPE a_slot AS (name text, during a_shift);
                        CREATE TYPE a_pair AS (first a_timerange, second a_timerange);
                        CREATE TABLE m_rota (id bigint PRIMARY KEY, slot a_slot, shift a_shift, pair a_pair);
                        """),
                // Operators and casts placed by the graph (pg_depend): the function they name has a standard SQL body
                // reading a table, so it and they come after that table, and before a table whose CHECK uses the operator
                // (first by name). In the old fixed slot before the tables, CREATE OPERATOR / CAST named a missing function.
                new Fixture("an operator whose function's standard SQL body reads a table, used by an earlier-named table's CHECK", 140000, """
                        CREATE SCHEMA shop;
                        CREATE TABLE shop.rates (currency text PRIMARY KEY, rate numeric NOT NULL);
                        CREATE FUNCTION shop.in_eur(amount numeric, currency text) RETURNS numeric LANGUAGE sql STABLE
                            RETURN amount * (SELECT r.rate FROM shop.rates r WHERE r.currency = in_eur.currency);
                        CREATE OPERATOR shop.@@ (LEFTARG = numeric, RIGHTARG = text, FUNCTION = shop.in_eur);
                        CREATE TABLE shop.prices (id bigint PRIMARY KEY, amount numeric, currency text,
                            CONSTRAINT price_bounded CHECK ((amount OPERATOR(shop.@@) currency) < 1000000));
                        """),
                new Fixture("a cast WITH FUNCTION over a composite type, the function's standard SQL body reading a table", 140000, """
                        CREATE SCHEMA geo2;
                        CREATE TYPE geo2.pair AS (a integer, b integer);
                        CREATE TABLE geo2.names (a integer PRIMARY KEY, label text NOT NULL);
                        CREATE FUNCTION geo2.pair_label(p geo2.pair) RETURNS text LANGUAGE sql STABLE
                            RETURN (SELECT n.label FROM geo2.names n WHERE n.a = (p).a);
                        CREATE CAST (geo2.pair AS text) WITH FUNCTION geo2.pair_label(geo2.pair) AS ASSIGNMENT;
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        ExactRoundTrip.assertExact(fixture.name(), fixture.minimumVersion(), fixture.sql());
    }
}
