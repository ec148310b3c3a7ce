package schemasync.catalog;

/**
 * A range type ({@code CREATE TYPE name AS RANGE (...)}) as pg_range holds it: {@code subtype} is format_type's
 * text; {@code subtypeOpclass} the B-tree operator class, schema-qualified ({@code pg_catalog.float8_ops}), with
 * {@code defaultOpclass} true when it is the subtype's default (then CREATE TYPE need not name it);
 * {@code collation} only when it is not the subtype's default collation; {@code canonical} and
 * {@code subtypeDiff} as regproc prints them under the reader's search_path ({@code float8mi},
 * {@code public.time_diff}), null when unset; {@code multirange} the multirange type PostgreSQL 14+ creates
 * with it (null on 13).
 */
public record RangeType(QualifiedName name, String subtype, String subtypeOpclass, boolean defaultOpclass,
                        QualifiedName collation, String canonical, String subtypeDiff, QualifiedName multirange) {

    /** {@code subtype = double precision, subtype_diff = float8mi, multirange = public.floatmultirange}, for messages. */
    public String describe() {
        StringBuilder s = new StringBuilder("subtype = " + subtype);
        if (!defaultOpclass) s.append(", subtype_opclass = ").append(subtypeOpclass);
        if (collation != null) s.append(", collation = ").append(Domain.collation(collation));
        if (canonical != null) s.append(", canonical = ").append(canonical);
        if (subtypeDiff != null) s.append(", subtype_diff = ").append(subtypeDiff);
        if (multirange != null) s.append(", multirange = ").append(multirange);
        return s.toString();
    }

    /**
     * The multirange type name PostgreSQL 14+ picks when CREATE TYPE does not name one (makeMultirangeTypeName):
     * the first "range" in the name becomes "multirange", otherwise "_multirange" is appended; same schema.
     */
    public static QualifiedName defaultMultirange(QualifiedName range) {
        String n = range.name();
        int at = n.indexOf("range");
        return new QualifiedName(range.schema(), at >= 0 ? n.substring(0, at) + "multi" + n.substring(at) : n + "_multirange");
    }
}
