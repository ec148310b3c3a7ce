package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.TestDatabase;
import schemasync.db.DatabaseUrl;

class FleetSmokeTest {
    @Test
    void smoke(@TempDir Path dir) throws Exception {
        DatabaseUrl a = TestDatabase.fresh();
        DatabaseUrl b = TestDatabase.fresh();
        FleetFixture.createTenants(a, "tenant_", 20);
        FleetFixture.createTenants(b, "tenant_", 3);
        Path targets = dir.resolve("targets.txt");
        Files.writeString(targets, "# test\na  $A_URL\nb $B_URL # second\n");
        Map<String, String> env = Map.of("A_URL", FleetFixture.text(a), "B_URL", FleetFixture.text(b));
        long t0 = System.nanoTime();
        var run = FleetFixture.cli(FleetFixture.TENANT_BLOCKS, env, "--apply", "--targets", targets.toString(), "--tenant-schemas", "tenant_%");
        System.out.println(run.out() + run.err() + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        t0 = System.nanoTime();
        var again = FleetFixture.cli(FleetFixture.TENANT_BLOCKS, env, "--check", "--targets", targets.toString(), "--tenant-schemas", "tenant_%", "--format", "json");
        System.out.println(again.out() + again.err() + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(0, run.exit());
        assertEquals(0, again.exit());
    }
}
