package schemasync.fleet;

import schemasync.db.DatabaseUrl;

/**
 * One database of a fleet, known by its name. The URL is for connecting only: output, results and
 * errors name the target, never its URL (which may carry a password, or reveal a host).
 */
public record FleetTarget(String name, DatabaseUrl url) {
    public FleetTarget {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a target needs a name");
    }

    /**
     * The message with this target's name instead of its URL, host and password: pgjdbc's own
     * messages name the host and port ("Connection to db.internal:5432 refused").
     */
    public String hide(String message) {
        if (message == null) return "";
        String text = schemasync.db.Connections.redact(message, url.properties());
        text = text.replace(url.jdbcUrl(), "target " + name);
        if (url.display() != null && !url.display().isEmpty()) text = text.replace(url.display(), "target " + name);
        String rest = url.jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
        int slash = rest.indexOf('/');
        String server = slash < 0 ? rest : rest.substring(0, slash);
        if (server.isEmpty()) return text;
        text = text.replace(server, "[host of " + name + "]");
        for (String hostPort : server.split(",")) {
            String host = hostPort.startsWith("[") ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                    : hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
            if (!hostPort.isEmpty()) text = text.replace(hostPort, "[host of " + name + "]");
            if (host.length() > 2) text = text.replace(host, "[host of " + name + "]");
        }
        return text;
    }

    @Override
    public String toString() {
        return name;
    }
}
