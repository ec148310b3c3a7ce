package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;
import schemasync.Scenario;
import schemasync.db.Connections;

/**
 * kill -9 during the non-transactional phase: CREATE INDEX CONCURRENTLY on an existing table runs after
 * the transaction commits. Killed after each statement in turn (transactional and concurrent), and
 * killed while a build waits for an open transaction with its session then ended (the server's view of a
 * client that died mid-build): the transactional part is all or nothing, a concurrent build is either
 * complete or left INVALID, nothing holds a lock, and the next run finishes the job and converges.
 */
class OnlineKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] START = {"CREATE TABLE accounts (id bigint, email text)",
            "INSERT INTO accounts SELECT g, 'a' || g || '@example.com' FROM generate_series(1, 2000) g"};

    @Test
    void killedAfterEachStatementIncludingConcurrentBuildsTheNextRunConverges() throws Exception {
        List<String> statements;
        List<String> converged;
        try (Scenario reference = Scenario.start(START)) {
            StatementPause.install(reference.connection);
            Run plan = InProcess.run(Map.of("DATABASE_URL", CliProcess.platformUrl(reference.url)), "online",
                    List.of("--dry-run", "--format", "json"));
            statements = JSON.readTree(plan.out()).findValues("sql").stream().map(JsonNode::asText).toList();
            reference.applyAndConverge(FaultBlocks.named("online"));
            converged = DbState.of(reference.connection);
        }
        assertTrue(statements.stream().filter(q -> q.startsWith("CREATE INDEX CONCURRENTLY")).count() >= 2, statements::toString);
        System.out.println("OnlineKillTest: killing after each of " + statements.size() + " statements: " + statements);
        for (int n = 1; n <= statements.size(); n++) {
            try (Scenario s = Scenario.start(START); Connection holder = Connections.open(s.url)) {
                StatementPause.install(s.connection);
                List<String> before = DbState.of(s.connection);
                StatementPause.Paused paused;
                try (StatementPause pause = StatementPause.at(holder, n)) {
                    Tool.Running tool = Tool.start(Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), "online",
                            "--apply", "--lock-timeout", StatementPause.MARK);
                    paused = pause.await(120_000);
                    assertNotNull(paused, "statement " + n + " never reached");
                    assertEquals(statements.get(n - 1), paused.query());
                    tool.kill();
                }
                assertTrue(StatementPause.gone(s.connection, paused.pid(), 20_000));
                boolean transactionalPartDone = statements.subList(0, n).stream().anyMatch(q -> q.contains("CONCURRENTLY"));
                if (!transactionalPartDone) assertEquals(before, DbState.of(s.connection), "killed in the transaction at " + n);
                else assertEquals("audit", s.queryString("SELECT to_regclass('public.audit')::text"), "committed before the builds");
                assertClean(s);
                s.applyAndConverge(FaultBlocks.named("online"));
                assertEquals(converged, DbState.of(s.connection), "after the kill at statement " + n);
            }
        }
    }

    @Test
    void killedWhileABuildWaitsLeavesAnInvalidIndexThatTheNextRunRebuilds() throws Exception {
        try (Scenario s = Scenario.start(START); Connection writer = Connections.open(s.url)) {
            // An open write transaction: CREATE INDEX CONCURRENTLY waits for it to end before building.
            writer.setAutoCommit(false);
            try (Statement st = writer.createStatement()) {
                st.execute("INSERT INTO accounts VALUES (0, 'writer@example.com')");
            }
            Tool.Running tool = Tool.start(Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), "online", "--apply");
            int pid = awaitWaitingBuild(s.connection);
            tool.kill();
            // The server keeps building for a client that is gone; a DBA (or the network) ends the session.
            s.queryString("SELECT pg_terminate_backend(" + pid + ")");
            assertTrue(StatementPause.gone(s.connection, pid, 20_000));
            writer.rollback();
            assertEquals("audit", s.queryString("SELECT to_regclass('public.audit')::text"));
            assertEquals("f", s.queryString("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_idx'::regclass"),
                    "the interrupted build left an INVALID index");
            assertClean(s);
            Run again = Tool.run(Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), "online", "--apply", "--quiet");
            assertEquals(0, again.exit(), again::all);
            assertEquals("true", s.queryString("SELECT bool_and(indisvalid)::text FROM pg_index WHERE indrelid = 'accounts'::regclass"));
            assertTrue(s.plan(FaultBlocks.named("online")).isEmpty());
        }
    }

    private static int awaitWaitingBuild(Connection c) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (PreparedStatement ps = c.prepareStatement("SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
                + " WHERE a.datname = current_database() AND a.query LIKE 'CREATE INDEX CONCURRENTLY%' AND NOT l.granted")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return rs.getInt(1);
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no concurrent build started waiting");
    }

    private static void assertClean(Scenario s) throws Exception {
        assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "a lock was left");
        assertEquals("0", s.queryString("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state LIKE 'idle in transaction%'"), "a transaction was left open");
    }
}
