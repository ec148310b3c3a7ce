package schemasync.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import schemasync.SchemaSyncException;

/**
 * Refuses a connection through a transaction-mode pooler (PgBouncer with pool_mode=transaction,
 * Supavisor and Supabase's pooler on port 6543, Neon's "-pooler" host, RDS Proxy): it hands each
 * transaction, and in autocommit each statement, to whichever server backend is free. The session
 * advisory lock that keeps two deploys apart then lives on a backend the run no longer talks to,
 * or is taken by one run and released by nobody, so it means nothing.
 *
 * <p>Two signals, both before anything is changed: the backend pid changes between statements of the
 * one session (checked before the lock is taken), or the lock just taken is not in pg_locks for the
 * session's own pid (checked right after). A pooler that happens to hand the same backend to both
 * statements of a quiet moment passes the first check; the second catches it unless the same luck
 * holds for it too — which is why the error names the real fix, a direct connection.
 */
final class PoolerCheck {
    /** Statements whose backend pid is compared; each is a separate autocommit transaction. */
    private static final int PROBES = 3;

    private PoolerCheck() {
    }

    /** Before the lock: every statement of this session must run on the same backend. */
    static void requireOneBackend(Connection connection) throws SQLException {
        Set<Integer> pids = new LinkedHashSet<>();
        for (int i = 0; i < PROBES; i++) pids.add(backendPid(connection));
        if (pids.size() > 1) {
            throw refuse("statements of this one session ran on different PostgreSQL backends (pids "
                    + String.join(", ", pids.stream().map(String::valueOf).toList()) + ")");
        }
    }

    /** After {@code pg_try_advisory_lock} returned true: the lock must be held by this session's backend. */
    static void requireLockVisible(Connection connection, long key) throws SQLException {
        String sql = "SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND pid = pg_catalog.pg_backend_pid() AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            // A bigint key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw refuse("the advisory lock this session just took is not held by its own backend in pg_locks");
                }
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static SchemaSyncException refuse(String evidence) {
        return SchemaSyncException.badInput("this connection goes through a transaction-mode connection pooler: " + evidence
                + ". The session advisory lock that keeps two deploys apart means nothing there, so --apply stops;"
                + " nothing was changed. Connect directly for the apply: use the provider's direct or session-mode"
                + " connection string (Supabase: the direct host db.<project>.supabase.co, or the session pooler on port"
                + " 5432 instead of the transaction pooler on 6543; Neon: the host without \"-pooler\"; RDS Proxy: the"
                + " instance endpoint; PgBouncer: a pool with pool_mode = session or a direct port)."
                + " The application can keep using the pooler.");
    }
}
