package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.TextSearch;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.TextSearchConfigurationOptions;
import schemasync.dsl.TextSearchDictionaryOptions;

/**
 * The generated calls of text search dictionaries and configurations, written as Java and declared directly, with the
 * extensions. A
 * template, parser or dictionary of pg_catalog is written by its name alone, any other qualified (a pg_catalog
 * dictionary too when the configuration's schema has one of the same name, which an unqualified name would mean).
 */
final class TextSearchCalls {
    private static final java.util.Comparator<QualifiedName> BY_NAME =
            java.util.Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    private TextSearchCalls() {
    }

    /** Writes the dictionaries, then the configurations that map them (only their schemas and extensions before them). */
    static void write(Generator g, TextSearch ts) {
        ts.dictionaries().keySet().stream().sorted(BY_NAME)
                .forEach(n -> g.add(DictionaryCall.of(g.dslName(n), ts.dictionaries().get(n))));
        ts.configurations().keySet().stream().sorted(BY_NAME)
                .forEach(n -> g.add(ConfigurationCall.of(g.dslName(n), ts.configurations().get(n), ts)));
    }

    /** {@code "simple"} for pg_catalog's, {@code "public.unaccent"} for another schema's. */
    static String referenced(QualifiedName name) {
        return name.schema().equals("pg_catalog") ? name.name() : name.toString();
    }

    /** {@code db.ensureTextSearchDictionary("english_nostop", d -> d.template("snowball").option("language", "english"));} */
    record DictionaryCall(String name, String template, List<TextSearch.Option> options) implements Call {
        static DictionaryCall of(String name, TextSearch.Dictionary d) {
            return new DictionaryCall(name, referenced(d.template()), TextSearch.parse(d.options()));
        }

        public void render(JavaCode code) {
            StringBuilder s = new StringBuilder("db.ensureTextSearchDictionary(" + JavaCode.literal(name) + ", d -> d.template("
                    + JavaCode.literal(template) + ")");
            for (TextSearch.Option o : options) {
                s.append(".option(").append(JavaCode.literal(o.name())).append(", ")
                        .append(o.number() ? "new java.math.BigDecimal(" + JavaCode.literal(o.value()) + ")" : JavaCode.literal(o.value()))
                        .append(')');
            }
            code.line(0, s.append(");").toString());
        }

        public void declare(SchemaChanges db) {
            db.ensureTextSearchDictionary(name, d -> {
                TextSearchDictionaryOptions x = d.template(template);
                for (TextSearch.Option o : options) {
                    x = o.number() ? x.option(o.name(), new java.math.BigDecimal(o.value())) : x.option(o.name(), o.value());
                }
                return x;
            });
        }
    }

    /**
     * {@code db.ensureTextSearchConfiguration("docs", c -> c.mapping(List.of("asciiword", "word"), "english_stem"));}:
     * one mapping call per list of dictionaries, in the parser's token order; the parser only when not pg_catalog's default.
     */
    record ConfigurationCall(String name, String parser, Map<List<String>, List<String>> mappings) implements Call {
        static ConfigurationCall of(String name, TextSearch.Configuration c, TextSearch ts) {
            Map<List<String>, List<String>> mappings = new java.util.LinkedHashMap<>();
            c.byDictionaries().forEach((dictionaries, tokens) -> mappings.put(tokens, dictionaries.stream()
                    .map(d -> d.schema().equals("pg_catalog") && ts.dictionaries().containsKey(c.name().sibling(d.name()))
                            ? d.toString() : referenced(d)).toList()));
            String parser = c.parser().equals(new QualifiedName("pg_catalog", "default")) ? null : referenced(c.parser());
            return new ConfigurationCall(name, parser, mappings);
        }

        public void render(JavaCode code) {
            code.importClass("java.util.List");
            String head = "db.ensureTextSearchConfiguration(" + JavaCode.literal(name) + ", c -> c"
                    + (parser == null ? "" : ".parser(" + JavaCode.literal(parser) + ")");
            if (mappings.isEmpty()) {
                code.line(0, head + ");");
                return;
            }
            code.line(0, head);
            int left = mappings.size();
            for (Map.Entry<List<String>, List<String>> m : mappings.entrySet()) {
                code.line(1, ".mapping(List.of(" + String.join(", ", m.getKey().stream().map(JavaCode::literal).toList()) + "), "
                        + String.join(", ", m.getValue().stream().map(JavaCode::literal).toList()) + ")" + (--left == 0 ? ");" : ""));
            }
        }

        public void declare(SchemaChanges db) {
            db.ensureTextSearchConfiguration(name, c -> {
                TextSearchConfigurationOptions x = parser == null ? c : c.parser(parser);
                for (Map.Entry<List<String>, List<String>> m : mappings.entrySet()) {
                    x = x.mapping(m.getKey(), m.getValue().toArray(String[]::new));
                }
                return x;
            });
        }
    }
}
