package schemasync.plan;

import schemasync.step.Step;
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
    private final PlanContext context;

    TriggerPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(TriggerDecl g) {
        Decisions out = new Decisions();
        QualifiedName actual = context.renamesTable(g.table());
        Table table = context.state().tables().get(actual);
        if (table == null) {
            throw SchemaSyncException.badInput(g.origin() + ": trigger " + g.name() + " is on table " + g.table()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        String want = context.shapes().trigger(g.table(), g.name());
        String object = actual + "." + g.name();
        var have = table.trigger(g.name());
        if (have.isEmpty()) {
            // CREATE TRIGGER makes it fire in origin and local sessions; another declared state follows in place.
            Step create = new Step.CreateTrigger(g.spec(), actual);
            boolean origin = g.enabled() == schemasync.catalog.ExternalObjects.Enabled.ORIGIN;
            out.change(g.origin(), "trigger", object, origin ? Summary.will(Verb.CREATE)
                    : Summary.will(Verb.CREATE).plus(", then " + g.enabled().sql + " TRIGGER"), context.before().tables().get(actual),
                    Spelled.as(want), origin ? new Step[] {create} : new Step[] {create, enabling(g, actual)});
        } else if (have.get().definition().equals(want) && have.get().enabled() != g.enabled()) {
            out.addAll(enable(g, actual, object));
        } else if (!Differ.trigger(new Table.Trigger(g.name(), want, have.get().enabled()), have.get()).isEmpty()) {
            out.add(new Drift(g.origin(), "trigger", object, "declared " + want + ", database has "
                    + have.get().definition() + ": not changed; drop it by hand to have it re-created", null));
        } else {
            out.add(new Unchanged(g.origin(), "trigger", object, "exists, skipped"));
        }
        return out;
    }

    /** ALTER TABLE ... ENABLE | DISABLE TRIGGER: tgenabled changes in place (brief SHARE ROW EXCLUSIVE lock). */
    private Decisions enable(TriggerDecl g, QualifiedName table, String object) {
        Decisions out = new Decisions();
        out.change(g.origin(), "trigger", object, Summary.text("will " + g.enabled().sql + " TRIGGER"),
                context.before().tables().get(table), enabling(g, table));
        return out;
    }

    private static Step enabling(TriggerDecl g, QualifiedName table) {
        return new Step.SetEnabled(schemasync.model.ObjectKind.TRIGGER, table, g.name(), g.enabled());
    }
}
