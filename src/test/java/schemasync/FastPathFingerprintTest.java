package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess.Run;
import schemasync.cli.SchemaSyncCli;
import schemasync.dsl.ChangeBlock;

/**
 * What can invalidate the fast path's blocks fingerprint on a real PostgreSQL: the blocks' state and list, the
 * run's allowed hazards, a record an earlier version wrote; and that a taken fast path runs no block at all
 * (the fingerprint is of their code), with managed schemas whose names need quoting read back from the record.
 */
class FastPathFingerprintTest {
    private static final String TAKEN = "fast path taken";
    private static final String NOT_TAKEN = "fast path not taken";
    private static final String SCHEMA = "Odd, schéma 'x'";

    @Test
    void aTakenFastPathRunsNoBlockAndReadsTheRecordedSchemas() throws Exception {
        List<ChangeBlock> blocks = List.of(new PureBlocks.Counted(SCHEMA, "a", true), new PureBlocks.Counted(SCHEMA, "b", false));
        try (Scenario s = Scenario.start()) {
            Run first = apply(s, blocks, "--verbose");
            assertEquals(0, first.exit(), first::all);
            assertTrue(first.err().contains("fast path: recorded"), first::all);
            int declared = PureBlocks.DECLARED.get();
            Run second = apply(s, blocks, "--verbose");
            assertTrue(second.err().contains(TAKEN), second::all);
            assertTrue(second.err().contains("the blocks' fingerprint is of the blocks' code"), second::all);
            assertEquals(declared, PureBlocks.DECLARED.get(), "a taken fast path declares nothing");

            // DDL in the recorded schema (read back from the setting, not from the blocks) is seen.
            s.execute("ALTER TABLE \"" + SCHEMA + "\".a ADD COLUMN extra int");
            Run after = apply(s, blocks, "--verbose");
            assertTrue(after.err().contains(NOT_TAKEN), after::all);
            assertTrue(after.out().contains("1 warning"), "the undeclared column is drift: " + after.all());
            assertTrue(PureBlocks.DECLARED.get() > declared, "the full comparison runs the blocks");

            // Another state of the same block class is other blocks.
            List<ChangeBlock> renamed = List.of(new PureBlocks.Counted(SCHEMA, "a", true), new PureBlocks.Counted(SCHEMA, "c", false));
            Run changed = apply(s, renamed, "--verbose");
            assertTrue(changed.err().contains(NOT_TAKEN + ": the catalog, the blocks or the tool version changed"), changed::all);
            assertTrue(changed.out().contains("applied 1 statement(s)"), changed::all);
        }
    }

    @Test
    void theAllowedHazardsAreKeyedAndAnEarlierRecordIsNotTrusted() throws Exception {
        try (Scenario s = Scenario.start()) {
            assertEquals(0, apply(s, PureBlocks.FAST_PATH).exit());
            assertTrue(apply(s, PureBlocks.FAST_PATH, "--verbose").err().contains(TAKEN));

            Run allowing = apply(s, PureBlocks.FAST_PATH, "--verbose", "--allow-hazard", "INDEX_BUILD");
            assertEquals(0, allowing.exit(), allowing::all);
            assertTrue(allowing.err().contains(NOT_TAKEN + ": the catalog, the blocks or the tool version changed"), allowing::all);
            assertTrue(apply(s, PureBlocks.FAST_PATH, "--verbose", "--allow-hazard", "INDEX_BUILD").err().contains(TAKEN));
            // Both verified keys are kept (two builds or flag sets of the same blocks do not undo each other's record)...
            assertTrue(apply(s, PureBlocks.FAST_PATH, "--verbose").err().contains(TAKEN));
            // ...and neither outlives a change of the catalog.
            s.execute("CREATE TABLE fast_path_other (id int)");
            assertTrue(apply(s, PureBlocks.FAST_PATH, "--verbose", "--allow-hazard", "INDEX_BUILD").err().contains(NOT_TAKEN));
            s.execute("DROP TABLE fast_path_other");

            // A record in the format of an earlier version (no schemas): the full comparison, then a new record.
            String database = s.queryString("SELECT current_database()");
            s.execute("ALTER DATABASE \"" + database + "\" SET schema_sync.fingerprint = 'sha256:00 2026-01-01T00:00:00Z 0'");
            Run old = apply(s, PureBlocks.FAST_PATH, "--verbose");
            assertEquals(0, old.exit(), old::all);
            assertTrue(old.err().contains(NOT_TAKEN), old::all);
            assertTrue(old.err().contains("fast path: recorded"), old::all);
            Run again = apply(s, PureBlocks.FAST_PATH, "--verbose");
            assertTrue(again.err().contains(TAKEN), again::all);
            assertFalse(again.out().contains("Summary:"), again::all);
        }
    }

    private static Run apply(Scenario s, List<ChangeBlock> blocks, String... args) {
        List<String> all = new ArrayList<>(List.of("--apply"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = SchemaSyncCli.run(all.toArray(String[]::new), blocks, Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)),
                    false, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
