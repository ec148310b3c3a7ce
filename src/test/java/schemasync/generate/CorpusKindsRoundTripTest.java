package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written fixtures for the ways real schemas failed to adopt: each is loaded into a database,
 * generated with the defaults (every user schema), applied to an empty database, and must come back
 * exactly — no catalog difference, no custom step, empty plans against the source and the copy
 * ({@link ExactRoundTrip}, the proof every round-trip fixture table shares).
 */
class CorpusKindsRoundTripTest {

    record Fixture(String name, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("several schemas, an extension in a schema of its own", """
                        CREATE SCHEMA extensions;
                        CREATE EXTENSION citext WITH SCHEMA extensions;
                        CREATE SCHEMA app;
                        CREATE SCHEMA audit;
                        CREATE TABLE app.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email extensions.citext NOT NULL UNIQUE);
                        CREATE TABLE audit.events (id bigint PRIMARY KEY, user_id bigint REFERENCES app.users (id), at timestamptz DEFAULT now());
                        CREATE TABLE public.settings (key text PRIMARY KEY, value text);
                        """),
                new Fixture("functions used by a default, a generated column, a CHECK and an index", """
                        CREATE FUNCTION normalized(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(t)) $$;
                        CREATE FUNCTION new_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
                        CREATE FUNCTION is_slug(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN t ~ '^[a-z0-9-]+$'; END $$;
                        CREATE TABLE items (
                            id bigint PRIMARY KEY,
                            name text NOT NULL,
                            code text NOT NULL DEFAULT new_code(),
                            slug text NOT NULL CHECK (is_slug(slug)),
                            key text GENERATED ALWAYS AS (normalized(name)) STORED);
                        CREATE INDEX items_name_idx ON items (normalized(name));
                        """),
                new Fixture("functions used by a trigger and a policy", """
                        CREATE TABLE docs (id bigint PRIMARY KEY, owner text NOT NULL, updated_at timestamptz);
                        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
                        CREATE FUNCTION me() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_user::text $$;
                        CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION touch();
                        ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
                        CREATE POLICY docs_owner ON docs USING (owner = me());
                        """),
                new Fixture("a table with no columns and an enum with an empty label", """
                        CREATE TABLE marker ();
                        CREATE TYPE answer AS ENUM ('', 'yes', 'no');
                        CREATE TABLE answers (id bigint PRIMARY KEY, value answer NOT NULL DEFAULT '');
                        """),
                new Fixture("a CHECK over varchar against an ARRAY (pg_get_constraintdef's text re-parses differently)", """
                        CREATE SCHEMA app;
                        CREATE TABLE app.orders (id bigint PRIMARY KEY, status varchar(20) NOT NULL
                            CHECK (status IN ('new', 'paid', 'shipped')));
                        """),
                new Fixture("a function whose body resolves names through its own search_path", """
                        CREATE SCHEMA app;
                        CREATE TABLE app.orders (id bigint PRIMARY KEY, status varchar(20) NOT NULL);
                        CREATE FUNCTION app.order_count() RETURNS bigint LANGUAGE sql STABLE SET search_path = app
                            AS $$ SELECT count(*) FROM orders $$;
                        """),
                new Fixture("CLUSTER ON an index, and on a primary key's index", """
                        CREATE TABLE visits (id bigint PRIMARY KEY, person_id bigint NOT NULL, at date);
                        CREATE INDEX visits_person_idx ON visits (person_id);
                        CREATE INDEX visits_at_idx ON visits (at);
                        ALTER TABLE visits CLUSTER ON visits_person_idx;
                        CREATE TABLE people (id bigint PRIMARY KEY, email text UNIQUE);
                        ALTER TABLE people CLUSTER ON people_pkey;
                        """),
                new Fixture("table storage parameters, TOAST ones too, and an unlogged table", """
                        CREATE TABLE hot (id bigint PRIMARY KEY, body text)
                            WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01, toast.autovacuum_enabled = false);
                        CREATE UNLOGGED TABLE scratch (id bigint PRIMARY KEY, payload jsonb);
                        """),
                new Fixture("index storage parameters (btree, GIN, BRIN)", """
                        CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL, tags text[]);
                        CREATE INDEX events_id_idx ON events (id) WITH (fillfactor = 80, deduplicate_items = off);
                        CREATE INDEX events_tags_idx ON events USING gin (tags) WITH (fastupdate = off);
                        CREATE INDEX events_at_idx ON events USING brin (at) WITH (pages_per_range = 32);
                        ALTER TABLE events CLUSTER ON events_id_idx;
                        """),
                new Fixture("column options: statistics target, storage, compression (PG 14+), n_distinct", """
                        CREATE TABLE measurements (id bigint PRIMARY KEY, person_id bigint NOT NULL, note text, blob bytea);
                        ALTER TABLE measurements ALTER COLUMN person_id SET STATISTICS 1000;
                        ALTER TABLE measurements ALTER COLUMN person_id SET (n_distinct = -0.5);
                        ALTER TABLE measurements ALTER COLUMN note SET STORAGE EXTERNAL;
                        DO $$ BEGIN
                            IF current_setting('server_version_num')::int >= 140000 THEN
                                EXECUTE 'ALTER TABLE measurements ALTER COLUMN blob SET COMPRESSION pglz';
                            END IF;
                        END $$;
                        """),
                new Fixture("legacy inheritance: two parents, two levels, a merged column, NO INHERIT and inherited CHECKs", """
                        CREATE SCHEMA geo;
                        CREATE TABLE geo.places (id bigint NOT NULL, name text NOT NULL, CONSTRAINT places_id_positive CHECK (id > 0),
                            CONSTRAINT places_here_only CHECK (id < 1000000) NO INHERIT);
                        CREATE TABLE audited (created_at timestamptz NOT NULL DEFAULT now());
                        CREATE TABLE geo.cities (population integer, name text NOT NULL,
                            CONSTRAINT cities_population CHECK (population >= 0)) INHERITS (geo.places, audited);
                        ALTER TABLE geo.cities ADD PRIMARY KEY (id);
                        CREATE INDEX cities_name_idx ON geo.cities (name);
                        CREATE TABLE geo.capitals (country char(2) NOT NULL) INHERITS (geo.cities);
                        CREATE TABLE visits (id bigint PRIMARY KEY, city_id bigint REFERENCES geo.cities (id));
                        """),
                new Fixture("typed tables, after their composite type", """
                        CREATE SCHEMA app;
                        CREATE TYPE app.pair AS (k text, v integer);
                        CREATE TABLE app.pairs OF app.pair (k WITH OPTIONS PRIMARY KEY, v WITH OPTIONS NOT NULL DEFAULT 0);
                        CREATE TABLE bare_pairs OF app.pair;
                        """),
                new Fixture("unlogged tables that reference each other, with storage parameters", """
                        CREATE UNLOGGED TABLE batches (id bigint PRIMARY KEY) WITH (fillfactor = 90);
                        CREATE UNLOGGED TABLE batch_rows (id bigint PRIMARY KEY, batch_id bigint NOT NULL REFERENCES batches (id));
                        """),
                new Fixture("a foreign table with its server and user mappings (postgres_fdw)", """
                        CREATE EXTENSION postgres_fdw;
                        CREATE SERVER films_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'films');
                        CREATE SERVER archive TYPE 'postgresql' VERSION '17' FOREIGN DATA WRAPPER postgres_fdw;
                        CREATE USER MAPPING FOR PUBLIC SERVER films_server OPTIONS (user 'reader');
                        CREATE USER MAPPING FOR CURRENT_USER SERVER archive;
                        CREATE SCHEMA remote;
                        CREATE TYPE remote.rating AS ENUM ('G', 'PG', 'R');
                        CREATE FOREIGN TABLE remote.films (
                            code char(5) NOT NULL,
                            title varchar(40) OPTIONS (column_name 'name'),
                            rating remote.rating DEFAULT 'G',
                            len interval hour to minute)
                            SERVER films_server OPTIONS (schema_name 'public', table_name 'films');
                        CREATE FOREIGN TABLE archived (id bigint) SERVER archive;
                        CREATE VIEW long_films AS SELECT code, title FROM remote.films WHERE len > interval '2 hours';
                        """),
                new Fixture("publications: tables, options, FOR ALL TABLES; column lists, row filters, TABLES IN SCHEMA on 15+", """
                        CREATE SCHEMA sales;
                        CREATE TABLE sales.orders (id bigint PRIMARY KEY, qty int NOT NULL, note text);
                        CREATE TABLE sales.lines (id bigint PRIMARY KEY, order_id bigint REFERENCES sales.orders (id));
                        CREATE TABLE audit_log (id bigint PRIMARY KEY, at timestamptz);
                        CREATE PUBLICATION everything FOR ALL TABLES;
                        CREATE PUBLICATION inserts_only FOR TABLE sales.orders, audit_log WITH (publish = 'insert');
                        CREATE PUBLICATION empty_one;
                        DO $$ BEGIN
                            IF current_setting('server_version_num')::int >= 150000 THEN
                                EXECUTE 'CREATE PUBLICATION shaped FOR TABLE sales.orders (id, qty) WHERE (qty > 0), audit_log';
                                EXECUTE 'CREATE PUBLICATION whole_schema FOR TABLES IN SCHEMA sales WITH (publish_via_partition_root = true)';
                            END IF;
                        END $$;
                        """),
                new Fixture("event triggers, one limited to tags and one disabled", """
                        CREATE SCHEMA audit;
                        CREATE TABLE audit.ddl (at timestamptz DEFAULT now(), tag text);
                        CREATE FUNCTION audit.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
                            BEGIN INSERT INTO audit.ddl (tag) VALUES (tg_tag); END $$;
                        CREATE EVENT TRIGGER log_tables ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
                            EXECUTE FUNCTION audit.log_ddl();
                        CREATE EVENT TRIGGER log_drops ON sql_drop EXECUTE FUNCTION audit.log_ddl();
                        ALTER EVENT TRIGGER log_drops DISABLE;
                        """),
                new Fixture("collations: ICU nondeterministic on a column and a domain, libc on a column", """
                        CREATE SCHEMA app;
                        CREATE COLLATION app.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                        CREATE COLLATION public.posix (provider = libc, locale = 'C');
                        CREATE DOMAIN app.handle AS text COLLATE app.ci;
                        CREATE TABLE app.users (id bigint PRIMARY KEY, email text COLLATE app.ci NOT NULL UNIQUE,
                            code text COLLATE public.posix, handle app.handle);
                        """),
                new Fixture("range types: a user subtype_diff used by a column and an exclusion constraint, a collated one", """
                        CREATE EXTENSION btree_gist;
                        CREATE SCHEMA sched;
                        CREATE FUNCTION sched.hours_between(a time, b time) RETURNS double precision LANGUAGE sql IMMUTABLE
                            AS $$ SELECT EXTRACT(EPOCH FROM (a - b)) / 3600 $$;
                        CREATE TYPE sched.timerange AS RANGE (subtype = time, subtype_diff = sched.hours_between);
                        CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
                        CREATE TYPE public.namerange AS RANGE (subtype = text, collation = "C");
                        CREATE TABLE sched.shifts (id bigint PRIMARY KEY, room int NOT NULL, during sched.timerange NOT NULL,
                            weights floatrange, names namerange,
                            CONSTRAINT shifts_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        ExactRoundTrip.assertExact(fixture.name(), 0, fixture.sql());
    }
}
