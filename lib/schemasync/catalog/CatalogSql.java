package schemasync.catalog;

/**
 * The catalog queries for schemas, tables and what hangs off them (columns, indexes, constraints,
 * triggers, policies, comments, partitioning), views and materialized views, one per object kind
 * (types, routines and privileges: {@link CatalogTypeSql}), each runnable as is in psql (replace
 * {@code ?} by {@code '{public}'::text[]}). All are set-based: the number of round trips does not depend on the
 * number of tables. They use PostgreSQL's own canonical text (format_type, pg_get_expr,
 * pg_get_indexdef) so that the declared side, normalized through the same functions, compares equal.
 *
 * Common filters: only the managed schemas ({@code nspname = any(?)}), and never objects that belong
 * to an extension ({@code pg_depend.deptype = 'e'}): those are the extension's to manage. pg_toast and
 * temp schemas are excluded by the schema filter (the normalizer passes its own temp schema).
 */
final class CatalogSql {
    private CatalogSql() {
    }

    /** Schemas: which managed schemas exist. */
    static final String SCHEMAS = """
            -- schema-sync: schemas
            SELECT n.nspname
            FROM pg_catalog.pg_namespace n
            WHERE n.nspname = ANY (?)
            ORDER BY 1
            """;

    /**
     * Tables: ordinary ('r') and partitioned ('p'). reltuples is an estimate (-1 = never analyzed
     * on PG 14+), relpages the size in pages at the last VACUUM / ANALYZE; both only size hazards
     * (pg_relation_size would be exact, but it takes a lock and could queue behind the very DDL
     * whose cost we want to describe). Partitions are flagged so that run-time partitions are not called drift.
     */
    static final String TABLES = """
            -- schema-sync: tables
            SELECT n.nspname, c.relname,
                   -- Before PG 14 a never-analyzed table reads 0 rows / 0 pages, like an empty one: say unknown.
                   CASE WHEN pg_catalog.current_setting('server_version_num')::int < 140000
                             AND c.reltuples = 0 AND c.relpages = 0 THEN -1
                        ELSE c.reltuples::bigint END AS reltuples,
                   c.relispartition,
                   d.description, c.relrowsecurity, c.relforcerowsecurity, c.relacl::text[] AS acl,
                   pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.relpages::bigint AS relpages
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
            WHERE c.relkind IN ('r', 'p')
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Columns of those tables and of materialized views in attnum order, with canonical type and default text. For a stored
     * generated column (attgenerated 's') pg_attrdef holds the generation expression, not a default.
     * The collation only where it is not the type's default (a domain's type carries the domain's).
     */
    static final String COLUMNS = """
            -- schema-sync: columns
            SELECT n.nspname, c.relname, a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull,
                   pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
                   a.attidentity::text AS identity,
                   d.description,
                   a.attgenerated::text AS generated,
                   CASE WHEN a.attcollation <> t.typcollation THEN cn.nspname END AS collation_schema,
                   CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_catalog.pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
            WHERE c.relkind IN ('r', 'p', 'm')
              AND a.attnum > 0 AND NOT a.attisdropped
              AND (a.attislocal OR c.relispartition) -- an INHERITS child's inherited columns are its parent's
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, a.attnum
            """;

    /**
     * Indexes on those tables and on materialized views. An index that PostgreSQL created on a partition
     * for an index of its partitioned parent (or that was attached to one) has relispartition set: it
     * belongs to the parent's index, cannot be dropped alone, and is left out, so partitions do not show
     * their parent's indexes as undeclared. qualified_table is the table exactly as pg_get_indexdef spells it,
     * so the reader can cut the definition after the names. indisvalid = false marks a failed
     * concurrent build.
     */
    static final String INDEXES = """
            -- schema-sync: indexes
            SELECT n.nspname, ci.relname AS index_name, ct.relname AS table_name, am.amname,
                   i.indisunique, i.indisvalid AND i.indisready AS valid,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                           WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                             AND con.contype IN ('p', 'u', 'x')) AS constraint_backed,
                   pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(ct.relname)
                       AS qualified_table,
                   pg_catalog.pg_get_indexdef(i.indexrelid) AS indexdef
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid
            JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = ci.relnamespace
            JOIN pg_catalog.pg_am am ON am.oid = ci.relam
            WHERE ct.relkind IN ('r', 'p', 'm')
              AND NOT ci.relispartition
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = ct.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY and EXCLUDE constraints declared on the table itself (not inherited from a
     * partitioned parent), with key columns in key order and the referenced table and columns.
     * pg_get_constraintdef appends " NOT VALID" to constraints added NOT VALID and not yet validated.
     */
    static final String CONSTRAINTS = """
            -- schema-sync: constraints
            SELECT n.nspname, c.relname, con.conname, con.contype::text, con.convalidated,
                   ARRAY(SELECT a.attname
                         FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                         ORDER BY k.ord) AS columns,
                   rn.nspname AS ref_schema, rc.relname AS ref_table,
                   ARRAY(SELECT a.attname
                         FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                         ORDER BY k.ord) AS ref_columns,
                   con.confupdtype::text, con.confdeltype::text, con.confmatchtype::text,
                   con.condeferrable, con.condeferred,
                   pg_catalog.pg_get_constraintdef(con.oid) AS definition
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
              AND con.conislocal
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, 3
            """;

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
     * User triggers (not the internal ones behind foreign keys, nor the clones PostgreSQL 13+ puts on each
     * partition of a table whose row trigger is declared on the partitioned parent: tgparentid <> 0),
     * with the table as pg_get_triggerdef spells it. Constraint triggers are included: pg_get_triggerdef
     * writes them CREATE CONSTRAINT TRIGGER ... DEFERRABLE INITIALLY DEFERRED.
     */
    static final String TRIGGERS = """
            -- schema-sync: triggers
            SELECT n.nspname, c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid) AS definition,
                   pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS qualified_table, t.tgenabled::text
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal
              AND t.tgparentid = 0
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, 3
            """;

    /**
     * Row-level security policies: PERMISSIVE or RESTRICTIVE, the command (r, a, w, d or * for ALL),
     * the roles by name (0 is PUBLIC), and USING / WITH CHECK as pg_get_expr renders them.
     */
    static final String POLICIES = """
            -- schema-sync: policies
            SELECT n.nspname, c.relname, p.polname, p.polpermissive, p.polcmd::text,
                   ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END
                         FROM unnest(p.polroles) AS r(oid) ORDER BY 1) AS roles,
                   pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
                   pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
            FROM pg_catalog.pg_policy p
            JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?)
            ORDER BY 1, 2, 3
            """;

    /**
     * Comments on everything but tables and columns (those come with the tables query): schemas,
     * views, materialized views, sequences, indexes, types (enum, domain, composite, range), functions,
     * procedures and aggregates (by identity arguments), constraints of tables and of domains,
     * triggers, policies and the columns of views (a table's columns carry their own). One branch per catalog, joined to pg_description on its classoid.
     */
    static final String COMMENTS = """
            -- schema-sync: comments
            WITH managed AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?))
            SELECT 'schema' AS kind, m.nspname AS schema, m.nspname AS name, NULL::text AS detail, d.description
            FROM managed m JOIN pg_catalog.pg_description d
              ON d.classoid = 'pg_catalog.pg_namespace'::regclass AND d.objoid = m.oid AND d.objsubid = 0
            UNION ALL
            SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                                  WHEN 'c' THEN 'type' WHEN 'f' THEN 'foreign table' ELSE 'index' END, m.nspname, c.relname, NULL, d.description
            FROM managed m JOIN pg_catalog.pg_class c ON c.relnamespace = m.oid AND c.relkind IN ('v', 'm', 'S', 'i', 'I', 'f')
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'type', m.nspname, t.typname, NULL, d.description
            FROM managed m JOIN pg_catalog.pg_type t ON t.typnamespace = m.oid AND t.typtype IN ('e', 'd', 'c', 'r', 'm')
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_type'::regclass AND d.objoid = t.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END, m.nspname, p.proname,
                   pg_catalog.pg_get_function_identity_arguments(p.oid), d.description
            FROM managed m JOIN pg_catalog.pg_proc p ON p.pronamespace = m.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_proc'::regclass AND d.objoid = p.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
            UNION ALL
            SELECT CASE WHEN con.contypid <> 0 THEN 'domain constraint' ELSE 'constraint' END, m.nspname,
                   COALESCE(c.relname, t.typname), con.conname, d.description
            FROM managed m JOIN pg_catalog.pg_constraint con ON con.connamespace = m.oid
            LEFT JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            LEFT JOIN pg_catalog.pg_type t ON t.oid = con.contypid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objoid = con.oid
            UNION ALL
            SELECT 'trigger', m.nspname, c.relname, tg.tgname, d.description
            FROM managed m JOIN pg_catalog.pg_class c ON c.relnamespace = m.oid
            JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = c.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_trigger'::regclass AND d.objoid = tg.oid
            UNION ALL
            SELECT 'policy', m.nspname, c.relname, po.polname, d.description
            FROM managed m JOIN pg_catalog.pg_class c ON c.relnamespace = m.oid
            JOIN pg_catalog.pg_policy po ON po.polrelid = c.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_policy'::regclass AND d.objoid = po.oid
            UNION ALL
            SELECT 'view column', m.nspname, c.relname, a.attname, d.description
            FROM managed m JOIN pg_catalog.pg_class c ON c.relnamespace = m.oid AND c.relkind = 'v'
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = c.oid AND d.objsubid > 0
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'statistics', m.nspname, s.stxname, NULL, d.description
            FROM managed m JOIN pg_catalog.pg_statistic_ext s ON s.stxnamespace = m.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_statistic_ext'::regclass AND d.objoid = s.oid
            UNION ALL
            SELECT 'rule', m.nspname, c.relname, r.rulename, d.description
            FROM managed m JOIN pg_catalog.pg_class c ON c.relnamespace = m.oid
            JOIN pg_catalog.pg_rewrite r ON r.ev_class = c.oid AND r.rulename <> '_RETURN'
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_rewrite'::regclass AND d.objoid = r.oid
            """ + TextSearchReader.COMMENTS + """
            ORDER BY 1, 2, 3, 4
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
