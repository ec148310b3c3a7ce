package schemasync.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.model.Identifiers;

/**
 * An index's definition field by field, as pg_index holds it: each key's column (or its expression, deparsed by
 * {@code pg_get_indexdef(index, k, false)}, PostgreSQL's per-column API), the collation and operator class
 * PostgreSQL names for it (null where they are the key's own, which pg_get_indexdef leaves out), its ordering
 * (indoption), the INCLUDE columns, the predicate ({@code pg_get_expr(indpred)}) and NULLS NOT DISTINCT
 * (PostgreSQL 15+). What {@code generate} builds an {@code ensureIndex} call from, instead of re-parsing
 * pg_get_indexdef; kept in {@code Catalog.indexParts()} and read by no differ: {@link #definition} spells the parts
 * back as pg_get_indexdef does, and an index whose parts do not spell its {@link Index#definition()} exactly holds
 * something the parts miss (the caller then keeps PostgreSQL's text).
 */
public record IndexParts(List<Key> keys, List<String> include, String predicate, boolean nullsNotDistinct) {
    public IndexParts {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    /**
     * One key: {@code column} (its name) or {@code expression} (as the key list prints it: a function call bare, any
     * other expression in parentheses, ruleutils' looks_like_function); {@code collation} and {@code opclass} as
     * pg_get_indexdef names them (quoted, qualified when not visible) or null; {@code opclassOptions}:
     * {@code name=value} (PostgreSQL 13+ operator class parameters, such as GiST's {@code siglen}).
     */
    public record Key(String column, String expression, String collation, String opclass, List<String> opclassOptions,
                      boolean descending, boolean nullsFirst) {
        public Key {
            opclassOptions = List.copyOf(opclassOptions);
        }

        /** A bare column in its default collation, operator class and order: the DSL's {@code .columns(...)}. */
        public boolean plainColumn() {
            return column != null && collation == null && opclass == null && !descending && !nullsFirst;
        }

        /** The key as pg_get_indexdef prints it in the key list (and as CREATE INDEX takes it back). */
        public String sql() {
            StringBuilder s = new StringBuilder(column != null ? Identifiers.quote(column) : expression);
            if (collation != null) s.append(" COLLATE ").append(collation);
            if (opclass != null) {
                s.append(' ').append(opclass);
                if (!opclassOptions.isEmpty()) {
                    s.append(" (").append(String.join(", ", opclassOptions.stream().map(SqlText::reloption).toList())).append(')');
                }
            }
            // ruleutils prints only what differs from ASC's defaults: NULLS LAST for ASC, NULLS FIRST for DESC.
            if (descending) s.append(" DESC");
            if (!descending && nullsFirst) s.append(" NULLS FIRST");
            if (descending && !nullsFirst) s.append(" NULLS LAST");
            return s.toString();
        }
    }

    /**
     * The same parts with every expression key in its expression's own collation. ruleutils names a key's collation
     * unless it is the expression's (exprCollation), which no catalog column holds: an expression over
     * {@code name COLLATE "C"} is indexed in "C" without saying so. The reader names it; the caller asks which of the
     * two spells the index.
     */
    public IndexParts expressionsInOwnCollation() {
        return new IndexParts(keys.stream().map(k -> k.expression() == null ? k : new Key(null, k.expression(), null, k.opclass(),
                k.opclassOptions(), k.descending(), k.nullsFirst())).toList(), include, predicate, nullsNotDistinct);
    }

    /** The parts as pg_get_indexdef prints them from USING on, the form of {@link Index#definition()}. */
    public String definition(String method) {
        StringBuilder s = new StringBuilder("USING ").append(method).append(" (")
                .append(String.join(", ", keys.stream().map(Key::sql).toList())).append(')');
        if (!include.isEmpty()) {
            s.append(" INCLUDE (").append(String.join(", ", include.stream().map(Identifiers::quote).toList())).append(')');
        }
        if (nullsNotDistinct) s.append(" NULLS NOT DISTINCT");
        if (predicate != null) s.append(" WHERE ").append(predicate);
        return s.toString();
    }

    /**
     * One row per index column, key columns first (pg_index.indkey order), runnable in psql with the managed schemas as
     * its one parameter. The oidvector/int2vector columns indclass, indcollation and indoption are subscripted from 0
     * and hold only the key columns. An operator class is named as get_opclass_name names it: unless it is the
     * default of its method for the key's type (GetDefaultOpClass: a domain's base type's, the exact type's default,
     * else the one of a type it is binary-coercible to) and has no parameters. A collation is named unless it is the key's own (the
     * column's; an expression's is taken as its type's: see {@link #expressionsInOwnCollation}).
     */
    static String sql(int major) {
        return """
            -- schema-sync: index parts
            SELECT n.nspname, ci.relname, k.ord, a.attname,
                   CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, false) END AS expression,
                   k.ord <= i.indnkeyatts AS is_key,
                   CASE WHEN coll.oid IS NOT NULL AND coll.oid <> COALESCE(a.attcollation, kt.typcollation)
                        THEN CASE WHEN pg_catalog.pg_collation_is_visible(coll.oid) THEN pg_catalog.quote_ident(coll.collname)
                                  ELSE pg_catalog.quote_ident(colln.nspname) || '.' || pg_catalog.quote_ident(coll.collname) END
                   END AS collation,
                   CASE WHEN opc.oid IS NOT NULL AND (ia.attoptions IS NOT NULL OR NOT opc.opcdefault
                             OR (opc.opcintype <> COALESCE(base.oid, kt.oid) AND EXISTS (SELECT 1 FROM pg_catalog.pg_opclass d
                                 WHERE d.opcmethod = opc.opcmethod AND d.opcdefault AND d.opcintype = COALESCE(base.oid, kt.oid))))
                        THEN CASE WHEN pg_catalog.pg_opclass_is_visible(opc.oid) THEN pg_catalog.quote_ident(opc.opcname)
                                  ELSE pg_catalog.quote_ident(opcn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) END
                   END AS opclass,
                   COALESCE(ia.attoptions, '{}') AS opclass_options,
                   COALESCE(i.indoption[k.ord::int - 1] & 1 <> 0, false) AS descending,
                   COALESCE(i.indoption[k.ord::int - 1] & 2 <> 0, false) AS nulls_first,
                   pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
                   """ + (major >= 15 ? "i.indnullsnotdistinct" : "false") + """
                    AS nulls_not_distinct
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid
            JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = ci.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.ord
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
            LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = i.indcollation[k.ord::int - 1] AND k.ord <= i.indnkeyatts
            LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
            LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.ord::int - 1] AND k.ord <= i.indnkeyatts
            LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
            -- The key's type: the column's; an expression's is the index column's, unless the operator class stores
            -- another type (opckeytype, as tsvector_ops stores text), when it is the type the class takes.
            LEFT JOIN pg_catalog.pg_type kt ON kt.oid = CASE WHEN k.attnum > 0 THEN a.atttypid
                WHEN opc.opckeytype <> 0 AND ia.atttypid = opc.opckeytype THEN opc.opcintype ELSE ia.atttypid END
            -- GetDefaultOpClass looks at a domain's base type (getBaseType, through domains over domains): a key of a
            -- domain gets its base type's default class, never a DEFAULT class declared FOR TYPE the domain.
            LEFT JOIN LATERAL (WITH RECURSIVE up (oid, typtype, typbasetype) AS (
                    SELECT kt.oid, kt.typtype, kt.typbasetype WHERE kt.typtype = 'd'
                    UNION ALL
                    SELECT t.oid, t.typtype, t.typbasetype FROM pg_catalog.pg_type t JOIN up ON t.oid = up.typbasetype
                    WHERE up.typtype = 'd')
                SELECT up.oid FROM up WHERE up.typtype <> 'd') base ON true
            WHERE ct.relkind IN ('r', 'p', 'm')
              AND NOT ci.relispartition
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = ct.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2, 3
            """;
    }

    /** Joins the catalog's batch (no round trip of its own); the map fills when the batch runs. */
    static Map<QualifiedName, IndexParts> addTo(CatalogReader.Batch batch, int major) {
        Map<QualifiedName, Builder> read = new LinkedHashMap<>();
        Map<QualifiedName, IndexParts> parts = new LinkedHashMap<>();
        batch.add(sql(major), rs -> {
            QualifiedName index = new QualifiedName(rs.getString(1), rs.getString(2));
            Builder b = read.computeIfAbsent(index, k -> new Builder());
            b.predicate = rs.getString(12);
            b.nullsNotDistinct = rs.getBoolean(13);
            if (rs.getBoolean(6)) {
                b.keys.add(new Key(rs.getString(4), rs.getString(5), rs.getString(7), rs.getString(8), options(rs.getArray(9)),
                        rs.getBoolean(10), rs.getBoolean(11)));
            } else {
                b.include.add(rs.getString(4));
            }
            parts.put(index, b.build());
        });
        return parts;
    }

    private static List<String> options(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final class Builder {
        final List<Key> keys = new ArrayList<>();
        final List<String> include = new ArrayList<>();
        String predicate;
        boolean nullsNotDistinct;

        IndexParts build() {
            return new IndexParts(keys, include, predicate, nullsNotDistinct);
        }
    }
}
