package schemasync.generate;

import org.junit.jupiter.api.Test;

/**
 * Object owners (issue 13: what pg_dump writes as ALTER ... OWNER TO): objects of each kind owned by another role
 * round-trip with the shared proof ({@link ExactRoundTrip}): generate writes ensureOwner for them (and for
 * nothing the generating role owns), the copy's owners equal the source's, plans are empty both ways. Source and
 * copy are databases of one cluster, so the role exists for both (roundtrip creates it on another cluster).
 */
class OwnersRoundTripTest {

    @Test
    void objectsOfEachKindOwnedByAnotherRoleRoundTrip() throws Exception {
        ExactRoundTrip.assertExact("owners", 0, """
                DO $$ BEGIN CREATE ROLE "App Owner"; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                CREATE SCHEMA shop;
                CREATE TYPE shop.status AS ENUM ('new', 'paid');
                CREATE DOMAIN shop.amount AS numeric CHECK (VALUE >= 0);
                CREATE TYPE shop.address AS (street text, zip text);
                CREATE TYPE shop.price_range AS RANGE (subtype = numeric);
                CREATE COLLATION shop.posix (provider = libc, locale = 'C');
                CREATE SEQUENCE shop.invoice_number START 1000;
                CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n serial,
                    status shop.status, total shop.amount);
                CREATE INDEX orders_status_idx ON shop.orders (status);
                CREATE TABLE shop.events (at date NOT NULL, note text) PARTITION BY RANGE (at);
                CREATE TABLE shop.events_2026 PARTITION OF shop.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE VIEW shop.paid AS SELECT id FROM shop.orders WHERE status = 'paid';
                CREATE MATERIALIZED VIEW shop.order_count AS SELECT count(*) AS n FROM shop.orders;
                CREATE FUNCTION shop.add(a integer, b integer) RETURNS integer LANGUAGE sql AS $f$ SELECT a + b $f$;
                CREATE PROCEDURE shop.noop() LANGUAGE sql AS $f$ SELECT 1 $f$;
                CREATE AGGREGATE shop.total(integer) (SFUNC = int4pl, STYPE = integer);
                CREATE TABLE shop.mine (id int); -- owned by the generating role: no ensureOwner
                ALTER SCHEMA shop OWNER TO "App Owner";
                ALTER TYPE shop.status OWNER TO "App Owner";
                ALTER DOMAIN shop.amount OWNER TO "App Owner";
                ALTER TYPE shop.address OWNER TO "App Owner";
                ALTER TYPE shop.price_range OWNER TO "App Owner";
                ALTER COLLATION shop.posix OWNER TO "App Owner";
                ALTER SEQUENCE shop.invoice_number OWNER TO "App Owner";
                ALTER TABLE shop.orders OWNER TO "App Owner";
                ALTER TABLE shop.events OWNER TO "App Owner";
                ALTER TABLE shop.events_2026 OWNER TO "App Owner";
                ALTER VIEW shop.paid OWNER TO "App Owner";
                ALTER MATERIALIZED VIEW shop.order_count OWNER TO "App Owner";
                ALTER FUNCTION shop.add(integer, integer) OWNER TO "App Owner";
                ALTER PROCEDURE shop.noop() OWNER TO "App Owner";
                ALTER AGGREGATE shop.total(integer) OWNER TO "App Owner";
                """);
    }

    @Test
    void statisticsServersPublicationsAndEventTriggersOwnedByAnotherRoleRoundTrip() throws Exception {
        // A superuser role: PostgreSQL requires one as the owner of an event trigger and of a FOR ALL TABLES publication.
        ExactRoundTrip.assertExact("owners of statistics, servers, publications and event triggers", 0, """
                DO $$ BEGIN CREATE ROLE "Ext Owner" SUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                CREATE EXTENSION postgres_fdw;
                CREATE SERVER films FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'films');
                CREATE SERVER mine FOREIGN DATA WRAPPER postgres_fdw; -- owned by the generating role: no ensureOwner
                CREATE TABLE address (id int PRIMARY KEY, city text, zip text);
                CREATE STATISTICS s_city_zip (dependencies) ON city, zip FROM address;
                CREATE PUBLICATION everything FOR ALL TABLES;
                CREATE PUBLICATION addresses FOR TABLE address;
                CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $f$ BEGIN END $f$;
                CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION log_ddl();
                ALTER STATISTICS s_city_zip OWNER TO "Ext Owner";
                ALTER SERVER films OWNER TO "Ext Owner";
                ALTER PUBLICATION everything OWNER TO "Ext Owner";
                ALTER PUBLICATION addresses OWNER TO "Ext Owner";
                ALTER EVENT TRIGGER audit_ddl OWNER TO "Ext Owner";
                """);
    }

    @Test
    void operatorsAndTextSearchObjectsOwnedByAnotherRoleRoundTrip() throws Exception {
        ExactRoundTrip.assertExact("owners of operators and text search objects", 0, """
                DO $$ BEGIN CREATE ROLE "App Owner"; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                CREATE SCHEMA shop;
                CREATE FUNCTION shop.same(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT a = b $f$;
                CREATE FUNCTION shop.neg(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $f$ SELECT -a $f$;
                CREATE OPERATOR shop.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = shop.same);
                CREATE OPERATOR shop.~~~ (RIGHTARG = integer, FUNCTION = shop.neg);
                CREATE OPERATOR shop.<<< (LEFTARG = integer, RIGHTARG = integer, FUNCTION = shop.same); -- the generating role's
                CREATE TEXT SEARCH DICTIONARY shop.simple_stop (TEMPLATE = simple, STOPWORDS = english);
                CREATE TEXT SEARCH CONFIGURATION shop.docs (PARSER = default);
                ALTER TEXT SEARCH CONFIGURATION shop.docs ADD MAPPING FOR asciiword WITH shop.simple_stop;
                ALTER OPERATOR shop.=== (integer, integer) OWNER TO "App Owner";
                ALTER OPERATOR shop.~~~ (NONE, integer) OWNER TO "App Owner";
                ALTER TEXT SEARCH DICTIONARY shop.simple_stop OWNER TO "App Owner";
                ALTER TEXT SEARCH CONFIGURATION shop.docs OWNER TO "App Owner";
                """);
    }
}
