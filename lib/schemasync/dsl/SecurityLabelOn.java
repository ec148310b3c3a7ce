package schemasync.dsl;

/**
 * What {@code ensureSecurityLabel(provider, SecurityLabelOn.COLUMN, "shop.orders.note", label)} labels: the kinds of
 * SECURITY LABEL whose object pg_seclabels names by quoted identifiers alone (routines, named with argument types
 * PostgreSQL re-spells, are not among them yet). {@link #objectType()} is pg_seclabels' {@code objtype} word, which is
 * also SECURITY LABEL's keyword for the kind: PostgreSQL refuses ON TABLE for a view, so each relation kind is its own.
 */
public enum SecurityLabelOn {
    /** A table or partitioned table: {@code schema.table}. */
    TABLE("table", true),
    /** A table's column: {@code schema.table.column}. */
    COLUMN("column", true),
    VIEW("view", true),
    MATERIALIZED_VIEW("materialized view", true),
    FOREIGN_TABLE("foreign table", true),
    SEQUENCE("sequence", true),
    /** By the schema's name. */
    SCHEMA("schema", false),
    /** An enum, composite or range type (a domain is {@link #DOMAIN}): {@code schema.type}. */
    TYPE("type", false),
    DOMAIN("domain", false),
    /** By its name (an object of the database, no schema). */
    PUBLICATION("publication", false),
    /** By its name (an object of the database, no schema). */
    EVENT_TRIGGER("event trigger", false);

    private final String objectType;
    private final boolean relation;

    SecurityLabelOn(String objectType, boolean relation) {
        this.objectType = objectType;
        this.relation = relation;
    }

    /** pg_seclabels' objtype, and SECURITY LABEL's keyword in lower case. */
    public String objectType() {
        return objectType;
    }

    /** Labels a relation or its column: SECURITY LABEL takes SHARE UPDATE EXCLUSIVE on it. */
    public boolean relation() {
        return relation;
    }

    /** Named by its name alone, not schema-qualified. */
    public boolean databaseWide() {
        return this == PUBLICATION || this == EVENT_TRIGGER;
    }
}
