package schemasync.dsl;

import schemasync.catalog.ExternalObjects;

/**
 * The options of {@code ensureRule(table, name, definition, r -> r.disabled())}: when the rule fires
 * (pg_rewrite.ev_enabled). {@code ENABLE} (the default, as CREATE RULE leaves it) fires in origin and local
 * sessions; {@code ENABLE REPLICA} only where {@code session_replication_role = replica}; {@code ENABLE ALWAYS}
 * in both; {@code DISABLE} never. Changed in place with {@code ALTER TABLE ... ENABLE | DISABLE RULE}.
 */
public record RuleOptions(ExternalObjects.Enabled enabled) {
    static final RuleOptions NONE = new RuleOptions(ExternalObjects.Enabled.ORIGIN);

    /** ALTER TABLE ... DISABLE RULE: the rule never fires. */
    public RuleOptions disabled() {
        return new RuleOptions(ExternalObjects.Enabled.DISABLED);
    }

    /** ALTER TABLE ... ENABLE REPLICA RULE: fires only when session_replication_role is replica. */
    public RuleOptions enabledReplica() {
        return new RuleOptions(ExternalObjects.Enabled.REPLICA);
    }

    /** ALTER TABLE ... ENABLE ALWAYS RULE: fires whatever session_replication_role is. */
    public RuleOptions enabledAlways() {
        return new RuleOptions(ExternalObjects.Enabled.ALWAYS);
    }
}
