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

    /**
     * Runs the statements in order, as {@link #attempt} runs each: in one round trip under one savepoint when all of
     * them run (pgjdbc sends a multi-statement text as one message sequence), else, the batch undone, one by one so
     * each that fails is skipped alone and the others still run.
     */
    static void attemptAll(Connection connection, java.util.List<String> statements) throws SQLException {
        if (statements.isEmpty()) return;
        if (statements.size() > 1) {
            Savepoint sp = connection.setSavepoint();
            try (Statement st = connection.createStatement()) {
                st.execute(String.join("\n;\n", statements)); // on lines of their own: a statement may end in a -- comment
                connection.releaseSavepoint(sp);
                return;
            } catch (SQLException e) {
                connection.rollback(sp);
            }
        }
        for (String sql : statements) attempt(connection, sql);
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
