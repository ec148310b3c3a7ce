package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.CommentOn;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.IndexMethod;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem;

/**
 * Text search dictionaries and configurations: created before the generated tsvector column and the index
 * that name them, compared as pg_ts_dict and pg_ts_config_map hold them, differences reported with their SQL.
 */
class TextSearchTest {

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("T1_Schema", db -> db.ensureSchema("app")),
            block("T2_TextSearch", db -> db
                    .ensureTextSearchDictionary("app.english_nostop", d -> d.template("snowball").option("language", "english"))
                    .ensureTextSearchDictionary("app.simple_stop", d -> d.template("simple").option("stopwords", "english")
                            .option("accept", "false"))
                    .ensureTextSearchConfiguration("app.docs", c -> c.parser("default")
                            .mapping(List.of("asciiword", "word"), "english_nostop")
                            .mapping(List.of("numword"), "simple_stop", "simple"))
                    .ensureComment(CommentOn.TEXT_SEARCH_CONFIGURATION, "app.docs", "Documents, stemmed, stop words kept")
                    .ensureComment(CommentOn.TEXT_SEARCH_DICTIONARY, "app.english_nostop", "Snowball without a stop list")),
            block("T3_Articles", db -> {
                db.ensureTable("app.articles", t -> t.column("id", "bigint").column("body", ColumnType.TEXT)
                        .column("search", ColumnType.type("tsvector").generatedAlwaysAs("to_tsvector('app.docs'::regconfig, body)"))
                        .primaryKey("id"));
                db.ensureIndex("articles_search").on("app.articles").using(IndexMethod.GIN).columns("search");
            }));

    @Test
    void dictionariesAndAConfigurationAreCreatedBeforeTheColumnAndIndexUsingThemAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(BLOCKS));
            assertEquals(List.of("CREATE SCHEMA \"app\"",
                    "CREATE TEXT SEARCH DICTIONARY \"app\".\"english_nostop\" (TEMPLATE = \"pg_catalog\".\"snowball\", \"language\" = 'english')",
                    "CREATE TEXT SEARCH DICTIONARY \"app\".\"simple_stop\" (TEMPLATE = \"pg_catalog\".\"simple\", \"stopwords\" = 'english',"
                            + " \"accept\" = 'false')",
                    "CREATE TEXT SEARCH CONFIGURATION \"app\".\"docs\" (PARSER = \"pg_catalog\".\"default\")",
                    "ALTER TEXT SEARCH CONFIGURATION \"app\".\"docs\" ADD MAPPING FOR \"asciiword\", \"word\" WITH \"app\".\"english_nostop\"",
                    "ALTER TEXT SEARCH CONFIGURATION \"app\".\"docs\" ADD MAPPING FOR \"numword\" WITH \"app\".\"simple_stop\", \"pg_catalog\".\"simple\""),
                    sql.subList(0, 6));
            s.applyAndConverge(BLOCKS);
            s.execute("INSERT INTO app.articles (id, body) VALUES (1, 'The foxes were jumping 42abc')");
            // english_nostop stems and keeps "the"; numword goes to simple_stop, which passes it on (accept = false).
            assertEquals("'42abc':5 'fox':2 'jump':4 'the':1 'were':3", s.queryString("SELECT search::text FROM app.articles"));
            assertEquals("1", s.queryString("SELECT id FROM app.articles WHERE search @@ to_tsquery('app.docs', 'jumped')"));
            assertEquals("Documents, stemmed, stop words kept", s.queryString(
                    "SELECT obj_description('app.docs'::regconfig, 'pg_ts_config')"));
        }
    }

    @Test
    void aDifferingDictionaryOrConfigurationIsReportedWithItsSqlAndNotAltered() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app",
                "CREATE TEXT SEARCH DICTIONARY app.english_nostop (TEMPLATE = snowball, language = 'english')",
                "CREATE TEXT SEARCH DICTIONARY app.simple_stop (TEMPLATE = simple, stopwords = 'english')",
                "CREATE TEXT SEARCH CONFIGURATION app.docs (PARSER = default)",
                "ALTER TEXT SEARCH CONFIGURATION app.docs ADD MAPPING FOR asciiword, word, email WITH app.english_nostop",
                "CREATE TEXT SEARCH CONFIGURATION app.undeclared (COPY = english)")) {
            Plan plan = s.plan(BLOCKS.subList(0, 2));
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertEquals(List.of(
                    "text search dictionary app.simple_stop: differs: declared (template pg_catalog.simple, stopwords = 'english',"
                            + " accept = 'false'), database has (template pg_catalog.simple, stopwords = 'english'): not changed (to"
                            + " change it: ALTER TEXT SEARCH DICTIONARY \"app\".\"simple_stop\" (\"stopwords\" = 'english', \"accept\" ="
                            + " 'false'); stored tsvectors keep the old output)",
                    "text search configuration app.docs: differs: declared (parser pg_catalog.default, asciiword word → app.english_nostop,"
                            + " numword → app.simple_stop pg_catalog.simple), database has (parser pg_catalog.default, asciiword word email"
                            + " → app.english_nostop): not changed (to change it: ALTER TEXT SEARCH CONFIGURATION \"app\".\"docs\" ADD"
                            + " MAPPING FOR \"numword\" WITH \"app\".\"simple_stop\", \"pg_catalog\".\"simple\"; ALTER TEXT SEARCH"
                            + " CONFIGURATION \"app\".\"docs\" DROP MAPPING FOR \"email\"; stored tsvectors keep the old output)"),
                    drift.subList(0, 2));
            assertTrue(drift.get(2).startsWith("text search configuration app.undeclared: undeclared text search configuration"
                    + " (parser pg_catalog.default, "), drift::toString);
            // The comments are the only changes: nothing of the objects themselves is altered.
            assertEquals(List.of("COMMENT ON TEXT SEARCH CONFIGURATION \"app\".\"docs\" IS 'Documents, stemmed, stop words kept'",
                    "COMMENT ON TEXT SEARCH DICTIONARY \"app\".\"english_nostop\" IS 'Snowball without a stop list'"), Scenario.sql(plan));
        }
    }

    /**
     * The ALTER a dictionary's drift suggests is valid SQL that makes the dictionary as declared: an option only the
     * database has is named without a value (removed), and a declaration without options is not told {@code ALTER ...
     * ()}, a syntax error. Run as suggested, the next plan has nothing left to say about either dictionary.
     */
    @Test
    void theAlterADictionarysDriftSuggestsRunsAndLeavesItAsDeclared() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app",
                "CREATE TEXT SEARCH DICTIONARY app.bare (TEMPLATE = simple, stopwords = 'english', accept = false)",
                "CREATE TEXT SEARCH DICTIONARY app.fewer (TEMPLATE = simple, stopwords = 'english', accept = false)")) {
            List<ChangeBlock> blocks = List.of(block("T1_Schema", db -> db.ensureSchema("app")), block("T2_Dictionaries", db -> db
                    .ensureTextSearchDictionary("app.bare", d -> d.template("simple"))
                    .ensureTextSearchDictionary("app.fewer", d -> d.template("simple").option("stopwords", "english"))));
            List<String> suggested = new java.util.ArrayList<>();
            for (PlanItem.Drift d : Scenario.drift(s.plan(blocks))) {
                java.util.regex.Matcher sql = java.util.regex.Pattern.compile("to change it: (ALTER TEXT SEARCH DICTIONARY .*\\)); stored")
                        .matcher(d.message());
                assertTrue(sql.find(), d::message);
                suggested.add(sql.group(1));
            }
            assertEquals(List.of("ALTER TEXT SEARCH DICTIONARY \"app\".\"bare\" (\"stopwords\", \"accept\")",
                    "ALTER TEXT SEARCH DICTIONARY \"app\".\"fewer\" (\"stopwords\" = 'english', \"accept\")"), suggested);
            for (String sql : suggested) s.execute(sql);
            assertEquals(List.of(), Scenario.drift(s.plan(blocks)), "the dictionaries read as declared once the ALTERs ran");
            s.applyAndConverge(blocks);
        }
    }

    @Test
    void removedTextSearchObjectsAreDroppedOnceThenAbsent() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app",
                "CREATE TEXT SEARCH DICTIONARY app.old_dict (TEMPLATE = simple)",
                "CREATE TEXT SEARCH CONFIGURATION app.old_cfg (PARSER = default)",
                "ALTER TEXT SEARCH CONFIGURATION app.old_cfg ADD MAPPING FOR asciiword WITH app.old_dict",
                "COMMENT ON TEXT SEARCH DICTIONARY app.old_dict IS 'going'")) {
            List<ChangeBlock> blocks = List.of(block("T1", db -> db.ensureSchema("app")),
                    block("T9_Drop", db -> db.ensureNoTextSearchConfiguration("app.old_cfg").ensureNoTextSearchDictionary("app.old_dict")));
            assertEquals(List.of("DROP TEXT SEARCH CONFIGURATION \"app\".\"old_cfg\"", "DROP TEXT SEARCH DICTIONARY \"app\".\"old_dict\""),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_ts_dict WHERE dictname = 'old_dict'"));
        }
    }

    @Test
    void aTemplateTheServerDoesNotKnowFailsTheApplyAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("T1_Bad", db -> db
                    .ensureTextSearchDictionary("good", d -> d.template("simple"))
                    .ensureTextSearchDictionary("bad", d -> d.template("no_such_template"))));
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertTrue(e.getMessage().contains("no_such_template"), e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_ts_dict WHERE dictname IN ('good', 'bad')"));
        }
    }

    @Test
    void badTextSearchDeclarationsAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("T1", db -> db.ensureTextSearchDictionary("none", d -> d.option("stopwords", "english"))
                        .ensureTextSearchDictionary("twice", d -> d.template("simple"))
                        .ensureTextSearchDictionary("twice", d -> d.template("simple"))),
                block("T2", db -> db.ensureTextSearchConfiguration("empty", c -> c.mapping(List.of("asciiword")))
                        .ensureTextSearchConfiguration("blank", c -> c.mapping(List.of(" "), "simple"))))));
        assertTrue(e.getMessage().contains("T1: text search dictionary public.none needs a template"), e.getMessage());
        assertTrue(e.getMessage().contains("T1: text search dictionary public.twice is declared twice"), e.getMessage());
        assertTrue(e.getMessage().contains("T2: text search configuration public.empty: the mapping for asciiword names no dictionary"),
                e.getMessage());
        assertTrue(e.getMessage().contains("T2: text search configuration public.blank: a mapping names a blank token type"), e.getMessage());
    }

    @Test
    void optionsTextReadsBackAsPostgresqlSerializesIt() {
        var options = List.of(new schemasync.catalog.TextSearch.Option("dictfile", "it's\\here", false),
                new schemasync.catalog.TextSearch.Option("MaxLen", "7", true), new schemasync.catalog.TextSearch.Option("stopwords", "english", false));
        String text = schemasync.catalog.TextSearch.serialize(options);
        assertEquals("dictfile = E'it''s\\\\here', \"MaxLen\" = 7, stopwords = 'english'", text);
        assertEquals(options, schemasync.catalog.TextSearch.parse(text));
    }

    @Test
    void pgDependsEdgesReachTheConfigurationAndItsDictionary() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app",
                "CREATE TEXT SEARCH DICTIONARY app.stem (TEMPLATE = snowball, language = 'english')",
                "CREATE TEXT SEARCH CONFIGURATION app.docs (PARSER = default)",
                "ALTER TEXT SEARCH CONFIGURATION app.docs ADD MAPPING FOR asciiword WITH app.stem",
                "CREATE TABLE app.notes (body text, search tsvector GENERATED ALWAYS AS (to_tsvector('app.docs'::regconfig, body)) STORED)",
                "CREATE TABLE app.memos (body text)",
                "CREATE INDEX memos_search ON app.memos USING gin (to_tsvector('app.docs'::regconfig, body))")) {
            var g = schemasync.catalog.Dependencies.read(s.connection, List.of("app"));
            var docs = schemasync.model.ObjectId.of(schemasync.model.ObjectId.Kind.TEXT_SEARCH_CONFIGURATION, "app", "docs");
            assertTrue(g.prerequisitesOf(schemasync.model.ObjectId.of(schemasync.model.ObjectId.Kind.TABLE, "app", "notes"))
                    .contains(docs), "a generated column's regconfig");
            assertTrue(g.prerequisitesOf(schemasync.model.ObjectId.of(schemasync.model.ObjectId.Kind.INDEX, "app", "memos_search"))
                    .contains(docs), "an index expression's regconfig");
            assertTrue(g.prerequisitesOf(docs).contains(schemasync.model.ObjectId.of(
                    schemasync.model.ObjectId.Kind.TEXT_SEARCH_DICTIONARY, "app", "stem")), "a mapping's dictionary");
        }
    }

    @Test
    void aChangedMappingOrDictionaryMovesTheFastPathsCatalogVersion() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app",
                "CREATE TEXT SEARCH DICTIONARY app.stem (TEMPLATE = snowball, language = 'english')",
                "CREATE TEXT SEARCH CONFIGURATION app.docs (PARSER = default)",
                "ALTER TEXT SEARCH CONFIGURATION app.docs ADD MAPPING FOR asciiword WITH app.stem")) {
            String before = schemasync.catalog.CatalogVersion.read(s.connection, List.of("app")).rows();
            s.execute("ALTER TEXT SEARCH CONFIGURATION app.docs ALTER MAPPING FOR asciiword WITH simple");
            String remapped = schemasync.catalog.CatalogVersion.read(s.connection, List.of("app")).rows();
            assertTrue(!before.equals(remapped), "ALTER MAPPING");
            s.execute("ALTER TEXT SEARCH DICTIONARY app.stem (stopwords = 'english')");
            assertTrue(!remapped.equals(schemasync.catalog.CatalogVersion.read(s.connection, List.of("app")).rows()),
                    "ALTER TEXT SEARCH DICTIONARY");
        }
    }
}
