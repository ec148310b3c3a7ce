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
        Properties props = url.properties();
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
