package schemasync.step;

import java.util.List;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.TextSearch;

/**
 * The steps that create text search dictionaries and configurations (their drops are {@link ObjectSteps.DropObject}).
 * None locks a relation: they add catalog rows that no running query can be using yet.
 */
public interface TextSearchSteps {

    /** CREATE TEXT SEARCH DICTIONARY name (TEMPLATE = template, option = 'value', ...). */
    record CreateTextSearchDictionary(TextSearch.Dictionary dictionary) implements Step {
        public String object() {
            return dictionary.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createTextSearchDictionary(this);
        }
    }

    /** CREATE TEXT SEARCH CONFIGURATION name (PARSER = parser): no mappings yet ({@link AddTextSearchMapping} follows). */
    record CreateTextSearchConfiguration(QualifiedName name, QualifiedName parser) implements Step {
        public String object() {
            return name.toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createTextSearchConfiguration(this);
        }
    }

    /** ALTER TEXT SEARCH CONFIGURATION name ADD MAPPING FOR token types WITH dictionaries (on the configuration just created). */
    record AddTextSearchMapping(QualifiedName configuration, List<String> tokenTypes, List<QualifiedName> dictionaries)
            implements Step {
        public AddTextSearchMapping {
            tokenTypes = List.copyOf(tokenTypes);
            dictionaries = List.copyOf(dictionaries);
        }

        public String object() {
            return configuration.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addTextSearchMapping(this);
        }
    }
}
