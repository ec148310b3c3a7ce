package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;
import schemasync.Scenario;
import schemasync.db.Connections;

/**
 * A long transaction holds ACCESS SHARE on a table the apply must ALTER (ACCESS EXCLUSIVE). While the
 * ALTER waits, every new query on that table queues behind it: that is the outage this guards against.
 * The apply must give up each try after the lock timeout, so the application's queries (two sessions
 * reading the table in a loop, timed) never wait much longer than that; and the run either succeeds once
 * the lock goes or fails clearly, with nothing half-applied.
 */
class LockContentionTest {
    static final int LOCK_TIMEOUT_MS = 400;
    /** Scheduling noise on a loaded 2-core machine: the bound asserted is the lock timeout plus this. */
    static final int SLACK_MS = 1500;

    @Test
    void theApplicationNeverWaitsMuchLongerThanTheLockTimeoutAndTheRunEndsClearly() throws Exception {
        long longest = 0;
        try (Scenario s = Scenario.start("CREATE TABLE busy (id int)", "INSERT INTO busy SELECT generate_series(1, 100)")) {
            List<String> before = DbState.of(s.connection);
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));

            // 1. The blocker never lets go during the run: a clear failure, nothing applied.
            Run failed;
            try (Connection blocker = Connections.open(s.url); Traffic traffic = new Traffic(s)) {
                blocker.setAutoCommit(false);
                try (Statement st = blocker.createStatement()) {
                    st.executeQuery("SELECT count(*) FROM busy").close();
                }
                // A short retry deadline: it gives up after a few tries, each bounded by the lock timeout.
                failed = Tool.run(env, "busy", "--apply", "--lock-timeout", LOCK_TIMEOUT_MS + "ms", "--retry-deadline", "3s");
                blocker.rollback();
                longest = Math.max(longest, traffic.stop());
            }
            assertEquals(1, failed.exit(), failed::all);
            assertTrue(failed.err().startsWith("error: C2_Busy: step "), failed::all);
            assertTrue(failed.err().contains("longer than the lock timeout (" + LOCK_TIMEOUT_MS + " ms) on each of "), failed::all);
            assertFalse(Tool.hasStackTrace(failed.all()), failed::all);
            assertEquals(before, DbState.of(s.connection), "nothing half-applied");

            // 2. The blocker ends its transaction after a second: a later try (backoff, re-plan under the
            //    advisory lock) gets the lock and the run succeeds; the application was never stuck long.
            Run second;
            try (Connection blocker = Connections.open(s.url); Traffic traffic = new Traffic(s)) {
                blocker.setAutoCommit(false);
                try (Statement st = blocker.createStatement()) {
                    st.executeQuery("SELECT count(*) FROM busy").close();
                }
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep(1000);
                        blocker.rollback();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                release.start();
                second = Tool.run(env, "busy", "--apply", "--lock-timeout", LOCK_TIMEOUT_MS + "ms");
                release.join();
                longest = Math.max(longest, traffic.stop());
            }
            assertEquals(0, second.exit(), second::all);
            assertTrue(second.out().contains("verified in sync"), second::all);
            assertEquals("note", s.queryString("SELECT attname FROM pg_attribute WHERE attrelid = 'busy'::regclass AND attname = 'note'"));
            s.applyAndConverge(FaultBlocks.named("busy"));
        }
        System.out.printf("LockContentionTest: lock timeout %d ms, longest wait of the blocked application's queries %d ms%n",
                LOCK_TIMEOUT_MS, longest);
        assertTrue(longest < LOCK_TIMEOUT_MS + SLACK_MS, "the application waited " + longest + " ms behind the tool");
    }

    /** Two sessions reading the busy table in a loop; the longest single query is what the application felt. */
    static final class Traffic implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong longestNanos = new AtomicLong();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Connection> connections = new ArrayList<>();

        Traffic(Scenario s) {
            for (int i = 0; i < 2; i++) {
                Connection c = Connections.open(s.url);
                connections.add(c);
                Thread t = new Thread(() -> {
                    try (Statement st = c.createStatement()) {
                        while (running.get()) {
                            long t0 = System.nanoTime();
                            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM busy")) {
                                rs.next();
                            }
                            longestNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
                            Thread.sleep(5);
                        }
                    } catch (Exception e) {
                        if (running.get()) throw new IllegalStateException(e);
                    }
                });
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        /** Stops the traffic; the longest query in milliseconds. */
        long stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) t.join(10_000);
            return longestNanos.get() / 1_000_000;
        }

        @Override
        public void close() throws Exception {
            stop();
            for (Connection c : connections) c.close();
        }
    }
}
