package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess.Run;

/**
 * The front door as users run it: ./jbang (bootstrapped from Maven Central on first use), the
 * aliases of jbang-catalog.json, and the verify wrapper script. Slow on a cold cache (JBang resolves
 * and compiles the script once), so one test covers them all.
 */
class JbangFrontDoorTest {

    @Test
    void aliasesAndWrapperWorkThroughJbang() throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        try (Scenario s = Scenario.start()) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url), "SCHEMA_SYNC_JBANG_NO_PATH", "1");
            Run check = CliProcess.exec(List.of("./jbang", "sync", "--check", "--quiet"), root, env, 600);
            assertEquals(5, check.exit(), check::all);
            assertTrue(check.out().contains("Summary: 16 to add, 1 to alter"), check::all);

            Run verifyAlias = CliProcess.exec(List.of("./jbang", "verify", "--help"), root, env, 300);
            assertEquals(0, verifyAlias.exit(), verifyAlias::all);
            assertTrue(verifyAlias.out().contains("--postgres-version"), verifyAlias::all);

            Run wrapper = CliProcess.exec(List.of("scripts/verify-sync-script.sh", "--help"), root, env, 300);
            assertEquals(0, wrapper.exit(), wrapper::all);
            assertTrue(wrapper.out().startsWith("Usage: sync-production-schema verify"), wrapper::all);
        }
    }
}
