package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess.Run;

/**
 * The commands the shipped deploy files contain run, in file order, against a test database, so the
 * files cannot rot: docs/ci/schema-sync.yml (./jbang), and the release artifact's recipes (Procfile.example,
 * deploy/: Dockerfile, Helm hook Job, init container, Render, Railway, GitHub Actions). Only the database
 * URL is supplied; JVM options and arguments are exactly the file's; the jar is the one the documented
 * build writes, and the recipe must name it by that path. No Docker engine here: the image's ENTRYPOINT,
 * CMD and training RUN line are run as they are written. (./jbang itself: JbangFrontDoorTest.)
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

    // --- The release artifact's recipes (docs/DEPLOYING.md, deploy/, Procfile.example) ---------------------

    /** A {@code java … -jar JAR ARGS} line, up to an optional shell redirection. */
    private static final Pattern JAVA_LINE = Pattern.compile("java((?:\\s+-[^\\s]+)*)\\s+-jar\\s+(\\S+)((?:\\s+[\\w./=:-]+)*)");

    /** The one command a recipe runs: JVM options, the jar it names, the arguments. */
    record JavaCommand(List<String> jvmOptions, String jar, List<String> args) {
        static JavaCommand parse(String line) {
            Matcher m = JAVA_LINE.matcher(line);
            assertTrue(m.find(), "no java -jar command in: " + line);
            return new JavaCommand(words(m.group(1)), m.group(2), words(m.group(3)));
        }

        /** This JVM, the jar the build really produced (or an archive) in place of the recipe's paths. */
        List<String> resolve(Map<String, Path> paths) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String option : jvmOptions) {
                String resolved = option;
                for (Map.Entry<String, Path> p : paths.entrySet()) resolved = resolved.replace(p.getKey(), p.getValue().toString());
                command.add(resolved);
            }
            command.add("-jar");
            command.add(paths.getOrDefault(jar, Path.of(jar)).toString());
            command.addAll(args);
            return command;
        }
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String line(Path file, String regex) throws Exception {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
        assertTrue(m.find(), file + ": no line matching " + regex);
        String found = m.group(1);
        assertFalse(m.find(), file + ": more than one line matching " + regex);
        return found;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    private static List<String> jsonArray(String json) {
        return Pattern.compile("\"([^\"]*)\"").matcher(json).results().map(r -> r.group(1)).toList();
    }

    /** Runs a recipe's command from a directory other than the project's, with only DATABASE_URL set. */
    private static Run runOnAFreshDatabase(List<String> command) throws Exception {
        Path elsewhere = Files.createTempDirectory("deploy-recipe-cwd");
        try (Scenario s = Scenario.start()) {
            return CliProcess.exec(command, elsewhere, Map.of("DATABASE_URL", CliProcess.platformUrl(s.url)), 180);
        }
    }

    private static void assertAppliedAndVerified(Run run) {
        assertEquals(0, run.exit(), run::all);
        assertTrue(run.out().contains("verified in sync"), run::out);
        assertTrue(run.err().isEmpty(), run::all);
    }

    @Test
    void thePlatformReleasePhasesRunTheArtifact() throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Procfile.example", line(Path.of("Procfile.example"), "^release:\\s*(.*)$"));
        lines.put("deploy/render.yaml", line(Path.of("deploy/render.yaml"), "^\\s*preDeployCommand:\\s*(.*)$"));
        lines.put("deploy/railway.json", jsonArray(line(Path.of("deploy/railway.json"), "\"preDeployCommand\":\\s*(\\[.*\\])")).get(0));
        Path jar = ReleaseArtifact.jar();
        for (Map.Entry<String, String> recipe : lines.entrySet()) {
            JavaCommand command = JavaCommand.parse(recipe.getValue());
            assertEquals(ReleaseArtifact.PATH, command.jar(), recipe.getKey() + " runs the jar the build writes");
            assertEquals(List.of("--apply"), command.args(), recipe.getKey());
            // The platform runs it from the project root; target/ is relative to it.
            assertAppliedAndVerified(runOnAFreshDatabase(command.resolve(Map.of(ReleaseArtifact.PATH, jar))));
        }
        for (String build : List.of(line(Path.of("deploy/render.yaml"), "^\\s*buildCommand:\\s*(.*)$"),
                line(Path.of("deploy/railway.json"), "\"buildCommand\":\\s*\"([^\"]*)\""))) {
            assertEquals("./mvnw -q -B package -DskipTests", build, "the documented build command");
        }
    }

    @Test
    void theGithubActionsArtifactWorkflowBuildsAndRunsTheJar() throws Exception {
        Path workflow = Path.of("deploy/github-actions/schema-sync.yml");
        String text = Files.readString(workflow);
        assertTrue(text.contains("run: ./mvnw -q -B package -DskipTests"), "builds with the documented command");
        assertTrue(text.contains("path: " + ReleaseArtifact.PATH), "uploads the jar the build writes");
        List<JavaCommand> commands = Pattern.compile("(?m)^\\s*run:\\s*(java .*)$").matcher(text).results()
                .map(r -> JavaCommand.parse(r.group(1))).toList();
        assertEquals(List.of(List.of("--dry-run", "--format", "markdown"), List.of("--apply")),
                commands.stream().map(JavaCommand::args).toList(), "the workflow's commands, in file order");
        Path jar = ReleaseArtifact.jar();
        try (Scenario s = Scenario.start()) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
            Run plan = CliProcess.exec(commands.get(0).resolve(Map.of(ReleaseArtifact.PATH, jar)), Files.createTempDirectory("gha"), env, 180);
            assertEquals(0, plan.exit(), plan::all);
            assertTrue(plan.out().startsWith("#") || plan.out().contains("| "), "markdown for the job summary: " + plan.out());
            Run apply = CliProcess.exec(commands.get(1).resolve(Map.of(ReleaseArtifact.PATH, jar)), Files.createTempDirectory("gha"), env, 180);
            assertAppliedAndVerified(apply);
        }
    }

    @Test
    void theContainerImageAndTheKubernetesRecipesRunTheArtifact() throws Exception {
        Path dockerfile = Path.of("deploy/Dockerfile");
        String text = Files.readString(dockerfile);
        assertTrue(text.contains("RUN ./mvnw -q -B package -DskipTests"), "the image builds with the documented command");
        assertTrue(text.contains("COPY --from=build --chown=schemasync:schemasync /src/" + ReleaseArtifact.PATH + " /app/schema-sync.jar"),
                "the image takes the jar the build writes");
        assertTrue(Pattern.compile("(?m)^FROM eclipse-temurin:17-jre$").matcher(text).find(), "runs on a JRE");
        assertTrue(Pattern.compile("(?m)^USER schemasync$").matcher(text).find(), "runs as a non-root user");
        List<String> entrypoint = jsonArray(line(dockerfile, "^ENTRYPOINT (\\[.*\\])$"));
        List<String> cmd = jsonArray(line(dockerfile, "^CMD (\\[.*\\])$"));
        String training = line(dockerfile, "^RUN (java .*?)\\s*\\\\?$");

        Path jar = ReleaseArtifact.jar();
        Path app = Files.createTempDirectory("docker-app");
        Map<String, Path> paths = Map.of("/app/schema-sync.jar", jar, "/app/schema-sync.jsa", app.resolve("schema-sync.jsa"));
        // The image's training run (an apply to an embedded PostgreSQL) writes the class-data archive ...
        Path trainingData = Path.of("/tmp/schema-sync-training");
        assertTrue(training.contains("--embedded-dir " + trainingData + " --apply"), training);
        deleteRecursively(trainingData);
        Run train = CliProcess.exec(JavaCommand.parse(training).resolve(paths), app, Map.of(), 600);
        deleteRecursively(trainingData);
        assertEquals(0, train.exit(), train::all);
        assertTrue(train.out().contains("verified in sync") && train.err().isEmpty(), train::all);
        assertTrue(Files.size(app.resolve("schema-sync.jsa")) > 1_000_000, "a class-data archive was written");
        // ... that this JVM accepts for this jar (-Xshare:on fails instead of silently ignoring it).
        Run strict = CliProcess.exec(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + app.resolve("schema-sync.jsa"), "-jar", jar.toString(), "--version"), app, Map.of(), 60);
        assertEquals(0, strict.exit(), strict::all);

        // docker run IMAGE: ENTRYPOINT + CMD.
        List<String> dockerRun = new ArrayList<>(entrypoint);
        dockerRun.addAll(cmd);
        assertAppliedAndVerified(runOnAFreshDatabase(JavaCommand.parse(String.join(" ", dockerRun)).resolve(paths)));
        // The Helm hook Job and the init container: the image's ENTRYPOINT with their args.
        Map<String, String> kubernetes = Map.of(
                "deploy/helm/templates/schema-sync-job.yaml", "--apply",
                "deploy/helm/templates/deployment-init-container.yaml", "--apply --lock-wait 5m");
        for (Map.Entry<String, String> recipe : kubernetes.entrySet()) {
            Path file = Path.of(recipe.getKey());
            String yaml = Files.readString(file);
            assertTrue(yaml.contains("secretKeyRef:") && yaml.contains("key: DATABASE_URL"), file + ": the URL from a Secret");
            List<String> args = jsonArray(line(file, "^\\s*args:\\s*(\\[.*\\])$"));
            assertEquals(recipe.getValue(), String.join(" ", args), file.toString());
            List<String> podCommand = new ArrayList<>(entrypoint);
            podCommand.addAll(args);
            assertAppliedAndVerified(runOnAFreshDatabase(JavaCommand.parse(String.join(" ", podCommand)).resolve(paths)));
        }
        assertTrue(Files.readString(Path.of("deploy/helm/templates/schema-sync-job.yaml"))
                .contains("\"helm.sh/hook\": pre-install,pre-upgrade"), "a Helm pre-install/pre-upgrade hook");
    }
}
