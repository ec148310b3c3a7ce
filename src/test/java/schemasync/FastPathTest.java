package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The fast path of a no-op {@code --apply} (FastPath, CatalogVersion) on a real PostgreSQL: taken when
 * nothing changed since the last verified apply, never after any DDL by anyone, nor when the blocks change or
 * hold custom steps, nor for a role that cannot record it (and that role's runs still succeed).
 */
class FastPathTest {
    private static final String TAKEN = "fast path taken";
    private static final String NOT_TAKEN = "fast path not taken";

    /** Blocks whose code reads nothing from outside: fingerprinted from their code, never run on the fast path. */
    private static final List<ChangeBlock> BLOCKS = PureBlocks.FAST_PATH;

    /** Each DDL, then what puts the catalog back where the blocks converge again (null: the apply does it). */
    private static final List<String[]> DDL = List.of(
            new String[] {"ALTER TABLE accounts ADD COLUMN extra integer", "ALTER TABLE accounts DROP COLUMN extra"},
            new String[] {"ALTER TABLE accounts ALTER COLUMN email SET NOT NULL", "ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL"},
            new String[] {"ALTER TABLE accounts ALTER COLUMN email SET DEFAULT 'x'", "ALTER TABLE accounts ALTER COLUMN email DROP DEFAULT"},
            new String[] {"ALTER TABLE notes ALTER COLUMN body TYPE varchar(100)", "ALTER TABLE notes ALTER COLUMN body TYPE text"},
            new String[] {"ALTER TABLE notes RENAME COLUMN body TO body2", "ALTER TABLE notes DROP COLUMN body2"},
            new String[] {"ALTER TABLE accounts SET (fillfactor = 70)", "ALTER TABLE accounts RESET (fillfactor)"},
            new String[] {"ALTER TABLE accounts ALTER COLUMN id SET INCREMENT BY 2", "ALTER TABLE accounts ALTER COLUMN id SET INCREMENT BY 1"},
            new String[] {"ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email <> '')",
                    "ALTER TABLE accounts DROP CONSTRAINT accounts_email_check"},
            new String[] {"COMMENT ON TABLE accounts IS 'people'", "COMMENT ON TABLE accounts IS NULL"},
            new String[] {"COMMENT ON COLUMN accounts.email IS 'where to write'", "COMMENT ON COLUMN accounts.email IS NULL"},
            new String[] {"COMMENT ON SCHEMA public IS 'changed'", "COMMENT ON SCHEMA public IS 'standard public schema'"},
            new String[] {"COMMENT ON INDEX accounts_email_idx IS 'lookups'", "COMMENT ON INDEX accounts_email_idx IS NULL"},
            new String[] {"GRANT SELECT ON accounts TO fast_path_reader", "REVOKE SELECT ON accounts FROM fast_path_reader"},
            new String[] {"GRANT SELECT (email) ON accounts TO fast_path_reader", "REVOKE SELECT (email) ON accounts FROM fast_path_reader"},
            new String[] {"GRANT USAGE ON SCHEMA public TO fast_path_reader", "REVOKE USAGE ON SCHEMA public FROM fast_path_reader"},
            new String[] {"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO fast_path_reader",
                    "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM fast_path_reader"},
            new String[] {"ALTER ROLE fast_path_reader RENAME TO fast_path_reader2", "ALTER ROLE fast_path_reader2 RENAME TO fast_path_reader"},
            new String[] {"ALTER TABLE accounts OWNER TO fast_path_reader", "ALTER TABLE accounts OWNER TO CURRENT_USER"},
            new String[] {"CREATE INDEX accounts_plan_idx ON accounts (plan)", "DROP INDEX accounts_plan_idx"},
            new String[] {"ALTER INDEX accounts_email_idx RENAME TO accounts_email_idx2",
                    "DROP INDEX IF EXISTS accounts_email_idx; ALTER INDEX accounts_email_idx2 RENAME TO accounts_email_idx"},
            new String[] {"DROP INDEX accounts_email_idx", "CREATE INDEX IF NOT EXISTS accounts_email_idx ON accounts (email)"},
            new String[] {"CREATE TYPE mood AS ENUM ('sad')", null},
            new String[] {"ALTER TYPE mood ADD VALUE 'happy'", null},
            new String[] {"ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", "DROP TYPE mood"},
            new String[] {"CREATE OR REPLACE VIEW pro_accounts AS SELECT id, email FROM accounts WHERE plan = 'free'", null},
            new String[] {"CREATE OR REPLACE FUNCTION note_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT 42::bigint $$", null},
            new String[] {"ALTER TABLE accounts ENABLE ROW LEVEL SECURITY", "ALTER TABLE accounts DISABLE ROW LEVEL SECURITY"},
            new String[] {"CREATE POLICY everyone ON accounts USING (true)", "DROP POLICY everyone ON accounts"},
            new String[] {"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                    "DROP FUNCTION touch()"},
            new String[] {"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
                    + " CREATE TRIGGER touch BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch()",
                    "DROP TRIGGER touch ON notes; DROP FUNCTION touch()"},
            new String[] {"CREATE SEQUENCE stray_seq", "DROP SEQUENCE stray_seq"},
            new String[] {"CREATE TABLE stray (id int)", "DROP TABLE stray"},
            new String[] {"DROP TABLE notes CASCADE; CREATE TABLE notes (id bigint PRIMARY KEY, body text)", null});

    @Test
    void secondNoOpTakesTheFastPathAndEveryDdlLeadsToTheFullComparison() throws Exception {
        try (Scenario s = Scenario.start(createRole("fast_path_reader", ""))) {
            try {
                Run first = apply(s, BLOCKS, "--verbose");
                assertEquals(0, first.exit(), first::all);
                assertTrue(first.out().contains("verified in sync"), first::all);
                assertTrue(first.err().contains("fast path not taken: no verified apply recorded"), first::all);
                assertTrue(first.err().contains("fast path: recorded"), first::all);

                Run second = apply(s, BLOCKS, "--verbose");
                assertEquals(0, second.exit(), second::all);
                assertTrue(second.err().contains(TAKEN), second::all);
                assertTrue(second.out().contains("\n✓ already in sync, nothing was changed (catalog unchanged since the last"
                        + " verified apply"), second::all);
                assertFalse(second.out().contains("Summary:"), "no object was compared: " + second.all());

                // Statistics are not the schema: VACUUM and ANALYZE update pg_class in place.
                s.execute("VACUUM ANALYZE accounts");
                assertTrue(apply(s, BLOCKS, "--verbose").err().contains(TAKEN), "ANALYZE is no DDL");

                Run quiet = apply(s, BLOCKS, "--quiet");
                assertTrue(quiet.out().startsWith("✓ already in sync, nothing was changed"), quiet::all);

                Run json = apply(s, BLOCKS, "--format", "json");
                assertEquals(0, json.exit(), json::all);
                JsonNode doc = new ObjectMapper().readTree(json.out());
                assertEquals("in-sync", doc.get("outcome").asText(), json::all);
                assertEquals("fast-path", doc.get("comparison").asText(), json::all);
                assertEquals("apply", doc.get("mode").asText());
                assertEquals(0, doc.get("exitCode").asInt());
                assertTrue(doc.get("summary").get("inSync").asBoolean());
                assertTrue(doc.get("fingerprint").get("blocks").asText().startsWith("sha256:"), json::all);

                Run full = apply(s, BLOCKS, "--full-check", "--quiet");
                assertEquals(0, full.exit(), full::all);
                assertTrue(full.out().startsWith("Summary: 0 to add, "), full::all);
                assertTrue(full.out().contains("already in sync, nothing was changed"), full::all);

                List<String> missed = new ArrayList<>();
                for (String[] ddl : DDL) {
                    Run before = apply(s, BLOCKS, "--verbose");
                    assertTrue(before.err().contains(TAKEN), "before " + ddl[0] + ": " + before.all());
                    s.execute(ddl[0]);
                    Run after = apply(s, BLOCKS, "--verbose");
                    if (!after.err().contains(NOT_TAKEN) || after.out().contains("catalog unchanged")) missed.add(ddl[0]);
                    if (ddl[1] != null) s.execute(ddl[1]);
                    Run back = apply(s, BLOCKS, "--verbose");
                    assertEquals(0, back.exit(), "after " + ddl[0] + " and its undo: " + back.all());
                }
                assertEquals(List.of(), missed, "DDL after which the fast path was still taken");
            } finally {
                s.execute("DROP OWNED BY fast_path_reader");
            }
        }
    }

    @Test
    void changedBlocksOrCustomStepsTakeTheFullComparison() throws Exception {
        try (Scenario s = Scenario.start()) {
            assertEquals(0, apply(s, BLOCKS).exit());
            assertTrue(apply(s, BLOCKS, "--verbose").err().contains(TAKEN));

            List<ChangeBlock> more = new ArrayList<>(BLOCKS);
            more.add(block("C3_Score", db -> db.ensureColumn("accounts", "score", "integer")));
            Run changed = apply(s, more, "--verbose");
            assertEquals(0, changed.exit(), changed::all);
            assertTrue(changed.err().contains(NOT_TAKEN + ": the catalog, the blocks or the tool version changed"), changed::all);
            assertTrue(changed.out().contains("applied 1 statement(s)"), changed::all);
            assertTrue(apply(s, more, "--verbose").err().contains(TAKEN), "recorded after the verified apply");

            List<ChangeBlock> custom = new ArrayList<>(more);
            custom.add(block("C4_Backfill", db -> db.customStep("backfill_score", "SELECT EXISTS (SELECT 1 FROM accounts WHERE score IS NULL)",
                    "UPDATE accounts SET score = 0 WHERE score IS NULL")));
            for (int i = 0; i < 2; i++) {
                Run run = apply(s, custom, "--verbose");
                assertEquals(0, run.exit(), run::all);
                assertTrue(run.err().contains(NOT_TAKEN + ": the blocks hold custom steps"), run::all);
            }
            // --dry-run and --check always show the whole plan.
            Run dry = run(s.url, more, "--dry-run", "--verbose");
            assertFalse(dry.err().contains("fast path"), dry::all);
            assertTrue(dry.out().contains("in sync, nothing to do (dry run)"), dry::all);
        }
    }

    @Test
    void aRoleThatCannotRecordNeverTakesTheFastPathAndNeverFails() throws Exception {
        try (Scenario s = Scenario.start(createRole("fast_path_app", "LOGIN PASSWORD 'app-Secret'"),
                "GRANT CREATE ON SCHEMA public TO fast_path_app")) {
            try {
                String hostAndDb = s.url.jdbcUrl().substring("jdbc:postgresql://".length());
                schemasync.db.DatabaseUrl app = schemasync.db.DatabaseUrl.parse("postgres://fast_path_app:app-Secret@" + hostAndDb);
                for (int i = 0; i < 2; i++) {
                    Run run = run(app, BLOCKS, "--apply", "--verbose");
                    assertEquals(0, run.exit(), run::all);
                    assertTrue(run.err().contains(NOT_TAKEN + ": no verified apply recorded"), run::all);
                    assertTrue(run.err().contains("the fast path for later no-op runs was not recorded"), run::all);
                    assertFalse(run.all().contains("app-Secret"), run::all);
                }
                Run plain = run(app, BLOCKS, "--apply");
                assertEquals(0, plain.exit(), plain::all);
                assertFalse(plain.all().contains("not recorded"), "said only in verbose output: " + plain.all());
            } finally {
                s.execute("DROP OWNED BY fast_path_app");
            }
        }
    }

    /** Roles are cluster-wide: a role left by an earlier run is reused. */
    private static String createRole(String name, String options) {
        return "DO $$ BEGIN CREATE ROLE " + name + " " + options + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    }

    private static Run apply(Scenario s, List<ChangeBlock> blocks, String... args) {
        List<String> all = new ArrayList<>(List.of("--apply"));
        all.addAll(List.of(args));
        return run(s.url, blocks, all.toArray(String[]::new));
    }

    /** In this JVM, with DATABASE_URL set: the head start (connect, catalog version read ahead) runs too. */
    private static Run run(schemasync.db.DatabaseUrl url, List<ChangeBlock> blocks, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = SchemaSyncCli.run(args, blocks, Map.of("DATABASE_URL", CliProcess.platformUrl(url)), false, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
