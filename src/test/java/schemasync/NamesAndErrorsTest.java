package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.db.Connections;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.IndexMethod;
import schemasync.execute.SchemaSync;
import schemasync.plan.Plan;

/** Awkward names, errors that must name the block, rollback, and the advisory lock. */
class NamesAndErrorsTest {

    @Test
    void mixedCaseAndReservedWordsWork() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1", db -> db.ensureSchema("Sales")),
                block("C2", db -> {
                    db.ensureTable("Sales.order", t -> t.column("select", "integer").column("User", "text")
                            .primaryKey("select").comment("it's \"quoted\""));
                    db.ensureIndex("Order Lookup").on("Sales.order").columns("User").include("select");
                    db.ensureIndex("order_user_lower").on("Sales.order").expression("lower(\"User\")")
                            .using(IndexMethod.HASH);
                }));
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks);
            assertEquals("CREATE SCHEMA \"Sales\"", Scenario.sql(plan).get(0));
            assertEquals("CREATE TABLE \"Sales\".\"order\" (\"select\" integer NOT NULL, \"User\" text, PRIMARY KEY (\"select\"))",
                    Scenario.sql(plan).get(1));
            s.applyAndConverge(blocks);
            assertEquals("it's \"quoted\"", s.queryString("SELECT obj_description('\"Sales\".\"order\"'::regclass)"));
        }
    }

    @Test
    void sixtyThreeByteNamesWorkAndSixtyFourAreRefusedBeforeConnecting() throws Exception {
        String name63 = "t".repeat(61) + "é"; // 61 + 2 bytes
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(block("C1", db -> db.ensureTable(name63, t -> t.column("c", "int")))));
        }
        String name64 = "t".repeat(62) + "é";
        var e = assertThrows(SchemaSyncException.class,
                () -> DeclaredSchema.of(List.of(block("C9_Long", db -> db.ensureTable(name64, t -> t.column("c", "int"))))));
        assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
        assertTrue(e.getMessage().contains("C9_Long: table name \"" + name64 + "\" is 64 bytes"), e.getMessage());
    }

    @Test
    void indexOrColumnOnAMissingTableNamesTheBlockAndChangesNothing() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(
                    block("C1", db -> db.ensureTable("a", t -> t.column("x", "int"))),
                    block("C2_Idx", db -> db.ensureIndex("b_idx").on("b").columns("x")))));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertTrue(e.getMessage().startsWith("C2_Idx: index public.b_idx is on table public.b, which does not exist"),
                    e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
            var e2 = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(
                    block("C3_Col", db -> db.ensureColumn("nope", "x", "int")))));
            assertTrue(e2.getMessage().startsWith("C3_Col: ensureColumn on table public.nope"), e2.getMessage());
        }
    }

    @Test
    void unknownTypeIsReportedWithTheBlockBeforeAnythingRuns() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(
                    block("C1_Ok", db -> {
                        db.ensureTable("a", t -> t.column("x", "int").column("y", "text"));
                        db.ensureIndex("a_x").on("a").columns("x");
                        db.ensureIndex("a_y").on("a").columns("y");
                    }),
                    block("C2_Bad", db -> db.ensureTable("b", t -> t.column("y", "no_such_type"))))));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertEquals("PostgreSQL rejects these declarations (nothing was changed):\n"
                    + "  - C2_Bad: column public.b.y no_such_type: ERROR: type \"no_such_type\" does not exist", e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
    }

    @Test
    void aGeneratedColumnOverAGoodColumnIsNotBlamedForAnotherColumnsError() throws Exception {
        // Each column is tried in a table of its own to find the culprit; a generated column alone cannot see the
        // column it is computed from, so it must be tried beside the plain columns that passed.
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(
                    block("C1_Bad", db -> db.ensureTable("b", t -> t.column("x", "int")
                            .column("twice", schemasync.dsl.ColumnType.type("int").generatedAlwaysAs("x * 2"))
                            .column("y", "no_such_type"))))));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertEquals("PostgreSQL rejects these declarations (nothing was changed):\n"
                    + "  - C1_Bad: column public.b.y no_such_type: ERROR: type \"no_such_type\" does not exist", e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
    }

    @Test
    void aFailingStepRollsBackEverythingAndNamesBlockStepAndSql() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE dupes (v int)", "INSERT INTO dupes VALUES (-1)")) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(
                    block("C1", db -> db.ensureTable("fresh", t -> t.column("x", "int"))),
                    block("C2_Check", db -> db.customStep("positive", "SELECT NOT EXISTS (SELECT 1 FROM pg_constraint"
                            + " WHERE conname = 'dupes_v_positive')", "ALTER TABLE dupes ADD CONSTRAINT dupes_v_positive CHECK (v > 0)")))));
            assertEquals(SchemaSyncException.Code.DATABASE, e.code());
            assertTrue(e.getMessage().startsWith("C2_Check: step 2/2 (CustomSql positive) failed,"
                    + " everything was rolled back"), e.getMessage());
            assertTrue(e.getMessage().contains("ADD CONSTRAINT dupes_v_positive CHECK (v > 0)"), e.getMessage());
            assertEquals(null, s.queryString("SELECT to_regclass('public.fresh')"), "the earlier step was rolled back");
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "lock released");
        }
    }

    @Test
    void anotherApplyHoldingTheLockMeansLockBusy() throws Exception {
        try (Scenario s = Scenario.start(); Connection other = Connections.open(s.url); Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + 0x5363686d53796e63L + ")");
            long start = System.nanoTime();
            var e = assertThrows(SchemaSyncException.class, () -> SchemaSync.apply(s.connection,
                    DeclaredSchema.of(List.of(block("C1", db -> db.ensureTable("a", t -> t.column("x", "int"))))),
                    new SchemaSync.Options(Duration.ofMillis(600), Duration.ofSeconds(5), Duration.ofMinutes(1))));
            assertEquals(SchemaSyncException.Code.LOCK_BUSY, e.code());
            assertTrue(System.nanoTime() - start >= 600_000_000L, "waited for --lock-wait");
            assertEquals(null, s.queryString("SELECT to_regclass('public.a')"));
            st.execute("SELECT pg_advisory_unlock_all()");
            s.applyAndConverge(List.of(block("C1", db -> db.ensureTable("a", t -> t.column("x", "int")))));
        }
    }

    @Test
    void aDatabaseThatDefaultsToReadOnlyCanStillBePlannedAndApplied() throws Exception {
        try (Scenario setup = Scenario.start()) {
            String db = setup.queryString("SELECT current_database()");
            setup.execute("ALTER DATABASE " + db + " SET default_transaction_read_only = on");
            try (Scenario s = Scenario.reconnect(setup.url)) {
                List<ChangeBlock> blocks = List.of(block("C1", d -> d.ensureTable("a", t -> t.column("x", "int"))));
                assertEquals(1, s.plan(blocks).steps().size());
            }
        }
    }

    @Test
    void aRoleWithoutTemporaryPrivilegeGetsAClearError() throws Exception {
        try (Scenario setup = Scenario.start()) {
            String db = setup.queryString("SELECT current_database()");
            setup.execute("REVOKE TEMPORARY ON DATABASE " + db + " FROM PUBLIC");
            setup.execute("DO $$ BEGIN CREATE ROLE schema_sync_no_temp LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            var props = setup.url.properties();
            props.setProperty("user", "schema_sync_no_temp");
            props.remove("password");
            try (Scenario s = Scenario.reconnect(new schemasync.db.DatabaseUrl(setup.url.jdbcUrl(), props, "no-temp role"))) {
                var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(
                        block("C1", d -> d.ensureTable("a", t -> t.column("x", "int"))))));
                assertEquals(SchemaSyncException.Code.DATABASE, e.code());
                assertTrue(e.getMessage().contains("permission denied to create temporary tables"), e.getMessage());
            }
        }
    }

    @Test
    void aBusyTableFailsAfterTheLockTimeoutAndRollsBack() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE busy (id int)");
             Connection app = Connections.open(s.url); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("SELECT * FROM busy"); // an open transaction holds ACCESS SHARE on busy
            List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("other", t -> t.column("x", "int"))),
                    block("C2_Busy", db -> db.ensureColumn("busy", "note", "text")));
            long start = System.nanoTime();
            var e = assertThrows(SchemaSyncException.class, () -> SchemaSync.apply(s.connection, DeclaredSchema.of(blocks),
                    new SchemaSync.Options(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofMinutes(1))
                            .withRetryDeadline(Duration.ZERO)));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(SchemaSyncException.Code.DATABASE, e.code());
            assertTrue(e.getMessage().startsWith("C2_Busy: step 2/2 (AddColumn public.busy.note) waited for"), e.getMessage());
            assertTrue(e.getMessage().contains("longer than the lock timeout (300 ms) on each of 1 tries"), e.getMessage());
            assertTrue(waitedMillis < 5000, "gave up after the lock timeout, not later: " + waitedMillis + " ms");
            assertEquals(null, s.queryString("SELECT to_regclass('public.other')"), "rolled back");
            app.rollback();
            s.applyAndConverge(blocks);
        }
    }
}
