package schemasync.dsl;

import schemasync.catalog.CommentTarget.Kind;

/**
 * What {@code ensureComment(CommentOn.VIEW, "active_users", "...")} comments. The DSL's own vocabulary:
 * a block imports this enum, never the catalog's types.
 */
public enum CommentOn {
    SCHEMA(Kind.SCHEMA),
    VIEW(Kind.VIEW),
    MATERIALIZED_VIEW(Kind.MATERIALIZED_VIEW),
    SEQUENCE(Kind.SEQUENCE),
    INDEX(Kind.INDEX),
    /** An enum, domain or composite type. */
    TYPE(Kind.TYPE),
    /** {@code "name(argument types)"}. */
    FUNCTION(Kind.FUNCTION),
    PROCEDURE(Kind.PROCEDURE),
    AGGREGATE(Kind.AGGREGATE),
    /** With the table and the constraint's name. */
    CONSTRAINT(Kind.CONSTRAINT),
    /** With the domain and the constraint's name. */
    DOMAIN_CONSTRAINT(Kind.DOMAIN_CONSTRAINT),
    TRIGGER(Kind.TRIGGER),
    POLICY(Kind.POLICY),
    /** With the view and the column's name (a table's columns are commented in ensureTable). */
    VIEW_COLUMN(Kind.VIEW_COLUMN),
    /** An extended statistics object ({@code CREATE STATISTICS}), by its name. */
    STATISTICS(Kind.STATISTICS),
    /** With the table (or view) and the rule's name. */
    RULE(Kind.RULE),
    /** A foreign table, by its name. */
    FOREIGN_TABLE(Kind.FOREIGN_TABLE),
    /** With the foreign table and the column's name. */
    FOREIGN_TABLE_COLUMN(Kind.FOREIGN_TABLE_COLUMN),
    /** A text search dictionary, by its name. */
    TEXT_SEARCH_DICTIONARY(Kind.TEXT_SEARCH_DICTIONARY),
    /** A text search configuration, by its name. */
    TEXT_SEARCH_CONFIGURATION(Kind.TEXT_SEARCH_CONFIGURATION),
    /** An encoding conversion ({@code ensureConversion}), by its name. */
    CONVERSION(Kind.CONVERSION);

    private final Kind kind;

    CommentOn(Kind kind) {
        this.kind = kind;
    }

    /** The catalog's kind, for the engine. */
    Kind kind() {
        return kind;
    }

    /** The DSL's name for a catalog kind (generate writes it). */
    public static CommentOn of(Kind kind) {
        return valueOf(kind.name());
    }
}
