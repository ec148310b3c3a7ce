package schemasync.plan;

import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Functions: created when missing, replaced with CREATE OR REPLACE FUNCTION when the definition
 * differs and PostgreSQL accepts the replacement (it refuses a changed return type), reported otherwise.
 */
final class FunctionPlanner {
    private final Planner planner;

    FunctionPlanner(Planner planner) {
        this.planner = planner;
    }

    /** The catalog key the declaration maps to: {@code schema.name(identity arguments)}. */
    String key(FunctionDecl f) {
        return planner.shapes.functions().keys().getOrDefault(f.signature(), f.signature());
    }

    void plan(FunctionDecl f) {
        String key = key(f);
        Catalog.Function have = planner.functions.get(key);
        String want = planner.shapes.functions().definitions().get(f.signature());
        String refusal = planner.shapes.functions().refusals().get(f.signature());
        if (have == null) {
            planner.change(f.origin(), "function", key, "will create", null,
                    new Step.CreateFunction(f.name(), f.arguments(), f.definition(), false));
            planner.functions.put(key, new Catalog.Function(f.name(), f.arguments(), want));
        } else if (refusal != null) {
            planner.items.add(new Drift(f.origin(), "function", key, "differs, and PostgreSQL refuses CREATE OR REPLACE"
                    + " FUNCTION (" + refusal + "): not changed; drop and re-create it by hand", null));
        } else if (want == null || want.equals(have.definition())) {
            planner.items.add(new Unchanged(f.origin(), "function", key, "exists, skipped"));
        } else {
            planner.change(f.origin(), "function", key, "will replace (CREATE OR REPLACE FUNCTION)", null,
                    new Step.CreateFunction(f.name(), f.arguments(), f.definition(), true));
            planner.functions.put(key, new Catalog.Function(have.name(), have.arguments(), want));
        }
    }
}
