package schemasync.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the encoding conversions of the managed schemas in {@link CatalogReader}'s one batch: one query, runnable in psql
 * with the managed schemas as {@code $1}. pg_catalog's own conversions are never read (pg_catalog is never managed);
 * a conversion an extension owns is left to CREATE EXTENSION, as pg_dump leaves it.
 */
final class ConversionReader {
    private ConversionReader() {
    }

    /** The encodings by name (pg_encoding_to_char), the function qualified by its schema, and condefault. */
    static final String CONVERSIONS = """
            -- schema-sync: encoding conversions
            SELECT n.nspname, c.conname, pg_catalog.pg_encoding_to_char(c.conforencoding) AS source,
                   pg_catalog.pg_encoding_to_char(c.contoencoding) AS destination, fn.nspname AS function_schema,
                   p.proname AS function, c.condefault
            FROM pg_catalog.pg_conversion c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
            JOIN pg_catalog.pg_proc p ON p.oid = c.conproc
            JOIN pg_catalog.pg_namespace fn ON fn.oid = p.pronamespace
            WHERE n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_conversion'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /** The comments query's branch for conversions ({@link CatalogSql#COMMENTS}). */
    static final String COMMENTS = """
            UNION ALL
            SELECT 'conversion', m.nspname, c.conname, NULL, d.description
            FROM managed m JOIN pg_catalog.pg_conversion c ON c.connamespace = m.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_conversion'::regclass AND d.objoid = c.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_conversion'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            """;

    /** The owners query's branch for conversions ({@link OwnerSql}). */
    static final String OWNERS = """
            UNION ALL
            SELECT 'conversion', m.nspname, c.conname, NULL, pg_catalog.pg_get_userbyid(c.conowner)
            FROM managed m JOIN pg_catalog.pg_conversion c ON c.connamespace = m.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_conversion'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            """;

    /** Adds the query to the batch; the map fills when the batch runs. */
    static Map<QualifiedName, Conversion> addTo(CatalogReader.Batch batch) {
        Map<QualifiedName, Conversion> conversions = new LinkedHashMap<>();
        batch.add(CONVERSIONS, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            conversions.put(name, new Conversion(name, rs.getString(3), rs.getString(4),
                    new QualifiedName(rs.getString(5), rs.getString(6)), rs.getBoolean(7)));
        });
        return conversions;
    }
}
