package schemasync.render;

import static schemasync.catalog.SqlText.literal;

import java.util.ArrayList;
import java.util.List;
import schemasync.SchemaSyncException;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.QualifiedName;
import schemasync.step.ExternalSteps;

/**
 * The SQL of {@link ExternalSteps}. Identifiers are always quoted (as {@code DSL.name} renders them), option values
 * and command tags are string literals. A user mapping's password is never in the rendered text: plans, logs and
 * JSON show {@code password '$VARIABLE'}; only {@link #executable} puts the value in, for the executor.
 */
final class ExternalSql {
    private ExternalSql() {
    }

    /** Always quoted, as every identifier the renderer writes: jOOQ's {@code DSL.name}. */
    static String ident(String name) {
        return SqlRenderer.CTX.render(org.jooq.impl.DSL.name(name));
    }

    static String name(QualifiedName n) {
        return ident(n.schema()) + "." + ident(n.name());
    }


    /** {@code name=value} texts as {@code OPTIONS ("name" 'value', ...)}; empty when there are none. */
    private static String options(List<String> options) {
        if (options.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        for (String o : options) parts.add(option(o));
        return " OPTIONS (" + String.join(", ", parts) + ")";
    }

    private static String option(String nameEqualsValue) {
        int eq = nameEqualsValue.indexOf('=');
        return ident(nameEqualsValue.substring(0, eq)) + " " + literal(nameEqualsValue.substring(eq + 1));
    }

    static String createServer(ExternalSteps.CreateServer s) {
        ExternalObjects.ForeignServer v = s.server();
        return "CREATE SERVER " + ident(v.name()) + (v.type() == null ? "" : " TYPE " + literal(v.type()))
                + (v.version() == null ? "" : " VERSION " + literal(v.version())) + " FOREIGN DATA WRAPPER " + ident(v.wrapper())
                + options(v.options());
    }

    private static String role(String role) {
        return role.equals("PUBLIC") ? "PUBLIC" : ident(role);
    }

    static String createUserMapping(ExternalSteps.CreateUserMapping s) {
        return createUserMapping(s, s.passwordVariable() == null ? null : "$" + s.passwordVariable());
    }

    private static String createUserMapping(ExternalSteps.CreateUserMapping s, String password) {
        List<String> options = new ArrayList<>(s.mapping().options());
        if (password != null) options.add("password=" + password);
        return "CREATE USER MAPPING FOR " + role(s.mapping().role()) + " SERVER " + ident(s.mapping().server()) + options(options);
    }

    /**
     * The statement the executor sends: as rendered, except that a user mapping's password is read from its
     * environment variable now. An unset variable is the user's error, said before anything runs on the server.
     */
    static String executable(schemasync.step.Step step, String rendered) {
        if (!(step instanceof ExternalSteps.CreateUserMapping m) || m.passwordVariable() == null) return rendered;
        String password = System.getenv(m.passwordVariable());
        if (password == null) {
            throw SchemaSyncException.badInput("user mapping " + m.mapping().key() + ": environment variable "
                    + m.passwordVariable() + " (its password, passwordFromEnv) is not set; nothing of this apply was kept");
        }
        return createUserMapping(m, password);
    }

    static String createForeignTable(ExternalSteps.CreateForeignTable s) {
        ExternalObjects.ForeignTable t = s.table();
        List<String> columns = new ArrayList<>();
        for (ExternalObjects.ForeignColumn c : t.columns()) {
            columns.add(ident(c.name()) + " " + c.type() + options(c.options()) + (c.notNull() ? " NOT NULL" : "")
                    + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue()));
        }
        return "CREATE FOREIGN TABLE " + name(t.name()) + " (" + String.join(", ", columns) + ") SERVER " + ident(t.server())
                + options(t.options());
    }

    static String alterOptions(ExternalSteps.AlterOptions s) {
        String target = switch (s.of()) {
            case SERVER -> "SERVER " + ident(s.server());
            case USER_MAPPING -> "USER MAPPING FOR " + role(s.role()) + " SERVER " + ident(s.server());
            case FOREIGN_TABLE -> "FOREIGN TABLE " + name(s.table());
        };
        List<String> changes = new ArrayList<>();
        s.add().forEach(o -> changes.add("ADD " + option(o)));
        s.set().forEach(o -> changes.add("SET " + option(o)));
        s.drop().forEach(o -> changes.add("DROP " + ident(o)));
        return "ALTER " + target + " OPTIONS (" + String.join(", ", changes) + ")";
    }

    private static String publishedTable(PublishedTable t, boolean withShape) {
        StringBuilder s = new StringBuilder(name(t.table()));
        if (withShape && !t.columns().isEmpty()) s.append(" (").append(String.join(", ", t.columns().stream().map(ExternalSql::ident).toList())).append(")");
        if (withShape && t.rowFilter() != null) s.append(" WHERE (").append(t.rowFilter()).append(")");
        return s.toString();
    }

    /** {@code TABLE a, b, TABLES IN SCHEMA s}: each kind once, as CREATE and ALTER PUBLICATION accept it. */
    private static String objects(List<PublishedTable> tables, List<String> schemas, boolean withShape) {
        List<String> parts = new ArrayList<>();
        if (!tables.isEmpty()) parts.add("TABLE " + String.join(", ", tables.stream().map(t -> publishedTable(t, withShape)).toList()));
        if (!schemas.isEmpty()) parts.add("TABLES IN SCHEMA " + String.join(", ", schemas.stream().map(ExternalSql::ident).toList()));
        return String.join(", ", parts);
    }

    private static String with(List<String> publish, boolean viaRoot) {
        return "publish = " + literal(String.join(", ", publish)) + ", publish_via_partition_root = " + viaRoot;
    }

    static String createPublication(ExternalSteps.CreatePublication s) {
        ExternalObjects.Publication p = s.publication();
        String what = p.allTables() ? " FOR ALL TABLES"
                : p.tables().isEmpty() && p.schemas().isEmpty() ? "" : " FOR " + objects(p.tables(), p.schemas(), true);
        boolean defaults = p.publish().equals(ExternalObjects.Publication.ALL_OPERATIONS) && !p.viaRoot();
        return "CREATE PUBLICATION " + ident(p.name()) + what + (defaults ? "" : " WITH (" + with(p.publish(), p.viaRoot()) + ")");
    }

    static String alterPublicationTables(ExternalSteps.AlterPublicationTables s) {
        return "ALTER PUBLICATION " + ident(s.publication()) + (s.add() ? " ADD " : " DROP ") + objects(s.tables(), s.schemas(), s.add());
    }

    static String setPublicationOptions(ExternalSteps.SetPublicationOptions s) {
        return "ALTER PUBLICATION " + ident(s.publication()) + " SET (" + with(s.publish(), s.viaRoot()) + ")";
    }

    static String createEventTrigger(ExternalSteps.CreateEventTrigger s) {
        ExternalObjects.EventTrigger t = s.trigger();
        String tags = t.tags().isEmpty() ? "" : " WHEN TAG IN (" + String.join(", ", t.tags().stream().map(schemasync.catalog.SqlText::literal).toList()) + ")";
        return "CREATE EVENT TRIGGER " + ident(t.name()) + " ON " + ident(t.event()) + tags + " EXECUTE FUNCTION " + name(t.function()) + "()";
    }

    static String setEventTriggerEnabled(ExternalSteps.SetEventTriggerEnabled s) {
        return "ALTER EVENT TRIGGER " + ident(s.name()) + " " + s.enabled().sql;
    }

    static String dropExternal(ExternalSteps.DropExternal s) {
        return switch (s.kind()) {
            case FOREIGN_TABLE -> "DROP FOREIGN TABLE " + name(s.table());
            case PUBLICATION -> "DROP PUBLICATION " + ident(s.name());
            case EVENT_TRIGGER -> "DROP EVENT TRIGGER " + ident(s.name());
        };
    }
}
