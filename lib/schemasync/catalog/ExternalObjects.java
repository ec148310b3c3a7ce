package schemasync.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects pg_dump writes beside a schema's tables that live outside any table: foreign servers (of a
 * wrapper an extension such as postgres_fdw installs), user mappings, foreign tables, publications and event
 * triggers. Servers, mappings, publications and event triggers are database-wide; foreign tables belong to a
 * schema. Options are PostgreSQL's own {@code name=value} texts (srvoptions, umoptions, ftoptions,
 * attfdwoptions), sorted: their order means nothing to PostgreSQL. No OIDs, and never a password: a user
 * mapping's {@code password} option is left out when read and only its presence is kept.
 */
public record ExternalObjects(Map<String, ForeignServer> servers, Map<String, UserMapping> userMappings,
                              Map<QualifiedName, ForeignTable> foreignTables, Map<String, Publication> publications,
                              Map<String, EventTrigger> eventTriggers) {
    public static final ExternalObjects NONE = new ExternalObjects(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public ExternalObjects {
        servers = Collections.unmodifiableMap(new TreeMap<>(servers));
        userMappings = Collections.unmodifiableMap(new TreeMap<>(userMappings));
        TreeMap<QualifiedName, ForeignTable> byName = new TreeMap<>(java.util.Comparator.comparing(QualifiedName::schema)
                .thenComparing(QualifiedName::name));
        byName.putAll(foreignTables);
        foreignTables = Collections.unmodifiableMap(byName);
        publications = Collections.unmodifiableMap(new TreeMap<>(publications));
        eventTriggers = Collections.unmodifiableMap(new TreeMap<>(eventTriggers));
    }

    public boolean isEmpty() {
        return servers.isEmpty() && userMappings.isEmpty() && foreignTables.isEmpty() && publications.isEmpty()
                && eventTriggers.isEmpty();
    }

    static List<String> sorted(List<String> options) {
        return options.stream().sorted().toList();
    }

    /** {@code CREATE SERVER name [TYPE 'type'] [VERSION 'version'] FOREIGN DATA WRAPPER wrapper OPTIONS (...)}. */
    public record ForeignServer(String name, String wrapper, String type, String version, List<String> options) {
        public ForeignServer {
            options = sorted(options);
        }
    }

    /**
     * {@code CREATE USER MAPPING FOR role SERVER server OPTIONS (...)}: {@code role} is a role name or
     * {@code PUBLIC}; {@code options} without the password, {@code hasPassword} whether one is set.
     */
    public record UserMapping(String server, String role, List<String> options, boolean hasPassword) {
        public UserMapping {
            options = sorted(options);
        }

        /** How mappings are keyed: one per (server, role). */
        public String key() {
            return key(server, role);
        }

        public static String key(String server, String role) {
            return role + "@" + server;
        }
    }

    /** A column of a foreign table: its type as format_type prints it, NOT NULL, default and its own options. */
    public record ForeignColumn(String name, String type, boolean notNull, String defaultValue, List<String> options) {
        public ForeignColumn {
            options = sorted(options);
        }
    }

    /** {@code CREATE FOREIGN TABLE name (columns) SERVER server OPTIONS (...)}. */
    public record ForeignTable(QualifiedName name, String server, List<ForeignColumn> columns, List<String> options) {
        public ForeignTable {
            columns = List.copyOf(columns);
            options = sorted(options);
        }
    }

    /**
     * A table of a publication: {@code columns} its column list (empty: every column), {@code rowFilter} its
     * WHERE expression as pg_get_expr prints it (null: every row). Both exist from PostgreSQL 15.
     */
    public record PublishedTable(QualifiedName table, List<String> columns, String rowFilter) {
        public PublishedTable {
            columns = List.copyOf(columns);
            rowFilter = rowFilter == null ? null : withoutOuterParentheses(rowFilter.strip());
        }
    }

    /**
     * {@code (qty > 0)} → {@code qty > 0}: pg_get_expr wraps an operator expression in parentheses that the WHERE of
     * a publication adds anyway, so a filter is kept (and compared) without them.
     */
    static String withoutOuterParentheses(String sql) {
        while (sql.startsWith("(") && SqlText.closingParenthesis(sql, 0) == sql.length() - 1) sql = sql.substring(1, sql.length() - 1).strip();
        return sql;
    }

    /**
     * {@code CREATE PUBLICATION name FOR ALL TABLES | FOR TABLE ..., TABLES IN SCHEMA ... WITH (publish = '...',
     * publish_via_partition_root = ...)}. {@code publish}: the operations, in PostgreSQL's order (insert, update,
     * delete, truncate).
     */
    public record Publication(String name, boolean allTables, List<PublishedTable> tables, List<String> schemas,
                              List<String> publish, boolean viaRoot) {
        public static final List<String> ALL_OPERATIONS = List.of("insert", "update", "delete", "truncate");

        public Publication {
            tables = tables.stream().sorted(java.util.Comparator.comparing(t -> t.table().toString())).toList();
            schemas = sorted(schemas);
            publish = ALL_OPERATIONS.stream().filter(publish::contains).toList();
        }

        public java.util.Optional<PublishedTable> table(QualifiedName name) {
            return tables.stream().filter(t -> t.table().equals(name)).findFirst();
        }
    }

    /** When an event trigger fires (pg_event_trigger.evtenabled): ENABLE, DISABLE, ENABLE REPLICA, ENABLE ALWAYS. */
    public enum Enabled {
        ORIGIN("O", "ENABLE"), DISABLED("D", "DISABLE"), REPLICA("R", "ENABLE REPLICA"), ALWAYS("A", "ENABLE ALWAYS");

        public final String code;
        public final String sql;

        Enabled(String code, String sql) {
            this.code = code;
            this.sql = sql;
        }

        public static Enabled of(String code) {
            for (Enabled e : values()) if (e.code.equals(code)) return e;
            throw new IllegalArgumentException("evtenabled " + code);
        }
    }

    /**
     * {@code CREATE EVENT TRIGGER name ON event [WHEN TAG IN (tags)] EXECUTE FUNCTION function()}: {@code function}
     * is the schema-qualified name of the (argument-less) function; {@code tags} sorted, empty for every tag.
     */
    public record EventTrigger(String name, String event, List<String> tags, QualifiedName function, Enabled enabled) {
        public EventTrigger {
            tags = sorted(tags);
        }
    }
}
