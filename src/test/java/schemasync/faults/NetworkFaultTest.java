package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;
import schemasync.Scenario;
import schemasync.db.Connections;

/**
 * The connection between the tool and PostgreSQL breaks in the middle of the apply's transaction (the
 * tool is held after its 5th statement by {@link StatementPause}, then the proxy drops or stalls the
 * connection and the statement is let go): the tool fails with a clean error, the server rolls the
 * transaction back when the session dies, and the next run applies everything and converges.
 */
class NetworkFaultTest {
    enum Fault { DROP, STALL }

    static final int AFTER_STATEMENT = 5;

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenConnectionMidApplyFailsCleanlyAndTheNextRunConverges(Fault fault) throws Exception {
        try (Scenario s = Scenario.start(); Connection holder = Connections.open(s.url)) {
            StatementPause.install(s.connection);
            List<String> before = DbState.of(s.connection);
            String direct = CliProcess.platformUrl(s.url);
            int port = Integer.parseInt(direct.replaceFirst("^.*@[^:]+:(\\d+)/.*$", "$1"));
            Run broken;
            StatementPause.Paused paused;
            try (TcpProxy proxy = new TcpProxy(port)) {
                // A partition sends nothing, not even a reset: the tool's own network timeout
                // (statement_timeout + 10 s) ends the wait.
                String viaProxy = direct.replace(":" + port + "/", ":" + proxy.port() + "/");
                Tool.Running tool;
                try (StatementPause pause = StatementPause.at(holder, AFTER_STATEMENT)) {
                    tool = Tool.start(Map.of("DATABASE_URL", viaProxy), null, "--apply", "--lock-timeout", StatementPause.MARK,
                            "--statement-timeout", "5s", "--index-statement-timeout", "5s");
                    paused = pause.await(120_000);
                    assertNotNull(paused, () -> "never reached statement " + AFTER_STATEMENT + ": " + result(tool));
                    if (fault == Fault.DROP) proxy.drop();
                    else proxy.stall();
                }
                broken = tool.await(60);
            }
            assertEquals(1, broken.exit(), broken::all);
            assertTrue(broken.err().startsWith("error: "), broken::all);
            assertEquals(1, broken.err().lines().filter(l -> l.startsWith("error: ")).count(), broken::all);
            // Names the step it was in and says what became of the transaction.
            assertTrue(broken.err().startsWith("error: C0"), broken::all);
            assertTrue(broken.err().contains("step " + AFTER_STATEMENT + "/") || broken.err().contains("COMMIT"), broken::all);
            assertTrue(broken.err().contains("the connection to PostgreSQL broke"), broken::all);
            assertFalse(Tool.hasStackTrace(broken.all()), broken::all);
            assertFalse(broken.out().contains("Summary"), broken::all);
            assertFalse(broken.all().contains(CliProcess.secret(s.url)), broken::all);

            assertTrue(StatementPause.gone(s.connection, paused.pid(), 20_000), "the broken session is still there");
            assertEquals(before, DbState.of(s.connection), "half-applied after a " + fault);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "a lock was left");

            Run again = Tool.run(Map.of("DATABASE_URL", direct), null, "--apply", "--quiet");
            assertEquals(0, again.exit(), again::all);
            assertTrue(again.out().contains("verified in sync"), again::all);
            assertTrue(s.plan(Changes.ALL).isEmpty());
            System.out.printf("NetworkFaultTest %s: %s%n", fault, broken.err().lines().findFirst().orElse(""));
        }
    }

    /**
     * The reads before any apply are bounded too: a dry run whose catalog read meets a partition fails
     * after its statement timeout plus the 10 s margin, with one clear error, instead of hanging. The
     * read is held on the server by a lock on a table its catalog functions must open, the proxy stalls,
     * then the lock goes and the server's answer vanishes into the partition.
     */
    @Test
    void aPartitionDuringTheCatalogReadEndsAfterTheStatementTimeoutPlusTheMargin() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE stall_probe (id integer DEFAULT 1)");
             Connection blocker = Connections.open(s.url); Statement lock = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            lock.execute("LOCK TABLE stall_probe IN ACCESS EXCLUSIVE MODE");
            String direct = CliProcess.platformUrl(s.url);
            int port = Integer.parseInt(direct.replaceFirst("^.*@[^:]+:(\\d+)/.*$", "$1"));
            Run stalled;
            long waited;
            try (TcpProxy proxy = new TcpProxy(port)) {
                String viaProxy = direct.replace(":" + port + "/", ":" + proxy.port() + "/");
                Tool.Running tool = Tool.start(Map.of("DATABASE_URL", viaProxy), null, "--dry-run", "--statement-timeout", "2s");
                long deadline = System.currentTimeMillis() + 120_000;
                while (!"1".equals(s.queryString("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'schema-sync'"
                        + " AND wait_event_type = 'Lock'"))) {
                    assertTrue(System.currentTimeMillis() < deadline, () -> "the catalog read never waited: " + result(tool));
                    Thread.sleep(50);
                }
                proxy.stall();
                blocker.rollback();
                long stalledAt = System.nanoTime();
                stalled = tool.await(60);
                waited = (System.nanoTime() - stalledAt) / 1_000_000;
            }
            assertTrue(stalled.exit() != 0, stalled::all);
            assertEquals(1, stalled.err().lines().filter(l -> l.startsWith("error: ")).count(), stalled::all);
            assertTrue(stalled.err().contains("An I/O error occurred") && stalled.err().contains("the connection to PostgreSQL broke"),
                    stalled::all);
            assertFalse(Tool.hasStackTrace(stalled.all()), stalled::all);
            assertFalse(stalled.all().contains(CliProcess.secret(s.url)), stalled::all);
            // 2 s statement timeout + 10 s margin, counted from the tool's last read; not minutes of TCP retries.
            assertTrue(waited < 30_000, () -> "waited " + waited + " ms: " + stalled.all());
            System.out.printf("NetworkFaultTest catalog read: failed %d ms after the partition: %s%n", waited,
                    stalled.err().lines().findFirst().orElse(""));
        }
    }

    private static String result(Tool.Running tool) {
        try {
            return tool.result().all();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
