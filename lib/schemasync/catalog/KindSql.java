package schemasync.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog queries for collations and range types (see {@link CatalogTypeSql} for the conventions: managed
 * schemas only, never an extension's objects, one parameter, runnable in psql). pg_collation renamed its
 * locale columns across the supported versions, so the collation query is spelled per server major version.
 */
final class KindSql {
    private KindSql() {
    }

    /**
     * Collations of user schemas. The provider letter becomes the word CREATE COLLATION takes; a libc
     * collation keeps lc_collate / lc_ctype, an ICU or builtin one its locale: collcollate up to 14 (where an
     * ICU collation stores its locale in collcollate and collctype), colliculocale in 15 and 16, colllocale
     * from 17; ICU tailoring rules (collicurules) exist from 16.
     */
    static String collations(int major) {
        String locale = major >= 17 ? "c.colllocale" : major >= 15 ? "c.colliculocale" : "c.collcollate";
        String rules = major >= 16 ? "c.collicurules" : "NULL::text";
        return """
                -- schema-sync: collations
                SELECT n.nspname, c.collname,
                       CASE c.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'default' END,
                       CASE WHEN c.collprovider = 'c' THEN c.collcollate END AS lc_collate,
                       CASE WHEN c.collprovider = 'c' THEN c.collctype END AS lc_ctype,
                       CASE WHEN c.collprovider <> 'c' THEN %s END AS locale,
                       %s AS icu_rules,
                       c.collisdeterministic
                FROM pg_catalog.pg_collation c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
                WHERE n.nspname = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                                  WHERE e.classid = 'pg_catalog.pg_collation'::regclass AND e.objid = c.oid
                                    AND e.deptype = 'e')
                ORDER BY 1, 2
                """.formatted(locale, rules);
    }

    /**
     * Range types of user schemas (pg_range): the subtype as format_type prints it, the B-tree operator class
     * (qualified) and whether it is the subtype's default, the collation when it is not the subtype's, the
     * canonical and subtype_diff functions as regproc prints them (qualified unless in pg_catalog, the
     * reader's search_path), and from 14 the multirange type.
     */
    static String rangeTypes(int major) {
        String multirange = major >= 14 ? "r.rngmultitypid" : "0::oid";
        return """
                -- schema-sync: range types
                SELECT n.nspname, t.typname,
                       pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
                       pg_catalog.quote_ident(opn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) AS opclass,
                       opc.opcdefault AND opc.opcintype = r.rngsubtype AS default_opclass,
                       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN cn.nspname END AS collation_schema,
                       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN co.collname END AS collation,
                       CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::pg_catalog.regproc::text END AS canonical,
                       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::pg_catalog.regproc::text END AS subtype_diff,
                       mn.nspname AS multirange_schema, mt.typname AS multirange
                FROM pg_catalog.pg_range r
                JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
                JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc
                JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace
                LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
                LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                LEFT JOIN pg_catalog.pg_type mt ON mt.oid = %s
                LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace
                WHERE n.nspname = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                                  WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid
                                    AND e.deptype = 'e')
                ORDER BY 1, 2
                """.formatted(multirange);
    }

    /** Adds the collations' query to the catalog's batch; the map fills when the batch runs. */
    static Map<QualifiedName, Collation> addCollations(CatalogReader.Batch batch, int major) {
        Map<QualifiedName, Collation> collations = new LinkedHashMap<>();
        batch.add(collations(major), rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            collations.put(name, new Collation(name, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getBoolean(8)));
        });
        return collations;
    }

    /** Adds the range types' query to the catalog's batch; the map fills when the batch runs. */
    static Map<QualifiedName, RangeType> addRangeTypes(CatalogReader.Batch batch, int major) {
        Map<QualifiedName, RangeType> rangeTypes = new LinkedHashMap<>();
        batch.add(rangeTypes(major), rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            rangeTypes.put(name, new RangeType(name, rs.getString(3), rs.getString(4), rs.getBoolean(5),
                    rs.getString(7) == null ? null : new QualifiedName(rs.getString(6), rs.getString(7)), rs.getString(8),
                    rs.getString(9), rs.getString(11) == null ? null : new QualifiedName(rs.getString(10), rs.getString(11))));
        });
        return rangeTypes;
    }
}
