package schemasync.generate;

import java.util.Map;
import schemasync.catalog.Conversion;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.ConversionOptions;
import schemasync.dsl.SchemaChanges;

/**
 * The generated calls of encoding conversions, declared directly. A pg_catalog function is written by its name alone
 * (what {@code function(...)} means bare), a user function qualified. Written once every routine exists: a conversion
 * needs only its schema and its function, and nothing in a schema needs a conversion.
 */
final class ConversionCalls {
    private ConversionCalls() {
    }

    static void write(Generator g, Map<QualifiedName, Conversion> conversions) {
        if (conversions.isEmpty()) return;
        g.startBlock("Conversions", "Encoding conversions (CREATE CONVERSION), after the functions they use");
        conversions.keySet().stream().sorted(java.util.Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name))
                .forEach(n -> g.add(ConversionCall.of(g.dslName(n), conversions.get(n))));
    }

    /** {@code db.ensureConversion("latin1_to_utf8", c -> c.encodings("LATIN1", "UTF8").function("iso8859_1_to_utf8"));} */
    record ConversionCall(String name, String source, String destination, String function, boolean isDefault) implements Call {
        static ConversionCall of(String name, Conversion c) {
            return new ConversionCall(name, c.source(), c.destination(), TextSearchCalls.referenced(c.function()), c.isDefault());
        }

        public void render(JavaCode code) {
            code.line(0, "db.ensureConversion(" + JavaCode.literal(name) + ", c -> c.encodings(" + JavaCode.literal(source) + ", "
                    + JavaCode.literal(destination) + ").function(" + JavaCode.literal(function) + ")" + (isDefault ? ".asDefault()" : "")
                    + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureConversion(name, c -> {
                ConversionOptions o = c.encodings(source, destination).function(function);
                return isDefault ? o.asDefault() : o;
            });
        }
    }
}
