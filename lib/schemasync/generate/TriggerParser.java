package schemasync.generate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.Catalog;
import schemasync.catalog.Table;

/**
 * pg_get_triggerdef → {@code ensureTrigger(...)}. Only the forms the DSL has: a timing, events, FOR
 * EACH ROW or STATEMENT, an optional WHEN and the function; anything else (REFERENCING transition
 * tables, constraint triggers) stays a custom step with PostgreSQL's text.
 */
final class TriggerParser {
    private static final Pattern TRIGGER = Pattern.compile(
            "CREATE TRIGGER (?:\"(?:[^\"]|\"\")*\"|\\S+) (BEFORE|AFTER|INSTEAD OF) (.+?) ON <table> FOR EACH (ROW|STATEMENT)"
                    + "(?: WHEN \\((.*)\\))? EXECUTE (?:FUNCTION|PROCEDURE) (.+)", Pattern.DOTALL);

    private TriggerParser() {
    }

    static Call parse(Generator g, Source.Trigger t, Catalog catalog) {
        Table table = catalog.tables().get(t.table());
        Table.Trigger trigger = table == null ? null : table.trigger(t.name()).orElse(null);
        if (trigger == null) return null;
        Matcher m = TRIGGER.matcher(trigger.definition());
        if (!m.matches()) return null;
        return new Call.TriggerCall(t.name(), g.dslName(t.table()), m.group(1), m.group(2), m.group(3).equals("ROW"), m.group(4),
                m.group(5));
    }
}
