package schemasync.plan;

import schemasync.catalog.SecurityLabelTarget;
import schemasync.dsl.Declaration;
import schemasync.dsl.SecurityLabelDecl;
import schemasync.plan.Summary.Verb;
import schemasync.step.Step;

/**
 * Security labels: SECURITY LABEL FOR provider ON kind object IS 'label' when the object lacks the label or carries
 * another from that provider (PostgreSQL keeps one per object and provider, and the statement replaces it: metadata
 * only, no rewrite). Nothing when pg_seclabels already holds it. A label no block declares is left alone and not
 * reported: labels are usually set by a security administrator beside the schema's owner. Whether the object exists
 * and the provider is loaded is the server's to say at apply (the step then fails with PostgreSQL's message and the
 * transaction changes nothing).
 */
final class SecurityLabelPlanner {
    private SecurityLabelPlanner() {
    }

    static boolean handles(Declaration d) {
        return d instanceof SecurityLabelDecl;
    }

    static Decisions plan(PlanContext context, SecurityLabelDecl l) {
        Decisions out = new Decisions();
        SecurityLabelTarget target = l.target();
        String have = context.state().securityLabels().get(target);
        String object = l.on().objectType() + " " + target.object() + " (provider " + target.provider() + ")";
        if (l.label().equals(have)) return out.unchanged(l.origin(), "security label", object, "labelled, skipped");
        Step step = new Step.SetSecurityLabel(target, l.label(), l.lockedRelation());
        if (have == null) return out.change(l.origin(), "security label", object, Summary.will(Verb.SET), null, step);
        return out.change(l.origin(), "security label", object, Summary.text("will change (database has '" + have + "')"), null, step);
    }
}
