package schemasync.catalog;

import java.util.Map;

/**
 * Comments on the columns of foreign tables ({@code COMMENT ON COLUMN ft.col}): pg_description rows of a foreign
 * table with objsubid the column's attnum. Read as {@link CommentTarget.Kind#FOREIGN_TABLE_COLUMN} (the table as the
 * object, the column as the detail) in the catalog's one batch, beside the comments query (see
 * {@link CatalogTypeSql} for the conventions: managed schemas only, never an extension's, one parameter, runnable in psql).
 */
final class ForeignColumnComments {
    private ForeignColumnComments() {
    }

    static final String FOREIGN_COLUMN_COMMENTS = """
            -- schema-sync: comments on foreign table columns
            SELECT n.nspname, c.relname, a.attname, d.description
            FROM pg_catalog.pg_namespace n
            JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relkind = 'f'
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = c.oid AND d.objsubid > 0
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND NOT a.attisdropped
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            ORDER BY 1, 2, 3
            """;

    static void addTo(CatalogReader.Batch batch, Map<CommentTarget, String> comments) {
        batch.add(FOREIGN_COLUMN_COMMENTS, rs -> comments.put(new CommentTarget(CommentTarget.Kind.FOREIGN_TABLE_COLUMN,
                new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3)), rs.getString(4)));
    }
}
