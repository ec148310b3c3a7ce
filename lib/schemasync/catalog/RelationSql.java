package schemasync.catalog;

/**
 * The catalog queries for views and materialized views, the views' dependencies, partitioning and the storage options of
 * relations and columns (the conventions are {@link CatalogSql}'s: set-based, managed schemas only, never an
 * extension's objects, one parameter, runnable in psql with {@code ?} replaced by {@code '{public}'::text[]}).
 */
final class RelationSql {
    private RelationSql() {
    }

    /** Views with PostgreSQL's normalized definition (pg_get_viewdef). */
    static final String VIEWS = """
            -- schema-sync: views
            SELECT n.nspname, c.relname, pg_catalog.pg_get_viewdef(c.oid) AS definition
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'v'
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * View dependencies: which plain view reads which column of which table or view (column null:
     * the relation as a whole), from the view's rewrite rule in pg_depend. ALTER COLUMN TYPE refuses
     * to run while a view uses the column, so the planner drops and re-creates those views around it.
     */
    static final String VIEW_DEPENDENCIES = """
            -- schema-sync: view dependencies
            SELECT DISTINCT vn.nspname, v.relname, tn.nspname, t.relname, a.attname
            FROM pg_catalog.pg_depend d
            JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
            JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
            JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
            JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
            JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
            WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass
              AND d.refclassid = 'pg_catalog.pg_class'::regclass
              AND d.deptype = 'n'
              AND v.relkind = 'v' AND v.oid <> t.oid
              AND vn.nspname = ANY (?)
            ORDER BY 1, 2, 3, 4, 5
            """;

    /**
     * Partitioning: the key of each partitioned table (pg_get_partkeydef, e.g. {@code RANGE (payment_date)})
     * and, for each partition, its parent and its bound as pg_get_expr renders relpartbound
     * ({@code FOR VALUES FROM ('2022-01-01 00:00:00+00') TO (...)}, {@code FOR VALUES IN (...)},
     * {@code FOR VALUES WITH (modulus 4, remainder 0)} or {@code DEFAULT}). Range bounds on timestamptz
     * are rendered in the session's TimeZone: both sides of a comparison are read in the same session.
     */
    static final String PARTITIONING = """
            -- schema-sync: partitioning
            SELECT n.nspname, c.relname,
                   CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
                   pn.nspname AS parent_schema, pc.relname AS parent_name,
                   CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound,
                   c.relkind::text
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
            LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f') -- 'f': a foreign table that is a partition (Catalog.foreignPartitions)
              AND (c.relkind = 'p' OR c.relispartition)
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Materialized views with PostgreSQL's normalized query (pg_get_viewdef, the same text a plain view
     * with that query gets) and whether they hold data (relispopulated: false after WITH NO DATA until
     * the first REFRESH).
     */
    static final String MATERIALIZED_VIEWS = """
            -- schema-sync: materialized views
            SELECT n.nspname, c.relname, pg_catalog.pg_get_viewdef(c.oid) AS definition, c.relispopulated
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'm'
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Storage parameters, persistence and CLUSTER ON marks of tables and indexes, only where there is one:
     * reloptions as stored, the TOAST table's prefixed {@code toast.} (pg_dump writes them so in WITH (...)),
     * relpersistence 'u' of an unlogged table (its indexes are unlogged with it: not repeated), and
     * indisclustered. Indexes PostgreSQL made on partitions for their parent's index are left out, as in INDEXES.
     */
    static final String RELATION_OPTIONS = """
            -- schema-sync: relation options
            SELECT n.nspname, c.relname,
                   ARRAY(SELECT o FROM unnest(c.reloptions) AS o
                         UNION ALL SELECT 'toast.' || o FROM unnest(tc.reloptions) AS o ORDER BY 1) AS storage,
                   c.relkind IN ('r', 'p') AND c.relpersistence = 'u' AS unlogged,
                   COALESCE(i.indisclustered, false) AS clustered
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
            LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid
            WHERE c.relkind IN ('r', 'p', 'i', 'I')
              AND NOT (c.relkind IN ('i', 'I') AND c.relispartition)
              AND n.nspname = ANY (?)
              AND (c.reloptions IS NOT NULL OR tc.reloptions IS NOT NULL
                   OR (c.relkind IN ('r', 'p') AND c.relpersistence = 'u') OR i.indisclustered)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass
                                AND e.objid = COALESCE(i.indrelid, c.oid) AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Columns of tables with a statistics target, a storage other than their type's, a compression method or
     * attribute options (n_distinct): what pg_dump writes as ALTER COLUMN ... SET. attcompression exists from
     * PostgreSQL 14 (null before); attstattarget is -1 for the default before 17, NULL from 17.
     */
    static String columnOptions(boolean hasCompression) {
        String compression = hasCompression ? "NULLIF(a.attcompression::text, '')" : "NULL::text";
        return """
            -- schema-sync: column options
            SELECT n.nspname, c.relname, a.attname,
                   NULLIF(COALESCE(a.attstattarget::int, -1), -1) AS statistics,
                   CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage,
                   %1$s AS compression,
                   COALESCE(a.attoptions::text[], '{}') AS attributes,
                   t.typstorage::text AS type_storage
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE c.relkind IN ('r', 'p')
              AND a.attnum > 0 AND NOT a.attisdropped
              AND n.nspname = ANY (?)
              AND (COALESCE(a.attstattarget::int, -1) <> -1 OR a.attstorage <> t.typstorage
                   OR %1$s IS NOT NULL OR a.attoptions IS NOT NULL)
            ORDER BY 1, 2, a.attnum
            """.formatted(compression);
    }
}
