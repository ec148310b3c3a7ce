package schemasync.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads extended statistics (pg_statistic_ext) and rewrite rules (pg_rewrite) of the managed schemas as part of
 * {@link CatalogReader}'s one batch. Queries runnable in psql with the managed schemas as {@code $1}; objects an
 * extension owns are left out (pg_dump leaves them to CREATE EXTENSION).
 */
final class StatisticsRuleReader {
    final Map<QualifiedName, Statistics> statistics = new LinkedHashMap<>();
    final Map<String, Rule> rules = new LinkedHashMap<>();

    /**
     * Extended statistics: kinds as CREATE STATISTICS words, the key columns by name (stxkeys holds attnums), the
     * expressions (pg_get_statisticsobjdef_expressions, PostgreSQL 14+; none before) and the target (-1 or NULL: default).
     */
    static String statistics(int major) {
        return """
                -- schema-sync: extended statistics
                SELECT n.nspname, s.stxname, tn.nspname, c.relname,
                       ARRAY(SELECT CASE k WHEN 'd' THEN 'ndistinct' WHEN 'f' THEN 'dependencies' ELSE 'mcv' END
                             FROM unnest(s.stxkind) AS k WHERE k IN ('d', 'f', 'm'))::text[],
                       ARRAY(SELECT a.attname FROM unnest(s.stxkeys::int2[]) AS key
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = key)::text[],
                       """ + (major >= 14 ? "COALESCE(pg_catalog.pg_get_statisticsobjdef_expressions(s.oid), '{}')"
                : "'{}'::text[]") + """
                , s.stxstattarget::int
                FROM pg_catalog.pg_statistic_ext s
                JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
                JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
                JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
                WHERE n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                      WHERE e.classid = 'pg_catalog.pg_statistic_ext'::regclass AND e.objid = s.oid AND e.deptype = 'e')
                ORDER BY 1, 2
                """;
    }

    /**
     * Rules other than a view's {@code _RETURN}: pg_get_ruledef's text after {@code CREATE RULE name AS} (the
     * prefix is cut by its length, so a name that needs quotes is cut right too), and ev_enabled (O, D, R, A).
     */
    static final String RULES = """
            -- schema-sync: rules
            SELECT n.nspname, c.relname, r.rulename,
                   substr(pg_catalog.pg_get_ruledef(r.oid), length('CREATE RULE ' || pg_catalog.quote_ident(r.rulename) || ' AS') + 1),
                   r.ev_enabled::text
            FROM pg_catalog.pg_rewrite r
            JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND r.rulename <> '_RETURN' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_rewrite'::regclass AND e.objid = r.oid AND e.deptype = 'e')
            ORDER BY 1, 2, 3
            """;

    void addTo(CatalogReader.Batch batch, int major) {
        batch.add(statistics(major), rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            statistics.put(name, new Statistics(name, new QualifiedName(rs.getString(3), rs.getString(4)), strings(rs, 5),
                    strings(rs, 6), strings(rs, 7), rs.getObject(8) == null ? null : rs.getInt(8)));
        });
        batch.add(RULES, rs -> {
            Rule rule = new Rule(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                    ExternalObjects.Enabled.of(rs.getString(5)));
            rules.put(rule.key(), rule);
        });
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
