package schemasync.catalog;

/**
 * A trigger as declared (the payload of CREATE TRIGGER): timing, events, WHEN and the function call are
 * the user's SQL as written after CREATE TRIGGER's keywords; {@code constraint} is null for an ordinary
 * trigger.
 */
public record TriggerSpec(String name, QualifiedName table, String timing, String events, boolean forEachRow, String when,
                          String function, ConstraintTrigger constraint) {

    /** CREATE CONSTRAINT TRIGGER's extras: the optional FROM table (null when absent) and its deferral. */
    public record ConstraintTrigger(String from, boolean deferrable, boolean initiallyDeferred) {
    }
}
