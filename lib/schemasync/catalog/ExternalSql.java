package schemasync.catalog;

/**
 * The catalog queries of {@link ExternalReader}, runnable in psql (the managed schemas as {@code $1}). Each takes
 * exactly one parameter, as every query of CatalogReader's batch does: the database-wide ones only check it is
 * there ({@code ?::text[] IS NOT NULL}). Objects an extension owns (a pg_depend row of type 'e') are left out.
 */
final class ExternalSql {
    private ExternalSql() {
    }

    private static String notExtension(String catalog, String oid) {
        return " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '" + catalog + "'::regclass"
                + " AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    /** Foreign servers: wrapper, TYPE, VERSION and options as stored. */
    static final String SERVERS = """
            -- schema-sync: foreign servers
            SELECT s.srvname, w.fdwname, s.srvtype, s.srvversion, COALESCE(s.srvoptions, '{}')
            FROM pg_catalog.pg_foreign_server s
            JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
            WHERE ?::text[] IS NOT NULL AND""" + notExtension("pg_catalog.pg_foreign_server", "s.oid") + """
            ORDER BY 1
            """;

    /**
     * User mappings: the role (PUBLIC for umuser 0) and the options without the password, which never leaves
     * the server; only whether one is set. pg_user_mappings shows umoptions to the server's owner and superusers.
     */
    static final String USER_MAPPINGS = """
            -- schema-sync: user mappings
            SELECT m.srvname, CASE WHEN m.umuser = 0 THEN 'PUBLIC' ELSE m.usename END,
                   ARRAY(SELECT o FROM unnest(m.umoptions) AS o WHERE o NOT LIKE 'password=%' ORDER BY 1),
                   EXISTS (SELECT 1 FROM unnest(m.umoptions) AS o WHERE o LIKE 'password=%')
            FROM pg_catalog.pg_user_mappings m
            WHERE ?::text[] IS NOT NULL
            ORDER BY 1, 2
            """;

    /** Foreign tables of the managed schemas: server and table options. */
    static final String FOREIGN_TABLES = """
            -- schema-sync: foreign tables
            SELECT n.nspname, c.relname, s.srvname, COALESCE(f.ftoptions, '{}')
            FROM pg_catalog.pg_foreign_table f
            JOIN pg_catalog.pg_class c ON c.oid = f.ftrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_foreign_server s ON s.oid = f.ftserver
            WHERE n.nspname = ANY (?) AND """ + notExtension("pg_catalog.pg_class", "c.oid") + """
            ORDER BY 1, 2
            """;

    /** Columns of foreign tables: type, NOT NULL, default and the column's own options (attfdwoptions). */
    static final String FOREIGN_COLUMNS = """
            -- schema-sync: foreign table columns
            SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_catalog.pg_get_expr(d.adbin, d.adrelid), COALESCE(a.attfdwoptions, '{}')
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relkind = 'f' AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY (?)
            ORDER BY 1, 2, a.attnum
            """;

    static final String PUBLICATIONS = """
            -- schema-sync: publications
            SELECT p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot
            FROM pg_catalog.pg_publication p
            WHERE ?::text[] IS NOT NULL AND""" + notExtension("pg_catalog.pg_publication", "p.oid") + """
            ORDER BY 1
            """;

    /** The tables named in publications; column lists (prattrs) and row filters (prqual) from PostgreSQL 15. */
    static String publicationTables(boolean columnListsAndFilters) {
        String extra = columnListsAndFilters ? """
                ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = r.prrelid AND a.attnum = ANY (r.prattrs) ORDER BY a.attnum),
                pg_catalog.pg_get_expr(r.prqual, r.prrelid)""" : "'{}'::name[], NULL::text";
        return """
            -- schema-sync: publication tables
            SELECT p.pubname, n.nspname, c.relname, %s
            FROM pg_catalog.pg_publication_rel r
            JOIN pg_catalog.pg_publication p ON p.oid = r.prpubid
            JOIN pg_catalog.pg_class c ON c.oid = r.prrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE ?::text[] IS NOT NULL
            ORDER BY 1, 2, 3
            """.formatted(extra);
    }

    /** FOR TABLES IN SCHEMA (PostgreSQL 15). */
    static final String PUBLICATION_SCHEMAS = """
            -- schema-sync: publication schemas
            SELECT p.pubname, n.nspname
            FROM pg_catalog.pg_publication_namespace pn
            JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid
            JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
            WHERE ?::text[] IS NOT NULL
            ORDER BY 1, 2
            """;

    /** Event triggers: event, tags (NULL: every tag), function and enabled state. */
    static final String EVENT_TRIGGERS = """
            -- schema-sync: event triggers
            SELECT t.evtname, t.evtevent, COALESCE(t.evttags, '{}'), n.nspname, f.proname, t.evtenabled::text
            FROM pg_catalog.pg_event_trigger t
            JOIN pg_catalog.pg_proc f ON f.oid = t.evtfoid
            JOIN pg_catalog.pg_namespace n ON n.oid = f.pronamespace
            WHERE ?::text[] IS NOT NULL AND""" + notExtension("pg_catalog.pg_event_trigger", "t.oid") + """
            ORDER BY 1
            """;
}
