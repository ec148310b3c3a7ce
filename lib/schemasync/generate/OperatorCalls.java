package schemasync.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.Cast;
import schemasync.catalog.Catalog;
import schemasync.catalog.Operator;
import schemasync.catalog.SqlText;
import schemasync.dsl.CastOptions;
import schemasync.dsl.OperatorOptions;
import schemasync.dsl.SchemaChanges;
import schemasync.model.ObjectId;

/**
 * Operators and casts in the generated blocks, placed among the tables by the dependency graph ({@link PlacedKinds}):
 * after the types and the functions they name ({@link #functionsUsed} are created with the functions the tables use,
 * or between the tables when they need one, e.g. an argument of a table's row type) and before the tables whose CHECKs,
 * defaults and indexes use them. Those needing no table keep pg_dump's place, one block before the first table.
 */
final class OperatorCalls {
    private OperatorCalls() {
    }

    /** The signatures ({@code schema.name(identity arguments)}) of the user functions operators and casts name. */
    static Set<String> functionsUsed(Source source) {
        Set<String> names = new HashSet<>();
        for (Operator o : source.catalog().operators().operators().values()) {
            for (String f : new String[] {o.function(), o.restrict(), o.join()}) if (isUser(f)) names.add(f);
        }
        for (Cast c : source.catalog().operators().casts().values()) {
            if (isUser(c.function())) names.add(c.function().substring(0, c.function().indexOf('(')));
        }
        Set<String> signatures = new HashSet<>();
        for (Catalog.Function routine : source.routines()) {
            String regproc = SqlText.quoteIdent(routine.name().schema()) + "." + SqlText.quoteIdent(routine.name().name());
            if (names.contains(regproc)) signatures.add(routine.signature());
        }
        return signatures;
    }

    /** regproc and regprocedure print a pg_catalog function bare and any other qualified (the reader's search_path). */
    private static boolean isUser(String function) {
        return function != null && function.substring(0, function.contains("(") ? function.indexOf('(') : function.length()).contains(".");
    }

    /**
     * The placed objects of one run ({@link PlacedKinds}: graph ids, in creation order, no type among them), a block per
     * family: operators and casts (operators before casts as the catalog lists them; an operator naming a commutator not
     * written yet leaves a shell that the later one fills in), then operator families and classes. Nothing of one family
     * needs a later one (a class needs operators), so the kinds' order is a creation order inside the run.
     */
    static void write(Generator g, Catalog catalog, List<ObjectId> placed) {
        if (placed.isEmpty()) return;
        Set<ObjectId> wanted = new HashSet<>(placed);
        List<Call> operators = new ArrayList<>();
        for (Operator o : catalog.operators().operators().values()) {
            if (wanted.contains(PlacedKinds.operator(o))) operators.add(OperatorCall.of(g.dslName(o.name()), o));
        }
        for (Cast c : catalog.operators().casts().values()) if (wanted.contains(PlacedKinds.cast(c))) operators.add(CastCall.of(c));
        if (!operators.isEmpty()) {
            g.startBlock("Operators and casts", "Operators and casts over the types and functions above: they must exist before"
                    + " the tables whose checks, defaults and indexes use them");
            g.addAll(operators);
        }
        OperatorClassCalls.write(g, catalog, wanted);
    }

    /** {@code db.ensureOperator("===", o -> o.leftArg("public.money2").rightArg("public.money2").function("public.money2_eq"));} */
    record OperatorCall(String name, List<KindCalls.Option<OperatorOptions>> options) implements Call {
        static OperatorCall of(String name, Operator o) {
            List<KindCalls.Option<OperatorOptions>> x = new ArrayList<>();
            if (o.leftType() != null) x.add(option("leftArg", o.leftType(), OperatorOptions::leftArg));
            if (o.rightType() != null) x.add(option("rightArg", o.rightType(), OperatorOptions::rightArg));
            x.add(option("function", o.function(), OperatorOptions::function));
            if (o.commutator() != null) x.add(option("commutator", o.commutator().schema() + "." + o.commutator().name(),
                    OperatorOptions::commutator));
            if (o.negator() != null) x.add(option("negator", o.negator().schema() + "." + o.negator().name(), OperatorOptions::negator));
            if (o.restrict() != null) x.add(option("restrict", o.restrict(), OperatorOptions::restrict));
            if (o.join() != null) x.add(option("join", o.join(), OperatorOptions::join));
            if (o.hashes()) x.add(new KindCalls.Option<>("hashes()", OperatorOptions::hashes));
            if (o.merges()) x.add(new KindCalls.Option<>("merges()", OperatorOptions::merges));
            return new OperatorCall(name, x);
        }

        private static KindCalls.Option<OperatorOptions> option(String method, String value,
                                                               java.util.function.BiFunction<OperatorOptions, String, OperatorOptions> f) {
            return new KindCalls.Option<>(method + "(" + JavaCode.literal(value) + ")", x -> f.apply(x, value));
        }

        public void render(JavaCode code) {
            code.line(0, "db.ensureOperator(" + JavaCode.literal(name) + ", o -> o." + String.join(".",
                    options.stream().map(KindCalls.Option::java).toList()) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureOperator(name, o -> {
                for (KindCalls.Option<OperatorOptions> x : options) o = x.apply().apply(o);
                return o;
            });
        }
    }

    /** {@code db.ensureCast("public.money2", "integer", c -> c.withFunction("public.money2_int(public.money2)").asAssignment());} */
    record CastCall(String source, String target, List<KindCalls.Option<CastOptions>> options) implements Call {
        static CastCall of(Cast c) {
            List<KindCalls.Option<CastOptions>> x = new ArrayList<>();
            switch (c.method()) {
                case Cast.FUNCTION -> x.add(new KindCalls.Option<>("withFunction(" + JavaCode.literal(c.function()) + ")",
                        o -> o.withFunction(c.function())));
                case Cast.INOUT -> x.add(new KindCalls.Option<>("withInout()", CastOptions::withInout));
                default -> x.add(new KindCalls.Option<>("withoutFunction()", CastOptions::withoutFunction));
            }
            if (c.context().equals(Cast.IMPLICIT)) x.add(new KindCalls.Option<>("asImplicit()", CastOptions::asImplicit));
            if (c.context().equals(Cast.ASSIGNMENT)) x.add(new KindCalls.Option<>("asAssignment()", CastOptions::asAssignment));
            return new CastCall(c.source(), c.target(), x);
        }

        public void render(JavaCode code) {
            code.line(0, "db.ensureCast(" + JavaCode.literal(source) + ", " + JavaCode.literal(target) + ", c -> c." + String.join(".",
                    options.stream().map(KindCalls.Option::java).toList()) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureCast(source, target, c -> {
                for (KindCalls.Option<CastOptions> x : options) c = x.apply().apply(c);
                return c;
            });
        }
    }
}
