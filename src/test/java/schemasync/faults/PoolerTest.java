package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;
import schemasync.Scenario;

/**
 * --apply through a transaction-mode pooler ({@link TransactionPooler}: each new transaction on the next
 * of two backends) stops before taking the advisory lock, exit 2, naming the fix, with nothing changed
 * and no lock left behind; the same pooler serves a dry run (one READ ONLY transaction) correctly, and
 * the direct URL applies.
 */
class PoolerTest {

    @Test
    void applyThroughATransactionPoolerStopsBeforeTheLockAndNamesTheFix() throws Exception {
        try (Scenario s = Scenario.start()) {
            String direct = CliProcess.platformUrl(s.url);
            int port = Integer.parseInt(direct.replaceFirst("^.*@[^:]+:(\\d+)/.*$", "$1"));
            try (TransactionPooler pooler = new TransactionPooler(port)) {
                String pooled = direct.replace(":" + port + "/", ":" + pooler.port() + "/");
                Map<String, String> env = Map.of("DATABASE_URL", pooled);

                Run dryRun = InProcess.run(env, null, List.of("--dry-run", "--quiet"));
                assertEquals(0, dryRun.exit(), dryRun::all);
                assertTrue(dryRun.out().contains("dry run, nothing was changed"), dryRun::out);

                Run apply = InProcess.run(env, null, List.of("--apply"));
                assertEquals(2, apply.exit(), apply::all);
                assertTrue(apply.err().startsWith("error: this connection goes through a transaction-mode connection pooler:"
                        + " statements of this one session ran on different PostgreSQL backends (pids "), apply::err);
                assertTrue(apply.err().contains("nothing was changed. Connect directly for the apply"), apply::err);
                assertTrue(apply.err().contains("session pooler on port 5432 instead of the transaction pooler on 6543"), apply::err);
                assertFalse(apply.err().contains(CliProcess.secret(s.url)), apply::err);
                assertFalse(Tool.hasStackTrace(apply.all()), apply::all);
            }
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "nothing changed");
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "no lock taken");

            Run directApply = InProcess.run(Map.of("DATABASE_URL", direct), null, List.of("--apply", "--quiet"));
            assertEquals(0, directApply.exit(), directApply::all);
        }
    }
}
