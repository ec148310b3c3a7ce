package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.TestDatabase;
import schemasync.db.DatabaseUrl;

/**
 * The fleet recipes of docs/fleet run: the exact arguments each one gives the tool, once per shard as
 * the job engine would start them (the index substituted as Kubernetes and GitHub Actions do), against
 * a schema-per-tenant database; together the shards handle every tenant exactly once.
 */
class FleetRecipesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TENANTS = 12;

    @Test
    void theKubernetesIndexedJobsPodsTogetherConvergeEveryTenantOnce() throws Exception {
        String recipe = Files.readString(Path.of("docs/fleet/kubernetes-indexed-job.yaml"));
        Matcher args = Pattern.compile("(?m)^\\s*args: \\[(.*)]\\s*$").matcher(recipe);
        assertTrue(args.find(), "the Job's args");
        List<String> template = Arrays.stream(args.group(1).split(",\\s*")).map(a -> a.strip().replaceAll("^\"|\"$", "")).toList();
        int shards = Integer.parseInt(match(recipe, "(?m)^\\s*completions: (\\d+)"));
        assertTrue(recipe.contains("completionMode: Indexed"));
        List<List<String>> pods = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            int index = i;
            pods.add(template.stream().map(a -> a.replace("$(JOB_COMPLETION_INDEX)", Integer.toString(index))).toList());
        }
        runShards(pods, null);
    }

    @Test
    void theGithubActionsMatrixJobsTogetherConvergeEveryTenantOnce(@TempDir Path temp) throws Exception {
        String recipe = Files.readString(Path.of("docs/fleet/github-actions-matrix.yml"));
        String run = match(recipe, "(?m)^\\s*run: \\./jbang sync-production-schema\\.java (.*)$");
        String[] matrix = match(recipe, "(?m)^\\s*shard: \\[(.*)]").split(",\\s*");
        List<List<String>> jobs = new ArrayList<>();
        for (String shard : matrix) {
            String line = run.replace("${{ matrix.shard }}", shard.strip()).replace("${{ runner.temp }}", temp.toString());
            jobs.add(List.of(line.split("\\s+")));
        }
        assertEquals(List.of("0", "1", "2", "3"), Arrays.stream(matrix).map(String::strip).toList());
        runShards(jobs, temp);
    }

    /** Each shard's command on one database of {@link #TENANTS} tenants; every tenant handled once, then all in sync. */
    private static void runShards(List<List<String>> commands, Path resultsDir) throws Exception {
        DatabaseUrl db = TestDatabase.fresh();
        FleetFixture.createTenants(db, "tenant_", TENANTS);
        Map<String, String> env = Map.of("DATABASE_URL", FleetFixture.text(db));
        Map<String, Integer> handled = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            FleetFixture.Run run = FleetFixture.cli(FleetFixture.TENANT_BLOCKS, env, commands.get(i).toArray(String[]::new));
            assertEquals(0, run.exit(), commands.get(i) + "\n" + run.out() + run.err());
            List<String> lines = resultsDir == null ? run.jsonLines()
                    : Files.readAllLines(resultsDir.resolve("fleet-" + i + ".jsonl"));
            for (String line : lines) {
                JsonNode r = JSON.readTree(line);
                if (!r.has("unit")) continue;
                assertEquals("applied", r.get("status").asText(), line);
                Integer before = handled.put(r.get("unit").asText(), i);
                assertEquals(null, before, r.get("unit").asText() + " handled by shards " + before + " and " + i);
            }
        }
        assertEquals(TENANTS, handled.size(), "every tenant handled: " + handled.keySet());
        FleetFixture.Run check = FleetFixture.cli(FleetFixture.TENANT_BLOCKS, env, "--check", "--tenant-schemas", "tenant_%");
        assertEquals(0, check.exit(), check.out() + check.err());
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
