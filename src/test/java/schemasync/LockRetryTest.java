package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import schemasync.db.Connections;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;

/**
 * A lock timeout (55P03) is retried with backoff from a new plan under the advisory lock, up to the
 * retry deadline; then the run fails saying which step waited on which lock and who holds it, with
 * the transactional part rolled back whole.
 */
class LockRetryTest {

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("C1", db -> db.ensureTable("other", t -> t.column("x", "int"))),
            block("C2_Busy", db -> db.ensureColumn("busy", "note", "text")));

    private static SchemaSync.Options options(Duration lockTimeout, Duration retryDeadline) {
        return new SchemaSync.Options(Duration.ofSeconds(5), lockTimeout, Duration.ofMinutes(1)).withRetryDeadline(retryDeadline);
    }

    interface Release {
        void run() throws Exception;
    }

    /**
     * Ends the blocking transaction once the apply has been seen waiting for a lock (and has had
     * time to hit the lock timeout at least once), however slow planning is on a loaded machine.
     */
    static CompletableFuture<Void> releaseAfterAWait(Scenario s, Release release) {
        return CompletableFuture.runAsync(() -> {
            try (Connection watcher = Connections.open(s.url); Statement st = watcher.createStatement()) {
                long giveUp = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < giveUp) {
                    try (var rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
                        rs.next();
                        if (rs.getInt(1) > 0) break;
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(1000);
                release.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aLockReleasedDuringTheRetriesLetsTheApplySucceed() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE busy (id int)");
             Connection app = Connections.open(s.url); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("SELECT * FROM busy"); // an open transaction holds ACCESS SHARE on busy
            CompletableFuture<Void> release = releaseAfterAWait(s, app::rollback);
            var result = SchemaSync.apply(s.connection, DeclaredSchema.of(BLOCKS), options(Duration.ofMillis(200), Duration.ofSeconds(30)));
            release.join();
            s.assertReplayPredicts(BLOCKS, result);
            assertEquals(SchemaSync.Outcome.APPLIED, result.outcome());
            assertTrue(result.retries() >= 1, "retried: " + result.retries());
            assertEquals(2, result.executed().size(), "each step counted once, not once per try");
            s.applyAndConverge(BLOCKS);
        }
    }

    @Test
    void aLockHeldPastTheDeadlineFailsCleanlyNamingStepLockAndHolder() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE busy (id int)");
             Connection app = Connections.open(s.url); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("SELECT * FROM busy");
            long start = System.nanoTime();
            var e = assertThrows(SchemaSyncException.class, () -> SchemaSync.apply(s.connection, DeclaredSchema.of(BLOCKS),
                    options(Duration.ofMillis(200), Duration.ofSeconds(2))));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(SchemaSyncException.Code.DATABASE, e.code());
            assertTrue(e.getMessage().startsWith("C2_Busy: step 2/2 (AddColumn public.busy.note) waited for a"
                    + " AccessExclusiveLock on public.busy longer than the lock timeout (200 ms) on each of "), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertTrue(e.getMessage().contains("(AccessShareLock, idle in transaction"), e.getMessage());
            assertTrue(millis >= 1000 && millis < 6000, "retried until about the deadline: " + millis + " ms");
            assertEquals(null, s.queryString("SELECT to_regclass('public.other')"), "rolled back, every try");
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "lock released");
            app.rollback();
            s.applyAndConverge(BLOCKS);
        }
    }

    @Test
    void aConcurrentBuildThatTimesOutIsRebuiltFromANewPlan() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureTable("busy", t -> t.column("id", "int"));
            db.ensureIndex("busy_id_idx").on("busy").columns("id");
        }));
        try (Scenario s = Scenario.start("CREATE TABLE busy (id int)");
             Connection app = Connections.open(s.url); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("INSERT INTO busy VALUES (1)"); // a writer: CREATE INDEX CONCURRENTLY waits for it to finish
            CompletableFuture<Void> release = releaseAfterAWait(s, app::commit);
            var result = SchemaSync.apply(s.connection, DeclaredSchema.of(blocks), options(Duration.ofMillis(200), Duration.ofSeconds(30)));
            release.join();
            s.assertReplayPredicts(blocks, result);
            assertTrue(result.retries() >= 1, "retried: " + result.retries());
            assertEquals("t", s.queryString("SELECT indisvalid FROM pg_index WHERE indexrelid = 'busy_id_idx'::regclass"));
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_indexes WHERE tablename = 'busy'"));
            s.applyAndConverge(blocks);
        }
    }
}
