package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.cli.SchemaSyncCli;
import schemasync.dsl.ChangeBlock;

/**
 * docs/workflow-examples.md shows real output: its blocks are compiled from the document itself, run
 * in the state it describes (the sample applied, 200 organizations, 12,000 users and memberships,
 * 3,000 projects, ANALYZE), and the output it shows must be what the tool prints now.
 * Covered: example 3 (a partial index and an expression index on existing tables); the pull-request plan and
 * examples 1, 2, 4, 5 and 6: WorkflowWalkthroughTest.
 */
class WorkflowExamplesTest {
    private static final Path DOC = Path.of("docs/workflow-examples.md");

    /** The first whole-file java block of the document that declares this class. */
    static String blockSource(String doc, String className) {
        Matcher m = Pattern.compile("```java\n(package changes;.*?)```", Pattern.DOTALL).matcher(doc);
        while (m.find()) {
            if (m.group(1).contains("final class " + className + " ")) return m.group(1);
        }
        throw new AssertionError("no block " + className + " in " + DOC);
    }

    static List<ChangeBlock> compile(String doc, Path dir, String... classNames) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/changes"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")));
        for (String name : classNames) {
            Path file = src.resolve(name + ".java");
            Files.writeString(file, blockSource(doc, name));
            args.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(String[]::new)), errors::toString);
        URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, WorkflowExamplesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                for (String c : classNames) {
                    if (name.equals("changes." + c)) {
                        synchronized (getClassLoadingLock(name)) {
                            Class<?> loaded = findLoadedClass(name);
                            return loaded != null ? loaded : findClass(name);
                        }
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        List<ChangeBlock> blocks = new ArrayList<>();
        for (String name : classNames) {
            Constructor<?> c = loader.loadClass("changes." + name).getDeclaredConstructor();
            c.setAccessible(true);
            blocks.add((ChangeBlock) c.newInstance());
        }
        return blocks;
    }

    /** The lines of one block's section of a dry run, through the summary; elapsed time made stable. */
    static String section(String output, String blockId) {
        int start = output.indexOf(blockId + " — ");
        assertTrue(start >= 0, "no section " + blockId + " in:\n" + output);
        int end = output.indexOf('\n', output.indexOf("Summary: ", start));
        return output.substring(start, end + 1).replaceAll("\\(\\d+\\.\\d+ s\\)", "(… s)");
    }

    @Test
    void exampleThreeShowsWhatTheToolPrints(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC);
        List<ChangeBlock> examples = compile(doc, dir, "C0009_Invoices", "C0010_UserLocale", "C0011_SearchIndexes");
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(Changes.ALL);
            s.execute("INSERT INTO organizations (name, slug) SELECT 'Org ' || g, 'org-' || g FROM generate_series(1, 200) g");
            s.execute("INSERT INTO users (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, 12000) g");
            s.execute("INSERT INTO memberships (organization_id, user_id) SELECT 1 + g % 200, g FROM generate_series(1, 12000) g");
            s.execute("INSERT INTO projects (organization_id, title) SELECT 1 + g % 200, 'P' || g FROM generate_series(1, 3000) g");
            s.execute("ANALYZE");
            List<ChangeBlock> upToTwo = new ArrayList<>(Changes.ALL);
            upToTwo.addAll(examples.subList(0, 2));
            s.applyAndConverge(upToTwo);

            List<ChangeBlock> upToThree = new ArrayList<>(upToTwo);
            upToThree.add(examples.get(2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = SchemaSyncCli.run(new String[] {"--dry-run"}, upToThree,
                    Map.of("DATABASE_URL", CliProcess.platformUrl(s.url), "SCHEMA_SYNC_ALLOW_SAMPLE", "1"), false,
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, exit);
            String actual = section(out.toString(StandardCharsets.UTF_8), "C0011_SearchIndexes");
            String example = doc.substring(doc.indexOf("## 3. A partial index"), doc.indexOf("## 4. "));
            String shown = section(example, "C0011_SearchIndexes");
            assertEquals(actual, shown, "workflow example 3 is stale; the tool now prints:\n" + actual);
        }
    }
}
