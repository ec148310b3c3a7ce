package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration.AggregateDecl;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Functions: created when missing, replaced with CREATE OR REPLACE FUNCTION when the definition
 * differs and PostgreSQL accepts the replacement (it refuses a changed return type), reported otherwise.
 */
final class FunctionPlanner {
    private final PlanContext context;

    FunctionPlanner(PlanContext context) {
        this.context = context;
    }

    /** The catalog key the declaration maps to: {@code schema.name(identity arguments)}. */
    String key(FunctionDecl f) {
        return context.shapes().functions().keys().getOrDefault(f.signature(), f.signature());
    }

    Decisions plan(FunctionDecl f) {
        Decisions out = new Decisions();
        String key = key(f);
        Catalog.Function have = context.state().functions().get(key);
        String want = context.shapes().functions().definitions().get(f.signature());
        String refusal = context.shapes().functions().refusals().get(f.signature());
        String statement = "CREATE OR REPLACE " + f.word().toUpperCase(java.util.Locale.ROOT);
        if (have == null) {
            out.change(f.origin(), f.word(), key, Summary.will(Verb.CREATE), null,
                    Spelled.as(new Spelled.Routine(key, new Catalog.Function(f.name(), f.arguments(), want))),
                    new Step.CreateFunction(f.name(), f.arguments(), f.definition(), false, f.procedure()));
        } else if (refusal != null) {
            out.add(new Drift(f.origin(), f.word(), key, "differs, and PostgreSQL refuses " + statement
                    + " (" + refusal + "): not changed; drop and re-create it by hand", null));
        } else if (want == null || Differ.routine(new Catalog.Function(have.name(), have.arguments(), want), have).isEmpty()) {
            out.add(new Unchanged(f.origin(), f.word(), key, "exists, skipped"));
        } else {
            out.change(f.origin(), f.word(), key, Summary.text("will replace (" + statement + ")"), null,
                    Spelled.as(new Spelled.Routine(key, new Catalog.Function(have.name(), have.arguments(), want))),
                    new Step.CreateFunction(f.name(), f.arguments(), f.definition(), true, f.procedure()));
        }
        return out;
    }

    /** The catalog key an aggregate declaration maps to. */
    String key(AggregateDecl a) {
        return context.shapes().access().aggregates().keys().getOrDefault(a.signature(), a.signature());
    }

    /**
     * Aggregates: created when missing; a different definition is reported with both sides, not
     * replaced (CREATE OR REPLACE AGGREGATE cannot change every option, and queries in flight use it).
     */
    Decisions plan(AggregateDecl a) {
        Decisions out = new Decisions();
        DeclaredShapes.Functions shapes = context.shapes().access().aggregates();
        String key = key(a);
        Catalog.Function have = context.state().aggregates().get(key);
        String want = shapes.definitions().get(a.signature());
        String refusal = shapes.refusals().get(a.signature());
        if (have == null && refusal != null) {
            throw SchemaSyncException.badInput(a.origin() + ": aggregate " + a.signature() + ": PostgreSQL rejects it: " + refusal);
        } else if (have == null) {
            out.change(a.origin(), "aggregate", key, Summary.will(Verb.CREATE), null,
                    Spelled.as(new Spelled.Routine(key, new Catalog.Function(a.name(), a.arguments(), want))),
                    new Step.CreateAggregate(a.name(), a.arguments(), a.definition(), false));
        } else if (refusal != null) {
            out.add(new Drift(a.origin(), "aggregate", key, "declared (" + a.definition() + "), database has ("
                    + have.definition() + "), and PostgreSQL refuses the declared one (" + refusal + "): not changed", null));
        } else if (want == null || Differ.routine(new Catalog.Function(have.name(), have.arguments(), want), have).isEmpty()) {
            out.add(new Unchanged(a.origin(), "aggregate", key, "exists, skipped"));
        } else {
            out.add(new Drift(a.origin(), "aggregate", key, "declared (" + want + "), database has ("
                    + have.definition() + "): not changed; replace it by hand (CREATE OR REPLACE AGGREGATE)", null));
        }
        return out;
    }
}
