package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.TextSearch;
import schemasync.dsl.CommentOn;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Text search dictionaries and configurations without a server: create (a configuration with its ADD MAPPINGs),
 * unchanged, drift (template, options, parser, mappings: reported, never altered), a dictionary named without its
 * schema, comments, removals ({@link PlannerRemovalCasesTest} takes {@link #dictionaryRemoval} and
 * {@link #configurationRemoval}).
 */
class PlannerTextSearchCasesTest {
    private static final List<HazardKind> NONE = List.of();
    static final TextSearch.Dictionary NOSTOP = new TextSearch.Dictionary(q("public.english_nostop"), q("pg_catalog.snowball"),
            "language = 'english'");
    static final TextSearch.Configuration DOCS = configuration("public.docs", Map.of("asciiword", List.of(q("public.english_nostop")),
            "word", List.of(q("public.english_nostop"))));

    static final TextSearch.Dictionary STOP = new TextSearch.Dictionary(q("public.simple_stop"), q("pg_catalog.simple"),
            "stopwords = 'english', accept = 'false'");

    static TextSearch.Configuration configuration(String name, Map<String, List<QualifiedName>> mappings) {
        return new TextSearch.Configuration(q(name), q("pg_catalog.default"), new LinkedHashMap<>(new java.util.TreeMap<>(mappings)));
    }

    /** The fixture catalog with these dictionaries and configurations. */
    static Catalog with(List<TextSearch.Dictionary> dictionaries, List<TextSearch.Configuration> configurations) {
        TextSearch ts = TextSearch.NONE;
        for (TextSearch.Dictionary d : dictionaries) ts = ts.withDictionary(d.name(), d);
        for (TextSearch.Configuration c : configurations) ts = ts.withConfiguration(c.name(), c);
        return catalog().build().toBuilder().textSearch(ts).build();
    }

    static Case dictionaryRemoval() {
        return new Case("ensureNoTextSearchDictionary: DROP TEXT SEARCH DICTIONARY", with(List.of(NOSTOP), List.of()),
                db -> db.ensureNoTextSearchDictionary("english_nostop"), shapes().build(),
                List.of("DROP TEXT SEARCH DICTIONARY \"public\".\"english_nostop\""), List.of(NONE),
                List.of("alter text search dictionary public.english_nostop"));
    }

    static Case configurationRemoval() {
        return new Case("ensureNoTextSearchConfiguration: DROP TEXT SEARCH CONFIGURATION", with(List.of(NOSTOP), List.of(DOCS)),
                db -> db.ensureNoTextSearchConfiguration("docs").ensureTextSearchDictionary("english_nostop",
                        d -> d.template("snowball").option("language", "english")), shapes().build(),
                List.of("DROP TEXT SEARCH CONFIGURATION \"public\".\"docs\""), List.of(NONE),
                List.of("alter text search configuration public.docs", "unchanged text search dictionary public.english_nostop"));
    }

    static Stream<Case> cases() {
        Catalog both = with(List.of(NOSTOP), List.of(DOCS));
        return Stream.of(
                new Case("a dictionary and a configuration using it: CREATE, CREATE, one ADD MAPPING per dictionary list",
                        catalog().build(), db -> db
                        .ensureTextSearchDictionary("english_nostop", d -> d.template("snowball").option("language", "english"))
                        .ensureTextSearchConfiguration("docs", c -> c.mapping(List.of("asciiword", "word"), "english_nostop")
                                .mapping(List.of("numword"), "simple")), shapes().build(),
                        List.of("CREATE TEXT SEARCH DICTIONARY \"public\".\"english_nostop\" (TEMPLATE = \"pg_catalog\".\"snowball\","
                                        + " \"language\" = 'english')",
                                "CREATE TEXT SEARCH CONFIGURATION \"public\".\"docs\" (PARSER = \"pg_catalog\".\"default\")",
                                "ALTER TEXT SEARCH CONFIGURATION \"public\".\"docs\" ADD MAPPING FOR \"asciiword\", \"word\" WITH"
                                        + " \"public\".\"english_nostop\"",
                                "ALTER TEXT SEARCH CONFIGURATION \"public\".\"docs\" ADD MAPPING FOR \"numword\" WITH \"pg_catalog\".\"simple\""),
                        List.of(NONE, NONE, NONE, NONE),
                        List.of("create text search dictionary public.english_nostop", "create text search configuration public.docs")),
                new Case("both as declared, a dictionary named without its schema found in the configuration's: skipped", both,
                        db -> db.ensureTextSearchDictionary("english_nostop", d -> d.template("snowball").option("language", "english"))
                                .ensureTextSearchConfiguration("docs", c -> c.parser("default")
                                        .mapping(List.of("word", "asciiword"), "english_nostop")), shapes().build(),
                        List.of(), List.of(), List.of("unchanged text search dictionary public.english_nostop",
                                "unchanged text search configuration public.docs")),
                new Case("a dictionary whose options differ: drift naming the ALTER that would make it so", both,
                        db -> db.ensureTextSearchDictionary("english_nostop", d -> d.template("snowball").option("language", "english")
                                .option("stopwords", "english")).ignore("docs"), shapes().build(), List.of(), List.of(),
                        List.of("drift text search dictionary public.english_nostop")),
                new Case("a dictionary declared without options, the database's has some: drift", with(List.of(STOP), List.of()),
                        db -> db.ensureTextSearchDictionary("simple_stop", d -> d.template("simple")), shapes().build(), List.of(),
                        List.of(), List.of("drift text search dictionary public.simple_stop")),
                new Case("a dictionary whose template differs: drift (a template cannot be altered)", both,
                        db -> db.ensureTextSearchDictionary("english_nostop", d -> d.template("simple")).ignore("docs"),
                        shapes().build(), List.of(), List.of(), List.of("drift text search dictionary public.english_nostop")),
                new Case("a configuration whose mappings differ: drift naming the ALTER MAPPING and DROP MAPPING that would make it so", both,
                        db -> db.ensureTextSearchConfiguration("docs", c -> c.mapping(List.of("asciiword"), "simple", "english_nostop"))
                                .ignore("english_nostop"), shapes().build(), List.of(), List.of(),
                        List.of("drift text search configuration public.docs")),
                new Case("a configuration whose parser differs: drift (a parser cannot be altered)", both,
                        db -> db.ensureTextSearchConfiguration("docs", c -> c.parser("public.other")
                                .mapping(List.of("asciiword", "word"), "english_nostop")).ignore("english_nostop"), shapes().build(),
                        List.of(), List.of(), List.of("drift text search configuration public.docs")),
                new Case("comments on a dictionary and a configuration: COMMENT ON TEXT SEARCH ...",
                        both.toBuilder().comments(Map.of(new CommentTarget(CommentTarget.Kind.TEXT_SEARCH_DICTIONARY,
                                q("public.english_nostop"), null), "old")).build(),
                        db -> db.ensureComment(CommentOn.TEXT_SEARCH_DICTIONARY, "english_nostop", "Stems, keeps stop words")
                                .ensureComment(CommentOn.TEXT_SEARCH_CONFIGURATION, "docs", "Documents")
                                .ignore("english_nostop").ignore("docs"), shapes().build(),
                        List.of("COMMENT ON TEXT SEARCH DICTIONARY \"public\".\"english_nostop\" IS 'Stems, keeps stop words'",
                                "COMMENT ON TEXT SEARCH CONFIGURATION \"public\".\"docs\" IS 'Documents'"), List.of(NONE, NONE),
                        List.of("alter comment on text search dictionary public.english_nostop",
                                "alter comment on text search configuration public.docs")),
                new Case("undeclared ones: reported, never dropped", both, db -> db.ensureSchema("public"), shapes().build(),
                        List.of(), List.of(), List.of("unchanged schema public", "undeclared text search dictionary public.english_nostop",
                                "undeclared text search configuration public.docs")),
                dictionaryRemoval(), configurationRemoval());
    }

    /**
     * The ALTER a dictionary's drift suggests sets the declared options and names an option only the database has
     * without a value, which removes it: ALTER keeps every option it does not name, and {@code ALTER ... ()} is a syntax
     * error (what was suggested for a declaration without options). {@code TextSearchTest} runs these on a server.
     */
    @Test
    void theSuggestedAlterRemovesWhatOnlyTheDatabaseHasAndIsNeverEmpty() {
        TextSearch.Dictionary bare = new TextSearch.Dictionary(STOP.name(), STOP.template(), null);
        TextSearch.Dictionary english = new TextSearch.Dictionary(STOP.name(), STOP.template(), "stopwords = 'english'");
        assertEquals("ALTER TEXT SEARCH DICTIONARY \"public\".\"simple_stop\" (\"stopwords\", \"accept\")",
                TextSearchPlanner.alterDictionary(STOP.name(), bare, STOP));
        assertEquals("ALTER TEXT SEARCH DICTIONARY \"public\".\"simple_stop\" (\"stopwords\" = 'english', \"accept\")",
                TextSearchPlanner.alterDictionary(STOP.name(), english, STOP));
        assertEquals("ALTER TEXT SEARCH DICTIONARY \"public\".\"simple_stop\" (\"stopwords\" = 'english', \"accept\" = 'false')",
                TextSearchPlanner.alterDictionary(STOP.name(), STOP, english));
        PlanItem.Drift drift = (PlanItem.Drift) Planner.plan(with(List.of(STOP), List.of()), schemasync.dsl.DeclaredSchema.of(List.of(
                schemasync.Blocks.block("C1", db -> db.ensureTextSearchDictionary("simple_stop", d -> d.template("simple"))))),
                shapes().build(), Map.of()).items().get(0);
        assertTrue(drift.message().contains("(to change it: " + TextSearchPlanner.alterDictionary(STOP.name(), bare, STOP) + ";"),
                drift::message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    /** What the drift cases' names promise beyond the plan lines: the statements, or why there are none. */
    @org.junit.jupiter.api.Test
    void eachDriftSaysWhatItsCaseNamePromises() {
        Map<String, List<String>> promised = Map.of(
                "a dictionary whose options differ", List.of("to change it: ALTER TEXT SEARCH DICTIONARY \"public\".\"english_nostop\"",
                        "stopwords"),
                "a dictionary whose template differs", List.of("a dictionary's template cannot be altered"),
                "a configuration whose mappings differ", List.of("ALTER MAPPING FOR \"asciiword\"", "DROP MAPPING", "\"word\""),
                "a configuration whose parser differs", List.of("a configuration's parser cannot be altered"));
        promised.forEach((prefix, fragments) -> {
            Case c = cases().filter(k -> k.name().startsWith(prefix)).findFirst().orElseThrow();
            schemasync.plan.Plan plan = Planner.plan(c.before(), schemasync.dsl.DeclaredSchema.of(List.of(schemasync.Blocks.block("C1",
                    c.declare()))), c.shapes(), Map.of());
            String messages = plan.items().stream().filter(i -> i instanceof PlanItem.Drift)
                    .map(i -> ((PlanItem.Drift) i).message()).toList().toString();
            for (String fragment : fragments) {
                org.junit.jupiter.api.Assertions.assertTrue(messages.contains(fragment), c.name() + ": " + fragment + " in " + messages);
            }
        });
    }
}
