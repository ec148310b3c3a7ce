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

    /**
     * Each way of passing credentials connects for real (scram: the server checks the password) and
     * none prints it: PG* variables alone, DATABASE_URL_FILE, a URL without a password plus PGPASSFILE,
     * PGSERVICE, a password command (and its failure), and --database-url with a password, warned about.
     */
    @Test
    void everyCredentialSourceConnectsAndNoneShowsThePassword(@TempDir Path dir) throws Exception {
        try (Scenario s = Scenario.start()) {
            Roles.ensure(s.connection);
            String database = s.queryString("SELECT current_database()");
            s.execute("ALTER DATABASE " + database + " OWNER TO " + Roles.PASSWORD_USER);
            String hostPort = s.url.jdbcUrl().replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
            String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
            String port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
            String withoutPassword = "postgres://" + Roles.PASSWORD_USER + "@" + hostPort + "/" + database;
            Map<String, String> home = Map.of("HOME", dir.toString());
            List<String> seen = new ArrayList<>();

            Map<String, String> pg = new java.util.HashMap<>(home);
            pg.putAll(Map.of("PGHOST", host, "PGPORT", port, "PGDATABASE", database, "PGUSER", Roles.PASSWORD_USER,
                    "PGPASSWORD", Roles.PASSWORD, "PGSSLMODE", "disable"));
            seen.add(check(0, Tool.run(pg, null, "--apply", "--verbose")));

            Path urlFile = Files.writeString(dir.resolve("database-url"), Roles.platformUrl(s.url, Roles.PASSWORD_USER, Roles.PASSWORD) + "\n");
            seen.add(check(0, Tool.run(with(home, "DATABASE_URL_FILE", urlFile.toString()), null, "--check", "--verbose")));

            Path pgpass = Files.writeString(dir.resolve("pgpass"), host + ":" + port + ":*:" + Roles.PASSWORD_USER + ":" + Roles.PASSWORD + "\n");
            Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            seen.add(check(0, Tool.run(with(with(home, "DATABASE_URL", withoutPassword), "PGPASSFILE", pgpass.toString()), null, "--check")));

            Path services = Files.writeString(dir.resolve("services.conf"), "[app]\nhost=" + host + "\nport=" + port
                    + "\ndbname=" + database + "\nuser=" + Roles.PASSWORD_USER + "\n");
            seen.add(check(0, Tool.run(with(with(with(home, "PGSERVICE", "app"), "PGSERVICEFILE", services.toString()),
                    "PGPASSFILE", pgpass.toString()), null, "--check", "--format", "json")));

            Path token = Files.writeString(dir.resolve("token"), Roles.PASSWORD + "\n");
            seen.add(check(0, Tool.run(with(home, "DATABASE_URL", withoutPassword), null, "--check",
                    "--password-command", "cat " + token)));
            seen.add(check(0, Tool.run(with(with(home, "DATABASE_URL", withoutPassword), "SCHEMA_SYNC_PASSWORD_COMMAND", "cat " + token),
                    null, "--dry-run", "--format", "markdown")));
            Run failed = Tool.run(with(home, "DATABASE_URL", withoutPassword), null, "--apply", "--verbose",
                    "--password-command", "cat " + token + "; exit 3");
            seen.add(check(2, failed));
            assertTrue(failed.err().startsWith("error: the password command failed with exit status 3"), failed::err);

            Run onCommandLine = Tool.run(home, null, "--check", "--database-url", Roles.platformUrl(s.url, Roles.PASSWORD_USER, Roles.PASSWORD));
            seen.add(check(0, onCommandLine));
            assertTrue(onCommandLine.err().startsWith("warning: the password in --database-url is visible to every user"),
                    onCommandLine::err);
            for (String output : seen) {
                assertFalse(output.contains(Roles.PASSWORD), output);
                assertFalse(output.contains("Kn0wn-S3cret"), output);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        copy.put(key, value);
        return copy;
    }

    private static String check(int exit, Run run) {
        assertEquals(exit, run.exit(), run::all);
        assertTrue(run.out().length() + run.err().length() > 0);
        return run.out() + "\n" + run.err();
    }
}
