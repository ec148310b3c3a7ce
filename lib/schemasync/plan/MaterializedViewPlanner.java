package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.model.HazardKind;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog.MaterializedView;
import schemasync.dsl.Declaration.MaterializedViewDecl;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Materialized views: created when missing (WITH DATA runs the query inside the apply's transaction;
 * WITH NO DATA leaves it empty until the application refreshes it), compared on pg_get_viewdef of the
 * declared query (read from a temporary view twin). A different query is reported, never applied:
 * there is no CREATE OR REPLACE MATERIALIZED VIEW, and dropping it discards its rows and its indexes
 * and makes every reader fail until it is re-created and refreshed.
 */
final class MaterializedViewPlanner {
    private final PlanContext context;

    MaterializedViewPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(MaterializedViewDecl m) {
        Decisions out = new Decisions();
        String object = m.name().toString();
        MaterializedView have = context.state().materializedViews().get(m.name());
        if (have == null) {
            if (!context.state().schemas().contains(m.name().schema())) {
                throw SchemaSyncException.badInput(m.origin() + ": materialized view " + m.name() + " is in schema "
                        + m.name().schema() + ", which does not exist: declare ensureSchema(\"" + m.name().schema() + "\") first");
            }
            out.change(m.origin(), "materialized view", object, Summary.will(Verb.CREATE).plus(m.withData() ? " WITH DATA" : " WITH NO DATA"),
                    null, new Step.CreateMaterializedView(m.name(), m.sql(), m.withData()));
            return out;
        }
        String want = context.shapes().relations().materializedViews().get(m.name());
        String failure = context.shapes().relations().materializedViewFailures().get(m.name());
        if (want == null) {
            out.drift(m.origin(), "materialized view", object, "exists, but its declared query could not be compared ("
                    + (failure == null ? "no normalized shape" : failure) + "): not changed", null);
            return out;
        }
        java.util.Set<String> differs = Differ.fields(Differ.materializedView(new MaterializedView(m.name(), want,
                m.withData() || have.populated(), have.columns()), have)); // WITH NO DATA: either state is as declared
        if (differs.contains("query")) {
            out.drift(m.origin(), "materialized view", object, "declared " + oneLine(want) + ", database has "
                    + oneLine(have.definition()) + ": not changed: re-creating it drops its rows and its indexes, and readers"
                    + " fail until it is refreshed", HazardKind.DELETES_DATA);
        } else if (differs.contains("populated")) {
            out.drift(m.origin(), "materialized view", object, "declared WITH DATA, database has it unpopulated (created"
                    + " WITH NO DATA, never refreshed): not refreshed: REFRESH MATERIALIZED VIEW runs its query under an"
                    + " ACCESS EXCLUSIVE lock", HazardKind.ACCESS_EXCLUSIVE_LOCK);
        } else {
            out.add(new Unchanged(m.origin(), "materialized view", object, "exists, skipped"));
        }
        return out;
    }

    /** pg_get_viewdef spreads a query over lines and ends it with ';': a plan line shows it on one, without. */
    static String oneLine(String definition) {
        String text = definition.strip().replaceAll("\\s+", " ");
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }
}
