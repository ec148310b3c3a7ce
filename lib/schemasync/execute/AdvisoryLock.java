package schemasync.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import schemasync.SchemaSyncException;

/**
 * A session-level advisory lock that serializes applies against one database. Session level (not
 * transaction level) because it must be held across read → plan → apply → re-read, which spans
 * several transactions on the one dedicated connection; it is released on close, or by PostgreSQL
 * when the session ends however it ends. {@code CREATE ... IF NOT EXISTS} is no concurrency guard
 * (two runs race on pg_class/pg_type unique indexes); this lock is.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** "SchmSync" in ASCII: a fixed key every Schema Sync run on any database agrees on. */
    public static final long KEY = 0x5363686d53796e63L;
    private static final long POLL_MILLIS = 200;

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Polls {@code pg_try_advisory_lock} until {@code wait} has passed (it never blocks inside the
     * server, so a stuck holder cannot hang us). The connection must be in auto-commit mode.
     */
    public static AdvisoryLock acquire(Connection connection, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        PoolerCheck.requireOneBackend(connection);
        while (true) {
            if (tryLock(connection)) {
                AdvisoryLock lock = new AdvisoryLock(connection);
                try {
                    PoolerCheck.requireLockVisible(connection, KEY);
                } catch (RuntimeException | SQLException e) {
                    lock.closeQuietly();
                    throw e;
                }
                return lock;
            }
            if (System.nanoTime() >= deadline) {
                // Still an error: a holder that never finishes (a hung deploy) must not hang every later one.
                throw new SchemaSyncException(SchemaSyncException.Code.LOCK_BUSY, "another Schema Sync apply holds"
                        + " the lock on this database (waited " + wait.toMillis() + " ms, --lock-wait)" + holder(connection)
                        + "; nothing was changed. When it finishes, run again: it plans from what is there, and says"
                        + " \"already in sync\" if the other did the work. To wait longer (replicas starting together"
                        + " behind a long index build), raise --lock-wait; find it in pg_locks (locktype 'advisory',"
                        + " objid " + (KEY & 0xffffffffL) + ")");
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaSyncException(SchemaSyncException.Code.LOCK_BUSY, "interrupted while waiting for the lock");
            }
        }
    }

    /** Who holds the lock, best effort: a role without pg_read_all_stats sees no details of other roles' sessions. */
    private static String holder(Connection connection) {
        String sql = "SELECT l.pid, coalesce(a.application_name, ''), coalesce(extract(epoch FROM now() - a.backend_start)::bigint, -1)"
                + " FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, KEY >>> 32);
            ps.setLong(2, KEY & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return "";
                long age = rs.getLong(3);
                return ": held by pid " + rs.getInt(1) + (rs.getString(2).isEmpty() ? "" : " (application '" + rs.getString(2) + "'"
                        + (age >= 0 ? ", connected " + age + " s ago" : "") + ")");
            }
        } catch (SQLException e) {
            return "";
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException ignored) {
            // best effort: behind a pooler the unlock may reach another backend, which only warns
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) return;
        // Unlock outside any transaction, so nothing is left open on the connection afterwards.
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        }
    }
}
