package schemasync.dsl;

/**
 * The options of {@code ensureRangeType(name, subtype, r -> r.subtypeDiff("float8mi"))}, each as CREATE TYPE
 * ... AS RANGE spells it; unset: PostgreSQL's default (the subtype's default B-tree operator class and
 * collation, no canonical function, no subtype_diff, the multirange name PostgreSQL derives).
 */
public record RangeTypeOptions(String subtypeOpclass, String collation, String canonical, String subtypeDiff,
                               String multirange) {
    static final RangeTypeOptions NONE = new RangeTypeOptions(null, null, null, null, null);

    /** {@code subtype_opclass = ...}: a B-tree operator class of the subtype, e.g. {@code "pg_catalog.text_pattern_ops"}. */
    public RangeTypeOptions subtypeOpclass(String operatorClass) {
        return new RangeTypeOptions(operatorClass, collation, canonical, subtypeDiff, multirange);
    }

    /** {@code collation = ...}: {@code "C"} or {@code "public.ci"} (a collatable subtype only). */
    public RangeTypeOptions collation(String collationName) {
        return new RangeTypeOptions(subtypeOpclass, collationName, canonical, subtypeDiff, multirange);
    }

    /** {@code canonical = ...}: the function that puts a value in canonical form (written in C in practice). */
    public RangeTypeOptions canonical(String function) {
        return new RangeTypeOptions(subtypeOpclass, collation, function, subtypeDiff, multirange);
    }

    /** {@code subtype_diff = ...}: {@code "float8mi"}, or a function of yours (declared in an earlier block). */
    public RangeTypeOptions subtypeDiff(String function) {
        return new RangeTypeOptions(subtypeOpclass, collation, canonical, function, multirange);
    }

    /** {@code multirange_type_name = ...} (PostgreSQL 14+), in the range type's schema unless qualified. */
    public RangeTypeOptions multirangeTypeName(String name) {
        return new RangeTypeOptions(subtypeOpclass, collation, canonical, subtypeDiff, name);
    }
}
