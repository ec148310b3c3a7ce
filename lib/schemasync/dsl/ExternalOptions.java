package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.QualifiedName;

/**
 * The option lists of the foreign-data, publication and event-trigger verbs of {@link ExternalDeclarations}:
 * immutable, each call returns a new value. Options are PostgreSQL's {@code name=value} texts, as srvoptions,
 * umoptions, ftoptions and attfdwoptions store them.
 */
public final class ExternalOptions {
    private ExternalOptions() {
    }

    static List<String> with(List<String> options, String name, String value) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("an option needs a name");
        if (value == null) throw new IllegalArgumentException("option " + name + " needs a value");
        for (String o : options) {
            if (o.substring(0, o.indexOf('=')).equals(name)) throw new IllegalArgumentException("option " + name + " is given twice");
        }
        List<String> copy = new ArrayList<>(options);
        copy.add(name + "=" + value);
        return List.copyOf(copy);
    }

    /** {@code CREATE SERVER ... [TYPE 'type'] [VERSION 'version'] ... OPTIONS (name 'value', ...)}. */
    public record Server(String type, String version, List<String> options) {
        static final Server NONE = new Server(null, null, List.of());

        public Server type(String serverType) {
            return new Server(serverType, version, options);
        }

        public Server version(String serverVersion) {
            return new Server(type, serverVersion, options);
        }

        public Server option(String name, String value) {
            return new Server(type, version, with(options, name, value));
        }
    }

    /**
     * A user mapping's options. The password is never written in a block: {@link #passwordFromEnv} names the
     * environment variable it is read from when the mapping is created.
     */
    public record UserMapping(List<String> options, String passwordVariable) {
        static final UserMapping NONE = new UserMapping(List.of(), null);

        public UserMapping option(String name, String value) {
            if ("password".equals(name)) {
                throw new IllegalArgumentException("a user mapping's password is never written in a block: "
                        + "passwordFromEnv(\"VARIABLE\") reads it from the environment when the mapping is created");
            }
            return new UserMapping(with(options, name, value), passwordVariable);
        }

        /** The {@code password} option, read from this environment variable when the mapping is created. */
        public UserMapping passwordFromEnv(String variable) {
            if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("passwordFromEnv(" + variable + "): an environment variable name"
                        + " (letters, digits and _)");
            }
            return new UserMapping(options, variable);
        }
    }

    /** One column of a foreign table: NOT NULL, a default and its own options ({@code column_name}). */
    public record Column(boolean required, String dflt, List<String> options) {
        static final Column NONE = new Column(false, null, List.of());

        /** NOT NULL. */
        public Column notNull() {
            return new Column(true, dflt, options);
        }

        public Column dflt(String sql) {
            return new Column(required, sql, options);
        }

        public Column option(String name, String value) {
            return new Column(required, dflt, with(options, name, value));
        }
    }

    /**
     * A foreign table's columns, in order, and its options. Types are compared as PostgreSQL prints them
     * (format_type: {@code character varying(20)}, {@code integer}); generate writes them so.
     */
    public record ForeignTable(List<ExternalObjects.ForeignColumn> columns, List<String> options) {
        static final ForeignTable NONE = new ForeignTable(List.of(), List.of());

        public ForeignTable column(String name, String type) {
            return column(name, type, c -> c);
        }

        public ForeignTable column(String name, String type, java.util.function.UnaryOperator<Column> column) {
            Column c = column.apply(Column.NONE);
            if (columns.stream().anyMatch(k -> k.name().equals(name))) throw new IllegalArgumentException("column " + name + " is declared twice");
            List<ExternalObjects.ForeignColumn> copy = new ArrayList<>(columns);
            copy.add(new ExternalObjects.ForeignColumn(name, type, c.required(), c.dflt(), c.options()));
            return new ForeignTable(List.copyOf(copy), options);
        }

        public ForeignTable option(String name, String value) {
            return new ForeignTable(columns, with(options, name, value));
        }
    }

    /** A table's column list and row filter in a publication (PostgreSQL 15). */
    public record PublishedColumns(List<String> columns, String where) {
        static final PublishedColumns NONE = new PublishedColumns(List.of(), null);

        public PublishedColumns columns(String... names) {
            return new PublishedColumns(List.of(names), where);
        }

        /** The row filter, as written after WHERE (without its parentheses). */
        public PublishedColumns where(String predicate) {
            return new PublishedColumns(columns, predicate);
        }
    }

    /**
     * What a publication publishes: {@code allTables()} (superuser only), or tables and schemas (TABLES IN SCHEMA,
     * PostgreSQL 15); {@code publish} the operations (default all four), {@code viaPartitionRoot()}.
     */
    public record Publication(boolean everyTable, List<PublishedTable> tables, List<String> schemas, List<String> publish,
                              boolean viaRoot) {
        static final Publication NONE = new Publication(false, List.of(), List.of(), ExternalObjects.Publication.ALL_OPERATIONS, false);

        /** FOR ALL TABLES: every table of the database, now and later. Only a superuser may create it. */
        public Publication allTables() {
            return new Publication(true, tables, schemas, publish, viaRoot);
        }

        public Publication table(String name) {
            return table(name, c -> c);
        }

        public Publication table(String name, java.util.function.UnaryOperator<PublishedColumns> shape) {
            PublishedColumns c = shape.apply(PublishedColumns.NONE);
            List<PublishedTable> copy = new ArrayList<>(tables);
            copy.add(new PublishedTable(QualifiedName.parse(name), c.columns(), c.where())); // the fold resolves a tenant's
            return new Publication(everyTable, List.copyOf(copy), schemas, publish, viaRoot);
        }

        /** FOR TABLES IN SCHEMA schema (PostgreSQL 15): every table of the schema, now and later. */
        public Publication tablesInSchema(String schema) {
            List<String> copy = new ArrayList<>(schemas);
            copy.add(schema); // the fold resolves a tenant's
            return new Publication(everyTable, tables, List.copyOf(copy), publish, viaRoot);
        }

        /** WITH (publish = '...'): any of insert, update, delete, truncate. */
        public Publication publish(String... operations) {
            List<String> ops = new ArrayList<>();
            for (String o : operations) {
                String op = o.strip().toLowerCase(Locale.ROOT);
                if (!ExternalObjects.Publication.ALL_OPERATIONS.contains(op)) {
                    throw new IllegalArgumentException("publish(" + o + "): one of insert, update, delete, truncate");
                }
                ops.add(op);
            }
            return new Publication(everyTable, tables, schemas, List.copyOf(ops), viaRoot);
        }

        /** WITH (publish_via_partition_root = true). */
        public Publication viaPartitionRoot() {
            return new Publication(everyTable, tables, schemas, publish, true);
        }
    }

    /** WHEN TAG IN (...) and the enabled state (ALTER EVENT TRIGGER ... ENABLE / DISABLE / ENABLE REPLICA | ALWAYS). */
    public record EventTrigger(List<String> tags, ExternalObjects.Enabled enabled) {
        static final EventTrigger NONE = new EventTrigger(List.of(), ExternalObjects.Enabled.ORIGIN);

        /** WHEN TAG IN (tags), as PostgreSQL's command tags ({@code CREATE TABLE}); case is PostgreSQL's (upper). */
        public EventTrigger tags(String... commandTags) {
            return new EventTrigger(java.util.Arrays.stream(commandTags).map(t -> t.toUpperCase(Locale.ROOT)).toList(), enabled);
        }

        public EventTrigger disabled() {
            return new EventTrigger(tags, ExternalObjects.Enabled.DISABLED);
        }

        public EventTrigger enabledReplica() {
            return new EventTrigger(tags, ExternalObjects.Enabled.REPLICA);
        }

        public EventTrigger enabledAlways() {
            return new EventTrigger(tags, ExternalObjects.Enabled.ALWAYS);
        }
    }
}
