package schemasync.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import schemasync.SchemaSyncException;
import schemasync.db.DatabaseUrl.Parts;

/**
 * libpq's conventions for what a connection string leaves out, as psql applies them: first the
 * service file's section ({@code service=} in the URL, else {@code PGSERVICE}), then the environment
 * ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD},
 * {@code PGSSLMODE}, ...), then for the password alone the password file ({@code PGPASSFILE}, else
 * {@code ~/.pgpass}). Whatever the URL says always wins. pgjdbc reads the password file and service
 * files itself but none of the PG* variables; doing it all here gives one order, libpq's.
 */
public final class Libpq {
    /** Environment variable → libpq parameter, for the parameters that travel as URL parameters. */
    private static final Map<String, String> ENV_PARAMS = orderedMap(
            "PGSSLMODE", "sslmode", "PGSSLROOTCERT", "sslrootcert", "PGSSLCERT", "sslcert", "PGSSLKEY", "sslkey",
            "PGAPPNAME", "application_name", "PGCONNECT_TIMEOUT", "connect_timeout",
            "PGTARGETSESSIONATTRS", "target_session_attrs", "PGOPTIONS", "options");

    private Libpq() {
    }

    /** The parts with what the service file and the environment say for everything the URL left out. */
    public static Parts fill(Parts parts, Map<String, String> env, Consumer<String> warnings) {
        String service = parts.params().containsKey("service") ? parts.params().get("service") : nonBlank(env.get("PGSERVICE"));
        Parts filled = parts.withParam("service", null);
        if (service != null) filled = apply(filled, service(service, env));
        Map<String, String> fromEnv = new LinkedHashMap<>();
        put(fromEnv, "host", env.get("PGHOST"));
        put(fromEnv, "port", env.get("PGPORT"));
        put(fromEnv, "dbname", env.get("PGDATABASE"));
        put(fromEnv, "user", env.get("PGUSER"));
        put(fromEnv, "password", env.get("PGPASSWORD"));
        ENV_PARAMS.forEach((variable, key) -> put(fromEnv, key, env.get(variable)));
        filled = apply(filled, fromEnv);
        if (filled.password() == null) {
            String password = PasswordFile.lookup(filled, env, warnings);
            if (password != null) filled = filled.withPassword(password);
        }
        return filled;
    }

    /** Sets each value the parts do not have yet. */
    private static Parts apply(Parts parts, Map<String, String> values) {
        Parts p = parts;
        for (var e : values.entrySet()) {
            String value = e.getValue();
            switch (e.getKey()) {
                case "host" -> {
                    if (p.hosts().isEmpty()) p = p.withHosts(hosts(value));
                }
                case "port" -> {
                    if (!p.hosts().isEmpty() && !p.hasPort()) p = p.withHosts(withPort(p.hosts(), value));
                    else if (p.hosts().isEmpty()) p = p.withHosts("localhost:" + value);
                }
                case "dbname" -> {
                    if (p.database() == null || p.database().isEmpty()) p = p.withDatabase(value);
                }
                case "user" -> {
                    if (p.user() == null) p = p.withUser(value);
                }
                case "password" -> {
                    if (p.password() == null) p = p.withPassword(value);
                }
                default -> {
                    if (!p.params().containsKey(e.getKey())) p = p.withParam(e.getKey(), value);
                }
            }
        }
        return p;
    }

    /** libpq's host may be a Unix-socket directory; pgjdbc speaks TCP only. */
    private static String hosts(String value) {
        for (String host : value.split(",")) {
            if (host.startsWith("/") || host.startsWith("@")) {
                throw SchemaSyncException.badInput("the host " + host + " (PGHOST or a service file) is a Unix-socket"
                        + " directory; Schema Sync connects over TCP: use a host name, e.g. localhost");
            }
        }
        return value;
    }

    /** libpq: one port applies to every host, or one port per host. */
    private static String withPort(String hosts, String ports) {
        String[] h = hosts.split(",");
        String[] p = ports.split(",");
        if (p.length != 1 && p.length != h.length) {
            throw SchemaSyncException.badInput("PGPORT lists " + p.length + " ports for " + h.length + " hosts");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < h.length; i++) {
            if (i > 0) s.append(',');
            s.append(h[i]).append(':').append(p.length == 1 ? p[0] : p[i]);
        }
        return s.toString();
    }

    /**
     * A service's section: {@code PGSERVICEFILE} (else {@code ~/.pg_service.conf}) first, then
     * {@code PGSYSCONFDIR/pg_service.conf}, as libpq searches them. An unknown service is an error, as in libpq.
     */
    static Map<String, String> service(String name, Map<String, String> env) {
        String userFile = nonBlank(env.get("PGSERVICEFILE"));
        List<Path> files = new java.util.ArrayList<>();
        files.add(userFile != null ? Path.of(userFile) : home(env).resolve(".pg_service.conf"));
        String sysconf = nonBlank(env.get("PGSYSCONFDIR"));
        if (sysconf != null) files.add(Path.of(sysconf, "pg_service.conf"));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) continue;
            Map<String, String> section = section(file, name);
            if (section != null) return section;
        }
        throw SchemaSyncException.badInput("service \"" + name + "\" (PGSERVICE or service=) is not defined in "
                + String.join(" or ", files.stream().map(Path::toString).toList()));
    }

    private static Map<String, String> section(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SchemaSyncException.badInput("cannot read the service file " + file + ": " + e.getClass().getSimpleName());
        }
        Map<String, String> values = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                if (values != null) return values; // the section ended
                if (line.substring(1, line.length() - 1).strip().equals(name)) values = new LinkedHashMap<>();
            } else if (values != null) {
                int eq = line.indexOf('=');
                if (eq < 0) throw SchemaSyncException.badInput("syntax error in service file " + file + ": a line without '='");
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    static Path home(Map<String, String> env) {
        String home = nonBlank(env.get("HOME"));
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }

    public static boolean nonBlankEnv(Map<String, String> env, String name) {
        return nonBlank(env.get(name)) != null;
    }

    static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (nonBlank(value) != null) map.put(key, value);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    /** libpq's password file: {@code hostname:port:database:username:password}, '*' matches anything. */
    static final class PasswordFile {
        private PasswordFile() {
        }

        /** The password for the first host (libpq tries each host in turn; we name only the first). */
        static String lookup(Parts parts, Map<String, String> env, Consumer<String> warnings) {
            String configured = nonBlank(env.get("PGPASSFILE"));
            Path file = configured != null ? Path.of(configured) : home(env).resolve(".pgpass");
            if (!Files.isRegularFile(file)) return null;
            warnIfShared(file, warnings);
            String first = parts.hosts().isEmpty() ? "localhost" : parts.hosts().split(",")[0];
            String host = first;
            String port = "5432";
            int bracket = first.lastIndexOf(']');
            int colon = first.indexOf(':', bracket + 1);
            if (colon >= 0) {
                host = first.substring(0, colon);
                port = first.substring(colon + 1);
            }
            if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
            String user = parts.user() != null ? parts.user() : System.getProperty("user.name");
            String database = parts.database() != null && !parts.database().isEmpty() ? parts.database() : user;
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                warnings.accept("cannot read the password file " + file + " (" + e.getClass().getSimpleName() + "); not used");
                return null;
            }
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) continue;
                List<String> fields = fields(line);
                if (fields.size() < 5) continue;
                if (matches(fields.get(0), host) && matches(fields.get(1), port) && matches(fields.get(2), database)
                        && matches(fields.get(3), user)) {
                    return fields.get(4);
                }
            }
            return null;
        }

        private static boolean matches(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }

        /** Split at unescaped ':'; '\:' and '\\' are a literal ':' and '\'. The password is the rest of the line. */
        static List<String> fields(String line) {
            List<String> fields = new java.util.ArrayList<>();
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    field.append(line.charAt(++i));
                } else if (c == ':' && fields.size() < 4) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }

        /**
         * libpq ignores a password file others may read; pgjdbc reads it anyway (and would use it
         * whatever we did), so we use it too, and say so.
         */
        private static void warnIfShared(Path file, Consumer<String> warnings) {
            try {
                var permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                    warnings.accept("the password file " + file + " is readable or writable by group or others; psql"
                            + " ignores such a file: chmod 0600 " + file);
                }
            } catch (UnsupportedOperationException | IOException e) {
                // Windows: no POSIX permissions to check, as in libpq
            }
        }
    }
}
