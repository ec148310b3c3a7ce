package schemasync.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import schemasync.SchemaSyncException;

/**
 * A target database: a JDBC URL without credentials, the credentials as connection properties, and
 * a display form that never contains a password.
 *
 * Accepts the platform form {@code postgres://user:pass@host:port/db?sslmode=require} (Heroku,
 * Railway, Render) and JDBC URLs. pgjdbc rejects {@code postgres://}, and merely prefixing
 * {@code jdbc:} would make it parse {@code user:pass@host} as the host and leak the password into
 * its error messages, so the URI is taken apart here: userinfo split at the last '@' and the first
 * ':', RFC 3986 percent-decoding (not URLDecoder, which turns '+' into a space), hosts kept verbatim
 * (IPv6 brackets, comma lists, missing port), libpq parameters mapped to pgjdbc's names.
 */
public record DatabaseUrl(String jdbcUrl, Properties properties, String display) {

    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "sslpassword", "sslpassword");

    public DatabaseUrl {
        Properties copy = new Properties();
        copy.putAll(properties);
        properties = copy;
    }

    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public String toString() {
        return display;
    }

    /**
     * host[:port] entries, comma-separated, IPv6 in brackets. Checked here because pgjdbc reports a bad
     * port only as "Unable to parse URL" after logging a warning on stderr, and an unclosed bracket as a
     * failed connection attempt.
     */
    private static void checkHosts(String hosts) {
        for (String entry : hosts.split(",", -1)) {
            String port = null;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) throw SchemaSyncException.badInput("the database URL has an unclosed '[' in its host: " + entry);
                if (close + 1 < entry.length()) {
                    if (entry.charAt(close + 1) != ':') throw SchemaSyncException.badInput("the database URL has a malformed host: " + entry);
                    port = entry.substring(close + 2);
                }
            } else if (entry.isEmpty()) {
                throw SchemaSyncException.badInput("the database URL has an empty host in its host list");
            } else if (entry.indexOf(':') >= 0) {
                port = entry.substring(entry.indexOf(':') + 1);
            }
            if (port != null && !port.isEmpty() && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
                throw SchemaSyncException.badInput("the database URL's port must be a number from 1 to 65535, not \"" + port + "\"");
            }
        }
    }

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) throw SchemaSyncException.badInput("the database URL is empty");
        String trimmed = url.strip();
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) return fromUri(trimmed);
        if (trimmed.startsWith("jdbc:postgresql:")) return fromJdbc(trimmed);
        throw SchemaSyncException.badInput("unsupported database URL scheme (expected postgres://, postgresql:// or"
                + " jdbc:postgresql://): " + redactedPrefix(trimmed));
    }

    /**
     * A platform URI taken apart, decoded: what libpq fills in from the environment, a service file or
     * ~/.pgpass when the URI leaves it out (see {@link Libpq}). {@code hosts} is verbatim
     * ({@code host[:port]}, comma-separated, IPv6 in brackets; empty when the URI has none);
     * {@code database}, {@code user} and {@code password} are null when absent; {@code params} holds the
     * query's libpq parameters (not user or password), in order.
     */
    public record Parts(String hosts, String database, String user, String password, Map<String, String> params) {
        public Parts {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        public static Parts empty() {
            return new Parts("", null, null, null, Map.of());
        }

        public Parts withHosts(String value) {
            return new Parts(value, database, user, password, params);
        }

        public Parts withDatabase(String value) {
            return new Parts(hosts, value, user, password, params);
        }

        public Parts withUser(String value) {
            return new Parts(hosts, database, value, password, params);
        }

        public Parts withPassword(String value) {
            return new Parts(hosts, database, user, value, params);
        }

        public Parts withParam(String key, String value) {
            Map<String, String> copy = new LinkedHashMap<>(params);
            if (value == null) copy.remove(key);
            else copy.put(key, value);
            return new Parts(hosts, database, user, password, copy);
        }

        /** Whether any host entry names its port. */
        public boolean hasPort() {
            for (String entry : hosts.split(",")) {
                int bracket = entry.lastIndexOf(']');
                if (entry.indexOf(':', bracket + 1) >= 0) return true;
            }
            return false;
        }
    }

    /** Whether the text is a platform URI ({@code postgres://} or {@code postgresql://}), not a JDBC URL. */
    public static boolean isUri(String url) {
        String trimmed = url.strip();
        return trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://");
    }

    public static Parts parts(String uri) {
        String trimmed = uri.strip();
        String rest = trimmed.substring(trimmed.indexOf("://") + 3);
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query + 1);
        String authorityAndPath = query < 0 ? rest : rest.substring(0, query);
        int slash = authorityAndPath.indexOf('/', authorityAndPath.lastIndexOf('@') + 1);
        String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
        String database = slash < 0 ? null : decode(authorityAndPath.substring(slash + 1));
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        String hosts = authority;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hosts = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String u = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (!u.isEmpty()) user = u;
            if (colon >= 0) password = decode(userInfo.substring(colon + 1));
        }
        Map<String, String> libpq = new LinkedHashMap<>();
        for (String pair : params.isEmpty() ? new String[0] : params.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "dbname" -> database = value;
                default -> libpq.put(key, value);
            }
        }
        return new Parts(hosts, database, user, password, libpq);
    }

    private static DatabaseUrl fromUri(String uri) {
        return of(parts(uri));
    }

    /** The target the parts describe; an absent host means localhost, an absent database the server's default. */
    public static DatabaseUrl of(Parts parts) {
        String hosts = parts.hosts().isEmpty() ? "localhost" : parts.hosts();
        checkHosts(hosts);
        String database = parts.database() == null ? "" : parts.database();
        Properties props = new Properties();
        if (parts.user() != null) props.setProperty("user", parts.user());
        if (parts.password() != null) props.setProperty("password", parts.password());
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts).append('/')
                .append(encodePathSegment(database));
        Map<String, String> jdbcParams = new LinkedHashMap<>();
        for (var e : parts.params().entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (key.equals("target_session_attrs")) {
                if (value.equals("read-write") || value.equals("primary")) props.setProperty("targetServerType", "primary");
                else if (!value.equals("any")) props.setProperty("targetServerType", value);
            } else {
                props.setProperty(LIBPQ_TO_PGJDBC.getOrDefault(key, key), value);
            }
            if (!key.equals("sslpassword")) jdbcParams.put(key, value);
        }
        String display = "postgresql://" + (parts.user() != null ? parts.user() + "@" : "") + hosts
                + "/" + database + displayParams(jdbcParams);
        return new DatabaseUrl(jdbc.toString(), props, display);
    }

    private static DatabaseUrl fromJdbc(String url) {
        // Credentials in a JDBC URL's query string move to properties so the URL itself is printable.
        int query = url.indexOf('?');
        Properties props = new Properties();
        Map<String, String> kept = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
                if (key.equals("password") || key.equals("user") || key.equals("sslpassword")) props.setProperty(key, value);
                else kept.put(key, value);
            }
        }
        String base = query < 0 ? url : url.substring(0, query);
        String afterScheme = base.startsWith("jdbc:postgresql://") ? base.substring("jdbc:postgresql://".length()) : "";
        int pathStart = afterScheme.indexOf('/');
        if ((pathStart < 0 ? afterScheme : afterScheme.substring(0, pathStart)).contains("@")) {
            throw SchemaSyncException.badInput("a JDBC URL cannot carry user:password@ before the host;"
                    + " use the postgres:// form or ?user=...&password=...");
        }
        StringBuilder jdbc = new StringBuilder(base);
        String sep = "?";
        for (var e : kept.entrySet()) {
            jdbc.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        String display = base.substring("jdbc:".length()) + displayParams(kept);
        if (props.containsKey("user")) display += " (user " + props.getProperty("user") + ")";
        return new DatabaseUrl(jdbc.toString(), props, display);
    }

    private static String displayParams(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        String sep = "?";
        for (var e : params.entrySet()) {
            if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains("password")) continue;
            s.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        return s.toString();
    }

    /** Only the scheme, so even a malformed URL with a password is never echoed. */
    private static String redactedPrefix(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "(no scheme)" : "'" + url.substring(0, colon) + ":...'";
    }

    /** RFC 3986 percent-decoding as UTF-8; '+' stays '+'. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) throw SchemaSyncException.badInput("invalid percent-encoding in the database URL");
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw SchemaSyncException.badInput("invalid percent-encoding in the database URL");
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String encodePathSegment(String database) {
        StringBuilder s = new StringBuilder();
        for (byte b : database.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) s.append((char) c);
            else s.append('%').append(String.format("%02X", c));
        }
        return s.toString();
    }
}
