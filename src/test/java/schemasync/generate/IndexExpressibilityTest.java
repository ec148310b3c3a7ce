package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;

/**
 * generate decides from an index's parts (pg_index: columns, expressions, collations, operator classes, ordering,
 * INCLUDE, the predicate) whether {@code ensureIndex} can say it, and checks the decision by comparing the parts'
 * spelling with the catalog's index under the index differ. Each index here is one a text parser gets wrong easily;
 * each must become an {@code ensureIndex} call with the keys PostgreSQL prints, and the whole schema round-trip exactly
 * (no custom step, no difference, empty plans both ways).
 */
class IndexExpressibilityTest {

    private static final String TRICKY = """
            CREATE TABLE people (id int PRIMARY KEY, email varchar(200), name text, nick text, tags int[], addr inet,
                                 body text, score numeric, tsv tsvector, "Mixed Case" text, born date);
            CREATE INDEX people_email ON people (email);
            CREATE INDEX people_name_c ON people (name COLLATE "C");
            CREATE INDEX people_name_pattern ON people (name text_pattern_ops);
            CREATE INDEX people_lower_email ON people (lower(email));
            CREATE INDEX people_lower_c ON people (lower(name COLLATE "C"));
            CREATE INDEX people_plus ON people ((id + 1));
            CREATE INDEX people_cast ON people ((name::varchar(10)));
            CREATE INDEX people_coalesce ON people (COALESCE(nick, name));
            CREATE INDEX people_order ON people (score DESC NULLS LAST, id NULLS FIRST, born DESC);
            CREATE INDEX people_include ON people (id) INCLUDE (name, "Mixed Case");
            CREATE INDEX people_partial ON people (nick) WHERE nick IS NOT NULL AND id > 10;
            CREATE INDEX people_tags ON people USING gin (tags);
            CREATE INDEX people_addr ON people USING gist (addr inet_ops);
            CREATE INDEX people_fts ON people USING gin (to_tsvector('english'::regconfig, body));
            CREATE INDEX people_siglen ON people USING gist (tsv tsvector_ops (siglen = 100));
            CREATE INDEX people_mixed ON people ("Mixed Case" COLLATE "C" text_pattern_ops DESC);
            CREATE UNIQUE INDEX people_lower_nick ON people (lower(nick)) WHERE id > 0;
            CREATE INDEX people_hash ON people USING hash (email);
            CREATE INDEX people_brin ON people USING brin (born) WITH (pages_per_range = 16);
            ALTER TABLE people ADD CONSTRAINT people_nick_key UNIQUE (nick) INCLUDE (name) WITH (fillfactor = 70)
                DEFERRABLE INITIALLY DEFERRED;
            """;

    @Test
    void everyTrickyIndexRoundTripsExactly() throws Exception {
        ExactRoundTrip.assertExact("tricky indexes", 0, TRICKY);
    }

    @Test
    void theCallsCarryTheKeysAsPostgreSQLPrintsThem() throws Exception {
        Map<String, Call.IndexCall> calls = indexCalls(TRICKY);
        assertEquals(List.of(new Call.Key("email", null)), calls.get("people_email").keys(), "a varchar column takes text_ops by default");
        assertEquals(List.of(new Call.Key(null, "name COLLATE \"C\"")), calls.get("people_name_c").keys());
        assertEquals(List.of(new Call.Key(null, "name text_pattern_ops")), calls.get("people_name_pattern").keys());
        assertEquals(List.of(new Call.Key(null, "lower((email)::text)")), calls.get("people_lower_email").keys());
        assertEquals(List.of(new Call.Key(null, "lower((name COLLATE \"C\"))")), calls.get("people_lower_c").keys(),
                "an expression indexed in its own collation does not restate it");
        assertEquals(List.of(new Call.Key(null, "((id + 1))")), calls.get("people_plus").keys());
        assertEquals(List.of(new Call.Key(null, "((name)::character varying(10))")), calls.get("people_cast").keys());
        assertEquals(List.of(new Call.Key(null, "COALESCE(nick, name)")), calls.get("people_coalesce").keys());
        assertEquals(List.of(new Call.Key(null, "score DESC NULLS LAST"), new Call.Key(null, "id NULLS FIRST"),
                new Call.Key(null, "born DESC")), calls.get("people_order").keys());
        assertEquals(List.of("name", "Mixed Case"), calls.get("people_include").include());
        assertEquals("((nick IS NOT NULL) AND (id > 10))", calls.get("people_partial").where());
        assertEquals(List.of(new Call.Key("tags", null)), calls.get("people_tags").keys());
        assertEquals(List.of(new Call.Key(null, "addr inet_ops")), calls.get("people_addr").keys());
        assertEquals(List.of(new Call.Key(null, "to_tsvector('english'::regconfig, body)")), calls.get("people_fts").keys());
        assertEquals(List.of(new Call.Key(null, "tsv tsvector_ops (siglen='100')")), calls.get("people_siglen").keys());
        assertEquals(List.of(new Call.Key(null, "\"Mixed Case\" COLLATE \"C\" text_pattern_ops DESC")),
                calls.get("people_mixed").keys());
        assertEquals(List.of("pages_per_range=16"), calls.get("people_brin").storage());
    }

    @Test
    void aUniqueIndexWithNullsNotDistinctOn15AndLater() throws Exception {
        String sql = """
                CREATE TABLE codes (id int, code text, region text);
                CREATE UNIQUE INDEX codes_code ON codes (code, lower(region)) INCLUDE (id) NULLS NOT DISTINCT WHERE (id > 0);
                """;
        try (Scenario s = Scenario.start()) {
            assumeTrue(Integer.parseInt(s.queryString("SHOW server_version_num")) >= 150000, "NULLS NOT DISTINCT is PostgreSQL 15+");
        }
        Call.IndexCall call = indexCalls(sql).get("codes_code");
        assertEquals(true, call.nullsNotDistinct());
        assertEquals(List.of(new Call.Key("code", null), new Call.Key(null, "lower(region)")), call.keys());
        ExactRoundTrip.assertExact("nulls not distinct", 150000, sql);
    }

    /** The ensureIndex calls generate writes for {@code sql} in the default schema, by index name. */
    private static Map<String, Call.IndexCall> indexCalls(String sql) throws Exception {
        try (Scenario source = Scenario.start()) {
            source.execute(sql);
            Generator.Result result = Generator.generate(source.connection, SchemaSelection.all().resolve(source.connection));
            assertEquals(List.of(), result.carried(), "custom steps");
            Map<String, Call.IndexCall> calls = new LinkedHashMap<>();
            result.blocks().forEach(b -> b.calls().forEach(c -> {
                if (c instanceof Call.IndexCall i) calls.put(i.name(), i);
            }));
            return calls;
        }
    }
}
