package schemasync.plan;

import schemasync.step.Step;
import java.util.Map;
import schemasync.catalog.Collation;
import schemasync.catalog.Differ;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.DesiredState;
import schemasync.catalog.RangeType;
import schemasync.dsl.Declaration;
import schemasync.dsl.KindDecl;
import schemasync.model.ObjectKind;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.Summary.Verb;

/**
 * Collations and range types: created when missing; an existing one that differs is reported with both sides
 * and left alone, since neither can be altered in place (ALTER COLLATION only refreshes the version, ALTER
 * TYPE changes no range option) and re-creating one means re-creating every column, domain and index using
 * it. Removals drop them without CASCADE. Made per declaration over its {@link PlanContext}, with the planners of
 * the kinds it reaches (statistics and rules, owners, operators and casts, text search, conversions, security labels).
 */
final class KindPlanner {
    private final PlanContext context;
    /** Extended statistics and rules: planned by their own planner, reached through this one. */
    final StatisticsRulePlanner statisticsRules;
    /** Declared owners ({@code ensureOwner}). */
    private final OwnerPlanner owners;
    /** Operators and casts. */
    private final OperatorPlanner operators;
    /** Operator families and classes. */
    private final OperatorClassPlanner operatorClasses;
    /** Text search dictionaries and configurations. */
    private final TextSearchPlanner textSearch;

    KindPlanner(PlanContext context) {
        this.context = context;
        this.statisticsRules = new StatisticsRulePlanner(context);
        this.owners = new OwnerPlanner(context);
        this.operators = new OperatorPlanner(context);
        this.operatorClasses = new OperatorClassPlanner(context);
        this.textSearch = new TextSearchPlanner(context);
    }

    Map<QualifiedName, Collation> collations() {
        return context.state().collations();
    }

    Map<QualifiedName, RangeType> rangeTypes() {
        return context.state().rangeTypes();
    }

    boolean handles(Declaration d) {
        return statisticsRules.handles(d) || TextSearchPlanner.handles(d) || ConversionPlanner.handles(d) || d instanceof Declaration.Kind || d instanceof Declaration.RemovalDecl r
                && (r.kind() == ObjectKind.COLLATION || r.kind() == ObjectKind.RANGE_TYPE);
    }

    Decisions plan(Declaration d) {
        Decisions out = new Decisions();
        if (TextSearchPlanner.handles(d)) out.addAll(textSearch.plan(d));
        else if (ConversionPlanner.handles(d)) out.addAll(ConversionPlanner.plan(context, d));
        else if (d instanceof schemasync.dsl.SecurityLabelDecl l) out.addAll(SecurityLabelPlanner.plan(context, l));
        else if (statisticsRules.handles(d)) out.addAll(statisticsRules.plan(d));
        else if (operators.handles(d)) out.addAll(operators.plan(d));
        else if (OperatorClassPlanner.handles(d)) out.addAll(operatorClasses.plan(d));
        else if (d instanceof KindDecl.CollationDecl c) out.addAll(collation(c));
        else if (d instanceof KindDecl.RangeTypeDecl r) out.addAll(rangeType(r));
        else if (d instanceof schemasync.dsl.PartitionCommentDecl c) out.addAll(partitionComment(c));
        else if (d instanceof schemasync.dsl.PartitionColumnsDecl c) out.addAll(PartitionColumnsPlanner.plan(context, c));
        else if (d instanceof schemasync.dsl.OwnerDecl o) out.addAll(owners.plan(o));
        else if (d instanceof Declaration.RemovalDecl r) out.addAll(removal(r));
        return out;
    }

    /** A partition's own comment: COMMENT ON TABLE when it differs (metadata only). */
    private Decisions partitionComment(schemasync.dsl.PartitionCommentDecl c) {
        Decisions out = new Decisions();
        QualifiedName partition = context.renamesTable(c.name());
        schemasync.catalog.Table have = context.state().tables().get(partition);
        if (have == null) return out; // the partition's own declaration reports it
        if (java.util.Objects.equals(have.comment(), c.comment())) return out;
        out.change(c.origin(), "comment on partition", partition.toString(), have.comment() == null ? Summary.will(Verb.SET)
                : Summary.text("will replace (database has '" + have.comment() + "')"), context.original(partition),
                new Step.CommentOnTable(partition, c.comment()));
        return out;
    }

    private Decisions collation(KindDecl.CollationDecl c) {
        Decisions out = new Decisions();
        Collation want = context.shapes().types().kinds().collation(c.name());
        Collation have = collations().get(c.name());
        if (have == null) {
            StandaloneObjects.requireSchema(context, c.origin(), "collation", c.name());
            out.change(c.origin(), "collation", c.name().toString(), Summary.will(Verb.CREATE), null, new Step.CreateCollation(want));
        } else {
            out.addAll(StandaloneObjects.compared(c.origin(), "collation", c.name().toString(), Differ.collation(want, have), want.describe(), have.describe(),
                    "a collation cannot be altered: create one under another name and move the columns to it"));
        }
        return out;
    }

    private Decisions rangeType(KindDecl.RangeTypeDecl r) {
        Decisions out = new Decisions();
        RangeType want = context.shapes().types().kinds().rangeType(r.name());
        RangeType have = rangeTypes().get(r.name());
        if (have == null) {
            StandaloneObjects.requireSchema(context, r.origin(), "range type", r.name());
            out.change(r.origin(), "range type", r.name().toString(), Summary.will(Verb.CREATE), null, Spelled.as(want),
                    new Step.CreateRangeType(r.type()));
        } else {
            out.addAll(StandaloneObjects.compared(r.origin(), "range type", r.name().toString(), Differ.rangeType(want, have), want.describe(), have.describe(),
                    "a range type's options cannot be altered: create one under another name and move the columns to it"));
        }
        return out;
    }

    private Decisions removal(Declaration.RemovalDecl r) {
        boolean present = r.kind() == ObjectKind.COLLATION ? collations().containsKey(r.object())
                : rangeTypes().containsKey(r.object());
        Step.DropObject drop = new Step.DropObject(r.kind(), r.object(), null);
        return StandaloneObjects.removal(r.origin(), r.kind().word(), drop.object(), present ? drop : null);
    }

    /** Collations and range types no block declares: reported, never dropped. */
    Decisions reportUndeclared() {
        Decisions out = new Decisions();
        out.addAll(statisticsRules.reportUndeclared());
        out.addAll(operators.reportUndeclared());
        out.addAll(operatorClasses.reportUndeclared());
        out.addAll(textSearch.reportUndeclared());
        out.addAll(ConversionPlanner.reportUndeclared(context));
        for (Collation c : context.before().collations().values()) {
            if (context.desired().declares(DesiredState.collation(c.name())) || context.declared().isIgnored(c.name())) continue;
            out.add(new Drift(null, "collation", c.name().toString(), "undeclared collation (" + c.describe()
                    + "): no block declares it; left alone", null));
        }
        for (RangeType t : context.before().rangeTypes().values()) {
            if (context.desired().declares(DesiredState.type(t.name())) || context.declared().isIgnored(t.name())) continue;
            out.add(new Drift(null, "range type", t.name().toString(), "undeclared range type (" + t.describe()
                    + "): no block declares it; left alone", null));
        }
        return out;
    }
}
