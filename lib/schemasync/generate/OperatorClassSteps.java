package schemasync.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.SqlText;

/**
 * Operator families and classes of the managed schemas (pg_opfamily, pg_opclass with their members in pg_amop and
 * pg_amproc) as the statements pg_dump writes for them: {@code CREATE OPERATOR FAMILY} with its loose members
 * ({@code ALTER OPERATOR FAMILY ... ADD}), then {@code CREATE OPERATOR CLASS ... FOR TYPE ... USING ... FAMILY ... AS
 * OPERATOR n op(types) [FOR ORDER BY family], FUNCTION n (types) f(args), STORAGE type}. The DSL cannot declare them
 * yet (issue 13), so each is a guarded custom object (run before the comparison too, so the indexes naming the class
 * normalize), in one block after the operators (whose functions, and the classes' support functions, come earlier:
 * {@link #functionsUsed}) and before the tables whose indexes use them. Extension members are left to the extension.
 */
final class OperatorClassSteps {
    private OperatorClassSteps() {
    }

    /** One family or class: {@code what} names it for the summary and the step id. */
    record Definition(String what, String schema, String name, String method, boolean isClass, String sql, List<String> functions) {
        String guard() {
            String catalog = isClass ? "pg_catalog.pg_opclass c WHERE c.opcname = " + SqlText.literal(name)
                    + " AND c.opcnamespace = pg_catalog.to_regnamespace(" + SqlText.literal(SqlText.quoteIdent(schema)) + ")"
                    + " AND c.opcmethod = (SELECT a.oid FROM pg_catalog.pg_am a WHERE a.amname = " + SqlText.literal(method) + ")"
                    : "pg_catalog.pg_opfamily f WHERE f.opfname = " + SqlText.literal(name)
                    + " AND f.opfnamespace = pg_catalog.to_regnamespace(" + SqlText.literal(SqlText.quoteIdent(schema)) + ")"
                    + " AND f.opfmethod = (SELECT a.oid FROM pg_catalog.pg_am a WHERE a.amname = " + SqlText.literal(method) + ")";
            return "SELECT NOT EXISTS (SELECT 1 FROM " + catalog + ")";
        }
    }

    /** A member's text, for a family's loose members ({@code %1$s}: pg_opfamily) or a class's ({@code %1$s}: pg_opclass). */
    private static final String MEMBERS = """
            LEFT JOIN LATERAL (
              SELECT pg_catalog.string_agg(m.item, ', ' ORDER BY m.ord, m.num, m.item) AS list,
                     pg_catalog.array_agg(m.fn) FILTER (WHERE m.fn IS NOT NULL) AS functions
              FROM (
                SELECT 1 AS ord, o.amopstrategy::int AS num,
                       'OPERATOR ' || o.amopstrategy || ' ' || pg_catalog.quote_ident(opn.nspname) || '.' || op.oprname || '('
                       || pg_catalog.format_type(o.amoplefttype, NULL) || ', ' || pg_catalog.format_type(o.amoprighttype, NULL) || ')'
                       || CASE WHEN o.amoppurpose = 'o' THEN ' FOR ORDER BY ' || pg_catalog.quote_ident(sfn.nspname) || '.'
                                    || pg_catalog.quote_ident(sf.opfname) ELSE '' END AS item,
                       NULL::text AS fn
                FROM pg_catalog.pg_amop o
                JOIN pg_catalog.pg_operator op ON op.oid = o.amopopr JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
                LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = o.amopsortfamily
                LEFT JOIN pg_catalog.pg_namespace sfn ON sfn.oid = sf.opfnamespace
                WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_amop'::regclass
                              AND d.objid = o.oid AND d.refclassid = '%1$s'::regclass AND d.refobjid = %2$s)
                UNION ALL
                SELECT 2, p.amprocnum::int,
                       'FUNCTION ' || p.amprocnum || ' (' || pg_catalog.format_type(p.amproclefttype, NULL) || ', '
                       || pg_catalog.format_type(p.amprocrighttype, NULL) || ') ' || p.amproc::pg_catalog.regprocedure::text,
                       p.amproc::pg_catalog.regproc::text
                FROM pg_catalog.pg_amproc p
                WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_amproc'::regclass
                              AND d.objid = p.oid AND d.refclassid = '%1$s'::regclass AND d.refobjid = %2$s)
              ) m
            ) members ON true
            """;

    /**
     * Families, each with its loose members (those that depend on the family, not on a class of it), runnable in psql
     * (replace the parameter by {@code '{public}'::text[]}).
     */
    static final String FAMILIES = """
            -- schema-sync generate: operator families
            SELECT n.nspname, f.opfname, a.amname,
                   'CREATE OPERATOR FAMILY ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(f.opfname)
                   || ' USING ' || pg_catalog.quote_ident(a.amname)
                   || COALESCE(E';\\nALTER OPERATOR FAMILY ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(f.opfname)
                               || ' USING ' || pg_catalog.quote_ident(a.amname) || ' ADD ' || members.list, ''),
                   members.functions
            FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
            JOIN pg_catalog.pg_am a ON a.oid = f.opfmethod
            """ + String.format(MEMBERS, "pg_catalog.pg_opfamily", "f.oid") + """
            WHERE n.nspname = ANY (?) AND""" + SourceSql.notExtension("pg_catalog.pg_opfamily", "f.oid") + """

            ORDER BY 1, 2, 3
            """;

    /** Classes with their members, in their family; the key type after STORAGE when it differs from the input type. */
    static final String CLASSES = """
            -- schema-sync generate: operator classes
            SELECT n.nspname, c.opcname, a.amname,
                   'CREATE OPERATOR CLASS ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.opcname)
                   || CASE WHEN c.opcdefault THEN ' DEFAULT' ELSE '' END || ' FOR TYPE ' || pg_catalog.format_type(c.opcintype, NULL)
                   || ' USING ' || pg_catalog.quote_ident(a.amname) || ' FAMILY ' || pg_catalog.quote_ident(fn.nspname) || '.'
                   || pg_catalog.quote_ident(f.opfname) || ' AS '
                   || pg_catalog.concat_ws(', ', members.list,
                                           CASE WHEN c.opckeytype <> 0 THEN 'STORAGE ' || pg_catalog.format_type(c.opckeytype, NULL) END),
                   members.functions
            FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
            JOIN pg_catalog.pg_am a ON a.oid = c.opcmethod
            JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
            """ + String.format(MEMBERS, "pg_catalog.pg_opclass", "c.oid") + """
            WHERE n.nspname = ANY (?) AND""" + SourceSql.notExtension("pg_catalog.pg_opclass", "c.oid") + """

            ORDER BY 1, 2, 3
            """;

    static Definition family(java.sql.ResultSet rs) throws java.sql.SQLException {
        return definition(rs, false);
    }

    static Definition operatorClass(java.sql.ResultSet rs) throws java.sql.SQLException {
        return definition(rs, true);
    }

    private static Definition definition(java.sql.ResultSet rs, boolean isClass) throws java.sql.SQLException {
        java.sql.Array functions = rs.getArray(5);
        List<String> names = functions == null ? List.of() : List.of((String[]) functions.getArray());
        String what = (isClass ? "operator class " : "operator family ") + rs.getString(1) + "." + rs.getString(2) + " USING " + rs.getString(3);
        return new Definition(what, rs.getString(1), rs.getString(2), rs.getString(3), isClass, rs.getString(4), names);
    }

    /** The signatures of the user functions the families and classes name as support functions. */
    static Set<String> functionsUsed(Source source) {
        Set<String> names = new HashSet<>();
        for (Definition d : source.operatorClasses()) names.addAll(d.functions());
        Set<String> signatures = new HashSet<>();
        for (Catalog.Function routine : source.routines()) {
            String regproc = SqlText.quoteIdent(routine.name().schema()) + "." + SqlText.quoteIdent(routine.name().name());
            if (names.contains(regproc)) signatures.add(routine.signature());
        }
        return signatures;
    }

    /** Families first (a class names its family), each a custom object: the comparison needs them for the indexes. */
    static void write(Generator g, List<Definition> definitions) {
        if (definitions.isEmpty()) return;
        g.startBlock("Operator classes and families", "Operator families and classes: no DSL verb yet, written as the statements"
                + " pg_dump writes; before the tables whose indexes use them");
        for (Definition d : definitions) {
            g.add(g.customObject(d.what(), "operator classes and families are not declarable yet: review the statement", d.guard(), d.sql()));
        }
    }
}
