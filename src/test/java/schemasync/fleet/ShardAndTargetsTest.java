package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.SchemaSyncException;
import schemasync.db.DatabaseUrl;

/** Shards partition any set of names; the targets file's format, its errors, and no URL in them. */
class ShardAndTargetsTest {

    @Test
    void shardsZeroToNMinusOneCoverEveryUnitExactlyOnceForSeveralN() {
        FleetTarget db = new FleetTarget("eu-1", DatabaseUrl.parse("jdbc:postgresql://localhost/app"));
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) units.add(Unit.tenant(db, "tenant_" + i));
        units.add(Unit.database(new FleetTarget("production", db.url())));
        units.add(Unit.database(new FleetTarget("ünïcode-name", db.url())));
        for (int n : new int[] {1, 2, 3, 7, 16, 100}) {
            Map<String, Integer> owner = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (Unit u : new Shard(i, n).select(units)) {
                    Integer before = owner.put(u.name(), i);
                    assertEquals(null, before, u + " in shards " + before + " and " + i + " of " + n);
                }
            }
            assertEquals(units.size(), owner.size(), "every unit handled for n=" + n);
            if (n > 1 && n <= 16) {
                long smallest = owner.values().stream().filter(v -> v == 0).count();
                assertTrue(smallest > units.size() / n / 2, "shards are roughly even for n=" + n + ": " + smallest);
            }
        }
        // Stable: the same bucket in every JVM (CRC-32 of UTF-8), which a job engine's pods rely on.
        assertEquals(Shard.bucket("eu-1/tenant_42", 8), Shard.bucket("eu-1/tenant_42", 8));
    }

    @Test
    void shardFlagErrorsAreClear() {
        assertEquals(new Shard(3, 8), Shard.parse("3/8"));
        assertThrows(SchemaSyncException.class, () -> Shard.parse("8/8"));
        assertThrows(SchemaSyncException.class, () -> Shard.parse("1/0"));
        assertTrue(assertThrows(SchemaSyncException.class, () -> Shard.parse("$(JOB_COMPLETION_INDEX)/8")).getMessage()
                .contains("i/n"));
    }

    @Test
    void theTargetsFileTakesNamesUrlsVariablesAndComments() {
        Map<String, String> env = Map.of("STAGING_URL", "postgres://app:pw@staging.internal:5432/app");
        List<String> warnings = new ArrayList<>();
        List<FleetTarget> targets = TargetsFile.parse("targets.txt", List.of(
                "# name   URL or $VARIABLE",
                "",
                "staging    $STAGING_URL     # from CI's secrets",
                "customer-a jdbc:postgresql://db-a.internal:5432/app?user=app",
                "customer.b ${STAGING_URL}"), env, warnings::add);
        assertEquals(List.of("staging", "customer-a", "customer.b"), targets.stream().map(FleetTarget::name).toList());
        assertEquals("pw", targets.get(0).url().properties().getProperty("password"));
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertEquals("staging", targets.get(0).toString(), "a target shows as its name");
    }

    @Test
    void targetsFileErrorsNameTheLineAndNeverTheUrl() {
        Map<String, String> env = Map.of("BAD", "mysql://root:hunter2@db.internal/app");
        SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> TargetsFile.parse("t.txt", List.of(
                "a $MISSING",
                "b $BAD",
                "c",
                "a jdbc:postgresql://x/y",
                "bad/name jdbc:postgresql://x/y"), env, w -> { }));
        String m = e.getMessage();
        assertTrue(m.contains("t.txt line 1: target a reads MISSING, which is not set"), m);
        assertTrue(m.contains("t.txt line 2: target b has an invalid database URL"), m);
        assertTrue(m.contains("t.txt line 3"), m);
        assertTrue(m.contains("t.txt line 5"), m);
        assertFalse(m.contains("hunter2") || m.contains("db.internal"), m);
        List<String> warnings = new ArrayList<>();
        TargetsFile.parse("t.txt", List.of("x postgres://u:inline@h/db"), Map.of(), warnings::add);
        assertEquals(1, warnings.size());
        assertFalse(warnings.get(0).contains("inline"), warnings.toString());
    }

    @Test
    void theWorkflowEnvironmentsNeedNoFile() {
        FleetTarget staging = TargetsFile.named("staging", Map.of("DATABASE_URL_STAGING", "postgres://app@stg/app"), w -> { });
        assertEquals("staging", staging.name());
        assertTrue(assertThrows(SchemaSyncException.class, () -> TargetsFile.named("production", Map.of(), w -> { }))
                .getMessage().contains("DATABASE_URL_PRODUCTION"));
        assertThrows(SchemaSyncException.class, () -> TargetsFile.named("qa", Map.of(), w -> { }));
    }

    @Test
    void messagesNameTheTargetNotItsHostOrPassword() {
        FleetTarget t = new FleetTarget("eu", DatabaseUrl.parse("postgres://app:pw-123@db-eu.internal:6432/app"));
        String hidden = t.hide("cannot connect to " + t.url().display() + ": Connection to db-eu.internal:6432 refused; pw-123");
        assertFalse(hidden.contains("db-eu.internal") || hidden.contains("pw-123") || hidden.contains("6432"), hidden);
        assertTrue(hidden.contains("target eu"), hidden);
    }
}
