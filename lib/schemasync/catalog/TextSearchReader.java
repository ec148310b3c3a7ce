package schemasync.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads text search dictionaries and configurations of the managed schemas as part of {@link CatalogReader}'s
 * one batch: one query per kind, runnable in psql with the managed schemas as {@code $1}. Objects an extension
 * owns are left out (pg_dump leaves them to CREATE EXTENSION).
 */
final class TextSearchReader {
    private final Map<QualifiedName, TextSearch.Dictionary> dictionaries = new LinkedHashMap<>();
    private final Map<QualifiedName, TextSearch.Configuration> configurations = new LinkedHashMap<>();

    /** Dictionaries: the template (qualified) and dictinitoption, the options text PostgreSQL serialized. */
    static final String DICTIONARIES = """
            -- schema-sync: text search dictionaries
            SELECT n.nspname, d.dictname, tn.nspname AS template_schema, t.tmplname AS template, d.dictinitoption
            FROM pg_catalog.pg_ts_dict d
            JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
            JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
            JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
            WHERE n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_ts_dict'::regclass AND e.objid = d.oid AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Configurations: the parser (qualified) and the mappings as three parallel arrays in token-type then
     * consultation order (pg_ts_config_map's maptokentype and mapseqno); a token type by the alias the
     * parser's ts_token_type gives it, as ALTER TEXT SEARCH CONFIGURATION ... MAPPING FOR takes it.
     */
    static final String CONFIGURATIONS = """
            -- schema-sync: text search configurations
            SELECT n.nspname, c.cfgname, pn.nspname AS parser_schema, p.prsname AS parser,
                   ARRAY(SELECT tt.alias FROM pg_catalog.pg_ts_config_map m
                         JOIN pg_catalog.ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype
                         WHERE m.mapcfg = c.oid ORDER BY m.maptokentype, m.mapseqno)::text[] AS tokens,
                   ARRAY(SELECT dn.nspname FROM pg_catalog.pg_ts_config_map m
                         JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict
                         JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace
                         WHERE m.mapcfg = c.oid ORDER BY m.maptokentype, m.mapseqno)::text[] AS dictionary_schemas,
                   ARRAY(SELECT d.dictname FROM pg_catalog.pg_ts_config_map m
                         JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict
                         WHERE m.mapcfg = c.oid ORDER BY m.maptokentype, m.mapseqno)::text[] AS dictionaries
            FROM pg_catalog.pg_ts_config c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
            JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
            JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
            WHERE n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_ts_config'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /** The comments query's branches for dictionaries and configurations ({@link CatalogSql#COMMENTS}). */
    static final String COMMENTS = """
            UNION ALL
            SELECT 'text search dictionary', m.nspname, t.dictname, NULL, d.description
            FROM managed m JOIN pg_catalog.pg_ts_dict t ON t.dictnamespace = m.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_ts_dict'::regclass AND d.objoid = t.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_ts_dict'::regclass AND e.objid = t.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'text search configuration', m.nspname, t.cfgname, NULL, d.description
            FROM managed m JOIN pg_catalog.pg_ts_config t ON t.cfgnamespace = m.oid
            JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_ts_config'::regclass AND d.objoid = t.oid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_ts_config'::regclass AND e.objid = t.oid AND e.deptype = 'e')
            """;

    /** Adds both queries to the batch; {@link #build()} after it ran. */
    TextSearchReader(CatalogReader.Batch batch) {
        batch.add(DICTIONARIES, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            dictionaries.put(name, new TextSearch.Dictionary(name, new QualifiedName(rs.getString(3), rs.getString(4)),
                    rs.getString(5)));
        });
        batch.add(CONFIGURATIONS, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            List<String> tokens = strings(rs, 5);
            List<String> schemas = strings(rs, 6);
            List<String> names = strings(rs, 7);
            Map<String, List<QualifiedName>> mappings = new LinkedHashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                mappings.computeIfAbsent(tokens.get(i), k -> new java.util.ArrayList<>())
                        .add(new QualifiedName(schemas.get(i), names.get(i)));
            }
            configurations.put(name, new TextSearch.Configuration(name, new QualifiedName(rs.getString(3), rs.getString(4)),
                    mappings));
        });
    }

    TextSearch build() {
        return new TextSearch(dictionaries, configurations);
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
