package schemasync.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.TextSearch;
import schemasync.step.Step;

/** What the text search steps do to a catalog ({@link Effects}): the dictionary or configuration as pg_ts_* will hold it. */
final class TextSearchEffects {
    private TextSearchEffects() {
    }

    static void createDictionary(CatalogEdit c, Step.CreateTextSearchDictionary s) {
        c.textSearchDictionaries.put(s.dictionary().name(), s.dictionary());
    }

    static void createConfiguration(CatalogEdit c, Step.CreateTextSearchConfiguration s) {
        c.textSearchConfigurations.put(s.name(), new TextSearch.Configuration(s.name(), s.parser(), Map.of()));
    }

    /** ADD MAPPING appends the dictionaries to each token type's list (PostgreSQL refuses a token type mapped already). */
    static void addMapping(CatalogEdit c, Step.AddTextSearchMapping s) {
        TextSearch.Configuration had = c.textSearchConfigurations.get(s.configuration());
        if (had == null) return;
        Map<String, List<QualifiedName>> mappings = new LinkedHashMap<>(had.mappings());
        for (String token : s.tokenTypes()) {
            List<QualifiedName> dictionaries = new ArrayList<>(mappings.getOrDefault(token, List.of()));
            dictionaries.addAll(s.dictionaries());
            mappings.put(token, dictionaries);
        }
        c.textSearchConfigurations.put(had.name(), new TextSearch.Configuration(had.name(), had.parser(), mappings));
    }

    /** DROP TEXT SEARCH DICTIONARY / CONFIGURATION: the object goes with its comment. */
    static void drop(CatalogEdit c, Step.DropObject d) {
        if (d.kind() == schemasync.model.ObjectKind.TEXT_SEARCH_DICTIONARY) {
            c.textSearchDictionaries.remove(d.target());
            c.comments.remove(new CommentTarget(CommentTarget.Kind.TEXT_SEARCH_DICTIONARY, d.target(), null));
        } else {
            c.textSearchConfigurations.remove(d.target());
            c.comments.remove(new CommentTarget(CommentTarget.Kind.TEXT_SEARCH_CONFIGURATION, d.target(), null));
        }
    }
}
