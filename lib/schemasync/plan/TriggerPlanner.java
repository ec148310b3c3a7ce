package schemasync.plan;

import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.SchemaSyncException;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.TriggerDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Triggers: created when missing (CREATE TRIGGER takes a brief SHARE ROW EXCLUSIVE lock: writes
 * wait), compared on pg_get_triggerdef (the declared side read from a shadow table, never from the
 * real one), reported when different: replacing one means dropping it, which the tool never does
 * implicitly.
 */
final class TriggerPlanner {
    private final Planner planner;

    TriggerPlanner(Planner planner) {
        this.planner = planner;
    }

    void plan(TriggerDecl g) {
        QualifiedName actual = planner.renamesTable(g.table());
        Table table = planner.state().tables().get(actual);
        if (table == null) {
            throw SchemaSyncException.badInput(g.origin() + ": trigger " + g.name() + " is on table " + g.table()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        planner.touched.add(actual);
        String want = planner.shapes.trigger(g.table(), g.name());
        String object = actual + "." + g.name();
        var have = table.trigger(g.name());
        if (have.isEmpty()) {
            planner.change(g.origin(), "trigger", object, Summary.will(Verb.CREATE), planner.before.tables().get(actual),
                    Spelled.as(want), new Step.CreateTrigger(g.spec(), actual));
        } else if (!Differ.trigger(new Table.Trigger(g.name(), want), have.get()).isEmpty()) {
            planner.items.add(new Drift(g.origin(), "trigger", object, "declared " + want + ", database has "
                    + have.get().definition() + ": not changed; drop it by hand to have it re-created", null));
        } else {
            planner.items.add(new Unchanged(g.origin(), "trigger", object, "exists, skipped"));
        }
    }
}
