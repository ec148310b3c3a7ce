package schemasync.catalog;

/**
 * The dependency edges PostgreSQL records, in two set-based queries that {@link Dependencies} joins by
 * oid ({@link #IDS} runnable in psql with the managed schemas as the one parameter, e.g. {@code '{public}'}).
 *
 * <p>{@code ids} names every row of the catalogs that pg_depend points at, as the graph's
 * {@code ObjectId} (kind, schema, name, name on its table): a column default (pg_attrdef) is its
 * table, a view's {@code _RETURN} rule (pg_rewrite) is its view, a relation's row type and an array
 * type are their relation and element type, a domain's CHECK is its domain, and any member of an
 * extension is that extension (CREATE EXTENSION creates it); an operator records its function, estimators and
 * argument types, a cast its two types and function, an operator class its family and input type, and its members
 * (pg_amop / pg_amproc rows, named as the class or family they belong to) their operators and support functions; an
 * index records the classes of its keys. The edges are pg_depend's normal and
 * automatic ones between two named objects, without the ones a creation order must not follow: a
 * sequence OWNED BY a column ('a' from the sequence) points the other way from the default that
 * calls nextval. Only user objects: oids below 16384 (FirstNormalObjectId) are PostgreSQL's own.
 *
 * <p>What pg_depend does not know: a function body (plain SQL or PL/pgSQL text) names nothing it
 * records, except a SQL-standard body ({@code BEGIN ATOMIC}, PostgreSQL 14+), which records edges to
 * the tables and functions it uses. A new kind joins by one branch of {@code ids}.
 */
final class DependencySql {
    private DependencySql() {
    }

    static final String IDS = """
            -- schema-sync: the user objects pg_depend can point at, named as object ids
            WITH managed AS (SELECT pg_catalog.unnest(?::text[]) AS nspname),
            rel AS NOT MATERIALIZED (
                SELECT c.oid, n.nspname, c.relname,
                       CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'f' THEN 'TABLE' WHEN 'v' THEN 'VIEW'
                           WHEN 'm' THEN 'MATERIALIZED_VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'i' THEN 'INDEX' WHEN 'I' THEN 'INDEX'
                           WHEN 'c' THEN 'TYPE' END AS kind
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)),
            base (classid, objid, kind, schema, name, sub) AS (
                SELECT 'pg_catalog.pg_namespace'::regclass, n.oid, 'SCHEMA', NULL::text, n.nspname::text, NULL::text
                FROM pg_catalog.pg_namespace n WHERE n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_extension'::regclass, x.oid, 'EXTENSION', NULL, x.extname::text, NULL
                FROM pg_catalog.pg_extension x
                UNION ALL
                SELECT 'pg_catalog.pg_class'::regclass, r.oid, r.kind, r.nspname::text, r.relname::text, NULL FROM rel r
                WHERE r.kind IS NOT NULL
                UNION ALL
                SELECT 'pg_catalog.pg_type'::regclass, t.oid, COALESCE(r.kind, 'TYPE'), n.nspname::text,
                       COALESCE(r.relname, t.typname)::text, NULL
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                LEFT JOIN rel r ON r.oid = t.typrelid
                WHERE t.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                  AND NOT (t.typtype = 'b' AND t.typcategory = 'A' AND t.typelem <> 0)
                UNION ALL
                SELECT 'pg_catalog.pg_type'::regclass, t.oid, COALESCE(r.kind, 'TYPE'), n.nspname::text,
                       COALESCE(r.relname, e.typname)::text, NULL
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND e.typarray = t.oid
                JOIN pg_catalog.pg_namespace n ON n.oid = e.typnamespace
                LEFT JOIN rel r ON r.oid = e.typrelid
                WHERE t.oid >= 16384 AND t.typtype = 'b' AND t.typcategory = 'A' AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_proc'::regclass, p.oid, 'FUNCTION', n.nspname::text,
                       p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', NULL
                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE p.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_collation'::regclass, co.oid, 'COLLATION', n.nspname::text, co.collname::text, NULL
                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
                WHERE co.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_ts_dict'::regclass, td.oid, 'TEXT_SEARCH_DICTIONARY', n.nspname::text, td.dictname::text, NULL
                FROM pg_catalog.pg_ts_dict td JOIN pg_catalog.pg_namespace n ON n.oid = td.dictnamespace
                WHERE td.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_ts_config'::regclass, tc.oid, 'TEXT_SEARCH_CONFIGURATION', n.nspname::text, tc.cfgname::text, NULL
                FROM pg_catalog.pg_ts_config tc JOIN pg_catalog.pg_namespace n ON n.oid = tc.cfgnamespace
                WHERE tc.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                -- Named as Operator.key and Cast.key spell them, so generate finds the catalog's object by its id.
                SELECT 'pg_catalog.pg_operator'::regclass, o.oid, 'OPERATOR', n.nspname::text,
                       o.oprname || '(' || COALESCE(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE') || ', '
                           || COALESCE(pg_catalog.format_type(NULLIF(o.oprright, 0), NULL), 'NONE') || ')', NULL
                FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                WHERE o.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_cast'::regclass, c.oid, 'CAST', NULL,
                       '(' || pg_catalog.format_type(c.castsource, NULL) || ' AS ' || pg_catalog.format_type(c.casttarget, NULL) || ')', NULL
                FROM pg_catalog.pg_cast c WHERE c.oid >= 16384
                UNION ALL
                -- Named as OperatorClass.key spells them (name USING method: a name is unique per access method).
                SELECT 'pg_catalog.pg_opfamily'::regclass, f.oid, 'OPERATOR_FAMILY', n.nspname::text,
                       f.opfname || ' USING ' || am.amname, NULL
                FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
                JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
                WHERE f.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_opclass'::regclass, c.oid, 'OPERATOR_CLASS', n.nspname::text,
                       c.opcname || ' USING ' || am.amname, NULL
                FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
                JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
                WHERE c.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                -- A member (pg_amop / pg_amproc row: its 'n' edge names the operator or support function) is the class it
                -- depends on, else a loose member of its family, as pg_dump and OperatorClassReader tell them apart. The
                -- members of an extension's class or family are left out: CREATE EXTENSION makes them.
                -- So a DROP OPERATOR or DROP FUNCTION of a member is refused naming the class or family that keeps it.
                SELECT m.classid, m.objid, CASE WHEN c.oid IS NULL THEN 'OPERATOR_FAMILY' ELSE 'OPERATOR_CLASS' END,
                       n.nspname::text, COALESCE(c.opcname, f.opfname) || ' USING ' || am.amname, NULL
                FROM (SELECT 'pg_catalog.pg_amop'::regclass AS classid, o.oid AS objid, o.amopfamily AS family
                      FROM pg_catalog.pg_amop o WHERE o.oid >= 16384
                      UNION ALL
                      SELECT 'pg_catalog.pg_amproc'::regclass, p.oid, p.amprocfamily FROM pg_catalog.pg_amproc p
                      WHERE p.oid >= 16384) m
                JOIN pg_catalog.pg_opfamily f ON f.oid = m.family JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
                LEFT JOIN pg_catalog.pg_depend d ON d.classid = m.classid AND d.objid = m.objid
                     AND d.refclassid = 'pg_catalog.pg_opclass'::regclass
                LEFT JOIN pg_catalog.pg_opclass c ON c.oid = d.refobjid
                JOIN pg_catalog.pg_namespace n ON n.oid = COALESCE(c.opcnamespace, f.opfnamespace)
                WHERE n.nspname IN (SELECT nspname FROM managed)
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.deptype = 'e'
                                  AND (e.classid, e.objid) = (CASE WHEN c.oid IS NULL THEN 'pg_catalog.pg_opfamily'::regclass
                                       ELSE 'pg_catalog.pg_opclass'::regclass END, COALESCE(c.oid, f.oid)))
                UNION ALL
                SELECT 'pg_catalog.pg_constraint'::regclass, k.oid, CASE WHEN k.conrelid <> 0 THEN 'CONSTRAINT' ELSE 'TYPE' END,
                       n.nspname::text, COALESCE(r.relname, t.typname)::text, CASE WHEN k.conrelid <> 0 THEN k.conname::text END
                FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace
                LEFT JOIN pg_catalog.pg_class r ON r.oid = k.conrelid LEFT JOIN pg_catalog.pg_type t ON t.oid = k.contypid
                WHERE k.oid >= 16384 AND n.nspname IN (SELECT nspname FROM managed)
                UNION ALL
                SELECT 'pg_catalog.pg_attrdef'::regclass, d.oid, r.kind, r.nspname::text, r.relname::text, NULL
                FROM pg_catalog.pg_attrdef d JOIN rel r ON r.oid = d.adrelid
                UNION ALL
                SELECT 'pg_catalog.pg_rewrite'::regclass, w.oid, CASE WHEN w.rulename = '_RETURN' THEN r.kind ELSE 'RULE' END,
                       r.nspname::text, r.relname::text, CASE WHEN w.rulename <> '_RETURN' THEN w.rulename::text END
                FROM pg_catalog.pg_rewrite w JOIN rel r ON r.oid = w.ev_class
                UNION ALL
                SELECT 'pg_catalog.pg_trigger'::regclass, g.oid, 'TRIGGER', r.nspname::text, r.relname::text, g.tgname::text
                FROM pg_catalog.pg_trigger g JOIN rel r ON r.oid = g.tgrelid WHERE NOT g.tgisinternal
                UNION ALL
                SELECT 'pg_catalog.pg_policy'::regclass, o.oid, 'POLICY', r.nspname::text, r.relname::text, o.polname::text
                FROM pg_catalog.pg_policy o JOIN rel r ON r.oid = o.polrelid),
            ids AS (
                SELECT b.classid, b.objid,
                       CASE WHEN x.oid IS NULL THEN b.kind ELSE 'EXTENSION' END AS kind,
                       CASE WHEN x.oid IS NULL THEN b.schema END AS schema,
                       CASE WHEN x.oid IS NULL THEN b.name ELSE x.extname::text END AS name,
                       CASE WHEN x.oid IS NULL THEN b.sub END AS sub
                FROM base b
                LEFT JOIN pg_catalog.pg_depend m ON m.classid = b.classid AND m.objid = b.objid AND m.deptype = 'e'
                LEFT JOIN pg_catalog.pg_extension x ON x.oid = m.refobjid)
            SELECT b.classid::oid, b.objid, b.kind, b.schema, b.name, b.sub FROM ids b
            """;

    /**
     * pg_depend's normal and automatic edges between user objects, as the raw oids: one sequential scan,
     * joined to {@link #IDS} in Java. Joined in SQL, the planner's estimates for catalogs that just grew
     * by thousands of rows (no ANALYZE yet, as after a bulk load or a fresh apply) are off by 50x and it
     * picked a nested loop over the two sides: 74 s at 500 tables instead of 0.3 s.
     */
    static final String EDGES = """
            -- schema-sync: dependency edges between user objects (pg_depend)
            SELECT d.classid, d.objid, d.refclassid, d.refobjid, d.deptype::text
            FROM pg_catalog.pg_depend d
            WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384
            """;
}
