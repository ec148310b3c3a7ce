package schemasync.catalog;

import java.util.List;

/**
 * Where a table's columns come from beside its own: the parents of legacy inheritance ({@code INHERITS}, in
 * {@code pg_inherits.inhseqno} order; partitions are {@link Catalog.Partitioning}, not this) and the composite
 * type of a typed table ({@code OF type}: {@code pg_class.reloftype}, or null). The catalog keeps an entry only
 * for tables with either. A child's inherited columns (attislocal false) and constraints (conislocal false) are not
 * read as its own: they are the parent's, as pg_dump writes them.
 */
public record TableLineage(List<QualifiedName> inherits, QualifiedName ofType) {
    public TableLineage {
        inherits = List.copyOf(inherits);
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
                   tn.nspname AS type_schema, t.typname AS type_name
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_type t ON t.oid = c.reloftype
            LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
            WHERE c.relkind IN ('r', 'p')
              AND NOT c.relispartition
              AND n.nspname = ANY (?)
              AND (c.reloftype <> 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid))
            ORDER BY 1, 2
            """;

    static TableLineage read(java.sql.ResultSet rs) throws java.sql.SQLException {
        String[] schemas = (String[]) rs.getArray(3).getArray();
        String[] names = (String[]) rs.getArray(4).getArray();
        List<QualifiedName> parents = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) parents.add(new QualifiedName(schemas[i], names[i]));
        return new TableLineage(parents, rs.getString(6) == null ? null : new QualifiedName(rs.getString(5), rs.getString(6)));
    }
}
