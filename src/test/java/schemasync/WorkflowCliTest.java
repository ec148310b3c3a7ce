package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.CliProcess.Run;

/** The deploy workflow through the real command line: --check, --format, reviewed plans. */
class WorkflowCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkSaysPendingThenInSyncThenDrift() throws Exception {
        try (Scenario s = Scenario.start()) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
            Run pending = CliProcess.run(env, "--check", "--quiet");
            assertEquals(5, pending.exit(), pending::all);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "check changes nothing");

            assertEquals(0, CliProcess.run(env, "--apply", "--quiet").exit());
            Run inSync = CliProcess.run(env, "--check");
            assertEquals(0, inSync.exit(), inSync::all);

            s.execute("CREATE TABLE hand_made (x int)");
            Run drift = CliProcess.run(env, "--check", "--quiet");
            assertEquals(6, drift.exit(), drift::all);
            assertTrue(drift.out().contains("⚠ table public.hand_made — undeclared"), drift::all);
        }
    }

    @Test
    void jsonIsAVersionedDocumentOfTheWholeRun() throws Exception {
        try (Scenario s = Scenario.start()) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
            Run run = CliProcess.run(env, "--check", "--format", "json");
            assertEquals(5, run.exit(), run::all);
            JsonNode doc = JSON.readTree(run.out());
            assertEquals(1, doc.get("formatVersion").asInt());
            assertEquals("check", doc.get("mode").asText());
            assertEquals(5, doc.get("exitCode").asInt());
            assertEquals(8, doc.get("blocks").size());
            JsonNode firstStep = doc.get("blocks").get(0).get("items").get(0).get("steps").get(0);
            assertEquals("CreateTable", firstStep.get("type").asText());
            assertEquals("planned", firstStep.get("status").asText());
            assertTrue(firstStep.get("sql").asText().startsWith("CREATE TABLE \"public\".\"organizations\""));
            assertEquals(18, doc.get("summary").get("statements").asInt());
            assertTrue(doc.get("fingerprint").get("catalog").asText().startsWith("sha256:"));
            assertFalse(run.out().contains(CliProcess.secret(s.url)));

            Run applied = CliProcess.run(env, "--apply", "--format", "json");
            JsonNode done = JSON.readTree(applied.out());
            assertEquals("applied", done.get("outcome").asText());
            assertEquals("applied", done.get("blocks").get(0).get("items").get(0).get("steps").get(0).get("status").asText());
        }
    }

    @Test
    void jsonErrorsKeepTheEnvelope() throws Exception {
        Run run = CliProcess.run(Map.of(), "--apply", "--format", "json");
        assertEquals(2, run.exit(), run::all);
        JsonNode doc = JSON.readTree(run.out());
        assertEquals("BAD_INPUT", doc.get("error").get("code").asText());
        assertEquals(2, doc.get("exitCode").asInt());
        assertEquals("", run.err());
    }

    @Test
    void markdownIsACompactPlanForAPullRequest() throws Exception {
        try (Scenario s = Scenario.start()) {
            Run run = CliProcess.run(Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), "--dry-run", "--format", "markdown");
            assertEquals(0, run.exit(), run::all);
            assertTrue(run.out().startsWith("### Schema Sync — plan for "), run::out);
            assertTrue(run.out().contains("| ℹ | C0002_Users | table public.users | will create |"), run::out);
            assertTrue(run.out().contains("<details><summary>SQL (18 statements)</summary>"), run::out);
            assertTrue(run.out().contains("**Summary: 16 to add, 1 to alter, 0 unchanged, 0 warnings — dry run, nothing was changed"), run::out);
        }
    }

    @Test
    void aReviewedPlanIsAppliedExactlyOrRefused(@TempDir Path dir) throws Exception {
        try (Scenario s = Scenario.start()) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
            Path plan = dir.resolve("plan.json");
            assertEquals(0, CliProcess.run(env, "--dry-run", "--plan-out", plan.toString(), "--quiet").exit());

            // The database moved on after the review: refused, nothing changed.
            s.execute("CREATE TABLE someone_elses (x int)");
            Run stale = CliProcess.run(env, "--apply", "--plan", plan.toString());
            assertEquals(7, stale.exit(), stale::all);
            assertTrue(stale.err().contains("the reviewed plan is stale: the database changed since it was made"), stale::all);
            assertEquals(null, s.queryString("SELECT to_regclass('public.users')"));

            // A fresh review applies exactly what it showed.
            s.execute("DROP TABLE someone_elses");
            assertEquals(0, CliProcess.run(env, "--dry-run", "--plan-out", plan.toString(), "--quiet").exit());
            JsonNode reviewed = JSON.readTree(Files.readString(plan));
            Run applied = CliProcess.run(env, "--apply", "--plan", plan.toString(), "--format", "json");
            assertEquals(0, applied.exit(), applied::all);
            JsonNode done = JSON.readTree(applied.out());
            assertEquals(reviewed.findValues("sql").toString(), done.findValues("sql").toString(), "exactly the reviewed statements");

            // Applying it again: the database already converged.
            Run again = CliProcess.run(env, "--apply", "--plan", plan.toString());
            assertEquals(0, again.exit(), again::all);
            assertTrue(again.out().contains("The reviewed plan was already applied"), again::all);

            // Blocks changed since the review (here: the recorded fingerprint no longer matches).
            Files.writeString(plan, Files.readString(plan).replaceFirst("\"blocks\" : \"sha256:[0-9a-f]+\"", "\"blocks\" : \"sha256:00\""));
            Run otherBlocks = CliProcess.run(env, "--apply", "--plan", plan.toString());
            assertEquals(7, otherBlocks.exit(), otherBlocks::all);
            assertTrue(otherBlocks.err().contains("the change blocks changed since it was made"), otherBlocks::all);
        }
    }

    @Test
    void planFlagsAreValidated(@TempDir Path dir) throws Exception {
        Run wrongMode = CliProcess.run(Map.of(), "--apply", "--plan-out", dir.resolve("p.json").toString());
        assertEquals(2, wrongMode.exit(), wrongMode::all);
        Files.writeString(dir.resolve("bad.json"), "{ not json");
        Run bad = CliProcess.run(Map.of("DATABASE_URL", "postgres://u@127.0.0.1:1/x"), "--apply", "--plan",
                dir.resolve("bad.json").toString());
        assertEquals(2, bad.exit(), bad::all);
        assertTrue(bad.err().contains("is not valid JSON"), bad::all);
    }

    @Test
    void helpHasExamplesAndCompletionIsGenerated() throws Exception {
        Run help = CliProcess.run(Map.of(), "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Examples:") && help.out().contains("--check"), help::out);
        assertTrue(CliProcess.run(Map.of(), "verify", "--help").out().contains("--postgres-version"));
        Run completion = CliProcess.run(Map.of(), "generate-completion");
        assertEquals(0, completion.exit(), completion::all);
        assertTrue(completion.out().contains("complete -F"), completion::out);
    }
}
