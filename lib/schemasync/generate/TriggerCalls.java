package schemasync.generate;

import schemasync.catalog.Differ;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.TriggerParts;
import schemasync.catalog.TriggerSpec.Transitions;

/**
 * A table's trigger as {@code ensureTrigger(...)}, built from its parts as pg_trigger holds them ({@link TriggerParts}):
 * timing, events (UPDATE OF columns), FOR EACH ROW or STATEMENT, REFERENCING transition tables, WHEN, the function with
 * its arguments, and a constraint trigger's deferral. The call says the trigger exactly when its parts, spelled as
 * pg_get_triggerdef spells a trigger, equal the catalog's trigger under the trigger differ (its enabled state included);
 * otherwise it stays a custom step with PostgreSQL's text.
 */
final class TriggerCalls {
    private TriggerCalls() {
    }

    /** The call that declares {@code trigger} of the table {@code table}, or null when the DSL cannot say it. */
    static Call of(Generator g, QualifiedName table, Table.Trigger trigger) {
        TriggerParts parts = g.catalog().triggerParts().get(new TriggerParts.Key(table, trigger.name()));
        if (parts == null) return null;
        // FROM another table: the comparison spells a declared trigger on a temporary shadow before the
        // apply, where a table the same blocks create does not exist yet; such a trigger stays a custom step.
        if (parts.constraint() != null && parts.constraint().fromTable()) return null;
        String when = parts.whenIn(trigger.name(), trigger.definition());
        Table.Trigger declared = new Table.Trigger(trigger.name(), parts.definition(trigger.name(), when), trigger.enabled());
        if (!Differ.trigger(declared, trigger).isEmpty()) return null;
        return new RoutineCalls.TriggerCall(trigger.name(), g.dslName(table), parts.timing(), parts.eventsSql(), parts.forEachRow(),
                when, parts.functionCall(), parts.constraint() == null ? null
                : new RoutineCalls.ConstraintTriggerDef(null, parts.constraint().deferrable(), parts.constraint().initiallyDeferred()),
                parts.oldTable() == null && parts.newTable() == null ? null : new Transitions(parts.oldTable(), parts.newTable()),
                trigger.enabled());
    }
}
