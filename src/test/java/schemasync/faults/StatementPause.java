package schemasync.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stops the tool, from the server side, right after its N-th DDL statement of an apply, so a test can
 * kill it there: an event trigger (ddl_command_end) counts the apply transaction's DDL statements in a
 * transaction-scoped setting and then takes the advisory lock (4242, n), which the test holds for the
 * one n it wants. Nothing in the tool changes. Only sessions named "schema-sync" whose lock_timeout is
 * {@link #MARK} count: that is the apply's transaction (the planner's rolled-back probes run without it,
 * and the test's own sessions use other values).
 */
final class StatementPause implements AutoCloseable {
    static final int KEY = 4242;
    /** The --lock-timeout a paused run gets; also how long a pause may last before the apply fails. */
    static final String MARK = "47s";
    private final Connection holder;
    private final int n;

    private StatementPause(Connection holder, int n) {
        this.holder = holder;
        this.n = n;
    }

    static void install(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("CREATE SCHEMA faults_hook");
            st.execute("""
                    CREATE FUNCTION faults_hook.pause_after_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
                    DECLARE n int;
                    BEGIN
                        IF current_setting('application_name') <> 'schema-sync' OR current_setting('lock_timeout') <> '47s' THEN
                            RETURN;
                        END IF;
                        -- set_config(..., false) is undone if the transaction rolls back: a per-transaction count.
                        n := coalesce(nullif(current_setting('faults.ddl_count', true), ''), '0')::int + 1;
                        PERFORM set_config('faults.ddl_count', n::text, false);
                        PERFORM pg_advisory_xact_lock(4242, n);
                    END $$""");
            st.execute("CREATE EVENT TRIGGER faults_pause ON ddl_command_end EXECUTE FUNCTION faults_hook.pause_after_ddl()");
        }
    }

    /** Holds the lock for statement n on {@code holder} (a session of the test's own). */
    static StatementPause at(Connection holder, int n) throws SQLException {
        try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            ps.setInt(1, KEY);
            ps.setInt(2, n);
            ps.execute();
        }
        return new StatementPause(holder, n);
    }

    /** The paused backend's pid and current statement once it waits at statement n, or null after {@code millis}. */
    record Paused(int pid, String query) {
    }

    Paused await(long millis) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        try (PreparedStatement ps = holder.prepareStatement("SELECT a.pid, a.query FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND NOT l.granted AND l.classid = ? AND l.objid = ? AND l.database ="
                + " (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            ps.setInt(1, KEY);
            ps.setInt(2, n);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return new Paused(rs.getInt(1), currentQuery(rs.getInt(1)));
                }
                Thread.sleep(10);
            }
        }
        return null;
    }

    /**
     * The waiting backend's statement, read again in a query of its own. Within one query PostgreSQL reads
     * pg_stat_activity (a snapshot of backend status taken at first use) and pg_locks (live) at slightly
     * different instants: a fast backend can run a few more statements between the two and only then queue
     * for the lock, so the joined row may show an earlier statement. Once it waits, it stays put (we hold the
     * lock), and a new snapshot shows the statement it waits in.
     */
    private String currentQuery(int pid) throws SQLException {
        try (PreparedStatement ps = holder.prepareStatement("SELECT query FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Waits until a backend is gone (after its client was killed, it notices when it next reads). */
    static boolean gone(Connection c, int pid, long millis) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return true;
                }
                Thread.sleep(20);
            }
        }
        return false;
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, KEY);
            ps.setInt(2, n);
            ps.execute();
        }
    }
}
