package schemasync.catalog;

/**
 * The catalog queries for types (enums, domains, composites, sequences), routines, extensions and
 * privileges, one per object kind (the relations' are in {@link CatalogSql}), each runnable as is in
 * psql (replace {@code ?} by {@code '{public}'::text[]}). All are set-based: the number of round trips does not depend on the
 * number of tables. They use PostgreSQL's own canonical text (format_type, pg_get_expr,
 * pg_get_indexdef) so that the declared side, normalized through the same functions, compares equal.
 *
 * Common filters: only the managed schemas ({@code nspname = any(?)}), and never objects that belong
 * to an extension ({@code pg_depend.deptype = 'e'}): those are the extension's to manage. pg_toast and
 * temp schemas are excluded by the schema filter (the normalizer passes its own temp schema).
 */
final class CatalogTypeSql {
    private CatalogTypeSql() {
    }

    /** The CREATE AGGREGATE option list of pg_aggregate a (with pg_proc p): see {@link #AGGREGATES}. */
    private static final String AGGREGATE_OPTIONS = """
            pg_catalog.concat_ws(', ',
                'SFUNC = ' || a.aggtransfn::pg_catalog.regproc::text,
                'STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL),
                CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
                CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = '
                     || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
                CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::pg_catalog.regproc::text END,
                CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || a.aggdeserialfn::pg_catalog.regproc::text END,
                CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || pg_catalog.quote_literal(a.agginitval) END,
                CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || a.aggminvtransfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || pg_catalog.format_type(a.aggmtranstype, NULL) END,
                CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
                CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
                CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = '
                     || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
                CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || pg_catalog.quote_literal(a.aggminitval) END,
                CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || pg_catalog.quote_ident(opn.nspname) || '.'
                                                        || o.oprname || ')'
                                                 FROM pg_catalog.pg_operator o
                                                 JOIN pg_catalog.pg_namespace opn ON opn.oid = o.oprnamespace
                                                 WHERE o.oid = a.aggsortop) END,
                CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END,
                CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END)""";

    /** One aggregate by OID, for the normalizer's read-back of a declared aggregate (same text as {@link #AGGREGATES}). */
    static final String AGGREGATE_BY_OID = """
            SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
                   """ + AGGREGATE_OPTIONS + """
             AS definition
            FROM pg_catalog.pg_aggregate a
            JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE p.oid = ?
            """;

    /** Enum types with their labels in sort order (enumsortorder, not OID order). */
    static final String ENUMS = """
            -- schema-sync: enums
            SELECT n.nspname, t.typname,
                   ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e
                         WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'e'
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Functions and procedures (not aggregates or window functions), with their identity arguments
     * (what tells overloads apart) and pg_get_functiondef's full definition.
     */
    static final String FUNCTIONS = """
            -- schema-sync: functions
            SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
                   pg_catalog.pg_get_functiondef(p.oid) AS definition,
                   p.prokind::text, pg_catalog.pg_get_function_arguments(p.oid) AS all_arguments
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p')
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid
                                AND e.deptype IN ('e', 'i')) -- 'i': a range's constructors, internal to their type
            ORDER BY 1, 2, 3
            """;

    /** Installed extensions: database-wide, so not filtered by schema (the parameter is unused). */
    static final String EXTENSIONS = """
            -- schema-sync: extensions
            SELECT x.extname, n.nspname, x.extversion
            FROM pg_catalog.pg_extension x
            JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
            WHERE cardinality(?::text[]) >= 0
            ORDER BY 1
            """;

    /**
     * Domains: base type with its modifier, NOT NULL, the default as PostgreSQL deparsed it, the
     * collation when it is not the base type's, and the CHECK constraints in name order (PG 17 also
     * keeps the domain's NOT NULL in pg_constraint as contype 'n': typnotnull says it on every version).
     * The collation comes as schema and name (libc names such as en_US.utf8 contain dots).
     */
    static final String DOMAINS = """
            -- schema-sync: domains
            SELECT n.nspname, t.typname,
                   pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
                   t.typnotnull, t.typdefault,
                   CASE WHEN t.typcollation <> bt.typcollation THEN cn.nspname END AS collation_schema,
                   CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END AS collation,
                   ARRAY(SELECT con.conname::text FROM pg_catalog.pg_constraint con
                         WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname) AS check_names,
                   ARRAY(SELECT pg_catalog.pg_get_constraintdef(con.oid) FROM pg_catalog.pg_constraint con
                         WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname) AS check_definitions
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            WHERE t.typtype = 'd'
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Column privileges (pg_attribute.attacl, NULL unless a GRANT named the column), one row per
     * column, role and privilege; aclexplode names the privilege and gives grantee 0 for PUBLIC.
     */
    static final String COLUMN_GRANTS = """
            -- schema-sync: column grants
            SELECT n.nspname, c.relname, a.attname, x.privilege_type,
                   CASE WHEN x.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS role
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) x
            WHERE c.relkind IN ('r', 'p', 'v')
              AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL
              AND x.grantee <> c.relowner
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, 3, 5, 4
            """;

    /**
     * Privileges on sequences, views, materialized views and foreign tables (GRANT ... ON TABLE accepts each; a table's
     * privileges come with the tables query), with the relkind ({@code S}, {@code v}, {@code m} or {@code f}). A NULL relacl means acldefault (the owner's only),
     * so only explicit entries produce rows; the owner's own entry is implicit and left out. Relations an
     * extension creates are its own.
     */
    static final String RELATION_GRANTS = """
            -- schema-sync: sequence and view grants
            SELECT n.nspname, c.relname, x.privilege_type,
                   CASE WHEN x.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS role,
                   c.relkind::text
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) x
            WHERE c.relkind IN ('S', 'v', 'm', 'f')
              AND x.grantee <> c.relowner
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2, 4, 3
            """;

    /** Privileges on the managed schemas (PostgreSQL 15+ gives PUBLIC USAGE on schema public explicitly). */
    static final String SCHEMA_GRANTS = """
            -- schema-sync: schema grants
            SELECT n.nspname, x.privilege_type,
                   CASE WHEN x.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS role
            FROM pg_catalog.pg_namespace n
            CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) x
            WHERE x.grantee <> n.nspowner
              AND n.nspname = ANY (?)
            ORDER BY 1, 3, 2
            """;

    /**
     * EXECUTE on functions, procedures and aggregates. A NULL proacl is acldefault('f'): the owner
     * and PUBLIC may execute, so PUBLIC's implicit EXECUTE is listed like an explicit one.
     */
    static final String ROUTINE_GRANTS = """
            -- schema-sync: routine grants
            SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
                   x.privilege_type,
                   CASE WHEN x.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS role
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            CROSS JOIN LATERAL pg_catalog.aclexplode(COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))) x
            WHERE p.prokind IN ('f', 'p', 'a')
              AND x.grantee <> p.proowner
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid
                                AND e.deptype IN ('e', 'i')) -- 'i': a range's constructors, internal to their type
            ORDER BY 1, 2, 3, 5, 4
            """;

    /**
     * Default privileges (ALTER DEFAULT PRIVILEGES): one row per entry, grantee and privilege; an entry
     * that grants nobody but its owner (a revoked baseline) still gives one row, with a NULL privilege. defaclnamespace 0 is a global entry (FOR ROLE without IN SCHEMA); it holds the
     * whole ACL, the owner's own entry included, which is left out here.
     */
    static final String DEFAULT_PRIVILEGES = """
            -- schema-sync: default privileges
            SELECT pg_catalog.pg_get_userbyid(d.defaclrole) AS for_role, n.nspname, d.defaclobjtype::text,
                   x.privilege_type,
                   CASE WHEN x.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS role
            FROM pg_catalog.pg_default_acl d
            LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
            LEFT JOIN LATERAL pg_catalog.aclexplode(d.defaclacl) x ON x.grantee <> d.defaclrole
            WHERE d.defaclnamespace = 0 OR n.nspname = ANY (?)
            ORDER BY 1, 2 NULLS FIRST, 3, 5, 4
            """;

    /**
     * Aggregates (pg_get_functiondef refuses them): the CREATE AGGREGATE options rebuilt from
     * pg_aggregate in one canonical order, every function as regproc prints it (schema-qualified
     * under the reader's pinned search_path), defaults left out except the FINALFUNC_MODIFY that
     * depends on the aggregate's kind. Checked on PostgreSQL 17: this text re-creates every built-in
     * aggregate but count(*) and the anyenum ones identically.
     */
    static final String AGGREGATES = """
            -- schema-sync: aggregates
            SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
                   """ + AGGREGATE_OPTIONS + """
             AS definition,
                   pg_catalog.pg_get_function_arguments(p.oid) AS all_arguments, a.aggtransfn::pg_catalog.regproc::text,
                   NULLIF(a.aggfinalfn::pg_catalog.regproc::text, '-'), NULLIF(a.aggcombinefn::pg_catalog.regproc::text, '-')
            FROM pg_catalog.pg_aggregate a
            JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2, 3
            """;

    /**
     * Composite types (CREATE TYPE ... AS): pg_type rows of typtype 'c' whose relation is a
     * stand-alone composite (relkind 'c'; every table has a row type too, which is not one). The
     * attributes come as parallel arrays in attnum order, each collation only where it is not the
     * attribute type's default.
     */
    static final String COMPOSITE_TYPES = """
            -- schema-sync: composite types
            SELECT n.nspname, t.typname,
                   ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS names,
                   ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS types,
                   ARRAY(SELECT CASE WHEN a.attcollation <> at.typcollation THEN cn.nspname::text END
                         FROM pg_catalog.pg_attribute a
                         JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                         LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                         LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS collation_schemas,
                   ARRAY(SELECT CASE WHEN a.attcollation <> at.typcollation THEN co.collname::text END
                         FROM pg_catalog.pg_attribute a
                         JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                         LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS collations
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
            WHERE t.typtype = 'c' AND c.relkind = 'c'
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Sequences with their options (pg_sequence) and the column that owns them, if any: pg_depend
     * deptype 'a' for OWNED BY and serial columns, 'i' for identity columns.
     */
    static final String SEQUENCES = """
            -- schema-sync: sequences
            SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   tn.nspname AS owner_schema, tc.relname AS owner_table, a.attname AS owner_column,
                   d.deptype::text AS owner_kind
            FROM pg_catalog.pg_sequence s
            JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_depend d
                   ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
            LEFT JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
            LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;
}
