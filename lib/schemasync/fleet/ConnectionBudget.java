package schemasync.fleet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;

/**
 * --parallel within what the server can take: each unit holds one connection, and a fleet that takes
 * the last free slots makes the application's own connections fail ("too many clients already").
 * Each server (host and port) is asked once for max_connections minus the reserved slots minus the
 * sessions open now; the fleet uses at most half of what is free. Unknown (unreachable, no privilege
 * to see pg_stat_activity counts only our own sessions): the flag stands as given.
 */
public final class ConnectionBudget {
    private ConnectionBudget() {
    }

    private static final String FREE_SLOTS = "SELECT current_setting('max_connections')::int"
            + " - current_setting('superuser_reserved_connections')::int"
            + " - coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0)"
            + " - (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend')";

    public static int cap(int parallel, List<FleetTarget> targets, Duration statementTimeout, Consumer<String> notes) {
        if (parallel <= 1) return parallel;
        Map<String, FleetTarget> servers = new LinkedHashMap<>();
        for (FleetTarget t : targets) servers.putIfAbsent(server(t.url().jdbcUrl()), t);
        int capped = parallel;
        for (FleetTarget t : servers.values()) {
            try (Connection c = Connections.open(t.url(), statementTimeout); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(FREE_SLOTS)) {
                rs.next();
                int free = rs.getInt(1);
                int allowed = Math.max(1, free / 2);
                if (allowed < capped) {
                    notes.accept("--parallel " + parallel + " lowered to " + allowed + ": the server of target " + t.name()
                            + " has " + free + " free connection slot(s) (max_connections minus reserved and open sessions)");
                    capped = allowed;
                }
            } catch (SQLException | SchemaSyncException e) {
                // Unknown: the unit itself will report an unreachable target.
            }
        }
        return capped;
    }

    /** {@code jdbc:postgresql://host:port/db?...} → {@code host:port}: databases of one server share its slots. */
    static String server(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
