package schemasync.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import schemasync.catalog.Cast;
import schemasync.catalog.Operator;
import schemasync.catalog.OperatorObjects;
import schemasync.dsl.Declaration;
import schemasync.dsl.OperatorDecl;
import schemasync.model.Difference;
import schemasync.normalize.OperatorSpellings;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.plan.Summary.Verb;
import schemasync.step.Step;

/**
 * Operators and casts: created when missing, compared in PostgreSQL's spelling ({@link OperatorSpellings}). Of an
 * operator only RESTRICT and JOIN can be altered in place (ALTER OPERATOR ... SET, every supported version); a
 * different function, commutator, negator, HASHES or MERGES is reported with both sides and left alone, and so is any
 * difference of a cast (nothing of one can be altered): re-creating either means re-creating every index, constraint
 * and view using it. A commutator or negator the declaration leaves out is not compared: PostgreSQL links an operator
 * back to the one that names it. Removals drop them without CASCADE. Reached through {@link KindPlanner}.
 */
final class OperatorPlanner {
    private final PlanContext context;

    OperatorPlanner(PlanContext context) {
        this.context = context;
    }

    boolean handles(Declaration d) {
        return d instanceof OperatorDecl.OperatorDeclared || d instanceof OperatorDecl.OperatorRemoval
                || d instanceof OperatorDecl.CastDeclared || d instanceof OperatorDecl.CastRemoval;
    }

    private OperatorSpellings spelled() {
        return context.shapes().types().kinds().operators();
    }

    Decisions plan(Declaration d) {
        if (d instanceof OperatorDecl.OperatorDeclared o) return operator(o);
        if (d instanceof OperatorDecl.CastDeclared c) return cast(c);
        if (d instanceof OperatorDecl.OperatorRemoval r) {
            String key = spelled().operatorKey(r.name(), r.leftType(), r.rightType());
            Operator have = context.state().operators().get(key);
            return StandaloneObjects.removal(r.origin(), "operator", key, have == null ? null : new Step.DropOperator(have));
        }
        OperatorDecl.CastRemoval r = (OperatorDecl.CastRemoval) d;
        String key = spelled().castKey(r.source(), r.target());
        Cast have = context.state().casts().get(key);
        return StandaloneObjects.removal(r.origin(), "cast", key, have == null ? null : new Step.DropCast(have));
    }

    private Decisions operator(OperatorDecl.OperatorDeclared o) {
        Decisions out = new Decisions();
        Operator want = spelled().operator(o.operator());
        Operator have = context.state().operators().get(want.key());
        if (have == null) {
            StandaloneObjects.requireSchema(context, o.origin(), "operator", want.key(), want.name().schema());
            out.change(o.origin(), "operator", want.key(), Summary.will(Verb.CREATE), null, new Step.CreateOperator(want));
            return out;
        }
        // Left out: PostgreSQL may have linked it from the other operator's declaration.
        Operator compared = new Operator(want.name(), want.leftType(), want.rightType(), want.function(),
                want.commutator() == null ? have.commutator() : want.commutator(), want.negator() == null ? have.negator() : want.negator(),
                want.restrict(), want.join(), want.hashes(), want.merges());
        List<Difference> differences = OperatorObjects.operator(compared, have);
        List<Difference> fixed = differences.stream().filter(f -> f.field().equals("restrict") || f.field().equals("join")).toList();
        List<Difference> reported = new ArrayList<>(differences);
        reported.removeAll(fixed);
        if (differences.isEmpty()) {
            out.add(new Unchanged(o.origin(), "operator", want.key(), "exists, skipped"));
            return out;
        }
        if (!fixed.isEmpty()) {
            Operator estimated = new Operator(have.name(), have.leftType(), have.rightType(), have.function(), have.commutator(),
                    have.negator(), want.restrict(), want.join(), have.hashes(), have.merges());
            out.change(o.origin(), "operator", want.key(), Summary.text("will set " + StandaloneObjects.fields(fixed) + " (database has "
                    + values(fixed) + ")"), null, new Step.SetOperatorEstimators(estimated));
        }
        if (!reported.isEmpty()) {
            out.addAll(StandaloneObjects.compared(o.origin(), "operator", want.key(), reported, compared.describe(), have.describe(),
                    "an operator's function, commutator, negator, HASHES and MERGES cannot be altered: create one under another"
                    + " name and move its users to it"));
        }
        return out;
    }

    private Decisions cast(OperatorDecl.CastDeclared c) {
        Decisions out = new Decisions();
        Cast want = spelled().cast(c.cast());
        Cast have = context.state().casts().get(want.key());
        if (have == null) {
            out.change(c.origin(), "cast", want.key(), Summary.will(Verb.CREATE), null, new Step.CreateCast(want));
            return out;
        }
        return StandaloneObjects.compared(c.origin(), "cast", want.key(), OperatorObjects.cast(want, have), want.describe(),
                have.describe(), "a cast cannot be altered: drop it with ensureNoCast in one block and declare it again in a later one");
    }

    private static String values(List<Difference> differences) {
        return differences.stream().map(f -> f.field() + " " + (f.actual() == null ? "none" : f.actual())).collect(Collectors.joining(", "));
    }

    /** Operators and casts no block declares or removes: reported, never dropped. */
    Decisions reportUndeclared() {
        Decisions out = new Decisions();
        Set<String> operators = new HashSet<>();
        Set<String> casts = new HashSet<>();
        for (Declaration d : context.declared().declarations()) {
            if (d instanceof OperatorDecl.OperatorDeclared o) operators.add(spelled().operator(o.operator()).key());
            else if (d instanceof OperatorDecl.CastDeclared c) casts.add(spelled().cast(c.cast()).key());
            // A removal speaks of the object too: the drop is its plan line, not an undeclared report.
            else if (d instanceof OperatorDecl.OperatorRemoval r) operators.add(spelled().operatorKey(r.name(), r.leftType(), r.rightType()));
            else if (d instanceof OperatorDecl.CastRemoval r) casts.add(spelled().castKey(r.source(), r.target()));
        }
        for (Operator o : context.before().operators().operators().values()) {
            if (operators.contains(o.key()) || context.declared().isIgnored(o.name())) continue;
            out.add(new Drift(null, "operator", o.key(), "undeclared operator (" + o.describe() + "): no block declares it; left alone", null));
        }
        for (Cast c : context.before().operators().casts().values()) {
            if (casts.contains(c.key())) continue;
            out.add(new Drift(null, "cast", c.key(), "undeclared cast (" + c.describe() + "): no block declares it; left alone", null));
        }
        return out;
    }
}
