package schemasync.generate;

/**
 * What the generator reads beyond the catalog: the census of every object in the managed schemas, which
 * {@link ObjectCensus} compares with what the catalog models so that nothing unmodeled goes unmentioned
 * (routines, triggers, index definitions and partition trees come from the catalog model).
 * Each query is runnable in psql (replace {@code ?} by {@code '{public}'::text[]}); the reader pins
 * {@code search_path = pg_catalog, pg_temp} so every name comes out schema-qualified. Extension-owned
 * objects (pg_depend deptype 'e') are excluded: CREATE EXTENSION brings them back.
 */
final class SourceSql {
    private SourceSql() {
    }

    private static final String NOT_EXTENSION = """
            NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                        WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')""";

    /** Not an extension's, and not a range type's constructor function (deptype 'i': internal to the type). */
    static String notExtensionOrInternal(String catalog, String oid) {
        return " " + String.format(NOT_EXTENSION, catalog, oid).replace("e.deptype = 'e'", "e.deptype IN ('e', 'i')");
    }

    static String notExtension(String catalog, String oid) {
        return " " + String.format(NOT_EXTENSION, catalog, oid); // text blocks drop the space before a closing """
    }

    /**
     * The comment each installed extension's control file gives it, which CREATE EXTENSION sets (pg_available_extensions
     * reads the control files of the server's extension directory): an extension comment equal to it is not written.
     */
    static final String EXTENSION_COMMENTS = """
            -- schema-sync generate: extension comments CREATE EXTENSION sets
            SELECT a.name, a.comment
            FROM pg_catalog.pg_available_extensions a JOIN pg_catalog.pg_extension x ON x.extname = a.name
            WHERE a.comment IS NOT NULL
            """;

    /**
     * Every object of pg_class, pg_type, pg_proc, pg_collation, pg_statistic_ext, pg_rewrite (rules other than a
     * view's _RETURN), pg_operator (not a shell: pg_dump skips those), pg_opclass and pg_opfamily (with their access
     * method), pg_cast (user casts touching them) and the text search catalogs in the managed schemas, by kind, with its name: the
     * generator compares this with what the catalog models so that nothing unmodeled goes unmentioned.
     * Array types and the row types of relations are implicit and left out.
     */
    static final String OBJECTS = """
            -- schema-sync generate: every object
            SELECT 'pg_class' AS catalog, c.relkind::text AS kind, n.nspname, c.relname AS name
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_class", "c.oid") + """

            UNION ALL
            SELECT 'pg_type', t.typtype::text, n.nspname, t.typname
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY (?) AND t.typrelid = 0
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid) -- an implicit array type (13 has no typsubscript)
              AND t.typtype <> 'm'
              AND """ + notExtension("pg_catalog.pg_type", "t.oid") + """

            UNION ALL
            SELECT 'pg_proc', p.prokind::text, n.nspname, p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY (?) AND """ + notExtensionOrInternal("pg_catalog.pg_proc", "p.oid") + """

            UNION ALL
            SELECT 'pg_collation', c.collprovider::text, n.nspname, c.collname
            FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_collation", "c.oid") + """

            UNION ALL
            SELECT 'pg_statistic_ext', 's', n.nspname, s.stxname
            FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_statistic_ext", "s.oid") + """

            UNION ALL
            SELECT 'pg_rewrite', 'r', n.nspname, r.rulename || ' ON ' || c.relname
            FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND r.rulename <> '_RETURN' AND """ + notExtension("pg_catalog.pg_rewrite", "r.oid") + """

            UNION ALL
            SELECT 'pg_operator', 'o', n.nspname, o.oprname || '(' || COALESCE(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE')
                   || ', ' || COALESCE(pg_catalog.format_type(NULLIF(o.oprright, 0), NULL), 'NONE') || ')'
            FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
            WHERE n.nspname = ANY (?) AND o.oprcode <> 0 AND """ + notExtension("pg_catalog.pg_operator", "o.oid") + """

            UNION ALL
            SELECT 'pg_opclass', 'c', n.nspname, c.opcname || ' USING ' || a.amname
            FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
            JOIN pg_catalog.pg_am a ON a.oid = c.opcmethod
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_opclass", "c.oid") + """

            UNION ALL
            SELECT 'pg_opfamily', 'f', n.nspname, f.opfname || ' USING ' || a.amname
            FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
            JOIN pg_catalog.pg_am a ON a.oid = f.opfmethod
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_opfamily", "f.oid") + """

            UNION ALL
            SELECT 'pg_ts_dict', 'd', n.nspname, d.dictname
            FROM pg_catalog.pg_ts_dict d JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_ts_dict", "d.oid") + """

            UNION ALL
            SELECT 'pg_ts_config', 'c', n.nspname, c.cfgname
            FROM pg_catalog.pg_ts_config c JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_ts_config", "c.oid") + """

            UNION ALL
            SELECT 'pg_ts_parser', 'p', n.nspname, p.prsname
            FROM pg_catalog.pg_ts_parser p JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_ts_parser", "p.oid") + """

            UNION ALL
            SELECT 'pg_ts_template', 't', n.nspname, t.tmplname
            FROM pg_catalog.pg_ts_template t JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_ts_template", "t.oid") + """

            UNION ALL
            -- pg_cast is database-wide: a cast is counted under the schema of its source type, when its source type, target
            -- type or function is in a managed schema (catalog.OperatorReader's rule); a range's casts to its multirange
            -- (deptype 'i') come with the range.
            SELECT 'pg_cast', 'c', sn.nspname, '(' || pg_catalog.format_type(c.castsource, NULL) || ' AS '
                   || pg_catalog.format_type(c.casttarget, NULL) || ')'
            FROM pg_catalog.pg_cast c JOIN pg_catalog.pg_type s ON s.oid = c.castsource
            JOIN pg_catalog.pg_namespace sn ON sn.oid = s.typnamespace JOIN pg_catalog.pg_type t ON t.oid = c.casttarget
            JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_proc p ON p.oid = c.castfunc LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
            WHERE c.oid >= 16384 AND (sn.nspname = ANY (?) OR tn.nspname = ANY (?) OR pn.nspname = ANY (?))
              AND """ + notExtensionOrInternal("pg_catalog.pg_cast", "c.oid") + """

            UNION ALL
            -- conversions (CREATE CONVERSION): counted; declared by ensureConversion and compared by the roundtrip
            SELECT 'pg_conversion', 'v', n.nspname, c.conname
            FROM pg_catalog.pg_conversion c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = ANY (?) AND c.oid >= 16384 AND """ + notExtension("pg_catalog.pg_conversion", "c.oid") + """

            ORDER BY 1, 2, 3, 4
            """;

    /**
     * The row types of tables (or arrays of them) a table's columns need, by column, from pg_depend: a column default's
     * pg_attrdef row depends on the types its expression names ({@code ROW(...)::other}, {@code NULL::other}); a column's
     * own type is a dependency of its pg_class row with the column's number. {@code splittable}: a plain default, which
     * pg_dump sets by a later {@code ALTER TABLE ONLY ... SET DEFAULT} when it closes a creation-order cycle; a generated
     * column's expression or the column's type cannot wait. pg_depend is filtered by its catalogs alone, then joined
     * (a few rows).
     */
    static final String ROW_TYPE_USES = """
            -- schema-sync generate: the row types of tables that columns' defaults and types need
            SELECT tn.nspname, tc.relname, a.attname, rn.nspname, rc.relname, u.splittable
            FROM (SELECT ad.adrelid AS relid, ad.adnum AS attnum, d.refobjid AS typid, at.attgenerated = '' AS splittable
                  FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_attrdef ad ON ad.oid = d.objid
                  JOIN pg_catalog.pg_attribute at ON at.attrelid = ad.adrelid AND at.attnum = ad.adnum
                  WHERE d.classid = 'pg_catalog.pg_attrdef'::regclass AND d.refclassid = 'pg_catalog.pg_type'::regclass
                  UNION ALL
                  SELECT d.objid, d.objsubid::smallint, d.refobjid, false
                  FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_type'::regclass
                    AND d.objsubid > 0) u
            JOIN pg_catalog.pg_type ty ON ty.oid = u.typid
            LEFT JOIN pg_catalog.pg_type el ON el.oid = ty.typelem AND ty.typcategory = 'A'
            JOIN pg_catalog.pg_class rc ON rc.oid = COALESCE(NULLIF(ty.typrelid, 0), el.typrelid) AND rc.relkind IN ('r', 'p')
            JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
            JOIN pg_catalog.pg_class tc ON tc.oid = u.relid JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = u.relid AND a.attnum = u.attnum
            WHERE tn.nspname = ANY (?) AND tc.oid <> rc.oid
            ORDER BY 1, 2, 3, 4, 5
            """;
}
