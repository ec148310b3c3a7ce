package schemasync.dsl;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.QualifiedName;

/**
 * The part of {@link SchemaChanges}'s vocabulary for what lives beside the tables: foreign servers, user
 * mappings and foreign tables (the wrapper comes from an extension: {@code ensureExtension("postgres_fdw")}),
 * publications and event triggers. Each is created when missing and compared when present; what can be
 * changed in place is (options with ALTER ... OPTIONS, a publication's tables and options, an event trigger's
 * enabled state), the rest is re-created where nothing is lost (a foreign table holds no rows; a publication and
 * an event trigger hold no data) or reported.
 */
public abstract class ExternalDeclarations extends PrivilegeDeclarations {

    ExternalDeclarations() {
    }

    /** {@code CREATE SERVER name FOREIGN DATA WRAPPER wrapper}, without options. */
    public SchemaChanges ensureForeignServer(String name, String wrapper) {
        return ensureForeignServer(name, wrapper, s -> s);
    }

    /** {@code ensureForeignServer("films", "postgres_fdw", s -> s.option("host", "db2").option("dbname", "films"))}. */
    public SchemaChanges ensureForeignServer(String name, String wrapper, UnaryOperator<ExternalOptions.Server> options) {
        ExternalOptions.Server s = options.apply(ExternalOptions.Server.NONE);
        add(new ExternalDecl.ForeignServerDecl(new ExternalObjects.ForeignServer(name, wrapper, s.type(), s.version(), s.options()),
                currentOrigin()));
        return self();
    }

    /**
     * {@code CREATE USER MAPPING FOR role SERVER server OPTIONS (...)}; {@code "public"} means PUBLIC. A password is
     * read from the environment when the mapping is created ({@code m -> m.passwordFromEnv("FILMS_PASSWORD")}),
     * never written in a block, printed or compared (only whether one is set).
     */
    public SchemaChanges ensureUserMapping(String server, String role, UnaryOperator<ExternalOptions.UserMapping> options) {
        ExternalOptions.UserMapping m = options.apply(ExternalOptions.UserMapping.NONE);
        String r = role.equalsIgnoreCase("public") ? "PUBLIC" : role;
        add(new ExternalDecl.UserMappingDecl(new ExternalObjects.UserMapping(server, r, m.options(), m.passwordVariable() != null),
                m.passwordVariable(), currentOrigin()));
        return self();
    }

    /** {@code CREATE FOREIGN TABLE name (columns) SERVER server OPTIONS (...)}: {@code t -> t.column("code", "text")}. */
    public SchemaChanges ensureForeignTable(String name, String server, UnaryOperator<ExternalOptions.ForeignTable> shape) {
        ExternalOptions.ForeignTable t = shape.apply(ExternalOptions.ForeignTable.NONE);
        add(new ExternalDecl.ForeignTableDecl(new ExternalObjects.ForeignTable(scope().qualified(name), server, t.columns(),
                t.options()), currentOrigin()));
        return self();
    }

    /**
     * {@code CREATE PUBLICATION name FOR TABLE ...}: {@code p -> p.table("orders").table("lines", t -> t.columns("id",
     * "qty").where("qty > 0")).tablesInSchema("sales").publish("insert", "update")}, or {@code p -> p.allTables()}
     * (only a superuser may create that one). Publishes insert, update, delete and truncate unless told otherwise.
     */
    public SchemaChanges ensurePublication(String name, UnaryOperator<ExternalOptions.Publication> body) {
        ExternalOptions.Publication p = body.apply(ExternalOptions.Publication.NONE);
        if (p.everyTable() && (!p.tables().isEmpty() || !p.schemas().isEmpty())) {
            throw new IllegalArgumentException("publication " + name + ": allTables() publishes every table; it takes no"
                    + " table() or tablesInSchema()");
        }
        // Tables and schemas in the placeholder schema are the tenant's (TenantScope).
        List<ExternalObjects.PublishedTable> tables = p.tables().stream()
                .map(t -> new ExternalObjects.PublishedTable(scope().resolve(t.table()), t.columns(), t.rowFilter())).toList();
        List<String> schemas = p.schemas().stream().map(scope()::schemaName).toList();
        add(new ExternalDecl.PublicationDecl(new ExternalObjects.Publication(name, p.everyTable(), tables, schemas,
                p.publish(), p.viaRoot()), currentOrigin()));
        return self();
    }

    /** {@code CREATE EVENT TRIGGER name ON event EXECUTE FUNCTION function()}, for every command tag, enabled. */
    public SchemaChanges ensureEventTrigger(String name, String event, String function) {
        return ensureEventTrigger(name, event, function, e -> e);
    }

    /**
     * {@code ensureEventTrigger("audit_ddl", "ddl_command_end", "audit.log_ddl", e -> e.tags("CREATE TABLE"))}:
     * {@code function} is the trigger function (returns event_trigger, no arguments). Only a superuser may create
     * an event trigger: the apply stops with PostgreSQL's "permission denied" otherwise.
     */
    public SchemaChanges ensureEventTrigger(String name, String event, String function,
                                            UnaryOperator<ExternalOptions.EventTrigger> options) {
        ExternalOptions.EventTrigger e = options.apply(ExternalOptions.EventTrigger.NONE);
        String f = function.endsWith("()") ? function.substring(0, function.length() - 2) : function;
        add(new ExternalDecl.EventTriggerDecl(new ExternalObjects.EventTrigger(name, event.toLowerCase(Locale.ROOT), e.tags(),
                scope().qualified(f), e.enabled()), currentOrigin()));
        return self();
    }

    /**
     * The schema per-tenant objects go in, for SQL text that names one ({@code "SELECT * FROM " + db.tenantSchema()
     * + ".accounts"}): the tenant's own schema when the fleet folds the blocks for a tenant, else the placeholder
     * ({@code tenant}). Names given to the DSL itself ({@code "tenant.accounts"}) need nothing: the fold resolves them
     * ({@link TenantScope}).
     */
    public String tenantSchema() {
        return scope().schema();
    }
}
