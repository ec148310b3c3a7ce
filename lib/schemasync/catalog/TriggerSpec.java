package schemasync.catalog;

/**
 * A trigger as declared (the payload of CREATE TRIGGER): timing, events, WHEN and the function call are
 * the user's SQL as written after CREATE TRIGGER's keywords; {@code constraint} is null for an ordinary
 * trigger.
 */
public record TriggerSpec(String name, QualifiedName table, String timing, String events, boolean forEachRow, String when,
                          String function, ConstraintTrigger constraint, Transitions transitions) {

    /** A trigger without transition tables (the usual case). */
    public TriggerSpec(String name, QualifiedName table, String timing, String events, boolean forEachRow, String when,
                       String function, ConstraintTrigger constraint) {
        this(name, table, timing, events, forEachRow, when, function, constraint, null);
    }

    /** CREATE CONSTRAINT TRIGGER's extras: the optional FROM table (null when absent) and its deferral. */
    public record ConstraintTrigger(String from, boolean deferrable, boolean initiallyDeferred) {
    }

    /**
     * {@code REFERENCING OLD TABLE AS o NEW TABLE AS n}: the names under which an AFTER trigger's function sees
     * all rows the statement changed (transition tables); either may be null, not both.
     */
    public record Transitions(String oldTable, String newTable) {
    }
}
