package schemasync.generate;

import schemasync.catalog.TriggerSpec.Transitions;
import schemasync.dsl.TriggerBuilder;

/**
 * A trigger's transition tables ({@code REFERENCING OLD TABLE AS o NEW TABLE AS n}, pg_trigger's tgoldtable and
 * tgnewtable) and its enabled state, written as the trigger builder's calls.
 */
final class TriggerTransitions {
    private TriggerTransitions() {
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
