package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SqlText;
import schemasync.dsl.Declaration.RenameDecl;

import schemasync.plan.Summary.Verb;

import schemasync.model.HazardKind;
import schemasync.dsl.Declaration.ViewDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/** Views: created when missing, replaced when PostgreSQL accepts CREATE OR REPLACE, reported otherwise. */
final class ViewPlanner {
    private final PlanContext context;

    ViewPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(ViewDecl v) {
        return planQuery(v).addAll(warnOfLaterTableRenames(v));
    }

    private Decisions planQuery(ViewDecl v) {
        Decisions out = new Decisions();
        String object = v.name().toString();
        String have = context.state().views().get(v.name());
        if (have == null) {
            if (!context.state().schemas().contains(v.name().schema())) {
                throw schemasync.SchemaSyncException.badInput(v.origin() + ": view " + v.name() + " is in schema "
                        + v.name().schema() + ", which does not exist: declare ensureSchema(\"" + v.name().schema() + "\") first");
            }
            out.change(v.origin(), "view", object, Summary.will(Verb.CREATE), null, new Step.CreateView(v.name(), v.sql(), false));
            return out;
        }
        String refusal = context.shapes().viewRefusals().get(v.name());
        String want = context.shapes().views().get(v.name());
        if (want != null && Differ.query(want, have).isEmpty()) {
            out.add(new Unchanged(v.origin(), "view", object, "exists, skipped"));
        } else if (refusal != null) {
            out.add(new Drift(v.origin(), "view", object, (want == null ? "could not be compared" : "differs")
                    + ", and PostgreSQL refuses CREATE OR REPLACE VIEW here (" + refusal + "): not changed", HazardKind.ACCESS_EXCLUSIVE_LOCK));
        } else if (want == null) {
            out.add(new Unchanged(v.origin(), "view", object, "exists, skipped"));
        } else {
            out.change(v.origin(), "view", object, Summary.text("will replace (CREATE OR REPLACE VIEW)"), null,
                    Spelled.as(want), new Step.CreateView(v.name(), v.sql(), true));
        }
        return out;
    }

    /**
     * A view declared before a block that renames a table it reads, and not declared again after it: PostgreSQL
     * keeps the view on the renamed table (views hold the table's oid, not its name), so the apply works, but this
     * declaration still names the old table and every later plan reports the view (or, when the same run creates
     * a relation under the old name, such as a bridge view, the apply ends unconverged). Said now, before the
     * rename is applied. An existing view is matched by its catalog dependency; a new one by the name in its query.
     */
    private Decisions warnOfLaterTableRenames(ViewDecl v) {
        Decisions out = new Decisions();
        boolean exists = context.before().views().containsKey(v.name());
        for (RenameDecl r : context.desired().laterTableRenames(context.position())) {
            QualifiedName from = r.fromName();
            boolean reads = exists
                    ? context.before().viewDependencies().stream().anyMatch(d -> d.view().equals(v.name()) && d.on().equals(from))
                    : SqlText.mentions(v.sql(), from.name());
            if (!reads) continue;
            out.add(new Drift(v.origin(), "view", v.name().toString(), "reads " + from + ", which " + r.origin()
                    + " renames to " + from.sibling(r.to()) + ": PostgreSQL keeps the view on the renamed table, but this"
                    + " declaration still names the old one, so every later plan would report the view; declare the view"
                    + " again in a block after the rename (the latest declaration is the one that counts)", null));
        }
        return out;
    }
}
