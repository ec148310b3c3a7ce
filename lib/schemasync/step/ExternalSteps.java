package schemasync.step;

import java.util.List;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.Enabled;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.QualifiedName;
import schemasync.step.Step.Facts;
import schemasync.step.Step.Lock;

/**
 * The steps on foreign servers, user mappings, foreign tables, publications and event triggers. None of them
 * locks an existing table's rows: a foreign table stores nothing, a publication lists tables (ADD/DROP TABLE
 * takes SHARE UPDATE EXCLUSIVE on the table, which reads and writes pass), an event trigger is database-wide.
 */
public interface ExternalSteps {

    /** {@code CREATE SERVER name [TYPE] [VERSION] FOREIGN DATA WRAPPER wrapper [OPTIONS (...)]}. */
    record CreateServer(ExternalObjects.ForeignServer server) implements Step {
        public String object() {
            return server.name();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createServer(this);
        }
    }

    /**
     * {@code CREATE USER MAPPING FOR role SERVER server [OPTIONS (...)]}; {@code passwordVariable} (or null) names the
     * environment variable whose value becomes the {@code password} option when the statement runs. The rendered
     * text shows only the variable's name (plans, logs, JSON); the executor reads the value at the last moment.
     */
    record CreateUserMapping(ExternalObjects.UserMapping mapping, String passwordVariable) implements Step {
        public String object() {
            return mapping.key();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createUserMapping(this);
        }
    }

    /** {@code CREATE FOREIGN TABLE name (columns) SERVER server [OPTIONS (...)]}. */
    record CreateForeignTable(ExternalObjects.ForeignTable table) implements Step {
        public String object() {
            return table.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createForeignTable(this);
        }
    }

    /** Which object {@link AlterOptions} changes. */
    enum OptionsOf { SERVER, USER_MAPPING, FOREIGN_TABLE }

    /**
     * {@code ALTER SERVER s | USER MAPPING FOR role SERVER s | FOREIGN TABLE t OPTIONS (ADD name 'value', SET name
     * 'value', DROP name)}: {@code add} and {@code set} as {@code name=value}, {@code drop} as names. Only the
     * catalog row changes (ALTER FOREIGN TABLE takes ACCESS EXCLUSIVE on a table that holds no rows).
     */
    record AlterOptions(OptionsOf of, String server, String role, QualifiedName table, List<String> add, List<String> set,
                        List<String> drop) implements Step {
        public AlterOptions {
            add = List.copyOf(add);
            set = List.copyOf(set);
            drop = List.copyOf(drop);
        }

        public String object() {
            return switch (of) {
                case SERVER -> server;
                case USER_MAPPING -> ExternalObjects.UserMapping.key(server, role);
                case FOREIGN_TABLE -> table.toString();
            };
        }

        public Facts facts() {
            return Facts.alters(of == OptionsOf.FOREIGN_TABLE ? Lock.accessExclusive(table) : Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.alterOptions(this);
        }
    }

    /** {@code CREATE PUBLICATION name FOR ALL TABLES | FOR TABLE ..., TABLES IN SCHEMA ... WITH (publish = ...)}. */
    record CreatePublication(ExternalObjects.Publication publication) implements Step {
        public String object() {
            return publication.name();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createPublication(this);
        }
    }

    /**
     * {@code ALTER PUBLICATION name ADD | DROP TABLE t, ..., TABLES IN SCHEMA s, ...} ({@code add} false: DROP, where
     * column lists and row filters are not written).
     */
    record AlterPublicationTables(String publication, boolean add, List<PublishedTable> tables, List<String> schemas)
            implements Step {
        public AlterPublicationTables {
            tables = List.copyOf(tables);
            schemas = List.copyOf(schemas);
        }

        public String object() {
            return publication;
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.alterPublicationTables(this);
        }
    }

    /** {@code ALTER PUBLICATION name SET (publish = '...', publish_via_partition_root = ...)}. */
    record SetPublicationOptions(String publication, List<String> publish, boolean viaRoot) implements Step {
        public SetPublicationOptions {
            publish = List.copyOf(publish);
        }

        public String object() {
            return publication;
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setPublicationOptions(this);
        }
    }

    /** {@code CREATE EVENT TRIGGER name ON event [WHEN TAG IN (...)] EXECUTE FUNCTION f()} (created enabled). */
    record CreateEventTrigger(ExternalObjects.EventTrigger trigger) implements Step {
        public String object() {
            return trigger.name();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createEventTrigger(this);
        }
    }

    /** {@code ALTER EVENT TRIGGER name ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS}. */
    record SetEventTriggerEnabled(String name, Enabled enabled) implements Step {
        public String object() {
            return name;
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setEventTriggerEnabled(this);
        }
    }

    /** What {@link DropExternal} drops: the kinds that are re-created rather than altered. */
    enum Droppable { FOREIGN_TABLE, PUBLICATION, EVENT_TRIGGER }

    /**
     * {@code DROP FOREIGN TABLE t | DROP PUBLICATION p | DROP EVENT TRIGGER e}, without CASCADE (a view on the foreign
     * table stops it with PostgreSQL's own error): the first half of a re-creation. None of them holds data.
     */
    record DropExternal(Droppable kind, String name, QualifiedName table) implements Step {
        public String object() {
            return kind == Droppable.FOREIGN_TABLE ? table.toString() : name;
        }

        public Facts facts() {
            return Facts.alters(kind == Droppable.FOREIGN_TABLE ? Lock.accessExclusive(table) : Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropExternal(this);
        }
    }
}
