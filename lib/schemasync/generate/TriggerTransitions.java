package schemasync.generate;

import java.util.regex.Matcher;
import schemasync.catalog.TriggerSpec.Transitions;
import schemasync.dsl.TriggerBuilder;

/**
 * A trigger's transition tables: pg_get_triggerdef's {@code REFERENCING OLD TABLE AS o NEW TABLE AS n}
 * (names as quote_ident prints them) read back into names, and written as the trigger builder's calls.
 */
final class TriggerTransitions {
    /** The optional clause as pg_get_triggerdef prints it, between {@code ON table} and {@code FOR EACH}. */
    static final String CLAUSE = "(?: REFERENCING(?: OLD TABLE AS (\"(?:[^\"]|\"\")*\"|[^\\s\"]+))?(?: NEW TABLE AS (\"(?:[^\"]|\"\")*\"|[^\\s\"]+))?)?";

    private TriggerTransitions() {
    }

    /** The transition tables matched by {@link #CLAUSE} at groups {@code oldGroup} and {@code oldGroup + 1}; null when absent. */
    static Transitions of(Matcher m, int oldGroup) {
        String oldTable = unquote(m.group(oldGroup));
        String newTable = unquote(m.group(oldGroup + 1));
        return oldTable == null && newTable == null ? null : new Transitions(oldTable, newTable);
    }

    private static String unquote(String identifier) {
        if (identifier == null) return null;
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }

    /** {@code .referencingOldTableAs("o").referencingNewTableAs("n")}, or nothing. */
    static String java(Transitions t) {
        if (t == null) return "";
        return (t.oldTable() == null ? "" : ".referencingOldTableAs(" + JavaCode.literal(t.oldTable()) + ")")
                + (t.newTable() == null ? "" : ".referencingNewTableAs(" + JavaCode.literal(t.newTable()) + ")");
    }

    static void declare(TriggerBuilder b, Transitions t) {
        if (t == null) return;
        if (t.oldTable() != null) b.referencingOldTableAs(t.oldTable());
        if (t.newTable() != null) b.referencingNewTableAs(t.newTable());
    }

    /** {@code .disabled()} (or {@code .enabledReplica()}, {@code .enabledAlways()}) when the trigger does not fire as CREATE TRIGGER leaves it. */
    static String enabledJava(schemasync.catalog.ExternalObjects.Enabled enabled) {
        return switch (enabled == null ? schemasync.catalog.ExternalObjects.Enabled.ORIGIN : enabled) {
            case ORIGIN -> "";
            case DISABLED -> ".disabled()";
            case REPLICA -> ".enabledReplica()";
            case ALWAYS -> ".enabledAlways()";
        };
    }

    /** The transition tables, then the enabled state, on the builder of a generated trigger. */
    static void declare(TriggerBuilder b, Transitions t, schemasync.catalog.ExternalObjects.Enabled enabled) {
        declare(b, t);
        switch (enabled == null ? schemasync.catalog.ExternalObjects.Enabled.ORIGIN : enabled) {
            case ORIGIN -> { }
            case DISABLED -> b.disabled();
            case REPLICA -> b.enabledReplica();
            case ALWAYS -> b.enabledAlways();
        }
    }
}
