package schemasync.generate;

import java.util.List;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.TriggerEvent;

/** The generated calls for functions, procedures, aggregates and triggers. */
final class RoutineCalls {
    private RoutineCalls() {
    }

    /**
     * {@code signature} with pg_get_function_arguments (OUT and DEFAULT included); the rest verbatim.
     * {@code procedure}: ensureProcedure (CREATE OR REPLACE PROCEDURE).
     */
    record FunctionCall(String signature, String definition, boolean procedure) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db." + (procedure ? "ensureProcedure(" : "ensureFunction(") + JavaCode.literal(signature) + ", "
                    + JavaCode.multiline(definition, 1) + ");");
        }

        public void declare(SchemaChanges db) {
            if (procedure) db.ensureProcedure(signature, definition);
            else db.ensureFunction(signature, definition);
        }
    }

    /** {@code db.ensureAggregate("group_concat(text)", "SFUNC = _group_concat, STYPE = text")}. */
    record AggregateCall(String signature, String definition) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureAggregate(" + JavaCode.literal(signature) + ", " + JavaCode.multiline(definition, 1) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureAggregate(signature, definition);
        }
    }

    /** A constraint trigger's extras: {@code FROM} table (or null), DEFERRABLE, INITIALLY DEFERRED. */
    record ConstraintTriggerDef(String from, boolean deferrable, boolean initiallyDeferred) {
    }

    /** {@code constraint}: a constraint trigger ({@code .constraint()}, {@code .from(...)}, {@code .deferrable()} ...), else null. */
    record TriggerCall(String name, String table, String timing, String events, boolean forEachRow, String when,
                       String function, ConstraintTriggerDef constraint, schemasync.catalog.TriggerSpec.Transitions transitions,
                       schemasync.catalog.ExternalObjects.Enabled enabled) implements Call {
        public void render(JavaCode code) {
            String timingCall = switch (timing) {
                case "BEFORE" -> "before";
                case "AFTER" -> "after";
                default -> "insteadOf";
            };
            code.line(0, "db.ensureTrigger(" + JavaCode.literal(name) + ").on(" + JavaCode.literal(table) + ")");
            code.importClass("schemasync.dsl.TriggerEvent");
            String typed = TriggerEvents.java(events);
            code.line(1, "." + timingCall + "(" + typed + ")" + (forEachRow ? ".forEachRow()" : "")
                    + (when == null ? "" : ".when(" + JavaCode.literal(when) + ")"));
            if (constraint != null) {
                code.line(1, ".constraint()" + (constraint.from() == null ? "" : ".from(" + JavaCode.literal(constraint.from()) + ")")
                        + (constraint.initiallyDeferred() ? ".initiallyDeferred()" : constraint.deferrable() ? ".deferrable()" : ""));
            }
            code.line(1, TriggerTransitions.java(transitions) + TriggerTransitions.enabledJava(enabled) + ".executes(" + JavaCode.literal(function) + ");");
        }

        public void declare(SchemaChanges db) {
            var b = db.ensureTrigger(name).on(table);
            List<TriggerEvent> typed = TriggerEvents.parse(events);
            TriggerEvent first = typed.get(0);
            TriggerEvent[] more = typed.subList(1, typed.size()).toArray(TriggerEvent[]::new);
            switch (timing) {
                case "BEFORE" -> b.before(first, more);
                case "AFTER" -> b.after(first, more);
                default -> b.insteadOf(first, more);
            }
            if (forEachRow) b.forEachRow();
            if (when != null) b.when(when);
            TriggerTransitions.declare(b, transitions, enabled);
            if (constraint != null) {
                b.constraint();
                if (constraint.from() != null) b.from(constraint.from());
                if (constraint.initiallyDeferred()) b.initiallyDeferred();
                else if (constraint.deferrable()) b.deferrable();
            }
            b.executes(function);
        }
    }
}
