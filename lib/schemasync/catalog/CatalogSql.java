package schemasync.catalog;

/**
 * The conventions of every catalog query, and the queries that span kinds (which managed schemas exist, the comments
 * on everything). The queries per object kind live beside their kind: tables and what hangs off them in
 * {@link TableSql}, views, partitioning and storage options in {@link RelationSql}, types, routines and privileges in
 * {@link CatalogTypeSql}, the rest in the kind's reader ({@link KindSql}, {@link OperatorReader}, ...). Each is
 * runnable as is in psql (replace {@code ?} by {@code '{public}'::text[]}). All are set-based: the number of round
 * trips does not depend on the number of tables. They use PostgreSQL's own canonical text (format_type, pg_get_expr,
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
     * Comments on everything but tables and columns (those come with the tables query): schemas,
     * views, materialized views, sequences, indexes, types (enum, domain, composite, range), functions,
     * procedures and aggregates (by identity arguments), constraints of tables and of domains,
     * triggers, policies, the columns of views, materialized views and foreign tables and the attributes of composite
     * types (a table's columns carry their own; such a column's comment is read with its relation as the object, the
     * column as the detail), statistics, rules, text search objects, collations, operators (their two types as detail),
     * casts, operator classes and families (their access method as detail), and the database's extensions, foreign
     * servers, publications and event triggers. One branch per catalog, joined to pg_description on its classoid.
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
            SELECT CASE c.relkind WHEN 'v' THEN 'view column' WHEN 'm' THEN 'materialized view column' WHEN 'c' THEN 'type attribute'
                                  ELSE 'foreign table column' END, m.nspname, c.relname, a.attname, d.description
            FROM managed m JOIN pg_catalog.pg_class c ON c.relnamespace = m.oid AND c.relkind IN ('v', 'm', 'c', 'f')
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = c.oid AND d.objsubid > 0
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND NOT a.attisdropped
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
            """ + TextSearchReader.COMMENTS + CatalogSql.OPERATOR_COMMENTS + CatalogSql.DATABASE_COMMENTS + ConversionReader.COMMENTS + """
            ORDER BY 1, 2, 3, 4
            """;

    /**
     * The comments query's branches for collations, operators (not shells: pg_dump skips them), casts (database-wide:
     * read when their source type, target type or function is in a managed schema, as {@code OperatorReader} reads
     * them; the schema column empty, the source type as the name, the target as the detail, as format_type prints
     * them under the reader's search_path) and operator classes and families. Never an extension's member.
     */
    private static final String OPERATOR_COMMENTS = """
            UNION ALL
            SELECT 'collation', m.nspname, co.collname, NULL, d.description
            FROM managed m JOIN pg_catalog.pg_collation co ON co.collnamespace = m.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_collation'::regclass AND d.objoid = co.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_collation'::regclass AND e.objid = co.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'operator', m.nspname, o.oprname,
                   CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) ELSE 'NONE' END || ', '
                   || CASE WHEN o.oprright <> 0 THEN pg_catalog.format_type(o.oprright, NULL) ELSE 'NONE' END, d.description
            FROM managed m JOIN pg_catalog.pg_operator o ON o.oprnamespace = m.oid AND o.oprcode <> 0
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_operator'::regclass AND d.objoid = o.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_operator'::regclass AND e.objid = o.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'cast', '', x.source, x.target, d.description
            FROM (SELECT c.oid, pg_catalog.format_type(c.castsource, NULL) AS source, pg_catalog.format_type(c.casttarget, NULL) AS target
                  """ + OperatorReader.MANAGED_CASTS + """
                  ) x
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_cast'::regclass AND d.objoid = x.oid
            UNION ALL
            SELECT 'operator class', m.nspname, oc.opcname, am.amname, d.description
            FROM managed m JOIN pg_catalog.pg_opclass oc ON oc.opcnamespace = m.oid JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_opclass'::regclass AND d.objoid = oc.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_opclass'::regclass AND e.objid = oc.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'operator family', m.nspname, f.opfname, am.amname, d.description
            FROM managed m JOIN pg_catalog.pg_opfamily f ON f.opfnamespace = m.oid JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_opfamily'::regclass AND d.objoid = f.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_opfamily'::regclass AND e.objid = f.oid AND e.deptype = 'e')
            """;

    /**
     * The comments query's branches for the objects of the database the DSL declares, whatever schemas are managed (as
     * the extensions query and {@code ExternalReader} read them), their schema column empty: extensions (CREATE EXTENSION
     * sets the comment of its control file, which is read as any other), foreign servers, publications and event
     * triggers (not an extension's member).
     */
    private static final String DATABASE_COMMENTS = """
            UNION ALL
            SELECT 'extension', '', x.extname, NULL, d.description
            FROM pg_catalog.pg_extension x
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_extension'::regclass AND d.objoid = x.oid AND d.objsubid = 0
            UNION ALL
            SELECT 'server', '', fs.srvname, NULL, d.description
            FROM pg_catalog.pg_foreign_server fs
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_foreign_server'::regclass AND d.objoid = fs.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_foreign_server'::regclass AND e.objid = fs.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'publication', '', p.pubname, NULL, d.description
            FROM pg_catalog.pg_publication p
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_publication'::regclass AND d.objoid = p.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_publication'::regclass AND e.objid = p.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'event trigger', '', t.evtname, NULL, d.description
            FROM pg_catalog.pg_event_trigger t
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_event_trigger'::regclass AND d.objoid = t.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_event_trigger'::regclass AND e.objid = t.oid AND e.deptype = 'e')
            """;
}
