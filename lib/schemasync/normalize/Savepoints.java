package schemasync.normalize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * The two moves every shadow and twin makes inside the transaction normalization always rolls back: try one
 * statement under a savepoint (a refused declaration must not abort the transaction, which would lose every
 * other shadow: PostgreSQL refuses every later statement of an aborted transaction), and name the session's
 * own temporary schema ({@code pg_temp_N}), where the shadows and twins live and the catalog reader reads them.
 */
final class Savepoints {
    private Savepoints() {
    }

    /** Runs one statement under a savepoint; returns the first line of PostgreSQL's message, or null when it ran. */
    static String attempt(Connection connection, String sql) throws SQLException {
        Savepoint sp = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            connection.releaseSavepoint(sp);
            return null;
        } catch (SQLException e) {
            connection.rollback(sp);
            return firstLine(e.getMessage());
        }
    }

    /** The session's temporary schema (pg_my_temp_schema); the session must have created a temporary object. */
    static String tempSchema(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String firstLine(String message) {
        if (message == null) return "error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
