package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;
import schemasync.Scenario;
import schemasync.db.Connections;

/**
 * kill -9 of the tool after each statement of the apply's transaction in turn (stopped there by
 * {@link StatementPause}, then SIGKILL): PostgreSQL rolls the open transaction back when the session
 * dies, so the database is exactly as before, no advisory lock or session is left, and the next run
 * applies everything and converges.
 */
class KillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killedAfterEachTransactionalStatementLeavesNothingAndTheNextRunConverges() throws Exception {
        List<String> statements;
        List<String> converged;
        try (Scenario reference = Scenario.start()) {
            StatementPause.install(reference.connection);
            Run plan = InProcess.run(Map.of("DATABASE_URL", CliProcess.platformUrl(reference.url)), null,
                    List.of("--dry-run", "--format", "json"));
            statements = JSON.readTree(plan.out()).findValues("sql").stream().map(JsonNode::asText).toList();
            reference.applyAndConverge(Changes.ALL);
            converged = DbState.of(reference.connection);
        }
        assertTrue(statements.size() >= 10, statements::toString);
        long start = System.nanoTime();
        for (int n = 1; n <= statements.size(); n++) {
            try (Scenario s = Scenario.start(); Connection holder = Connections.open(s.url)) {
                StatementPause.install(s.connection);
                List<String> before = DbState.of(s.connection);
                Tool.Running tool;
                StatementPause.Paused paused;
                try (StatementPause pause = StatementPause.at(holder, n)) {
                    tool = Tool.start(Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), null,
                            "--apply", "--lock-timeout", StatementPause.MARK);
                    paused = pause.await(120_000);
                    assertNotNull(paused, "statement " + n + " never reached: " + tool.result().all());
                    Run killed = tool.kill();
                    assertFalse(killed.out().contains("Summary"), killed::all);
                    assertEquals(statements.get(n - 1), paused.query(), "stopped right after statement " + n);
                }
                // The backend finishes the statement it was in, reads EOF from the dead client and rolls back.
                assertTrue(StatementPause.gone(s.connection, paused.pid(), 20_000), "backend of the killed run still there");
                assertEquals(before, DbState.of(s.connection), "after a kill at statement " + n + " the database changed");
                assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "a lock was left");
                assertEquals("0", s.queryString("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND state LIKE 'idle in transaction%'"), "a transaction was left open");
                s.applyAndConverge(Changes.ALL);
                assertEquals(converged, DbState.of(s.connection), "the run after the kill at statement " + n);
            }
        }
        System.out.printf("KillTest: killed after each of %d statements, %.1f s%n", statements.size(), (System.nanoTime() - start) / 1e9);
    }
}
