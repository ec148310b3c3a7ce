package schemasync.execute;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import schemasync.SchemaSyncException;
import schemasync.Scenario;
import schemasync.db.Connections;

/**
 * The second pooler signal on a real server: the lock must show in pg_locks for the session's own pid
 * (a bigint key is classid = high 32 bits, objid = low 32 bits, objsubid 1). Held by another session
 * (as when a pooler ran pg_try_advisory_lock on another backend), it is not ours. PoolerTest covers the
 * first signal end to end; disabling it there, this one stops the apply too.
 */
class PoolerCheckTest {

    @Test
    void theLockMustBeHeldByThisSessionsOwnBackend() throws Exception {
        try (Scenario s = Scenario.start(); Connection other = Connections.open(s.url); Statement st = other.createStatement()) {
            s.connection.setAutoCommit(true);
            assertDoesNotThrow(() -> PoolerCheck.requireOneBackend(s.connection));
            st.execute("SELECT pg_advisory_lock(" + AdvisoryLock.KEY + ")");
            var e = assertThrows(SchemaSyncException.class, () -> PoolerCheck.requireLockVisible(s.connection, AdvisoryLock.KEY));
            assertTrue(e.getMessage().contains("not held by its own backend in pg_locks"), e::getMessage);
            st.execute("SELECT pg_advisory_unlock(" + AdvisoryLock.KEY + ")");
            try (AdvisoryLock lock = AdvisoryLock.acquire(s.connection, java.time.Duration.ofSeconds(1))) {
                assertDoesNotThrow(() -> PoolerCheck.requireLockVisible(s.connection, AdvisoryLock.KEY));
            }
        }
    }
}
