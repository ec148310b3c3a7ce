package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import schemasync.cli.SchemaSyncCli;

/** README's first screen: its two commands, its block (the sample's own file) and that block's real dry run. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    static final String OUTPUT_MARK = "<!-- output: C0005 dry run -->\n```\n";

    /** Elapsed times differ from run to run; everything else must match to the byte. */
    static String stable(String output) {
        return output.replaceAll("\\(\\d+\\.\\d+ s\\)", "(… s)");
    }

    @Test
    void firstScreenStartsWithTheTwoCommands() throws Exception {
        String readme = Files.readString(README);
        int firstFence = readme.indexOf("```\n");
        String commands = readme.substring(firstFence + 4, readme.indexOf("```", firstFence + 4));
        List<String> lines = commands.lines().map(l -> l.replaceFirst("\\s+#.*", "")).toList();
        assertEquals(List.of("./jbang sync-production-schema.java --dry-run", "./mvnw test"), lines);
        assertTrue(readme.lines().count() < 200, "README stays under 200 lines");
    }

    @Test
    void theBlockShownIsTheSampleFileWithoutItsSampleMark() throws Exception {
        String readme = Files.readString(README);
        Matcher java = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(java.find());
        String file = Files.readString(Path.of("changes/C0005_UserLastLogin.java"))
                .replace("import schemasync.dsl.SampleBlock;\n", "").replace("@SampleBlock\n", "");
        assertEquals(file, java.group(1));
    }

    @Test
    void theDryRunShownIsWhatTheToolPrints() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf(OUTPUT_MARK);
        assertTrue(start >= 0, "README marks its output block");
        String shown = readme.substring(start + OUTPUT_MARK.length(), readme.indexOf("```", start + OUTPUT_MARK.length()));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(Changes.ALL.subList(0, 4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = SchemaSyncCli.run(new String[] {"--dry-run", "--quiet"}, Changes.ALL.subList(0, 5),
                    Map.of("DATABASE_URL", CliProcess.platformUrl(s.url), "SCHEMA_SYNC_ALLOW_SAMPLE", "1"), false,
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, exit);
            String actual = out.toString(StandardCharsets.UTF_8);
            assertEquals(stable(actual), stable(shown), "README's dry run is stale; the tool now prints:\n" + actual);
        }
    }
}
