package schemasync.plan;

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
    private final Planner planner;

    ObjectRemovals(Planner planner) {
        this.planner = planner;
    }

    void remove(RemovalDecl r) {
        QualifiedName name = r.object();
        switch (r.kind()) {
            case PARTITION -> partition(r);
            case MATERIALIZED_VIEW -> drop(r, planner.state().materializedViews().containsKey(name));
            case SEQUENCE -> drop(r, planner.state().sequences().containsKey(name));
            case DOMAIN -> drop(r, planner.state().domains().containsKey(name));
            case COMPOSITE_TYPE -> drop(r, planner.state().composites().containsKey(name));
            case PROCEDURE -> routine(r, planner.state().functions());
            case AGGREGATE -> routine(r, planner.state().aggregates());
            default -> throw new IllegalArgumentException("not a removal of ObjectRemovals: " + r.kind());
        }
    }

    /** A procedure or aggregate, found by name like ensureNoFunction: with several overloads, the user picks by hand. */
    private void routine(RemovalDecl r, Map<String, Catalog.Function> routines) {
        long overloads = routines.values().stream().filter(f -> f.name().equals(r.object())).count();
        if (overloads > 1) {
            planner.drift(r.origin(), r.kind().word(), r.object() + "(" + r.column() + ")",
                    "has several overloads: not dropped; drop the one you mean by hand", null);
            return;
        }
        drop(r, overloads == 1);
    }

    private void partition(RemovalDecl r) {
        QualifiedName name = r.object();
        Catalog.Partitioning p = planner.state().partitioning().get(name);
        Table table = planner.state().tables().get(name);
        if (table == null) {
            planner.items.add(new Unchanged(r.origin(), r.kind().word(), name.toString(), "absent, nothing to drop"));
            return;
        }
        if (p == null || !p.isPartition()) {
            planner.drift(r.origin(), r.kind().word(), name.toString(), "is a table, not a partition: not dropped"
                    + " (ensureNoTable drops a table)", null);
            return;
        }
        Step.DropTable dropTable = new Step.DropTable(name);
        planner.change(r.origin(), r.kind().word(), name.toString(), Summary.will(Verb.DROP).plus(", with its rows"),
                planner.original(name), dropTable);
    }

    /**
     * Plans the DROP when the object is present, and the working copy loses what the DROP takes ({@link Effects}: a
     * materialized view's indexes, the object's comments), not a hand-written copy of it; true when it did.
     */
    private boolean drop(RemovalDecl r, boolean present) {
        Step.DropObject drop = new Step.DropObject(r.kind(), r.object(), r.column());
        if (!present) {
            planner.items.add(new Unchanged(r.origin(), r.kind().word(), drop.object(), "absent, nothing to drop"));
            return false;
        }
        planner.change(r.origin(), r.kind().word(), drop.object(), Summary.will(Verb.DROP), null, drop);
        return true;
    }
}
