package schemasync.generate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/**
 * pg_get_triggerdef → {@code ensureTrigger(...)}. Only the forms the DSL has: a timing, events, FOR
 * EACH ROW or STATEMENT, an optional WHEN and the function, and constraint triggers (FROM, DEFERRABLE,
 * INITIALLY DEFERRED), with REFERENCING transition tables; anything else stays a custom step with
 * PostgreSQL's text.
 */
final class TriggerParser {
    private static final Pattern TRIGGER = Pattern.compile(
            "CREATE TRIGGER (?:\"(?:[^\"]|\"\")*\"|\\S+) (BEFORE|AFTER|INSTEAD OF) (.+?) ON <table>" + TriggerTransitions.CLAUSE
                    + " FOR EACH (ROW|STATEMENT)"
                    + "(?: WHEN \\((.*)\\))? EXECUTE (?:FUNCTION|PROCEDURE) (.+)", Pattern.DOTALL);

    /** pg_get_triggerdef always spells a constraint trigger's deferrability, even the default NOT DEFERRABLE. */
    private static final Pattern CONSTRAINT_TRIGGER = Pattern.compile(
            "CREATE CONSTRAINT TRIGGER (?:\"(?:[^\"]|\"\")*\"|\\S+) AFTER (.+?) ON <table>(?: FROM ([a-z_][a-z0-9_$.]*))?"
                    + " (NOT DEFERRABLE INITIALLY IMMEDIATE|DEFERRABLE INITIALLY IMMEDIATE|DEFERRABLE INITIALLY DEFERRED)"
                    + " FOR EACH ROW(?: WHEN \\((.*)\\))? EXECUTE (?:FUNCTION|PROCEDURE) (.+)", Pattern.DOTALL);

    private TriggerParser() {
    }

    /** The call that declares {@code trigger} of the table {@code table}, or null when the DSL cannot say it. */
    static Call parse(Generator g, QualifiedName table, Table.Trigger trigger) {
        Matcher c = CONSTRAINT_TRIGGER.matcher(trigger.definition());
        if (c.matches()) {
            // FROM another table: the comparison spells a declared trigger on a temporary shadow before the
            // apply, where a table the same blocks create does not exist yet; such a trigger stays a custom step.
            if (c.group(2) != null) return null;
            return new RoutineCalls.TriggerCall(trigger.name(), g.dslName(table), "AFTER", c.group(1), true, c.group(4), c.group(5),
                    new RoutineCalls.ConstraintTriggerDef(null, c.group(3).startsWith("DEFERRABLE"), c.group(3).endsWith("DEFERRED")), null,
                    trigger.enabled());
        }
        Matcher m = TRIGGER.matcher(trigger.definition());
        if (!m.matches()) return null;
        return new RoutineCalls.TriggerCall(trigger.name(), g.dslName(table), m.group(1), m.group(2), m.group(5).equals("ROW"), m.group(6),
                m.group(7), null, TriggerTransitions.of(m, 3), trigger.enabled());
    }
}
