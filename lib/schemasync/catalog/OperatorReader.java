package schemasync.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@link OperatorObjects} as part of {@link CatalogReader}'s one batch (same round trip, same snapshot), one
 * query per kind, runnable in psql (replace {@code ?} by {@code '{public}'::text[]}). Objects an extension owns are
 * left out (its CREATE EXTENSION makes them), and so are the casts PostgreSQL itself defines (oid below 16384,
 * FirstNormalObjectId).
 */
final class OperatorReader {
    /**
     * Operators of the managed schemas. A prefix operator has no left type (oprleft 0), a postfix one (13 only) no
     * right type; shell operators (oprcode 0) are skipped as pg_dump skips them.
     */
    static final String OPERATORS = """
            -- schema-sync: operators
            SELECT n.nspname, o.oprname,
                   CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) END AS left_type,
                   CASE WHEN o.oprright <> 0 THEN pg_catalog.format_type(o.oprright, NULL) END AS right_type,
                   o.oprcode::pg_catalog.regproc::text AS function,
                   cn.nspname AS commutator_schema, co.oprname AS commutator,
                   nn.nspname AS negator_schema, ng.oprname AS negator,
                   CASE WHEN o.oprrest <> 0 THEN o.oprrest::pg_catalog.regproc::text END AS restrict,
                   CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::pg_catalog.regproc::text END AS join,
                   o.oprcanhash, o.oprcanmerge
            FROM pg_catalog.pg_operator o
            JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
            LEFT JOIN pg_catalog.pg_operator co ON co.oid = o.oprcom
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.oprnamespace
            LEFT JOIN pg_catalog.pg_operator ng ON ng.oid = o.oprnegate
            LEFT JOIN pg_catalog.pg_namespace nn ON nn.oid = ng.oprnamespace
            WHERE n.nspname = ANY (?) AND o.oprcode <> 0
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_operator'::regclass AND e.objid = o.oid AND e.deptype = 'e')
            ORDER BY 1, 2, 3, 4
            """;

    /**
     * Which casts are the managed schemas' ({@code c}, over a {@code managed} CTE of their oids), for this reader and the
     * comments query alike: created after initdb, with a source type, target type or function in a managed schema, and
     * neither an extension's member ('e') nor made with another object ('i': a range's or a domain's own).
     */
    static final String MANAGED_CASTS = """
            FROM pg_catalog.pg_cast c
            JOIN pg_catalog.pg_type s ON s.oid = c.castsource
            JOIN pg_catalog.pg_type t ON t.oid = c.casttarget
            LEFT JOIN pg_catalog.pg_proc p ON p.oid = c.castfunc
            WHERE c.oid >= 16384
              AND (s.typnamespace IN (SELECT oid FROM managed) OR t.typnamespace IN (SELECT oid FROM managed)
                   OR p.pronamespace IN (SELECT oid FROM managed))
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_cast'::regclass AND e.objid = c.oid AND e.deptype IN ('e', 'i'))
            """;

    /**
     * Casts a user created whose source type, target type or function is in a managed schema (pg_cast is
     * database-wide: a cast between two built-in types over a built-in function belongs to no schema here). A
     * cast that is part of another object (deptype 'i': a range type's casts to its multirange, PostgreSQL 14+)
     * comes with that object, as an extension's (deptype 'e') with the extension.
     */
    static final String CASTS = """
            -- schema-sync: casts
            WITH managed AS (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?))
            SELECT pg_catalog.format_type(c.castsource, NULL) AS source, pg_catalog.format_type(c.casttarget, NULL) AS target,
                   CASE WHEN c.castfunc <> 0 THEN c.castfunc::pg_catalog.regprocedure::text END AS function,
                   CASE c.castcontext WHEN 'e' THEN 'explicit' WHEN 'a' THEN 'assignment' ELSE 'implicit' END AS context,
                   CASE c.castmethod WHEN 'f' THEN 'function' WHEN 'i' THEN 'inout' ELSE 'binary' END AS method
            """ + MANAGED_CASTS + """
            ORDER BY 1, 2
            """;

    private final Map<String, Operator> operators = new LinkedHashMap<>();
    private final Map<String, Cast> casts = new LinkedHashMap<>();

    /** A reader whose queries are in {@code batch}; {@link #build} once the batch has run. */
    static OperatorReader addedTo(CatalogReader.Batch batch) {
        OperatorReader reader = new OperatorReader();
        reader.addTo(batch);
        return reader;
    }

    private void addTo(CatalogReader.Batch batch) {
        batch.add(OPERATORS, rs -> {
            Operator o = new Operator(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                    rs.getString(5), name(rs.getString(6), rs.getString(7)), name(rs.getString(8), rs.getString(9)),
                    rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getBoolean(13));
            operators.put(o.key(), o);
        });
        batch.add(CASTS, rs -> {
            Cast c = new Cast(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            casts.put(c.key(), c);
        });
    }

    private static QualifiedName name(String schema, String name) {
        return name == null ? null : new QualifiedName(schema, name);
    }

    OperatorObjects build() {
        return new OperatorObjects(operators, casts);
    }
}
