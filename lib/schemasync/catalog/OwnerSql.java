package schemasync.catalog;

/**
 * The owners query (see {@link CatalogTypeSql} for the conventions: managed schemas only, never an extension's
 * objects, one parameter, runnable in psql). It travels in the catalog's one batch: no round trip of its own.
 */
final class OwnerSql {
    private OwnerSql() {
    }

    /**
     * The owner of each schema, table (partitioned and foreign too), view, materialized view, sequence not
     * owned by a column (an identity or serial sequence follows its table's owner: ALTER SEQUENCE refuses it),
     * routine, enum / composite / range type, domain and collation, by role name (pg_get_userbyid). A
     * multirange type follows its range type; a table's row type its table; a range type's constructor functions
     * (an internal dependency) are no one's to declare, as pg_dump does not write them. Also extended statistics
     * objects, operators (their two types as the operators query prints them, NONE for a missing side; shell
     * operators are not read, as pg_dump skips them), operator classes and families (their access method as arguments) and text search dictionaries and configurations of the managed
     * schemas, and the database's foreign servers, publications and event triggers (their
     * schema column empty: they belong to no schema), read whatever schemas are managed, as ExternalReader reads them.
     */
    static final String OWNERS = """
            -- schema-sync: owners
            WITH managed AS (SELECT n.oid, n.nspname, n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?))
            SELECT 'schema' AS kind, m.nspname AS schema, m.nspname AS name, NULL::text AS arguments,
                   pg_catalog.pg_get_userbyid(m.nspowner) AS owner
            FROM managed m
            UNION ALL
            SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                                  WHEN 'f' THEN 'foreign table' ELSE 'table' END, m.nspname, c.relname, NULL,
                   pg_catalog.pg_get_userbyid(c.relowner)
            FROM managed m JOIN pg_catalog.pg_class c ON c.relnamespace = m.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND (e.deptype = 'e' OR c.relkind = 'S' AND e.deptype IN ('a', 'i')
                                     AND e.refclassid = 'pg_catalog.pg_class'::regclass))
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END, m.nspname, p.proname,
                   pg_catalog.pg_get_function_identity_arguments(p.oid), pg_catalog.pg_get_userbyid(p.proowner)
            FROM managed m JOIN pg_catalog.pg_proc p ON p.pronamespace = m.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid AND e.deptype IN ('e', 'i'))
            UNION ALL
            SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, m.nspname, t.typname, NULL,
                   pg_catalog.pg_get_userbyid(t.typowner)
            FROM managed m JOIN pg_catalog.pg_type t ON t.typnamespace = m.oid
            WHERE (t.typtype IN ('e', 'd', 'r')
                   OR t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'collation', m.nspname, co.collname, NULL, pg_catalog.pg_get_userbyid(co.collowner)
            FROM managed m JOIN pg_catalog.pg_collation co ON co.collnamespace = m.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_collation'::regclass AND e.objid = co.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'statistics', m.nspname, s.stxname, NULL, pg_catalog.pg_get_userbyid(s.stxowner)
            FROM managed m JOIN pg_catalog.pg_statistic_ext s ON s.stxnamespace = m.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_statistic_ext'::regclass AND e.objid = s.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'operator', m.nspname, o.oprname,
                   CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) ELSE 'NONE' END || ', '
                   || CASE WHEN o.oprright <> 0 THEN pg_catalog.format_type(o.oprright, NULL) ELSE 'NONE' END,
                   pg_catalog.pg_get_userbyid(o.oprowner)
            FROM managed m JOIN pg_catalog.pg_operator o ON o.oprnamespace = m.oid
            WHERE o.oprcode <> 0
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_operator'::regclass AND e.objid = o.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'operator class', m.nspname, c.opcname, am.amname, pg_catalog.pg_get_userbyid(c.opcowner)
            FROM managed m JOIN pg_catalog.pg_opclass c ON c.opcnamespace = m.oid JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_opclass'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'operator family', m.nspname, f.opfname, am.amname, pg_catalog.pg_get_userbyid(f.opfowner)
            FROM managed m JOIN pg_catalog.pg_opfamily f ON f.opfnamespace = m.oid JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_opfamily'::regclass AND e.objid = f.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'text search dictionary', m.nspname, d.dictname, NULL, pg_catalog.pg_get_userbyid(d.dictowner)
            FROM managed m JOIN pg_catalog.pg_ts_dict d ON d.dictnamespace = m.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_ts_dict'::regclass AND e.objid = d.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'text search configuration', m.nspname, c.cfgname, NULL, pg_catalog.pg_get_userbyid(c.cfgowner)
            FROM managed m JOIN pg_catalog.pg_ts_config c ON c.cfgnamespace = m.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_ts_config'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'server', '', fs.srvname, NULL, pg_catalog.pg_get_userbyid(fs.srvowner)
            FROM pg_catalog.pg_foreign_server fs
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_foreign_server'::regclass AND e.objid = fs.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'publication', '', p.pubname, NULL, pg_catalog.pg_get_userbyid(p.pubowner)
            FROM pg_catalog.pg_publication p
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_publication'::regclass AND e.objid = p.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'event trigger', '', t.evtname, NULL, pg_catalog.pg_get_userbyid(t.evtowner)
            FROM pg_catalog.pg_event_trigger t
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_event_trigger'::regclass AND e.objid = t.oid AND e.deptype = 'e')
            """ + ConversionReader.OWNERS + """
            ORDER BY 1, 2, 3, 4
            """;

    static void addTo(CatalogReader.Batch batch, java.util.Map<OwnerTarget, String> owners) {
        batch.add(OWNERS, rs -> {
            OwnerTarget.Kind kind = OwnerTarget.Kind.fromWord(rs.getString(1));
            QualifiedName name = new QualifiedName(rs.getString(2), rs.getString(3));
            // The fourth column is a routine's or operator's arguments, or an operator class's or family's access method.
            owners.put(kind.usingMethod() ? OwnerTarget.usingMethod(kind, name, rs.getString(4)) : new OwnerTarget(kind, name, rs.getString(4)),
                    rs.getString(5));
        });
    }
}
