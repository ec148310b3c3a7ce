package schemasync.normalize;

import java.util.Optional;
import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration;
import schemasync.dsl.TextSearchDecl;
import schemasync.render.SqlRenderer;
import schemasync.step.Step;

/**
 * A text search dictionary or configuration this run creates, for the shadows: a generated column or an index
 * expression {@code to_tsvector('public.docs', body)} casts the name to regconfig, which PostgreSQL resolves when
 * the table is created. The configuration needs only to exist there (its parser): no mapping is consulted
 * until a row is written, and nothing is written in the rolled-back shadows.
 */
final class TextSearchPrerequisite {
    private TextSearchPrerequisite() {
    }

    static Optional<String> of(Catalog catalog, Declaration d) {
        if (d instanceof TextSearchDecl.DictionaryDecl t && !catalog.textSearch().dictionaries().containsKey(t.name())) {
            return Optional.of(SqlRenderer.render(new Step.CreateTextSearchDictionary(t.dictionary())));
        }
        if (d instanceof TextSearchDecl.ConfigurationDecl c && !catalog.textSearch().configurations().containsKey(c.name())) {
            return Optional.of(SqlRenderer.render(new Step.CreateTextSearchConfiguration(c.name(), c.parser())));
        }
        return Optional.empty();
    }
}
