package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.CliProcess.Run;
import schemasync.dsl.DeclaredSchema;
import schemasync.report.SchemaDocs;

/** verify and docs through the real command line, and the committed docs/SCHEMA.md. */
class VerifyCliTest {

    @Test
    void verifyProvesTheShippedBlocksAndTheCommittedDocs() throws Exception {
        Run run = CliProcess.run(Map.of(), "verify");
        assertEquals(0, run.exit(), run::all);
        assertTrue(run.out().contains("✓ apply again to an empty database executes nothing"), run::out);
        assertTrue(run.out().contains("✓ apply to a database where blocks 1–4 already ran"), run::out);
        assertTrue(run.out().contains("✓ docs/SCHEMA.md is up to date"), run::out);
        assertTrue(run.out().contains("Verified: all 8 checks held on PostgreSQL 17."), run::out);
    }

    @Test
    void verifyFailsOnStaleDocsAndRunsOtherMajors(@TempDir Path dir) throws Exception {
        Path stale = dir.resolve("SCHEMA.md");
        Files.writeString(stale, "# outdated\n");
        Run run = CliProcess.run(Map.of(), "verify", "--postgres-version", "15", "--schema-doc", stale.toString());
        assertEquals(8, run.exit(), run::all);
        assertTrue(run.out().contains("✗ " + stale + " is up to date — stale: run ./jbang sync-production-schema.java docs"), run::out);
        assertTrue(run.out().contains("on PostgreSQL 15."), run::out);
        Run unknown = CliProcess.run(Map.of(), "verify", "--postgres-version", "12");
        assertEquals(2, unknown.exit(), unknown::all);
        assertTrue(unknown.err().contains("PostgreSQL 12 is not available embedded"), unknown::all);
    }

    @Test
    void docsWritesWhatVerifyExpects(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("docs/SCHEMA.md");
        Run run = CliProcess.run(Map.of(), "docs", "--out", out.toString());
        assertEquals(0, run.exit(), run::all);
        assertEquals(SchemaDocs.markdown(DeclaredSchema.of(changes.Changes.ALL)), Files.readString(out));
        assertTrue(CliProcess.run(Map.of(), "docs", "--out", out.toString()).out().contains("is up to date"));
        assertEquals(Files.readString(Path.of("docs/SCHEMA.md")), Files.readString(out), "the committed docs/SCHEMA.md is current");
    }

    @Test
    void theWrapperScriptCallsVerify() throws Exception {
        Path script = Path.of("scripts/verify-sync-script.sh");
        assertTrue(Files.isExecutable(script));
        assertTrue(Files.readString(script).contains("sync-production-schema.java verify"));
    }
}
