package schemasync.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.TextSearch;

/**
 * Checks of text search dictionaries and configurations before any connection is opened: names, one declaration
 * each, what CREATE TEXT SEARCH's grammar itself requires (a template; at least one dictionary per mapping).
 * Whether a template, parser, token type or dictionary exists, and which options a template accepts, is
 * PostgreSQL's to judge: never a rule stricter than its own.
 */
final class TextSearchValidator {
    private final Validator validator;

    TextSearchValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Set<String> dictionaries = new HashSet<>();
        Set<String> configurations = new HashSet<>();
        for (Declaration d : declarations) {
            if (d instanceof TextSearchDecl.DictionaryDecl t) dictionary(t, dictionaries);
            else if (d instanceof TextSearchDecl.ConfigurationDecl c) configuration(c, configurations);
        }
    }

    private void dictionary(TextSearchDecl.DictionaryDecl d, Set<String> seen) {
        String what = "text search dictionary " + d.name();
        validator.qualified(d.origin(), "text search dictionary", d.name());
        if (!seen.add(d.name().toString())) validator.problem(d.origin(), what + " is declared twice");
        if (blank(d.options().template())) {
            validator.problem(d.origin(), what + " needs a template: d -> d.template(\"simple\")");
        } else {
            validator.qualified(d.origin(), "template of " + what, d.template());
        }
        for (TextSearch.Option o : d.options().options()) {
            if (blank(o.name())) validator.problem(d.origin(), what + ": an option has no name");
            else if (o.value() == null) validator.problem(d.origin(), what + ": option " + o.name() + " has no value");
        }
    }

    private void configuration(TextSearchDecl.ConfigurationDecl c, Set<String> seen) {
        String what = "text search configuration " + c.name();
        validator.qualified(c.origin(), "text search configuration", c.name());
        if (!seen.add(c.name().toString())) validator.problem(c.origin(), what + " is declared twice");
        if (c.options().parser() != null && c.options().parser().isBlank()) validator.problem(c.origin(), what + ": parser(...) is blank");
        for (Map.Entry<String, List<String>> m : c.options().mappings().entrySet()) {
            if (blank(m.getKey())) validator.problem(c.origin(), what + ": a mapping names a blank token type");
            if (m.getValue().isEmpty()) {
                validator.problem(c.origin(), what + ": the mapping for " + m.getKey() + " names no dictionary");
            }
            if (m.getValue().stream().anyMatch(TextSearchValidator::blank)) {
                validator.problem(c.origin(), what + ": the mapping for " + m.getKey() + " names a blank dictionary");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
