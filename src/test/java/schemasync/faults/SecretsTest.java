package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.CliProcess.Run;
import schemasync.Scenario;

/**
 * Every command and mode, as real processes, with DATABASE_URL carrying a known password that the
 * server really checks (scram): the password appears in no stdout, stderr, JSON document or plan file,
 * not even in --verbose stack traces of failures. BadInputTest checks the same for every failure case.
 */
class SecretsTest {

    @Test
    void theKnownPasswordNeverAppears(@TempDir Path dir) throws Exception {
        try (Scenario s = Scenario.start()) {
            Roles.ensure(s.connection);
            String database = s.queryString("SELECT current_database()");
            s.execute("ALTER DATABASE " + database + " OWNER TO " + Roles.PASSWORD_USER);
            Roles.grantReadOnly(s.connection, database);
            Map<String, String> env = Map.of("DATABASE_URL", Roles.platformUrl(s.url, Roles.PASSWORD_USER, Roles.PASSWORD));
            Map<String, String> readOnly = Map.of("DATABASE_URL", Roles.platformUrl(s.url, Roles.READ_ONLY_USER, Roles.PASSWORD));
            Map<String, String> wrong = Map.of("DATABASE_URL", Roles.platformUrl(s.url, Roles.PASSWORD_USER, Roles.PASSWORD + "x"));
            Path plan = dir.resolve("plan.json");
            List<String> seen = new ArrayList<>();

            seen.add(check(0, Tool.run(env, null, "--dry-run", "--verbose")));
            seen.add(check(0, Tool.run(env, null, "--dry-run", "--format", "markdown")));
            seen.add(check(5, Tool.run(env, null, "--check", "--format", "json")));
            seen.add(check(0, Tool.run(env, null, "--dry-run", "--format", "json", "--plan-out", plan.toString())));
            seen.add(Files.readString(plan));
            seen.add(check(2, Tool.run(readOnly, null, "--apply", "--verbose")));
            seen.add(check(2, Tool.run(wrong, null, "--apply", "--verbose")));
            seen.add(check(2, Tool.run(wrong, null, "--check", "--format", "json")));
            seen.add(check(2, Tool.run(env, "default-injection", "--apply", "--verbose")));
            seen.add(check(0, Tool.run(env, null, "--apply", "--plan", plan.toString(), "--format", "json")));
            seen.add(check(0, Tool.run(env, null, "--apply", "--verbose")));
            seen.add(check(0, Tool.run(env, null, "--check")));
            seen.add(check(0, Tool.run(env, null, "--help")));
            seen.add(check(0, Tool.run(env, null, "--version")));
            seen.add(check(0, Tool.run(env, null, "verify", "--quiet")));
            seen.add(check(0, Tool.run(env, null, "docs", "--help")));
            for (String output : seen) {
                assertFalse(output.contains(Roles.PASSWORD), output);
                assertFalse(output.contains("Kn0wn-S3cret"), output);
            }
        }
    }

    private static String check(int exit, Run run) {
        assertEquals(exit, run.exit(), run::all);
        assertTrue(run.out().length() + run.err().length() > 0);
        return run.out() + "\n" + run.err();
    }
}
