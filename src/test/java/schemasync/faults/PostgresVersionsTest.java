package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import schemasync.CliProcess.Run;
import schemasync.Scenario;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.db.EmbeddedDatabase;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;

/**
 * The fault suite's core on every supported major (zonky's binaries; 13, 14 and 16 come from the local
 * Maven repository, fetched by the pom): apply and converge, concurrent applies, a kill mid-transaction
 * through the real CLI, lock contention, a CONNECT-only dry run, and bad input. One server per major,
 * each case in-process where a process adds nothing, so the matrix costs seconds per version. 17 is not
 * repeated here: the whole suite runs on it (the default server).
 */
class PostgresVersionsTest {
    private static int databases;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 14, 15, 16})
    void theFaultSuiteCoreHoldsOn(int major) throws Exception {
        long start = System.nanoTime();
        try (EmbeddedDatabase server = EmbeddedDatabase.startThrowaway(major)) {
            DatabaseUrl admin = server.url("postgres");
            try (Scenario s = fresh(admin)) {
                assertEquals(String.valueOf(major), s.queryString("SELECT current_setting('server_version_num')::int / 10000"));
                s.applyAndConverge(Changes.ALL);
            }
            concurrentAppliesSerialize(fresh(admin));
            killMidTransactionLeavesNothing(fresh(admin));
            lockContentionFailsClearlyAndInTime(fresh(admin));
            connectOnlyRoleCanPlan(fresh(admin));
            badInputIsRefused(fresh(admin));
        }
        System.out.printf("PostgresVersionsTest: PostgreSQL %d passed in %.1f s%n", major, (System.nanoTime() - start) / 1e9);
    }

    private static synchronized Scenario fresh(DatabaseUrl admin) throws Exception {
        String name = "faults_versions_" + (++databases);
        try (Connection c = Connections.open(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String jdbc = admin.jdbcUrl();
        return Scenario.reconnect(new DatabaseUrl(jdbc.substring(0, jdbc.lastIndexOf('/') + 1) + name, admin.properties(), name));
    }

    private static void concurrentAppliesSerialize(Scenario s) throws Exception {
        try (s) {
            int runs = 4;
            ExecutorService pool = Executors.newFixedThreadPool(runs);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SchemaSync.Result>> outcomes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                outcomes.add(pool.submit(() -> {
                    try (Connection c = Connections.open(s.url)) {
                        go.await();
                        return SchemaSync.apply(c, DeclaredSchema.of(Changes.ALL), SchemaSync.Options.defaults());
                    }
                }));
            }
            go.countDown();
            List<SchemaSync.Result> applied = new ArrayList<>();
            for (Future<SchemaSync.Result> f : outcomes) applied.add(f.get());
            pool.shutdown();
            List<SchemaSync.Outcome> results = applied.stream().map(SchemaSync.Result::outcome).toList();
            assertEquals(1, results.stream().filter(o -> o == SchemaSync.Outcome.APPLIED).count(), results::toString);
            // the replay of the run that applied predicts this major's catalog too
            for (SchemaSync.Result r : applied) s.assertReplayPredicts(Changes.ALL, r);
            assertTrue(s.plan(Changes.ALL).isEmpty());
        }
    }

    private static void killMidTransactionLeavesNothing(Scenario s) throws Exception {
        try (s; Connection holder = Connections.open(s.url)) {
            StatementPause.install(s.connection);
            List<String> before = DbState.of(s.connection);
            StatementPause.Paused paused;
            try (StatementPause pause = StatementPause.at(holder, 3)) {
                String url = s.url.jdbcUrl() + "?user=" + s.url.properties().getProperty("user");
                Tool.Running tool = Tool.start(Map.of("DATABASE_URL", url), null, "--apply", "--lock-timeout", StatementPause.MARK);
                paused = pause.await(120_000);
                assertNotNull(paused, () -> "never paused: " + tool.process());
                tool.kill();
            }
            assertTrue(StatementPause.gone(s.connection, paused.pid(), 20_000));
            assertEquals(before, DbState.of(s.connection));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
            s.applyAndConverge(Changes.ALL);
        }
    }

    private static void lockContentionFailsClearlyAndInTime(Scenario s) throws Exception {
        try (s; Connection blocker = Connections.open(s.url); Connection app = Connections.open(s.url)) {
            s.execute("CREATE TABLE busy (id int)");
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.executeQuery("SELECT count(*) FROM busy").close();
            }
            long[] appWait = {0};
            Thread reader = new Thread(() -> {
                try (Statement st = app.createStatement()) {
                    Thread.sleep(150); // the tool's ALTER is queued by now: this read queues behind it
                    long t0 = System.nanoTime();
                    st.executeQuery("SELECT count(*) FROM busy").close();
                    appWait[0] = (System.nanoTime() - t0) / 1_000_000;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.start();
            var e = assertThrows(SchemaSyncException.class, () -> SchemaSync.apply(s.connection,
                    DeclaredSchema.of(FaultBlocks.named("busy")),
                    new SchemaSync.Options(Duration.ofSeconds(5), Duration.ofMillis(400), Duration.ofMinutes(1))
                            .withRetryDeadline(Duration.ofSeconds(2))));
            reader.join();
            blocker.rollback();
            assertTrue(e.getMessage().contains("longer than the lock timeout (400 ms) on each of "), e.getMessage());
            assertTrue(appWait[0] < 400 + LockContentionTest.SLACK_MS, "the application waited " + appWait[0] + " ms");
            assertEquals(null, s.queryString("SELECT to_regclass('public.other')"), "rolled back");
            s.applyAndConverge(FaultBlocks.named("busy"));
        }
    }

    private static void connectOnlyRoleCanPlan(Scenario s) throws Exception {
        try (s) {
            s.applyAndConverge(Changes.ALL);
            String database = s.queryString("SELECT current_database()");
            s.execute("DO $$ BEGIN CREATE ROLE faults_connect_only LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("GRANT CONNECT ON DATABASE " + database + " TO faults_connect_only");
            var props = s.url.properties();
            props.setProperty("user", "faults_connect_only");
            try (Scenario reader = Scenario.reconnect(new DatabaseUrl(s.url.jdbcUrl(), props, "connect-only role"))) {
                assertTrue(reader.plan(Changes.ALL).isEmpty());
            }
        }
    }

    private static void badInputIsRefused(Scenario s) throws Exception {
        try (s) {
            s.execute("CREATE TABLE victim (id int)");
            List<String> before = DbState.of(s.connection);
            String url = s.url.jdbcUrl() + "?user=" + s.url.properties().getProperty("user");
            for (String blocks : List.of("unknown-type", "default-injection", "long-table", "table-twice", "block-throws")) {
                Run run = InProcess.run(Map.of("DATABASE_URL", url), blocks, List.of("--apply"));
                assertEquals(2, run.exit(), () -> blocks + ": " + run.all());
                assertTrue(run.err().startsWith("error: "), run::all);
                assertFalse(Tool.hasStackTrace(run.all()), run::all);
            }
            String missing = url.replaceFirst("/faults_versions_\\d+\\?", "/no_such_database?");
            Run run = InProcess.run(Map.of("DATABASE_URL", missing), null, List.of("--apply"));
            assertEquals(2, run.exit(), run::all);
            assertEquals(before, DbState.of(s.connection));
        }
    }
}
