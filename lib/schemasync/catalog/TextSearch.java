package schemasync.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text search dictionaries (pg_ts_dict) and configurations (pg_ts_config with pg_ts_config_map) of the managed
 * schemas. Templates and parsers are referenced, never created: a template or parser needs C functions, which
 * only an extension (or pg_catalog) provides. Names are qualified, pg_catalog's too, so a dictionary of the
 * same name in another schema never reads equal.
 */
public record TextSearch(Map<QualifiedName, Dictionary> dictionaries, Map<QualifiedName, Configuration> configurations) {
    public static final TextSearch NONE = new TextSearch(Map.of(), Map.of());

    public TextSearch {
        dictionaries = Collections.unmodifiableMap(new LinkedHashMap<>(dictionaries));
        configurations = Collections.unmodifiableMap(new LinkedHashMap<>(configurations));
    }

    /** A copy with this dictionary set (null: removed). */
    public TextSearch withDictionary(QualifiedName name, Dictionary d) {
        Map<QualifiedName, Dictionary> m = new LinkedHashMap<>(dictionaries);
        if (d == null) m.remove(name);
        else m.put(name, d);
        return new TextSearch(m, configurations);
    }

    /** A copy with this configuration set (null: removed). */
    public TextSearch withConfiguration(QualifiedName name, Configuration c) {
        Map<QualifiedName, Configuration> m = new LinkedHashMap<>(configurations);
        if (c == null) m.remove(name);
        else m.put(name, c);
        return new TextSearch(dictionaries, m);
    }

    /**
     * {@code CREATE TEXT SEARCH DICTIONARY name (TEMPLATE = template, options)}: {@code options} is
     * pg_ts_dict.dictinitoption, the text PostgreSQL serializes the options to ({@code stopwords = 'english'}),
     * or null when there are none.
     */
    public record Dictionary(QualifiedName name, QualifiedName template, String options) {
        public String describe() {
            return "template " + template + (options == null ? "" : ", " + options);
        }
    }

    /**
     * {@code CREATE TEXT SEARCH CONFIGURATION name (PARSER = parser)} and its mappings: each token type (the
     * parser's alias, as ts_token_type names it) to its dictionaries, in the order they are consulted. The
     * token types keep the parser's order; two configurations compare equal whatever the map's order.
     */
    public record Configuration(QualifiedName name, QualifiedName parser, Map<String, List<QualifiedName>> mappings) {
        public Configuration {
            Map<String, List<QualifiedName>> copy = new LinkedHashMap<>();
            mappings.forEach((token, dictionaries) -> copy.put(token, List.copyOf(dictionaries)));
            mappings = Collections.unmodifiableMap(copy);
        }

        /** The token types grouped by their dictionary list, in first-token order: one ADD MAPPING each. */
        public Map<List<QualifiedName>, List<String>> byDictionaries() {
            Map<List<QualifiedName>, List<String>> groups = new LinkedHashMap<>();
            mappings.forEach((token, dictionaries) -> groups.computeIfAbsent(dictionaries, k -> new ArrayList<>()).add(token));
            return groups;
        }

        public String describe() {
            StringBuilder s = new StringBuilder("parser " + parser);
            byDictionaries().forEach((dictionaries, tokens) -> s.append(", ").append(String.join(" ", tokens)).append(" → ")
                    .append(String.join(" ", dictionaries.stream().map(QualifiedName::toString).toList())));
            return s.toString();
        }
    }

    /** Template and options: what the roundtrip reports (the planner compares the same two). */
    public static List<schemasync.model.Difference> diff(Dictionary want, Dictionary have) {
        List<schemasync.model.Difference> out = new ArrayList<>();
        if (!want.template().equals(have.template())) {
            out.add(new schemasync.model.Difference("template", want.template().toString(), have.template().toString()));
        }
        if (!java.util.Objects.equals(want.options(), have.options())) {
            out.add(new schemasync.model.Difference("options", want.options(), have.options()));
        }
        return out;
    }

    /** Parser and mappings (token types in any order, each one's dictionaries in order). */
    public static List<schemasync.model.Difference> diff(Configuration want, Configuration have) {
        List<schemasync.model.Difference> out = new ArrayList<>();
        if (!want.parser().equals(have.parser())) {
            out.add(new schemasync.model.Difference("parser", want.parser().toString(), have.parser().toString()));
        }
        if (!want.mappings().equals(have.mappings())) {
            out.add(new schemasync.model.Difference("mappings", want.describe(), have.describe()));
        }
        return out;
    }

    /** One option of a dictionary: a string is quoted, a number is not (PostgreSQL keeps the difference). */
    public record Option(String name, String value, boolean number) {
    }

    /**
     * The options as PostgreSQL's serialize_deflist writes dictinitoption: {@code name = 'value'} joined by
     * {@code ", "}, the name as quote_identifier spells it, a string quoted with doubled quotes (and backslashes,
     * under E'' when there is one), a number bare. Null for no options.
     */
    public static String serialize(List<Option> options) {
        if (options.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (Option o : options) {
            String value = o.number() ? o.value() : (o.value().contains("\\") ? "E" : "") + "'"
                    + o.value().replace("\\", "\\\\").replace("'", "''") + "'";
            parts.add(schemasync.model.Identifiers.quote(o.name()) + " = " + value);
        }
        return String.join(", ", parts);
    }

    /** The options of a dictinitoption text ({@link #serialize}'s inverse); empty for null. */
    public static List<Option> parse(String text) {
        List<Option> out = new ArrayList<>();
        if (text == null) return out;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',')) i++;
            if (i >= n) break;
            StringBuilder name = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') { name.append('"'); i++; } else break;
                    } else name.append(c);
                }
            } else {
                while (i < n && text.charAt(i) != ' ' && text.charAt(i) != '=') name.append(text.charAt(i++));
            }
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '=')) i++;
            boolean escaped = i < n && text.charAt(i) == 'E' && i + 1 < n && text.charAt(i + 1) == '\'';
            if (escaped) i++;
            if (i < n && text.charAt(i) == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\'' ) {
                        if (i < n && text.charAt(i) == '\'') { value.append('\''); i++; } else break;
                    } else if (c == '\\' && escaped && i < n) {
                        value.append(text.charAt(i++));
                    } else value.append(c);
                }
                out.add(new Option(name.toString(), value.toString(), false));
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',') i++;
                out.add(new Option(name.toString(), text.substring(start, i).strip(), true));
            }
        }
        return out;
    }
}
