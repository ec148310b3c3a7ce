package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignColumn;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.ExternalObjects.UserMapping;
import schemasync.dsl.ExternalOptions;
import schemasync.dsl.SchemaChanges;

/**
 * The generated calls for foreign servers, user mappings, foreign tables, publications and event triggers, each
 * written as Java and run against {@link SchemaChanges} from the same fields. Names of tables and functions are
 * already in the block's spelling (bare in public).
 */
final class ExternalCalls {
    private ExternalCalls() {
    }

    private static String options(List<String> options) {
        StringBuilder s = new StringBuilder();
        for (String o : options) {
            int eq = o.indexOf('=');
            s.append(".option(").append(JavaCode.literal(o.substring(0, eq))).append(", ")
                    .append(JavaCode.literal(o.substring(eq + 1))).append(")");
        }
        return s.toString();
    }

    /** {@code db.ensureForeignServer("films", "postgres_fdw", s -> s.option("host", "db2"));} */
    record ServerCall(ForeignServer server) implements Call {
        public void render(JavaCode code) {
            String body = (server.type() == null ? "" : ".type(" + JavaCode.literal(server.type()) + ")")
                    + (server.version() == null ? "" : ".version(" + JavaCode.literal(server.version()) + ")") + options(server.options());
            code.line(0, "db.ensureForeignServer(" + JavaCode.literal(server.name()) + ", " + JavaCode.literal(server.wrapper())
                    + (body.isEmpty() ? "" : ", s -> s" + body) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureForeignServer(server.name(), server.wrapper(), s -> {
                ExternalOptions.Server o = server.type() == null ? s : s.type(server.type());
                o = server.version() == null ? o : o.version(server.version());
                for (String option : server.options()) o = o.option(key(option), value(option));
                return o;
            });
        }
    }

    /**
     * {@code db.ensureUserMapping("films", "app", m -> m.option("user", "reader").passwordFromEnv("FILMS_APP_PASSWORD"));}:
     * the source's password is never read; when it has one, the block names an environment variable to set.
     */
    record UserMappingCall(UserMapping mapping, String passwordVariable) implements Call {
        public void render(JavaCode code) {
            String body = options(mapping.options())
                    + (passwordVariable == null ? "" : ".passwordFromEnv(" + JavaCode.literal(passwordVariable) + ")");
            code.line(0, "db.ensureUserMapping(" + JavaCode.literal(mapping.server()) + ", " + JavaCode.literal(mapping.role())
                    + ", m -> m" + body + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureUserMapping(mapping.server(), mapping.role(), m -> {
                for (String option : mapping.options()) m = m.option(key(option), value(option));
                return passwordVariable == null ? m : m.passwordFromEnv(passwordVariable);
            });
        }
    }

    /** The environment variable a generated block reads a mapping's password from: {@code FDW_PASSWORD_FILMS_APP}. */
    static String passwordVariable(UserMapping m) {
        return ("FDW_PASSWORD_" + m.server() + "_" + m.role()).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /** {@code db.ensureForeignTable("films", "films_server", t -> t.column("code", "text", c -> c.notNull()).option(...));} */
    record ForeignTableCall(String name, ForeignTable table) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureForeignTable(" + JavaCode.literal(name) + ", " + JavaCode.literal(table.server()) + ", t -> t");
            for (ForeignColumn c : table.columns()) {
                String column = (c.notNull() ? ".notNull()" : "") + (c.defaultValue() == null ? "" : ".dflt("
                        + JavaCode.literal(c.defaultValue()) + ")") + options(c.options());
                code.line(1, ".column(" + JavaCode.literal(c.name()) + ", " + JavaCode.literal(c.type())
                        + (column.isEmpty() ? "" : ", c -> c" + column) + ")");
            }
            code.line(1, options(table.options()) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureForeignTable(name, table.server(), t -> {
                for (ForeignColumn c : table.columns()) {
                    t = t.column(c.name(), c.type(), k -> {
                        ExternalOptions.Column o = c.notNull() ? k.notNull() : k;
                        o = c.defaultValue() == null ? o : o.dflt(c.defaultValue());
                        for (String option : c.options()) o = o.option(key(option), value(option));
                        return o;
                    });
                }
                for (String option : table.options()) t = t.option(key(option), value(option));
                return t;
            });
        }
    }

    /** {@code db.ensurePublication("orders", p -> p.table("orders").tablesInSchema("sales").publish("insert"));} */
    record PublicationCall(Publication publication, List<String> tableNames) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensurePublication(" + JavaCode.literal(publication.name()) + ", p -> p" + (publication.allTables() ? ".allTables()" : ""));
            for (int i = 0; i < publication.tables().size(); i++) {
                PublishedTable t = publication.tables().get(i);
                String shape = (t.columns().isEmpty() ? "" : ".columns(" + JavaCode.strings(t.columns()) + ")")
                        + (t.rowFilter() == null ? "" : ".where(" + JavaCode.literal(t.rowFilter()) + ")");
                code.line(1, ".table(" + JavaCode.literal(tableNames.get(i)) + (shape.isEmpty() ? "" : ", t -> t" + shape) + ")");
            }
            for (String s : publication.schemas()) code.line(1, ".tablesInSchema(" + JavaCode.literal(s) + ")");
            code.line(1, (publication.publish().equals(Publication.ALL_OPERATIONS) ? ""
                    : ".publish(" + JavaCode.strings(publication.publish()) + ")") + (publication.viaRoot() ? ".viaPartitionRoot()" : "") + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensurePublication(publication.name(), p -> {
                ExternalOptions.Publication o = publication.allTables() ? p.allTables() : p;
                for (int i = 0; i < publication.tables().size(); i++) {
                    PublishedTable t = publication.tables().get(i);
                    UnaryOperator<ExternalOptions.PublishedColumns> shape = k -> {
                        ExternalOptions.PublishedColumns c = t.columns().isEmpty() ? k : k.columns(t.columns().toArray(String[]::new));
                        return t.rowFilter() == null ? c : c.where(t.rowFilter());
                    };
                    o = o.table(tableNames.get(i), shape);
                }
                for (String s : publication.schemas()) o = o.tablesInSchema(s);
                o = o.publish(publication.publish().toArray(String[]::new));
                return publication.viaRoot() ? o.viaPartitionRoot() : o;
            });
        }
    }

    /** {@code db.ensureEventTrigger("audit_ddl", "ddl_command_end", "audit.log_ddl", e -> e.tags("CREATE TABLE"));} */
    record EventTriggerCall(EventTrigger trigger, String function) implements Call {
        public void render(JavaCode code) {
            String body = (trigger.tags().isEmpty() ? "" : ".tags(" + JavaCode.strings(trigger.tags()) + ")") + switch (trigger.enabled()) {
                case ORIGIN -> "";
                case DISABLED -> ".disabled()";
                case REPLICA -> ".enabledReplica()";
                case ALWAYS -> ".enabledAlways()";
            };
            code.line(0, "db.ensureEventTrigger(" + JavaCode.literal(trigger.name()) + ", " + JavaCode.literal(trigger.event()) + ", "
                    + JavaCode.literal(function) + (body.isEmpty() ? "" : ", e -> e" + body) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureEventTrigger(trigger.name(), trigger.event(), function, e -> {
                ExternalOptions.EventTrigger o = trigger.tags().isEmpty() ? e : e.tags(trigger.tags().toArray(String[]::new));
                return switch (trigger.enabled()) {
                    case ORIGIN -> o;
                    case DISABLED -> o.disabled();
                    case REPLICA -> o.enabledReplica();
                    case ALWAYS -> o.enabledAlways();
                };
            });
        }
    }

    private static String key(String option) {
        return option.substring(0, option.indexOf('='));
    }

    private static String value(String option) {
        return option.substring(option.indexOf('=') + 1);
    }

    /** Every call for the external objects of {@code e}, by block: servers and mappings, foreign tables, ... */
    static List<Call> serversAndMappings(ExternalObjects e, Generator g) {
        List<Call> calls = new ArrayList<>();
        e.servers().values().forEach(s -> calls.add(new ServerCall(s)));
        for (UserMapping m : e.userMappings().values()) {
            String variable = m.hasPassword() ? passwordVariable(m) : null;
            if (variable != null) {
                g.notCarried("user mapping " + m.key() + ": its password is not copied; the block reads it from environment"
                        + " variable " + variable + " when it creates the mapping (set it before the apply)");
            }
            calls.add(new UserMappingCall(m, variable));
        }
        return calls;
    }
}
