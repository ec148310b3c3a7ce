package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.TestDatabase;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;

/**
 * The issue's fleet: 200 tenant schemas in one database plus 5 databases of 2 tenants, and an
 * unreachable one. One tenant drifted (an orphan row the declared foreign key rejects), one apply is
 * killed while it waits for a lock; the others converge, the results name exactly those that did
 * not and why, --only-failed finishes the job, and a check over everything then plans nothing.
 */
class FleetConvergenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFleetConvergesAroundItsFailuresAndOnlyFailedFinishesTheJob(@TempDir Path dir) throws Exception {
        DatabaseUrl big = TestDatabase.fresh();
        FleetFixture.createTenants(big, "tenant_", 200);
        // Drift: someone created tenant_007's table by hand, with a row whose plan does not exist.
        FleetFixture.sql(big, "CREATE TABLE tenant_007.accounts (id bigint PRIMARY KEY, plan_id integer, email text)",
                "INSERT INTO tenant_007.accounts VALUES (1, 99, 'orphan@example.com')");
        Map<String, String> env = new HashMap<>();
        env.put("BIG_URL", FleetFixture.text(big));
        // The small databases first: their units start while big's 200 tenants take the lock in turn.
        StringBuilder file = new StringBuilder("# the issue's fleet\n");
        List<DatabaseUrl> small = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            DatabaseUrl d = TestDatabase.fresh();
            FleetFixture.createTenants(d, "tenant_", 2);
            small.add(d);
            env.put("D" + i + "_URL", FleetFixture.text(d));
            file.append("d").append(i).append("  ${D").append(i).append("_URL}\n");
        }
        // The killed one: an existing table the apply must ALTER, held by a reader while the apply waits.
        DatabaseUrl d5 = small.get(4);
        FleetFixture.sql(d5, "CREATE TABLE tenant_000.accounts (id bigint PRIMARY KEY, plan_id integer)");
        env.put("GONE_URL", "jdbc:postgresql://127.0.0.1:1/app?user=app&password=s3cr3t-pw&connectTimeout=2");
        file.append("gone  $GONE_URL\n");
        file.append("big   $BIG_URL   # 200 tenants\n");
        Path targets = dir.resolve("targets.txt");
        Files.writeString(targets, file);
        Path first = dir.resolve("first.jsonl");

        Map<String, JsonNode> results;
        try (Connection locker = Connections.open(d5); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            st.execute("LOCK TABLE tenant_000.accounts IN ACCESS SHARE MODE");
            CompletableFuture<FleetFixture.Run> run = CompletableFuture.supplyAsync(() -> FleetFixture.cli(FleetFixture.TENANT_BLOCKS,
                    env, "--apply", "--targets", targets.toString(), "--tenant-schemas", "tenant_%", "--parallel", "4",
                    "--lock-timeout", "1s", "--retry-deadline", "300s", "--format", "json", "--results", first.toString()));
            killWhenWaitingForALock(d5);
            FleetFixture.Run done = run.get();
            assertEquals(10, done.exit(), done.out() + done.err());
            String all = done.out() + done.err();
            assertFalse(all.contains("127.0.0.1:1"), () -> "a target's URL is never printed: "
                    + all.lines().filter(l -> l.contains("127.0.0.1:1")).toList());
            assertFalse(done.out().contains("s3cr3t-pw") || done.err().contains("s3cr3t-pw"), "nor its password");
            results = byUnit(done.jsonLines());
            assertEquals(Files.readAllLines(first).size(), done.jsonLines().size(), "--results holds what stdout showed");
            locker.rollback();
        }
        assertEquals(200 + 10 + 1, results.size(), results.keySet().toString());
        assertEquals(Set.of("big/tenant_007", "d5/tenant_000", "gone"), notOk(results));
        JsonNode drifted = results.get("big/tenant_007");
        assertEquals("failed", drifted.get("status").asText());
        assertTrue(drifted.at("/error/message").asText().contains("foreign key"), drifted.toString());
        JsonNode gone = results.get("gone");
        assertEquals("unreachable", gone.get("status").asText());
        assertTrue(gone.at("/error/message").asText().contains("cannot connect to target gone"), gone.toString());
        JsonNode killed = results.get("d5/tenant_000");
        assertEquals("failed", killed.get("status").asText());
        assertEquals("DATABASE", killed.at("/error/code").asText(), killed.toString());
        for (JsonNode r : results.values()) {
            if (r.get("ok").asBoolean()) assertTrue(Set.of("applied", "in-sync").contains(r.get("status").asText()), r.toString());
        }

        // The causes fixed: the orphan row goes, the lock is gone, the network is back (a new database).
        FleetFixture.sql(big, "DELETE FROM tenant_007.accounts WHERE plan_id = 99");
        DatabaseUrl back = TestDatabase.fresh();
        FleetFixture.createTenants(back, "tenant_", 2);
        env.put("GONE_URL", FleetFixture.text(back));
        FleetFixture.Run rerun = FleetFixture.cli(FleetFixture.TENANT_BLOCKS, env, "--apply", "--targets", targets.toString(),
                "--tenant-schemas", "tenant_%", "--only-failed", first.toString(), "--format", "json");
        assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
        Map<String, JsonNode> again = byUnit(rerun.jsonLines());
        assertEquals(Set.of("big/tenant_007", "d5/tenant_000", "gone/tenant_000", "gone/tenant_001"), again.keySet());

        // Every unit re-planned: nothing to do anywhere (in three shards, which together cover each unit once).
        Map<String, JsonNode> checked = new LinkedHashMap<>();
        for (int shard = 0; shard < 3; shard++) {
            FleetFixture.Run check = FleetFixture.cli(FleetFixture.TENANT_BLOCKS, env, "--check", "--targets", targets.toString(),
                    "--tenant-schemas", "tenant_%", "--shard", shard + "/3", "--format", "json");
            assertEquals(0, check.exit(), check.out() + check.err());
            for (Map.Entry<String, JsonNode> e : byUnit(check.jsonLines()).entrySet()) {
                assertTrue(checked.put(e.getKey(), e.getValue()) == null, e.getKey() + " in two shards");
            }
        }
        assertEquals(200 + 10 + 2, checked.size());
        for (JsonNode r : checked.values()) {
            assertEquals("in-sync", r.get("status").asText(), r.toString());
            assertEquals(0, r.get("statements").asInt(), r.toString());
        }
        assertEquals(200, count(big, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = 'accounts_email_idx' AND n.nspname LIKE 'tenant\\_%'"));
        assertEquals(1, count(big, "SELECT count(*) FROM pg_class WHERE relname = 'plans'"), "the shared table stays shared");
    }

    /** Terminates the fleet's session in {@code db} once it waits for the reader's lock, as an operator or a failover would. */
    private static void killWhenWaitingForALock(DatabaseUrl db) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        try (Connection c = Connections.open(db); Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name = 'schema-sync'"
                        + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
                    if (rs.next() && rs.getBoolean(1)) return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the apply of d5/tenant_000 never waited for the lock");
    }

    private static Map<String, JsonNode> byUnit(List<String> lines) throws Exception {
        Map<String, JsonNode> units = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (node.has("unit")) assertTrue(units.put(node.get("unit").asText(), node) == null, "twice: " + line);
        }
        return units;
    }

    private static Set<String> notOk(Map<String, JsonNode> results) {
        Set<String> names = new TreeSet<>();
        results.forEach((name, r) -> {
            if (!r.get("ok").asBoolean()) names.add(name);
        });
        return names;
    }

    private static long count(DatabaseUrl db, String sql) throws Exception {
        try (Connection c = Connections.open(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
