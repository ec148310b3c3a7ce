package schemasync.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;
import schemasync.catalog.SqlText;
import schemasync.dsl.OperatorClassOptions;
import schemasync.dsl.OperatorFamilyOptions;
import schemasync.dsl.SchemaChanges;
import schemasync.model.ObjectId;

/**
 * Operator families and classes in the generated blocks ({@code ensureOperatorFamily}, {@code ensureOperatorClass}),
 * placed among the tables by the dependency graph ({@link PlacedKinds}): after their family, input type, operators and
 * support functions ({@link #functionsUsed} are created with the functions the tables use, or between the tables when
 * their standard SQL body reads one), before every table whose index names the class; those needing
 * no table keep pg_dump's place, before the first table. Members are written as the catalog prints them (regoperator,
 * regprocedure, format_type), a support function with its two types, so the declaration reads back equal.
 */
final class OperatorClassCalls {
    private OperatorClassCalls() {
    }

    /** The signatures ({@code schema.name(identity arguments)}) of the user functions the families and classes name. */
    static Set<String> functionsUsed(Source source) {
        Set<String> names = new HashSet<>();
        List<OperatorClass.Member> members = new ArrayList<>();
        source.catalog().operators().families().values().forEach(f -> members.addAll(f.members()));
        source.catalog().operators().classes().values().forEach(c -> members.addAll(c.members()));
        for (OperatorClass.Member m : members) {
            if (m.function() && m.target().contains("(")) names.add(m.target().substring(0, m.target().indexOf('(')));
        }
        Set<String> signatures = new HashSet<>();
        for (Catalog.Function routine : source.routines()) {
            String regproc = SqlText.quoteIdent(routine.name().schema()) + "." + SqlText.quoteIdent(routine.name().name());
            if (names.contains(regproc)) signatures.add(routine.signature());
        }
        return signatures;
    }

    /** One block of the families and classes among {@code placed} (graph ids), families first: a class names its family. */
    static void write(Generator g, Catalog catalog, Set<ObjectId> placed) {
        List<Call> calls = new ArrayList<>();
        for (OperatorFamily f : catalog.operators().families().values()) {
            if (placed.contains(PlacedKinds.family(f))) calls.add(FamilyCall.of(g.dslName(f.name()), f));
        }
        for (OperatorClass c : catalog.operators().classes().values()) {
            if (placed.contains(PlacedKinds.operatorClass(c))) calls.add(ClassCall.of(g.dslName(c.name()), c));
        }
        if (calls.isEmpty()) return;
        g.startBlock("Operator classes and families", "Operator families and classes over the operators and functions above:"
                + " before the tables whose indexes use them");
        g.addAll(calls);
    }

    private static <T> KindCalls.Option<T> member(OperatorClass.Member m, Members<T> to) {
        if (!m.function() && m.orderFamily() != null) {
            String family = m.orderFamily().schema() + "." + m.orderFamily().name();
            return new KindCalls.Option<>("orderingOperator(" + m.number() + ", " + JavaCode.literal(m.target()) + ", "
                    + JavaCode.literal(family) + ")", x -> to.ordering(x, m.number(), m.target(), family));
        }
        if (!m.function()) {
            return new KindCalls.Option<>("operator(" + m.number() + ", " + JavaCode.literal(m.target()) + ")",
                    x -> to.operator(x, m.number(), m.target()));
        }
        return new KindCalls.Option<>("function(" + m.number() + ", " + JavaCode.literal(m.leftType()) + ", "
                + JavaCode.literal(m.rightType()) + ", " + JavaCode.literal(m.target()) + ")",
                x -> to.function(x, m.number(), m.leftType(), m.rightType(), m.target()));
    }

    /** The member verbs both option records share. */
    private interface Members<T> {
        T operator(T options, int number, String operator);

        T ordering(T options, int number, String operator, String family);

        T function(T options, int number, String left, String right, String function);
    }

    private static final Members<OperatorFamilyOptions> FAMILY_MEMBERS = new Members<>() {
        public OperatorFamilyOptions operator(OperatorFamilyOptions o, int n, String op) { return o.operator(n, op); }
        public OperatorFamilyOptions ordering(OperatorFamilyOptions o, int n, String op, String f) { return o.orderingOperator(n, op, f); }
        public OperatorFamilyOptions function(OperatorFamilyOptions o, int n, String l, String r, String f) { return o.function(n, l, r, f); }
    };

    private static final Members<OperatorClassOptions> CLASS_MEMBERS = new Members<>() {
        public OperatorClassOptions operator(OperatorClassOptions o, int n, String op) { return o.operator(n, op); }
        public OperatorClassOptions ordering(OperatorClassOptions o, int n, String op, String f) { return o.orderingOperator(n, op, f); }
        public OperatorClassOptions function(OperatorClassOptions o, int n, String l, String r, String f) { return o.function(n, l, r, f); }
    };

    /** {@code db.ensureOperatorFamily("shop.same_ops", f -> f.using("hash").operator(1, "shop.===(integer,integer)"));} */
    record FamilyCall(String name, List<KindCalls.Option<OperatorFamilyOptions>> options) implements Call {
        static FamilyCall of(String name, OperatorFamily f) {
            List<KindCalls.Option<OperatorFamilyOptions>> x = new ArrayList<>();
            x.add(new KindCalls.Option<>("using(" + JavaCode.literal(f.method()) + ")", o -> o.using(f.method())));
            for (OperatorClass.Member m : f.members()) x.add(member(m, FAMILY_MEMBERS));
            return new FamilyCall(name, x);
        }

        public void render(JavaCode code) {
            code.line(0, "db.ensureOperatorFamily(" + JavaCode.literal(name) + ", f -> f." + String.join(".",
                    options.stream().map(KindCalls.Option::java).toList()) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureOperatorFamily(name, f -> {
                for (KindCalls.Option<OperatorFamilyOptions> x : options) f = x.apply().apply(f);
                return f;
            });
        }
    }

    /** {@code db.ensureOperatorClass("shop.code_ops", c -> c.forType("shop.code").using("btree").operator(1, ...)...);} */
    record ClassCall(String name, List<KindCalls.Option<OperatorClassOptions>> options) implements Call {
        static ClassCall of(String name, OperatorClass c) {
            List<KindCalls.Option<OperatorClassOptions>> x = new ArrayList<>();
            x.add(new KindCalls.Option<>("forType(" + JavaCode.literal(c.type()) + ")", o -> o.forType(c.type())));
            x.add(new KindCalls.Option<>("using(" + JavaCode.literal(c.method()) + ")", o -> o.using(c.method())));
            if (c.isDefault()) x.add(new KindCalls.Option<>("isDefault()", OperatorClassOptions::isDefault));
            if (!c.family().equals(c.name())) {
                String family = c.family().schema() + "." + c.family().name();
                x.add(new KindCalls.Option<>("family(" + JavaCode.literal(family) + ")", o -> o.family(family)));
            }
            for (OperatorClass.Member m : c.members()) x.add(member(m, CLASS_MEMBERS));
            if (c.storage() != null) x.add(new KindCalls.Option<>("storage(" + JavaCode.literal(c.storage()) + ")", o -> o.storage(c.storage())));
            return new ClassCall(name, x);
        }

        public void render(JavaCode code) {
            code.line(0, "db.ensureOperatorClass(" + JavaCode.literal(name) + ", c -> c." + String.join(".",
                    options.stream().map(KindCalls.Option::java).toList()) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureOperatorClass(name, c -> {
                for (KindCalls.Option<OperatorClassOptions> x : options) c = x.apply().apply(c);
                return c;
            });
        }
    }
}
