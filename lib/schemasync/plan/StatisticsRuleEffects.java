package schemasync.plan;

import schemasync.step.StatisticsRuleSteps;
import schemasync.step.Step;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.Rule;
import schemasync.catalog.Table;
import schemasync.model.ObjectKind;

/** What the steps of rules (and a trigger's ENABLE / DISABLE) do to a catalog ({@link Effects}), beyond putting the object in or taking it out. */
final class StatisticsRuleEffects {
    private StatisticsRuleEffects() {
    }

    /**
     * CREATE RULE makes a rule that fires in origin and local sessions; CREATE OR REPLACE RULE rewrites its event,
     * condition and actions in place (the same pg_rewrite row) and keeps its ev_enabled and its comment.
     */
    static void createRule(CatalogEdit c, StatisticsRuleSteps.CreateRule s) {
        Rule had = c.rules.get(s.rule().key());
        c.rules.put(s.rule().key(), s.rule().withEnabled(s.replace() && had != null ? had.enabled() : ExternalObjects.Enabled.ORIGIN));
    }

    /** ALTER TABLE ... ENABLE | DISABLE RULE | TRIGGER changes ev_enabled or tgenabled only. */
    static void setEnabled(CatalogEdit c, StatisticsRuleSteps.SetEnabled s) {
        if (s.kind() == ObjectKind.RULE) c.rules.computeIfPresent(Rule.key(s.table(), s.name()), (k, r) -> r.withEnabled(s.enabled()));
        if (s.kind() == ObjectKind.TRIGGER) {
            c.table(s.table(), t -> t.withTriggers(t.triggers().stream().map(g -> g.name().equals(s.name())
                    ? new Table.Trigger(g.name(), g.definition(), s.enabled()) : g).toList()));
        }
    }

    /** DROP STATISTICS and DROP RULE take the object's comment along. */
    static void dropComment(CatalogEdit c, Step.DropObject d) {
        if (d.kind() == ObjectKind.STATISTICS) c.comments.remove(new CommentTarget(CommentTarget.Kind.STATISTICS, d.target(), null));
        if (d.kind() == ObjectKind.RULE) c.comments.remove(new CommentTarget(CommentTarget.Kind.RULE, d.target(), d.detail()));
    }
}
