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
    /** A collation, by its name. */
    COLLATION(Kind.COLLATION),
    /**
     * {@code "name(left type, right type)"}, NONE for a prefix operator's missing left type:
     * {@code ensureComment(CommentOn.OPERATOR, "shop.===(money2, money2)", "...")}, as {@code OwnerOf.OPERATOR} names one.
     */
    OPERATOR(Kind.OPERATOR),
    /** {@code "source AS target"}: {@code ensureComment(CommentOn.CAST, "text AS money2", "...")}, as DROP CAST names one. */
    CAST(Kind.CAST),
    /** {@code "name USING method"}: {@code ensureComment(CommentOn.OPERATOR_CLASS, "shop.money2_ops USING btree", "...")}. */
    OPERATOR_CLASS(Kind.OPERATOR_CLASS),
    /** {@code "name USING method"}, as an operator class. */
    OPERATOR_FAMILY(Kind.OPERATOR_FAMILY),
    /** With the materialized view and the column's name. */
    MATERIALIZED_VIEW_COLUMN(Kind.MATERIALIZED_VIEW_COLUMN),
    /** With the composite type and the attribute's name (COMMENT ON COLUMN type.attribute). */
    TYPE_ATTRIBUTE(Kind.TYPE_ATTRIBUTE),
    /**
     * An extension, by its name (database-wide). CREATE EXTENSION sets the comment its control file gives; declare one
     * only to keep another.
     */
    EXTENSION(Kind.EXTENSION),
    /** A foreign server, by its name (database-wide). */
    FOREIGN_SERVER(Kind.SERVER),
    /** A publication, by its name (database-wide). */
    PUBLICATION(Kind.PUBLICATION),
    /** An event trigger, by its name (database-wide). */
    EVENT_TRIGGER(Kind.EVENT_TRIGGER),
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
        for (CommentOn o : values()) if (o.kind == kind) return o;
        throw new IllegalArgumentException("no CommentOn for " + kind);
    }
}
