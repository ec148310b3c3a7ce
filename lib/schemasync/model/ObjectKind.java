package schemasync.model;

/** What a rename, removal or drop is about: the kind half of an object's identity. */
public enum ObjectKind {
    TABLE, COLUMN, INDEX, CONSTRAINT, VIEW, TRIGGER, FUNCTION,
    MATERIALIZED_VIEW, SEQUENCE, DOMAIN, COMPOSITE_TYPE, PROCEDURE, AGGREGATE, PARTITION,
    COLLATION, RANGE_TYPE, STATISTICS, RULE,
    TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION, CONVERSION;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Named by a signature, {@code name(argument types)}: the removal's detail holds the arguments. */
    public boolean routine() {
        return this == FUNCTION || this == PROCEDURE || this == AGGREGATE;
    }
}
