package schemasync.plan;

import schemasync.step.Step;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.plan.Summary.Verb;

/**
 * {@code ensureNoMaterializedView}, {@code ensureNoSequence}, {@code ensureNoDomain}, {@code ensureNoCompositeType},
 * {@code ensureNoProcedure}, {@code ensureNoAggregate} and {@code ensureNoPartition}: present → one DROP (never
 * CASCADE: what still depends on the object makes the apply fail and roll back, nothing else disappears);
 * absent → nothing. A partition is dropped as the table it is, with its rows (DELETES_DATA).
 */
final class ObjectRemovals {
    private final PlanContext context;

    ObjectRemovals(PlanContext context) {
        this.context = context;
    }

    Decisions remove(RemovalDecl r) {
        Decisions out = new Decisions();
        QualifiedName name = r.object();
        switch (r.kind()) {
            case PARTITION -> out.addAll(partition(r));
            case MATERIALIZED_VIEW -> out.addAll(drop(r, context.state().materializedViews().containsKey(name)));
            case SEQUENCE -> out.addAll(drop(r, context.state().sequences().containsKey(name)));
            case DOMAIN -> out.addAll(drop(r, context.state().domains().containsKey(name)));
            case COMPOSITE_TYPE -> out.addAll(drop(r, context.state().composites().containsKey(name)));
            case PROCEDURE -> out.addAll(routine(r, context.state().functions()));
            case AGGREGATE -> out.addAll(routine(r, context.state().aggregates()));
            default -> throw new IllegalArgumentException("not a removal of ObjectRemovals: " + r.kind());
        }
        return out;
    }

    /** A procedure or aggregate, found by name like ensureNoFunction: with several overloads, the user picks by hand. */
    private Decisions routine(RemovalDecl r, Map<String, Catalog.Function> routines) {
        Decisions out = new Decisions();
        long overloads = routines.values().stream().filter(f -> f.name().equals(r.object())).count();
        if (overloads > 1) {
            out.drift(r.origin(), r.kind().word(), r.object() + "(" + r.column() + ")",
                    "has several overloads: not dropped; drop the one you mean by hand", null);
            return out;
        }
        out.addAll(drop(r, overloads == 1));
        return out;
    }

    private Decisions partition(RemovalDecl r) {
        Decisions out = new Decisions();
        QualifiedName name = r.object();
        Catalog.Partitioning p = context.state().partitioning().get(name);
        Table table = context.state().tables().get(name);
        if (table == null) {
            out.add(new Unchanged(r.origin(), r.kind().word(), name.toString(), "absent, nothing to drop"));
            return out;
        }
        if (p == null || !p.isPartition()) {
            out.drift(r.origin(), r.kind().word(), name.toString(), "is a table, not a partition: not dropped"
                    + " (ensureNoTable drops a table)", null);
            return out;
        }
        Step.DropTable dropTable = new Step.DropTable(name);
        out.change(r.origin(), r.kind().word(), name.toString(), Summary.will(Verb.DROP).plus(", with its rows"),
                context.original(name), dropTable);
        return out;
    }

    /**
     * Plans the DROP when the object is present, and the working copy loses what the DROP takes ({@link Effects}: a
     * materialized view's indexes, the object's comments), not a hand-written copy of it.
     */
    private Decisions drop(RemovalDecl r, boolean present) {
        Decisions out = new Decisions();
        Step.DropObject drop = new Step.DropObject(r.kind(), r.object(), r.column());
        if (!present) {
            out.add(new Unchanged(r.origin(), r.kind().word(), drop.object(), "absent, nothing to drop"));
            return out;
        }
        out.change(r.origin(), r.kind().word(), drop.object(), Summary.will(Verb.DROP), null, drop);
        return out;
    }
}
