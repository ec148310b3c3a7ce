package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import schemasync.catalog.Collation;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RangeType;
import schemasync.dsl.CollationOptions;
import schemasync.dsl.RangeTypeOptions;
import schemasync.dsl.SchemaChanges;

/** The generated calls of collations and range types: written as Java and declared directly, from one list of options. */
final class KindCalls {
    private KindCalls() {
    }

    /** One option call: its Java text ({@code icu("und")}) and the same call on the options record. */
    record Option<T>(String java, UnaryOperator<T> apply) {
    }

    /** {@code db.ensureCollation("ci", c -> c.icu("und-u-ks-level2").nondeterministic());} */
    record CollationCall(String name, List<Option<CollationOptions>> options) implements Call {
        static CollationCall of(String name, Collation c) {
            List<Option<CollationOptions>> o = new ArrayList<>();
            switch (c.provider()) {
                case "libc" -> o.add(c.lcCollate().equals(c.lcCtype())
                        ? new Option<>("libc(" + JavaCode.literal(c.lcCollate()) + ")", x -> x.libc(c.lcCollate()))
                        : new Option<>("libc(" + JavaCode.literal(c.lcCollate()) + ", " + JavaCode.literal(c.lcCtype()) + ")",
                                x -> x.libc(c.lcCollate(), c.lcCtype())));
                case "builtin" -> o.add(new Option<>("builtin(" + JavaCode.literal(c.locale()) + ")", x -> x.builtin(c.locale())));
                default -> o.add(new Option<>("icu(" + JavaCode.literal(c.locale()) + ")", x -> x.icu(c.locale())));
            }
            if (c.icuRules() != null) o.add(new Option<>("rules(" + JavaCode.literal(c.icuRules()) + ")", x -> x.rules(c.icuRules())));
            if (!c.deterministic()) o.add(new Option<>("nondeterministic()", CollationOptions::nondeterministic));
            return new CollationCall(name, o);
        }

        public void render(JavaCode code) {
            code.line(0, "db.ensureCollation(" + JavaCode.literal(name) + ", c -> c." + String.join(".",
                    options.stream().map(Option::java).toList()) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureCollation(name, c -> {
                for (Option<CollationOptions> o : options) c = o.apply().apply(c);
                return c;
            });
        }
    }

    /** {@code db.ensureRangeType("floatrange", "double precision", r -> r.subtypeDiff("float8mi"));}, options only when set. */
    record RangeTypeCall(String name, String subtype, List<Option<RangeTypeOptions>> options) implements Call {
        static RangeTypeCall of(String name, RangeType r) {
            List<Option<RangeTypeOptions>> o = new ArrayList<>();
            if (!r.defaultOpclass()) o.add(option("subtypeOpclass", r.subtypeOpclass(), RangeTypeOptions::subtypeOpclass));
            if (r.collation() != null) {
                // Always qualified: a pg_catalog collation's name may hold a dot (en_US.utf8).
                o.add(option("collation", r.collation().schema() + "." + r.collation().name(), RangeTypeOptions::collation));
            }
            if (r.canonical() != null) o.add(option("canonical", r.canonical(), RangeTypeOptions::canonical));
            if (r.subtypeDiff() != null) o.add(option("subtypeDiff", r.subtypeDiff(), RangeTypeOptions::subtypeDiff));
            if (r.multirange() != null && !r.multirange().equals(RangeType.defaultMultirange(r.name()))) {
                QualifiedName m = r.multirange();
                String text = m.schema().equals(r.name().schema()) ? m.name() : m.toString();
                o.add(option("multirangeTypeName", text, RangeTypeOptions::multirangeTypeName));
            }
            return new RangeTypeCall(name, r.subtype(), o);
        }

        private static Option<RangeTypeOptions> option(String method, String value,
                                                       java.util.function.BiFunction<RangeTypeOptions, String, RangeTypeOptions> f) {
            return new Option<>(method + "(" + JavaCode.literal(value) + ")", x -> f.apply(x, value));
        }

        public void render(JavaCode code) {
            code.line(0, "db.ensureRangeType(" + JavaCode.literal(name) + ", " + JavaCode.literal(subtype)
                    + (options.isEmpty() ? "" : ", r -> r." + String.join(".", options.stream().map(Option::java).toList())) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureRangeType(name, subtype, r -> {
                for (Option<RangeTypeOptions> o : options) r = o.apply().apply(r);
                return r;
            });
        }
    }
}
