package schemasync.plan;

import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.model.HazardKind;
import schemasync.dsl.Declaration.ViewDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/** Views: created when missing, replaced when PostgreSQL accepts CREATE OR REPLACE, reported otherwise. */
final class ViewPlanner {
    private final Planner planner;

    ViewPlanner(Planner planner) {
        this.planner = planner;
    }

    void plan(ViewDecl v) {
        String object = v.name().toString();
        String have = planner.views.get(v.name());
        if (have == null) {
            if (!planner.schemas.contains(v.name().schema())) {
                throw schemasync.SchemaSyncException.badInput(v.origin() + ": view " + v.name() + " is in schema "
                        + v.name().schema() + ", which does not exist: declare ensureSchema(\"" + v.name().schema() + "\") first");
            }
            planner.change(v.origin(), "view", object, Summary.will(Verb.CREATE), null, new Step.CreateView(v.name(), v.sql(), false));
            planner.views.put(v.name(), v.sql());
            return;
        }
        String refusal = planner.shapes.viewRefusals().get(v.name());
        String want = planner.shapes.views().get(v.name());
        if (want != null && Differ.query(want, have).isEmpty()) {
            planner.items.add(new Unchanged(v.origin(), "view", object, "exists, skipped"));
        } else if (refusal != null) {
            planner.items.add(new Drift(v.origin(), "view", object, (want == null ? "could not be compared" : "differs")
                    + ", and PostgreSQL refuses CREATE OR REPLACE VIEW here (" + refusal + "): not changed", HazardKind.ACCESS_EXCLUSIVE_LOCK));
        } else if (want == null) {
            planner.items.add(new Unchanged(v.origin(), "view", object, "exists, skipped"));
        } else {
            planner.change(v.origin(), "view", object, Summary.text("will replace (CREATE OR REPLACE VIEW)"), null,
                    new Step.CreateView(v.name(), v.sql(), true));
            planner.views.put(v.name(), want);
        }
    }
}
