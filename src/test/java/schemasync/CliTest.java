package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess.Run;
import schemasync.cli.SchemaSyncCli;
import schemasync.db.Connections;

/** The real command line (see {@link CliProcess}): exit codes, safety of dry runs, secrets. */
class CliTest {

    /** Everything in the database's catalog that a schema change could touch, as text. */
    private static String catalogFingerprint(Scenario s) throws Exception {
        return s.queryString("SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
                + " SELECT format('%s|%s|%s|%s', relnamespace::regnamespace, relname, relkind, relfilenode) AS x FROM pg_class"
                + " UNION ALL SELECT format('%s|%s|%s|%s', attrelid::regclass, attname, atttypid, attnotnull)"
                + "   FROM pg_attribute WHERE attnum > 0"
                + " UNION ALL SELECT format('%s|%s', pg_get_indexdef(indexrelid), indisvalid) FROM pg_index"
                + " UNION ALL SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"
                + " UNION ALL SELECT nspname FROM pg_namespace"
                + " UNION ALL SELECT coalesce(description, '') FROM pg_description) q");
    }

    @Test
    void withoutATerminalAndWithoutAUrlItRefusesToGuess() throws Exception {
        Run r = CliProcess.run(Map.of(), "--apply");
        assertEquals(2, r.exit(), r::all);
        assertTrue(r.err().contains("no database: set DATABASE_URL"), r::all);
        assertFalse(r.all().contains("Exception"), "no stack trace for a user error");
    }

    @Test
    void unknownFlagIsUsageError() throws Exception {
        Run r = CliProcess.run(Map.of(), "--aply");
        assertEquals(2, r.exit(), r::all);
        assertTrue(r.err().contains("Unknown option: '--aply'"), r::all);
    }

    @Test
    void dryRunChangesNothingThenApplyConvergesAndNoPasswordIsEverPrinted() throws Exception {
        try (Scenario s = Scenario.start()) {
            String url = CliProcess.platformUrl(s.url);
            String before = catalogFingerprint(s);
            Run dry = CliProcess.run(Map.of("DATABASE_URL", url), "--dry-run");
            assertEquals(0, dry.exit(), dry::all);
            assertTrue(dry.out().contains("Summary: 16 to add, 1 to alter, 0 unchanged, 0 warnings — dry run, nothing was changed"), dry::all);
            assertEquals(before, catalogFingerprint(s), "the dry run left the catalog byte-identical");

            Run apply = CliProcess.run(Map.of("DATABASE_URL", url), "--apply");
            assertEquals(0, apply.exit(), apply::all);
            assertTrue(apply.out().contains("applied 18 statement(s) in one transaction, verified in sync"), apply::all);

            // Nothing changed since the verified apply: the fast path (FastPathTest), unless --full-check.
            Run again = CliProcess.run(Map.of("DATABASE_URL", url), "--apply", "--quiet");
            assertEquals(0, again.exit(), again::all);
            assertTrue(again.out().startsWith("✓ already in sync, nothing was changed (catalog unchanged"), again::all);
            Run full = CliProcess.run(Map.of("DATABASE_URL", url), "--apply", "--quiet", "--full-check");
            assertEquals(0, full.exit(), full::all);
            assertTrue(full.out().startsWith("Summary: 0 to add, 43 unchanged, 0 warnings — already in sync"), full::all);

            for (Run r : List.of(dry, apply, again, full)) {
                assertFalse(r.all().contains(CliProcess.secret(s.url)), "password printed: " + r.all());
                assertFalse(r.all().contains("\u001b["), "no colours without a terminal");
            }
        }
    }

    @Test
    void connectionFailureIsExitTwoWithoutThePassword() throws Exception {
        Run r = CliProcess.run(Map.of(), "--database-url", "postgresql://app:hunter2-Secret@127.0.0.1:1/app?connect_timeout=2", "--dry-run");
        assertEquals(2, r.exit(), r::all);
        assertTrue(r.err().contains("cannot connect to postgresql://app@127.0.0.1:1/app"), r::all);
        assertFalse(r.all().contains("hunter2"), r::all);
    }

    @Test
    void lockBusyHasItsOwnExitCode() throws Exception {
        try (Scenario s = Scenario.start(); Connection other = Connections.open(s.url); Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + 0x5363686d53796e63L + ")");
            Run r = CliProcess.run(Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), "--apply", "--lock-wait", "500ms");
            assertEquals(3, r.exit(), r::all);
            assertTrue(r.err().contains("another Schema Sync apply holds the lock"), r::all);
            var pid = other.createStatement().executeQuery("SELECT pg_backend_pid()");
            pid.next();
            assertTrue(r.err().contains("held by pid " + pid.getInt(1) + " (application 'schema-sync'"), r::err);
            assertTrue(r.err().contains("raise --lock-wait"), r::err);
        }
    }

    @Test
    void invalidDeclarationsAreReportedBeforeAnUnreachableDatabase() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SchemaSyncCli.run(new String[] {"--apply", "--database-url", "postgres://u@127.0.0.1:1/none"},
                List.of(block("C7_Bad", db -> db.ensureTable("", t -> t.column("a", "int")))), Map.of(), false,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, exit);
        assertEquals("error: invalid declarations (nothing was changed):\n  - C7_Bad: table name is blank\n",
                err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A run against DATABASE_URL connects while picocli reads the command line (HeadStart). When the
     * command line then turns out to be wrong, that connection must not outlive the run: the usage
     * error is the same as without a head start, and the session goes away.
     */
    @Test
    void aUsageErrorClosesTheConnectionOpenedAhead() throws Exception {
        try (Scenario s = Scenario.start()) {
            String sessions = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
            String before = s.queryString(sessions);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = SchemaSyncCli.run(new String[] {"--apply", "--no-such-flag"}, List.of(),
                    Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), false,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, exit);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: Unknown option: '--no-such-flag'"),
                    () -> err.toString(StandardCharsets.UTF_8));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!before.equals(s.queryString(sessions))) {
                assertTrue(System.currentTimeMillis() < deadline, "the connection opened ahead is still open");
                Thread.sleep(50);
            }
        }
    }
}
