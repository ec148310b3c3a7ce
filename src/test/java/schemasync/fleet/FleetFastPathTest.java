package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.TestDatabase;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;

/**
 * The fleet's speed paths, against a real database: fresh tenants repeat the statements verified on another
 * fresh tenant and end exactly as a single run leaves them; a no-op run records the fleet fast path and the next
 * one takes it; any DDL in one tenant (or a new tenant) makes the next run compare again, and it finds the change.
 */
class FleetFastPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDS = "SELECT count(*) FROM pg_db_role_setting s, unnest(s.setconfig) c"
            + " WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND c LIKE 'schema_sync.fleet\\_%'";

    @Test
    void freshTenantsShareTheVerifiedStatementsAndANoOpTakesTheFastPathUntilSomethingChanges() throws Exception {
        DatabaseUrl db = TestDatabase.fresh();
        FleetFixture.createTenants(db, "tenant_", 12);
        // One tenant is not fresh: it has an unrelated table, so it takes the ordinary apply.
        FleetFixture.sql(db, "CREATE TABLE tenant_011.notes (id int)");
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", FleetFixture.text(db));

        FleetFixture.Run apply = run(env, "--apply");
        assertEquals(0, apply.exit(), apply.out() + apply.err());
        List<JsonNode> applied = units(apply);
        assertEquals(12, applied.size(), apply.out());
        long fromTemplate = applied.stream().filter(u -> u.has("shared_plan_of")).count();
        assertTrue(fromTemplate >= 8, "most fresh tenants ran the statements verified on another: " + apply.out());
        for (JsonNode u : applied) {
            assertEquals("applied", u.get("status").asText(), u.toString());
            if (u.get("tenant").asText().equals("tenant_011")) assertTrue(!u.has("shared_plan_of"), u.toString());
        }
        // Each tenant as a single run sees it: in sync, nothing to do (the idempotency every scenario asserts).
        for (int i = 0; i < 12; i++) {
            FleetFixture.Run single = FleetFixture.cli(FleetFixture.TENANT_BLOCKS, env, "--check", "--tenant",
                    String.format("tenant_%03d", i), "--format", "json", "--full-check");
            assertTrue(single.out().contains("\"status\":\"in-sync\"") || single.out().contains("\"status\":\"drift\""), single.out());
            assertTrue(!single.out().contains("\"status\":\"pending\""), single.out());
        }
        assertEquals(12, count(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = 'accounts' AND n.nspname LIKE 'tenant\\_%'"));

        // tenant_011's extra table is drift: the check reports it, so nothing is recorded yet.
        FleetFixture.Run drift = run(env, "--check");
        assertEquals(6, drift.exit(), drift.out());
        assertEquals(0, count(db, RECORDS));
        FleetFixture.sql(db, "DROP TABLE tenant_011.notes");

        FleetFixture.Run full = run(env, "--apply");
        assertEquals(0, full.exit(), full.out() + full.err());
        assertEquals(1, count(db, RECORDS),
                "a no-op over every tenant recorded the fleet fast path");
        FleetFixture.Run fast = run(env, "--check", "SCHEMA_SYNC_TIMINGS");
        assertEquals(0, fast.exit(), fast.out() + fast.err());
        assertTrue(fast.err().contains("fast path, catalog version unchanged"), fast.err());
        assertEquals(12, units(fast).stream().filter(u -> u.get("status").asText().equals("in-sync")).count(), fast.out());

        // DDL in one tenant: the next run compares every tenant and finds exactly that one.
        FleetFixture.sql(db, "ALTER TABLE tenant_005.accounts ALTER COLUMN email SET DEFAULT 'x'");
        FleetFixture.Run after = run(env, "--check", "SCHEMA_SYNC_TIMINGS");
        assertTrue(!after.err().contains("fast path, catalog version unchanged"), after.err());
        List<String> notInSync = new ArrayList<>();
        for (JsonNode u : units(after)) if (!u.get("status").asText().equals("in-sync")) notInSync.add(u.get("tenant").asText());
        assertEquals(List.of("tenant_005"), notInSync, after.out());

        // A new tenant changes the tenant list: no fast path, and the new tenant is pending.
        FleetFixture.sql(db, "ALTER TABLE tenant_005.accounts ALTER COLUMN email DROP DEFAULT", "CREATE SCHEMA tenant_012");
        FleetFixture.Run grown = run(env, "--dry-run", "SCHEMA_SYNC_TIMINGS");
        assertTrue(!grown.err().contains("fast path, catalog version unchanged"), grown.err());
        assertEquals(13, units(grown).size(), grown.out());
        assertTrue(units(grown).stream().anyMatch(u -> u.get("tenant").asText().equals("tenant_012")
                && u.get("status").asText().equals("pending")), grown.out());
    }

    /** A fleet run over tenant_%, JSON lines; a last argument SCHEMA_SYNC_TIMINGS turns the timings on. */
    private static FleetFixture.Run run(Map<String, String> env, String mode, String... timings) {
        Map<String, String> e = new HashMap<>(env);
        if (timings.length > 0) e.put("SCHEMA_SYNC_TIMINGS", "1");
        return FleetFixture.cli(FleetFixture.TENANT_BLOCKS, e, mode, "--tenant-schemas", "tenant_%", "--parallel", "3",
                "--format", "json");
    }

    private static List<JsonNode> units(FleetFixture.Run run) throws Exception {
        List<JsonNode> units = new ArrayList<>();
        for (String line : run.jsonLines()) {
            JsonNode n = JSON.readTree(line);
            if (n.has("unit")) units.add(n);
        }
        return units;
    }

    private static long count(DatabaseUrl url, String sql) throws Exception {
        try (Connection c = Connections.open(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
