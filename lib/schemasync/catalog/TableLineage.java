package schemasync.catalog;

import java.util.List;

/**
 * Where a table's columns come from beside its own: the parents of legacy inheritance ({@code INHERITS}, in
 * {@code pg_inherits.inhseqno} order; partitions are {@link Catalog.Partitioning}, not this) and the composite
 * type of a typed table ({@code OF type}: {@code pg_class.reloftype}, or null). The catalog keeps an entry only
 * for tables with either. A child's inherited columns (attislocal false) and constraints (conislocal false) are not
 * read as its own: they are the parent's, as pg_dump writes them; only a default or NOT NULL the child sets on one
 * of them is its own ({@code inheritedColumns}).
 */
public record TableLineage(List<QualifiedName> inherits, QualifiedName ofType, List<InheritedColumn> inheritedColumns) {
    public TableLineage {
        inherits = List.copyOf(inherits);
        inheritedColumns = inheritedColumns.stream().sorted(java.util.Comparator.comparing(InheritedColumn::name)).toList();
    }

    /** Without inherited columns of the child's own settings. */
    public TableLineage(List<QualifiedName> inherits, QualifiedName ofType) {
        this(inherits, ofType, List.of());
    }

    /**
     * An inherited column (attislocal false) on which the child has a default or a NOT NULL of its own, which pg_dump
     * writes as {@code ALTER TABLE ONLY child ALTER COLUMN ... SET DEFAULT / SET NOT NULL}: {@code ownDefault} when the
     * child's default differs from its parent's ({@code defaultExpr} the child's, as pg_get_expr prints it; null: none),
     * {@code ownNotNull} when the child is NOT NULL and no parent is.
     */
    public record InheritedColumn(String name, boolean ownDefault, String defaultExpr, boolean ownNotNull) {
    }

    /**
     * Tables with parents (not partitions) or a type. Kept beside the record rather than in CatalogSql (at its size
     * limit); runnable in psql like the others.
     */
    static final String SQL = """
            -- schema-sync: table lineage (INHERITS, OF type)
            SELECT n.nspname, c.relname,
                   ARRAY(SELECT pn.nspname FROM pg_catalog.pg_inherits i
                         JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                         JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_schemas,
                   ARRAY(SELECT p.relname FROM pg_catalog.pg_inherits i
                         JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parents,
                   tn.nspname AS type_schema, t.typname AS type_name,
                   ARRAY(SELECT a.attname FROM %1$s) AS own_names,
                   ARRAY(SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM %1$s) AS own_defaults,
                   ARRAY(SELECT %2$s FROM %1$s) AS own_default_flags,
                   ARRAY(SELECT %3$s FROM %1$s) AS own_not_null_flags
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_type t ON t.oid = c.reloftype
            LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
            WHERE c.relkind IN ('r', 'p')
              AND NOT c.relispartition
              AND n.nspname = ANY (?)
              AND (c.reloftype <> 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid))
            ORDER BY 1, 2
            """.formatted(InheritedSql.FROM, InheritedSql.OWN_DEFAULT, InheritedSql.OWN_NOT_NULL);

    /** The inherited columns of table {@code c} whose default or NOT NULL is the child's own (one row each, by attnum). */
    private static final class InheritedSql {
        static final String PARENT = "pg_catalog.pg_inherits i JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent"
                + " AND pa.attname = a.attname AND NOT pa.attisdropped";
        static final String OWN_DEFAULT = "(pg_catalog.pg_get_expr(d.adbin, d.adrelid) IS DISTINCT FROM (SELECT"
                + " pg_catalog.pg_get_expr(pd.adbin, pd.adrelid) FROM " + PARENT + " LEFT JOIN pg_catalog.pg_attrdef pd"
                + " ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum WHERE i.inhrelid = c.oid ORDER BY pd.adbin IS NULL,"
                + " i.inhseqno LIMIT 1))";
        static final String OWN_NOT_NULL = "(a.attnotnull AND NOT EXISTS (SELECT 1 FROM " + PARENT
                + " WHERE i.inhrelid = c.oid AND pa.attnotnull))";
        static final String FROM = "pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid"
                + " AND d.adnum = a.attnum WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.attislocal"
                + " AND (" + OWN_DEFAULT + " OR " + OWN_NOT_NULL + ") ORDER BY a.attnum";
    }

    static TableLineage read(java.sql.ResultSet rs) throws java.sql.SQLException {
        String[] schemas = (String[]) rs.getArray(3).getArray();
        String[] names = (String[]) rs.getArray(4).getArray();
        List<QualifiedName> parents = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) parents.add(new QualifiedName(schemas[i], names[i]));
        String[] own = (String[]) rs.getArray(7).getArray();
        String[] defaults = (String[]) rs.getArray(8).getArray();
        Boolean[] ownDefault = (Boolean[]) rs.getArray(9).getArray();
        Boolean[] ownNotNull = (Boolean[]) rs.getArray(10).getArray();
        List<InheritedColumn> inherited = new java.util.ArrayList<>();
        for (int i = 0; i < own.length; i++) inherited.add(new InheritedColumn(own[i], ownDefault[i], defaults[i], ownNotNull[i]));
        return new TableLineage(parents, rs.getString(6) == null ? null : new QualifiedName(rs.getString(5), rs.getString(6)), inherited);
    }
}
