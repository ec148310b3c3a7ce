package schemasync.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import schemasync.SchemaSyncException;

/** Opens the one dedicated connection a run uses. Errors name the target's display form only. */
public final class Connections {
    private Connections() {
    }

    public static Connection open(DatabaseUrl url) {
        return open(url, url.properties());
    }

    /**
     * For a run of the tool: a client-side network timeout ({@code socketTimeout}) of the statement
     * timeout plus a margin on every wait for the server, from the catalog read on (the apply sets its
     * own per statement). PostgreSQL answers a query within its statement timeout, with a result or
     * the cancellation; silence past the margin means the network is gone (a partition sends no
     * reset), and the run fails instead of hanging until TCP gives up. A {@code socketTimeout} in the
     * URL wins. Client-side only: nothing is sent, so it also works through a connection pooler.
     */
    public static Connection open(DatabaseUrl url, java.time.Duration statementTimeout) {
        Properties props = url.properties();
        long seconds = Math.min(Integer.MAX_VALUE / 1000, Math.max(1, statementTimeout.toSeconds()) + NETWORK_MARGIN_SECONDS);
        props.putIfAbsent("socketTimeout", Long.toString(seconds));
        return open(url, props);
    }

    /** Seconds past the statement timeout after which a silent server means a broken network. */
    public static final int NETWORK_MARGIN_SECONDS = 10;

    /**
     * Sets the network timeout for statements run under {@code statementTimeout}; the one rule the
     * connection's start ({@link #open(DatabaseUrl, java.time.Duration)}) and the apply's statements share.
     */
    public static void boundNetworkWait(Connection connection, java.time.Duration statementTimeout) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE,
                statementTimeout.plusSeconds(NETWORK_MARGIN_SECONDS).toMillis()));
    }

    private static Connection open(DatabaseUrl url, Properties props) {
        props.putIfAbsent("ApplicationName", "schema-sync");
        props.putIfAbsent("connectTimeout", "10");
        // The simple protocol is not needed, but server-side prepared statements gain nothing for a
        // handful of catalog queries run once.
        props.putIfAbsent("prepareThreshold", "0");
        try {
            return DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            // Unreachable, refused, wrong password, no such database or role, SSL mismatch: the run never
            // got a session, so nothing was touched; it is the caller's input (URL, credentials) to fix.
            throw new SchemaSyncException(SchemaSyncException.Code.BAD_INPUT,
                    "cannot connect to " + url.display() + ": " + redact(e.getMessage(), props), e);
        }
    }

    /** pgjdbc messages do not contain passwords, but be certain: remove it if it ever appears. */
    public static String redact(String message, Properties props) {
        if (message == null) return "";
        String password = props.getProperty("password");
        return password == null || password.isEmpty() ? message : message.replace(password, "********");
    }
}
