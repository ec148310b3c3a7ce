package schemasync.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.CliProcess;
import schemasync.Scenario;
import schemasync.cli.SchemaSyncCli;
import schemasync.dsl.ChangeBlock;

/**
 * A new user's first run on a real database: init empties changes/, the sample cannot reach a
 * database that is not the embedded one, a block missing from Changes.ALL is an error, and README's
 * path (init, dry-run, first block, apply) touches nothing the user did not declare.
 */
class SafeStartTest {

    /** A real database that already holds tables, data, a view and a function. */
    private static final String[] EXISTING = {
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, name text)",
            "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " customer_id bigint NOT NULL REFERENCES customers, total numeric(12,2) CHECK (total >= 0))",
            "CREATE INDEX orders_customer_idx ON orders (customer_id)",
            "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 1000",
            "CREATE TABLE projects (id bigint PRIMARY KEY, name text)",
            "INSERT INTO customers SELECT g, 'c' || g || '@example.com', 'C ' || g FROM generate_series(1, 500) g",
            "INSERT INTO orders (customer_id, total) SELECT 1 + g % 500, g FROM generate_series(1, 2000) g",
            "INSERT INTO projects VALUES (1, 'kept')"};

    /** Every relation, column, index, constraint and default of the existing objects, and their data. */
    private static String existing(Scenario s) throws Exception {
        return s.queryString("SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
                + " SELECT format('%s|%s|%s', relname, relkind, relfilenode) AS x FROM pg_class"
                + "   WHERE relnamespace = 'public'::regnamespace AND relname NOT LIKE 'feature_flags%'"
                + " UNION ALL SELECT format('%s|%s|%s|%s', attrelid::regclass, attname, atttypid, attnotnull)"
                + "   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + "   WHERE attnum > 0 AND c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'feature_flags%'"
                + " UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text <> 'feature_flags'"
                + " UNION ALL SELECT (SELECT md5(string_agg(c::text, ',' ORDER BY id)) FROM customers c)"
                + " UNION ALL SELECT (SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM orders o)"
                + " UNION ALL SELECT (SELECT md5(string_agg(p::text, ',' ORDER BY id)) FROM projects p)) q");
    }

    record Out(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Out cli(List<? extends ChangeBlock> blocks, Map<String, String> env, Path changesDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SchemaSyncCli.run(args, blocks, env, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), changesDir);
        return new Out(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path copyOfChanges(Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("changes"));
        try (Stream<Path> files = Files.list(Path.of("changes"))) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        return dir;
    }

    @Test
    void theSampleIsRefusedOnADatabaseThatIsNotTheEmbeddedOne() throws Exception {
        try (Scenario s = Scenario.start(EXISTING)) {
            String before = existing(s);
            for (String mode : List.of("--dry-run", "--apply", "--check")) {
                Out r = cli(Changes.ALL, Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), null, mode);
                assertEquals(2, r.exit(), r::all);
                assertTrue(r.err().contains("Changes.ALL still holds the sample blocks (C0001_Organizations"), r::all);
                assertTrue(r.err().contains("sync-production-schema.java init"), "the message names the fix: " + r.all());
                assertFalse(r.all().contains(CliProcess.secret(s.url)), "no password in the message");
                assertFalse(r.all().contains("Exception"), r::all);
            }
            assertEquals(before, existing(s), "nothing was changed");
            assertEquals("f", s.queryString("SELECT to_regclass('organizations') IS NOT NULL"));
        }
    }

    @Test
    void aBlockInTheFolderButNotInTheListIsAnError(@TempDir Path tmp) throws Exception {
        Path dir = copyOfChanges(tmp);
        List<ChangeBlock> withoutLast = List.copyOf(Changes.ALL.subList(0, Changes.ALL.size() - 1));
        try (Scenario s = Scenario.start()) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url), "SCHEMA_SYNC_ALLOW_SAMPLE", "1");
            Out r = cli(withoutLast, env, dir, "--apply");
            assertEquals(2, r.exit(), r::all);
            assertTrue(r.err().contains("does not list C0008_ProjectsUpdatedAt"), r::all);
            assertEquals("f", s.queryString("SELECT to_regclass('organizations') IS NOT NULL"), "nothing was changed");
            // A helper class beside the blocks is not a block: no error for it.
            Files.writeString(dir.resolve("Sql.java"), "package changes;\nfinal class Sql {\n}\n");
            Out all = cli(Changes.ALL, env, dir, "--dry-run");
            assertEquals(0, all.exit(), all::all);
        }
    }

    @Test
    void theShippedFolderListsEveryBlockItDeclares() {
        Out r = cli(Changes.ALL, Map.of(), Path.of("changes"), "docs", "--out", "-");
        assertEquals(0, r.exit(), r::all);
        assertTrue(r.out().contains("organizations"), r::all);
    }

    @Test
    void initLeavesAnEmptyListThatCompilesAndRefusesToTouchBlocksOfYourOwn(@TempDir Path tmp) throws Exception {
        Path dir = copyOfChanges(tmp);
        Out r = cli(List.of(), Map.of(), null, "init", "--changes-dir", dir.toString());
        assertEquals(0, r.exit(), r::all);
        assertTrue(r.out().startsWith("Removed 8 sample blocks and wrote "), r::all);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("Changes.java"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(List.of(), compileAndLoadAll(dir.resolve("Changes.java"), tmp.resolve("classes")));

        Out again = cli(List.of(), Map.of(), null, "init", "--changes-dir", dir.toString());
        assertEquals(0, again.exit(), again::all);
        assertTrue(again.out().contains("already a fresh start"), again::all);

        Path own = dir.resolve("C0001_Mine.java");
        Files.writeString(own, "package changes;\nfinal class C0001_Mine implements schemasync.dsl.ChangeBlock {}\n");
        String list = Files.readString(dir.resolve("Changes.java"));
        Out refused = cli(List.of(), Map.of(), null, "init", "--changes-dir", dir.toString());
        assertEquals(2, refused.exit(), refused::all);
        assertTrue(refused.err().contains("already holds blocks of your own (C0001_Mine)"), refused::all);
        assertTrue(Files.exists(own));
        assertEquals(list, Files.readString(dir.resolve("Changes.java")));
    }

    /** README's "Use it on your database": init, dry-run (nothing to do), the first block, dry-run, apply. */
    @Test
    void theFirstChangeOnANonEmptyDatabaseTouchesOnlyWhatItDeclares(@TempDir Path tmp) throws Exception {
        Path dir = copyOfChanges(tmp);
        assertEquals(0, cli(List.of(), Map.of(), null, "init", "--changes-dir", dir.toString()).exit());
        try (Scenario s = Scenario.start(EXISTING)) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
            String before = existing(s);

            Out empty = cli(List.of(), env, dir, "--dry-run");
            assertEquals(0, empty.exit(), empty::all);
            assertTrue(empty.out().contains("Summary: 0 to add, 0 unchanged, 4 warnings — in sync, nothing to do"), empty::all);
            Out emptyApply = cli(List.of(), env, dir, "--apply");
            assertEquals(0, emptyApply.exit(), emptyApply::all);
            assertEquals(before, existing(s), "an empty Changes.ALL changes nothing");

            List<ChangeBlock> first = List.of(new C0001_FeatureFlags());
            Out dry = cli(first, env, dir, "--dry-run");
            assertEquals(0, dry.exit(), dry::all);
            assertTrue(dry.out().contains("Summary: 1 to add,"), dry::all);
            assertTrue(dry.out().contains("CREATE TABLE \"public\".\"feature_flags\""), dry::all);
            Out apply = cli(first, env, dir, "--apply");
            assertEquals(0, apply.exit(), apply::all);
            assertEquals("t", s.queryString("SELECT to_regclass('feature_flags') IS NOT NULL"));
            assertEquals(before, existing(s), "the tables, view, data and constraints nobody declared are untouched");
            Out check = cli(first, env, dir, "--check");
            assertEquals(6, check.exit(), "in sync; the undeclared tables are reported, never dropped: " + check.all());
            assertTrue(s.plan(first).isEmpty(), "planning again finds nothing to do");
        }
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(".column(\"enabled\", BOOLEAN.notNull(), dflt(\"false\"))"),
                "README shows the block this test applies");
    }

    /** javac over one source against the test class path, then Changes.ALL from a loader over the output. */
    static Object compileAndLoadAll(Path source, Path classes) throws Exception {
        Files.createDirectories(classes);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, diagnostics, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, rc, diagnostics::toString);
        // Child first for the new Changes (the test class path holds the sample's), parent first for the rest.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, SafeStartTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals("changes.Changes")) return super.loadClass(name, resolve);
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }
        }) {
            return Class.forName("changes.Changes", true, loader).getField("ALL").get(null);
        }
    }
}
