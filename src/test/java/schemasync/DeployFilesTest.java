package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess.Run;

/**
 * The commands the shipped deploy files contain (docs/ci/schema-sync.yml, Procfile.example) run,
 * in file order, against a test database, so the files cannot rot. Only the database URL is
 * supplied; the arguments are exactly the file's. (./jbang itself is covered by JbangFrontDoorTest.)
 */
public class DeployFilesTest {
    private static final Pattern COMMAND = Pattern.compile(
            "(?m)^\\s*(?:run|release):\\s*\\./jbang sync-production-schema\\.java((?:\\s+--?[\\w-]+(?:\\s+(?!--)[\\w.-]+)?)*)\\s*(>>.*)?$");

    public static List<List<String>> commands(Path file) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        Matcher m = COMMAND.matcher(Files.readString(file));
        while (m.find()) commands.add(Arrays.stream(m.group(1).trim().split("\\s+")).filter(a -> !a.isEmpty()).toList());
        return commands;
    }

    @Test
    void theGithubActionsWorkflowsCommandsRun() throws Exception {
        List<List<String>> commands = commands(Path.of("docs/ci/schema-sync.yml"));
        assertEquals(List.of(List.of("--check", "--format", "markdown"), List.of("--apply"),
                List.of("--check", "--format", "markdown")), commands, "the workflow's commands, in file order");
        try (Scenario s = Scenario.start()) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
            List<Integer> exits = new ArrayList<>();
            for (List<String> args : commands) {
                Run run = CliProcess.run(env, args.toArray(String[]::new));
                exits.add(run.exit());
                assertTrue(run.err().isEmpty(), run::all);
            }
            assertEquals(List.of(5, 0, 0), exits, "the pull request's check finds changes pending, apply, then check finds the database in sync");
        }
    }

    @Test
    void theProcfileReleaseCommandRuns() throws Exception {
        List<List<String>> commands = commands(Path.of("Procfile.example"));
        assertEquals(List.of(List.of("--apply")), commands);
        try (Scenario s = Scenario.start()) {
            Run run = CliProcess.run(Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), commands.get(0).toArray(String[]::new));
            assertEquals(0, run.exit(), run::all);
            assertTrue(run.out().contains("verified in sync"), run::out);
        }
    }
}
