package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Dependencies;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/** The edges PostgreSQL records (pg_depend), named by object id. */
class DependencyEdgesTest {

    private static ObjectId id(Kind kind, String schema, String name) {
        return ObjectId.of(kind, schema, name);
    }

    @Test
    void everyKindOfUseIsAnEdge() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute("""
                    CREATE SCHEMA ext;
                    CREATE EXTENSION citext WITH SCHEMA ext;
                    CREATE SCHEMA app;
                    CREATE TYPE app.mood AS ENUM ('ok', 'sad');
                    CREATE FUNCTION app.normalized(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
                    CREATE FUNCTION app.is_slug(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t ~ '^[a-z]+$' $$;
                    CREATE FUNCTION app.new_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
                    CREATE FUNCTION app.me() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_user::text $$;
                    CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                    CREATE TABLE app.owners (id bigint PRIMARY KEY);
                    CREATE SEQUENCE app.item_seq;
                    CREATE TABLE app.items (
                        id bigint PRIMARY KEY DEFAULT nextval('app.item_seq'),
                        owner_id bigint REFERENCES app.owners (id),
                        email ext.citext, moods app.mood[],
                        code text DEFAULT app.new_code(),
                        slug text CHECK (app.is_slug(slug)),
                        key text GENERATED ALWAYS AS (app.normalized(slug)) STORED);
                    ALTER SEQUENCE app.item_seq OWNED BY app.items.id;
                    CREATE INDEX items_key_idx ON app.items (app.normalized(code));
                    CREATE TRIGGER items_touch BEFORE UPDATE ON app.items FOR EACH ROW EXECUTE FUNCTION app.touch();
                    ALTER TABLE app.items ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY mine ON app.items USING (code = app.me());
                    CREATE VIEW app.item_codes AS SELECT app.normalized(code) AS c FROM app.items;
                    """);
            DependencyGraph<ObjectId> g = Dependencies.read(s.connection, List.of("app", "ext"));
            ObjectId items = id(Kind.TABLE, "app", "items");
            Set<ObjectId> tableNeeds = g.prerequisitesOf(items);
            assertTrue(tableNeeds.contains(id(Kind.FUNCTION, "app", "new_code()")), "default: " + tableNeeds);
            assertTrue(tableNeeds.contains(id(Kind.FUNCTION, "app", "normalized(t text)")), "generated column: " + tableNeeds);
            assertTrue(tableNeeds.contains(id(Kind.SEQUENCE, "app", "item_seq")), "nextval default: " + tableNeeds);
            assertTrue(tableNeeds.contains(id(Kind.TYPE, "app", "mood")), "an array of an enum is the enum: " + tableNeeds);
            assertTrue(tableNeeds.contains(id(Kind.EXTENSION, null, "citext")), "a type of an extension is the extension: " + tableNeeds);
            assertFalse(g.prerequisitesOf(id(Kind.SEQUENCE, "app", "item_seq")).contains(items), "OWNED BY is no creation edge");
            ObjectId check = ObjectId.onTable(Kind.CONSTRAINT, "app", "items", "items_slug_check");
            assertTrue(g.prerequisitesOf(check).contains(id(Kind.FUNCTION, "app", "is_slug(t text)")), "check: " + g.prerequisitesOf(check));
            ObjectId fk = ObjectId.onTable(Kind.CONSTRAINT, "app", "items", "items_owner_id_fkey");
            assertTrue(g.prerequisitesOf(fk).contains(id(Kind.TABLE, "app", "owners")), "foreign key: " + g.prerequisitesOf(fk));
            assertEquals(Set.of(items, id(Kind.FUNCTION, "app", "normalized(t text)")),
                    g.prerequisitesOf(id(Kind.INDEX, "app", "items_key_idx")));
            assertTrue(g.prerequisitesOf(ObjectId.onTable(Kind.TRIGGER, "app", "items", "items_touch"))
                    .contains(id(Kind.FUNCTION, "app", "touch()")));
            assertTrue(g.prerequisitesOf(ObjectId.onTable(Kind.POLICY, "app", "items", "mine")).contains(id(Kind.FUNCTION, "app", "me()")));
            assertTrue(g.prerequisitesOf(id(Kind.VIEW, "app", "item_codes")).containsAll(Set.of(items,
                    id(Kind.FUNCTION, "app", "normalized(t text)"))), "view: " + g.prerequisitesOf(id(Kind.VIEW, "app", "item_codes")));
            assertTrue(g.prerequisitesOf(id(Kind.EXTENSION, null, "citext")).contains(id(Kind.SCHEMA, null, "ext")),
                    "an extension WITH SCHEMA needs its schema");
            // A plain SQL body records nothing: the generator and the apply must not rely on an edge here.
            assertEquals(Set.of(), g.prerequisitesOf(id(Kind.FUNCTION, "app", "me()")).stream()
                    .filter(n -> n.kind() != Kind.SCHEMA).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aStandardBodyRecordsWhatItReads() throws Exception {
        try (Scenario s = Scenario.start()) {
            if (Integer.parseInt(s.queryString("SHOW server_version_num")) < 140000) return; // BEGIN ATOMIC is PG 14+
            s.execute("""
                    CREATE TABLE counters (n int);
                    CREATE FUNCTION total() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM counters; END;
                    """);
            DependencyGraph<ObjectId> g = Dependencies.read(s.connection, List.of("public"));
            assertTrue(g.prerequisitesOf(id(Kind.FUNCTION, "public", "total()")).contains(id(Kind.TABLE, "public", "counters")));
        }
    }

    /** Operators and casts are nodes, named as the catalog keys them: generate places them by these edges. */
    @Test
    void operatorsAndCastsRecordTheirFunctionsAndTypesAndTheirUsers() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute("""
                    CREATE TYPE pair AS (a integer, b integer);
                    CREATE FUNCTION pair_eq(x pair, y pair) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT x = y $$;
                    CREATE FUNCTION pair_sum(p pair) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p.a + p.b $$;
                    CREATE OPERATOR === (LEFTARG = pair, RIGHTARG = pair, FUNCTION = pair_eq);
                    CREATE CAST (pair AS integer) WITH FUNCTION pair_sum(pair);
                    CREATE TABLE t (x pair, y pair, CONSTRAINT same CHECK (x === y));
                    """);
            s.execute("SET search_path = pg_catalog, pg_temp"); // as the catalog's reader pins it: types print qualified
            DependencyGraph<ObjectId> g = Dependencies.read(s.connection, List.of("public"));
            ObjectId operator = id(Kind.OPERATOR, "public", "===(public.pair, public.pair)");
            ObjectId cast = id(Kind.CAST, null, "(public.pair AS integer)");
            assertEquals(List.of("pair_eq"), names(g, operator, Kind.FUNCTION), "operator: " + g.nodes());
            assertTrue(g.prerequisitesOf(operator).contains(id(Kind.TYPE, "public", "pair")), "operator: " + g.prerequisitesOf(operator));
            assertEquals(List.of("pair_sum"), names(g, cast, Kind.FUNCTION), "cast: " + g.nodes());
            assertTrue(g.prerequisitesOf(ObjectId.onTable(Kind.CONSTRAINT, "public", "t", "same")).contains(operator), "check");
        }
    }

    /**
     * Operator classes and families are nodes named {@code name USING method}: a class needs its family and input type,
     * and through its pg_amop / pg_amproc rows its operators and support functions; a loose member of a family is the
     * family's; an index needs the classes of its keys. An extension's class (citext's) is the extension.
     */
    @Test
    void operatorClassesAndFamiliesRecordTheirMembersAndTheirIndexes() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute("""
                    CREATE SCHEMA ext;
                    CREATE EXTENSION citext WITH SCHEMA ext;
                    CREATE DOMAIN code AS text;
                    CREATE FUNCTION code_cmp(a code, b code) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT bttextcmp(a, b) $$;
                    CREATE FUNCTION same(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a = b $$;
                    CREATE FUNCTION int_hash(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT hashint4(a) $$;
                    CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = same);
                    CREATE OPERATOR FAMILY code_family USING btree;
                    CREATE OPERATOR CLASS code_ops FOR TYPE code USING btree FAMILY code_family AS
                        OPERATOR 1 < (text, text), OPERATOR 3 = (text, text), FUNCTION 1 code_cmp(code, code);
                    CREATE OPERATOR FAMILY same_ops USING hash;
                    ALTER OPERATOR FAMILY same_ops USING hash ADD OPERATOR 1 === (integer, integer),
                        FUNCTION 1 (integer, integer) int_hash(integer);
                    CREATE TABLE t (c code, e ext.citext);
                    CREATE INDEX t_c ON t (c code_ops);
                    CREATE INDEX t_e ON t (e);
                    """);
            s.execute("SET search_path = pg_catalog, pg_temp"); // as the catalog's reader pins it
            DependencyGraph<ObjectId> g = Dependencies.read(s.connection, List.of("public", "ext"));
            ObjectId codeOps = id(Kind.OPERATOR_CLASS, "public", "code_ops USING btree");
            ObjectId codeFamily = id(Kind.OPERATOR_FAMILY, "public", "code_family USING btree");
            ObjectId sameOps = id(Kind.OPERATOR_FAMILY, "public", "same_ops USING hash");
            assertTrue(g.prerequisitesOf(codeOps).containsAll(Set.of(codeFamily, id(Kind.TYPE, "public", "code"),
                    id(Kind.FUNCTION, "public", "code_cmp(a public.code, b public.code)"))), "class: " + g.prerequisitesOf(codeOps));
            assertTrue(g.prerequisitesOf(sameOps).containsAll(Set.of(id(Kind.OPERATOR, "public", "===(integer, integer)"),
                    id(Kind.FUNCTION, "public", "int_hash(a integer)"))), "family: " + g.prerequisitesOf(sameOps));
            assertTrue(g.prerequisitesOf(id(Kind.INDEX, "public", "t_c")).contains(codeOps), "index: " + g.nodes());
            assertTrue(g.prerequisitesOf(id(Kind.INDEX, "public", "t_e")).contains(ObjectId.of(Kind.EXTENSION, null, "citext")),
                    "an extension's class is the extension");
            assertFalse(g.nodes().stream().anyMatch(n -> n.kind() == Kind.OPERATOR_CLASS && n.schema().equals("ext")),
                    "no node for an extension's class or its members: " + g.nodes());
        }
    }

    private static List<String> names(DependencyGraph<ObjectId> g, ObjectId of, Kind kind) {
        return g.prerequisitesOf(of).stream().filter(p -> p.kind() == kind).map(p -> p.name().substring(0, p.name().indexOf('('))).toList();
    }
}
