package schemasync.dsl;

import schemasync.catalog.OwnerTarget.Kind;

/**
 * What {@code ensureOwner(OwnerOf.TABLE, "orders", "app_owner")} gives an owner. The DSL's own vocabulary: a
 * block imports this enum, never the catalog's types. An index, an identity or serial sequence and a table's
 * row type have no owner of their own in PostgreSQL: they follow their table's. A cast has no owner at all
 * (pg_cast has no owner column: whoever may drop its source or target type may drop it).
 */
public enum OwnerOf {
    SCHEMA(Kind.SCHEMA),
    /** A table, partitioned table or partition. */
    TABLE(Kind.TABLE),
    FOREIGN_TABLE(Kind.FOREIGN_TABLE),
    VIEW(Kind.VIEW),
    MATERIALIZED_VIEW(Kind.MATERIALIZED_VIEW),
    SEQUENCE(Kind.SEQUENCE),
    /** {@code "name(argument types)"}. */
    FUNCTION(Kind.FUNCTION),
    PROCEDURE(Kind.PROCEDURE),
    AGGREGATE(Kind.AGGREGATE),
    /** An enum, composite or range type. */
    TYPE(Kind.TYPE),
    DOMAIN(Kind.DOMAIN),
    COLLATION(Kind.COLLATION),
    /** An extended statistics object ({@code ensureStatistics}). */
    STATISTICS(Kind.STATISTICS),
    /** A foreign server, by its name (servers belong to the database, not a schema). */
    FOREIGN_SERVER(Kind.SERVER),
    /** A publication, by its name (database-wide). */
    PUBLICATION(Kind.PUBLICATION),
    /** An event trigger, by its name (database-wide); PostgreSQL requires a superuser as its owner. */
    EVENT_TRIGGER(Kind.EVENT_TRIGGER),
    /**
     * {@code "name(left type, right type)"}, NONE for a prefix operator's missing left type:
     * {@code ensureOwner(OwnerOf.OPERATOR, "shop.===(money2, money2)", "app_owner")}. The types as ensureOperator
     * writes them or as the catalog prints them ({@code shop.money2}).
     */
    OPERATOR(Kind.OPERATOR),
    /** {@code "name USING method"}: {@code ensureOwner(OwnerOf.OPERATOR_CLASS, "shop.money2_ops USING btree", "app_owner")}. */
    OPERATOR_CLASS(Kind.OPERATOR_CLASS),
    /** {@code "name USING method"}, as an operator class. */
    OPERATOR_FAMILY(Kind.OPERATOR_FAMILY),
    TEXT_SEARCH_DICTIONARY(Kind.TEXT_SEARCH_DICTIONARY),
    TEXT_SEARCH_CONFIGURATION(Kind.TEXT_SEARCH_CONFIGURATION),
    /** An encoding conversion ({@code ensureConversion}), by its name. */
    CONVERSION(Kind.CONVERSION);

    private final Kind kind;

    OwnerOf(Kind kind) {
        this.kind = kind;
    }

    /** The catalog's kind, for the engine. */
    Kind kind() {
        return kind;
    }

    /** The DSL's name for a catalog kind (generate writes it). */
    public static OwnerOf of(Kind kind) {
        for (OwnerOf o : values()) if (o.kind == kind) return o;
        throw new IllegalArgumentException("no OwnerOf for " + kind);
    }
}
