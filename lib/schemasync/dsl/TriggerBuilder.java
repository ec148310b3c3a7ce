package schemasync.dsl;

/**
 * The body of {@code ensureTrigger(name)}: {@code .on(table)}, one timing with its events, the row or
 * statement level, an optional WHEN and the function. No terminal call: the declaration is complete
 * when the block's {@code declare} returns (missing parts are reported with the block's id).
 */
public final class TriggerBuilder {
    final String name;
    String table;
    String timing;
    String events;
    boolean forEachRow;
    String when;
    String function;
    boolean constraint;
    boolean deferrable;
    boolean initiallyDeferred;
    String from;
    String oldTable;
    String newTable;
    schemasync.catalog.ExternalObjects.Enabled enabled = schemasync.catalog.ExternalObjects.Enabled.ORIGIN;

    TriggerBuilder(String name) {
        this.name = name;
    }

    /** ALTER TABLE ... DISABLE TRIGGER: the trigger never fires (pg_trigger.tgenabled D). */
    public TriggerBuilder disabled() {
        this.enabled = schemasync.catalog.ExternalObjects.Enabled.DISABLED;
        return this;
    }

    /** ALTER TABLE ... ENABLE REPLICA TRIGGER: fires only when session_replication_role is replica. */
    public TriggerBuilder enabledReplica() {
        this.enabled = schemasync.catalog.ExternalObjects.Enabled.REPLICA;
        return this;
    }

    /** ALTER TABLE ... ENABLE ALWAYS TRIGGER: fires whatever session_replication_role is. */
    public TriggerBuilder enabledAlways() {
        this.enabled = schemasync.catalog.ExternalObjects.Enabled.ALWAYS;
        return this;
    }

    public TriggerBuilder on(String tableName) {
        this.table = tableName;
        return this;
    }

    /** {@code BEFORE events}: {@code before(TriggerEvent.INSERT, TriggerEvent.UPDATE)}. */
    public TriggerBuilder before(TriggerEvent event, TriggerEvent... more) {
        return timing("BEFORE", TriggerEvent.join(event, more));
    }

    public TriggerBuilder after(TriggerEvent event, TriggerEvent... more) {
        return timing("AFTER", TriggerEvent.join(event, more));
    }

    /** On views only. */
    public TriggerBuilder insteadOf(TriggerEvent event, TriggerEvent... more) {
        return timing("INSTEAD OF", TriggerEvent.join(event, more));
    }

    /** Deprecated spelling: {@code before(TriggerEvent.INSERT, TriggerEvent.UPDATE)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public TriggerBuilder before(String triggerEvents) {
        Deprecations.warn("before(\"" + triggerEvents + "\")", "before(TriggerEvent...), e.g. before(TriggerEvent.INSERT, TriggerEvent.UPDATE)");
        return timing("BEFORE", triggerEvents);
    }

    /** Deprecated spelling: {@code after(TriggerEvent.INSERT, ...)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public TriggerBuilder after(String triggerEvents) {
        Deprecations.warn("after(\"" + triggerEvents + "\")", "after(TriggerEvent...), e.g. after(TriggerEvent.DELETE)");
        return timing("AFTER", triggerEvents);
    }

    /** Deprecated spelling: {@code insteadOf(TriggerEvent.INSERT, ...)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public TriggerBuilder insteadOf(String triggerEvents) {
        Deprecations.warn("insteadOf(\"" + triggerEvents + "\")", "insteadOf(TriggerEvent...), e.g. insteadOf(TriggerEvent.INSERT)");
        return timing("INSTEAD OF", triggerEvents);
    }

    /** FOR EACH ROW (PostgreSQL's default is FOR EACH STATEMENT). */
    public TriggerBuilder forEachRow() {
        this.forEachRow = true;
        return this;
    }

    public TriggerBuilder forEachStatement() {
        this.forEachRow = false;
        return this;
    }

    /** {@code WHEN (condition)}, e.g. {@code when("OLD.* IS DISTINCT FROM NEW.*")}. */
    public TriggerBuilder when(String conditionSql) {
        this.when = conditionSql;
        return this;
    }

    /**
     * A constraint trigger ({@code CREATE CONSTRAINT TRIGGER}): AFTER ... FOR EACH ROW only, and it can be
     * deferred to the end of the transaction with {@link #deferrable()} / {@link #initiallyDeferred()}.
     */
    public TriggerBuilder constraint() {
        this.constraint = true;
        return this;
    }

    /** DEFERRABLE (makes it a constraint trigger): {@code SET CONSTRAINTS ... DEFERRED} can postpone it to commit. */
    public TriggerBuilder deferrable() {
        this.constraint = true;
        this.deferrable = true;
        return this;
    }

    /** DEFERRABLE INITIALLY DEFERRED (makes it a constraint trigger): fires at commit unless set IMMEDIATE. */
    public TriggerBuilder initiallyDeferred() {
        this.constraint = true;
        this.initiallyDeferred = true;
        return this;
    }

    /** {@code FROM referenced_table} (makes it a constraint trigger), as pg_get_triggerdef shows it for some. */
    public TriggerBuilder from(String referencedTable) {
        this.constraint = true;
        this.from = referencedTable;
        return this;
    }

    /**
     * {@code REFERENCING OLD TABLE AS name}: an AFTER UPDATE or DELETE trigger's function reads every old row
     * the statement changed as the relation {@code name} (a transition table).
     */
    public TriggerBuilder referencingOldTableAs(String transitionTableName) {
        this.oldTable = transitionTableName;
        return this;
    }

    /** {@code REFERENCING NEW TABLE AS name}: every new row of an AFTER INSERT or UPDATE, as the relation {@code name}. */
    public TriggerBuilder referencingNewTableAs(String transitionTableName) {
        this.newTable = transitionTableName;
        return this;
    }

    schemasync.catalog.TriggerSpec.Transitions transitions() {
        return oldTable == null && newTable == null ? null : new schemasync.catalog.TriggerSpec.Transitions(oldTable, newTable);
    }

    /** The trigger function call, e.g. {@code executes("set_updated_at()")}. */
    public TriggerBuilder executes(String functionCall) {
        this.function = functionCall;
        return this;
    }

    private TriggerBuilder timing(String when, String triggerEvents) {
        this.timing = when;
        this.events = triggerEvents;
        return this;
    }
}
