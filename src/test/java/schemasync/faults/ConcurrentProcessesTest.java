package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;
import schemasync.Scenario;

/**
 * Eight deploys at once, as eight real processes, on an empty database, twenty rounds (each on a fresh
 * database): every process exits 0, exactly one applies, the seven others wait on the advisory lock,
 * plan again under it and report "already in sync", and the schema is exactly the one a single apply
 * makes. Without the lock, concurrent CREATE ... IF NOT EXISTS fail on pg_class/pg_type unique indexes.
 */
class ConcurrentProcessesTest {
    static final int PROCESSES = 8;
    static final int ROUNDS = Integer.getInteger("faults.rounds", 20);

    /**
     * Eight replicas starting at once on a plan with concurrent index builds (an existing table of
     * 20,000 rows gets two indexes, built CONCURRENTLY after the commit, outside any transaction): the
     * seven that find the lock held wait, plan again under it once the first has built the indexes, and
     * say "already in sync"; all exit 0; no INVALID index is left, the plan is empty, no lock remains.
     */
    @Test
    void eightReplicasOnAPlanWithConcurrentIndexBuilds() throws Exception {
        int rounds = Integer.getInteger("faults.indexRounds", 2);
        List<String> problems = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            try (Scenario s = Scenario.start("CREATE TABLE accounts (id bigint, email text)",
                    "INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 20000) g",
                    "ANALYZE accounts")) {
                var blocks = FaultBlocks.named("online");
                assertTrue(s.plan(blocks).steps().stream().anyMatch(p -> p.step() instanceof schemasync.step.Step.CreateIndex ci
                        && ci.concurrently()), "the plan builds an index concurrently");
                Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
                List<Tool.Running> running = new ArrayList<>();
                for (int i = 0; i < PROCESSES; i++) running.add(Tool.start(env, "online", "--apply", "--quiet"));
                int applied = 0;
                int inSync = 0;
                for (Tool.Running r : running) {
                    Run run = r.await(180);
                    boolean ok = run.exit() == 0 && run.err().isEmpty();
                    if (ok && run.out().matches("(?s).*Summary: .*applied \\d+ statement.*")) applied++;
                    else if (ok && run.out().contains("already in sync, nothing was changed")) inSync++;
                    else problems.add("round " + round + ": exit " + run.exit() + "\n" + run.all());
                }
                if (applied != 1 || inSync != PROCESSES - 1) {
                    problems.add("round " + round + ": " + applied + " applied, " + inSync + " in sync");
                }
                assertEquals("2", s.queryString("SELECT count(*) FROM pg_index WHERE indrelid = 'accounts'::regclass"));
                assertEquals("0", s.queryString("SELECT count(*) FROM pg_index WHERE NOT indisvalid"), "no INVALID index");
                assertTrue(s.plan(blocks).isEmpty(), "the final plan is empty");
                assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "no lock left");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void eightProcessesTwentyRoundsExactlyOneAppliesEachRound() throws Exception {
        List<String> expected;
        try (Scenario reference = Scenario.start()) {
            reference.applyAndConverge(Changes.ALL);
            expected = DbState.of(reference.connection);
        }
        int failures = 0;
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        long slowestRound = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            try (Scenario s = Scenario.start()) {
                Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
                long t0 = System.nanoTime();
                List<Tool.Running> running = new ArrayList<>();
                for (int i = 0; i < PROCESSES; i++) running.add(Tool.start(env, null, "--apply", "--quiet"));
                int applied = 0;
                int inSync = 0;
                for (Tool.Running r : running) {
                    Run run = r.await(180);
                    boolean ok = run.exit() == 0 && run.err().isEmpty();
                    if (ok && run.out().matches("(?s).*Summary: .*applied \\d+ statement.*")) applied++;
                    else if (ok && run.out().contains("already in sync, nothing was changed")) inSync++;
                    else {
                        failures++;
                        problems.add("round " + round + ": exit " + run.exit() + "\n" + run.all());
                    }
                }
                slowestRound = Math.max(slowestRound, System.nanoTime() - t0);
                if (applied != 1 || inSync != PROCESSES - 1) {
                    problems.add("round " + round + ": " + applied + " applied, " + inSync + " in sync");
                }
                List<String> actual = DbState.of(s.connection);
                if (!actual.equals(expected)) problems.add("round " + round + ": schema differs from a single apply's: " + actual);
                assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "no lock left");
            }
        }
        System.out.printf("ConcurrentProcessesTest: %d rounds x %d processes, %d failed processes, %d problems,"
                        + " %.1f s in all, slowest round %.1f s%n", ROUNDS, PROCESSES, failures, problems.size(),
                (System.nanoTime() - start) / 1e9, slowestRound / 1e9);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
