package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.step.Step;

/**
 * Online by default: indexes on existing tables are built and dropped CONCURRENTLY after the commit,
 * a failed build is finished by the next run, a changed definition is rebuilt beside the old one and
 * swapped in, constraints are validated in their own transaction.
 */
class OnlineDdlTest {

    private static final List<ChangeBlock> INDEXED = List.of(
            block("C1_Users", db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"))),
            block("C2_Events", db -> db.ensureTable("events", t -> t.column("id", "bigint").column("user_id", "bigint"))),
            block("C3_Indexes", db -> {
                db.ensureIndex("users_email_idx").on("users").columns("email");
                db.ensureIndex("events_user_idx").on("events").columns("user_id");
            }));

    @Test
    void existingTablesGetConcurrentBuildsAfterTheCommitNewTablesPlainOnes() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text)",
                "INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 1000) g")) {
            Plan plan = s.plan(INDEXED);
            assertEquals(List.of(
                    "CREATE TABLE \"public\".\"events\" (\"id\" bigint, \"user_id\" bigint)",
                    "CREATE INDEX CONCURRENTLY \"users_email_idx\" ON \"public\".\"users\" USING btree (\"email\")",
                    "CREATE INDEX \"events_user_idx\" ON \"public\".\"events\" USING btree (\"user_id\")"), Scenario.sql(plan));
            assertEquals(Step.Phase.NO_TRANSACTION, plan.steps().get(1).step().phase());
            assertEquals(Step.Phase.TRANSACTION, plan.steps().get(2).step().phase());
            assertEquals(HazardKind.NOT_TRANSACTIONAL, plan.steps().get(1).hazards().get(0).kind());
            assertEquals(List.of(), plan.steps().get(2).hazards(), "a table created in this run is invisible to others");
            var result = s.applyAndConverge(INDEXED);
            assertEquals(3, result.executed().size());
            assertEquals("t", s.queryString("SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = 'users'::regclass"));
        }
    }

    @Test
    void aFailedConcurrentBuildLeavesAnInvalidIndexThatTheNextRunDropsAndRebuilds() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1_Fresh", db -> db.ensureTable("fresh", t -> t.column("x", "int"))),
                block("C2_Unique", db -> {
                    db.ensureTable("dupes", t -> t.column("v", "int"));
                    db.ensureIndex("dupes_v_key").on("dupes").unique().columns("v");
                }));
        try (Scenario s = Scenario.start("CREATE TABLE dupes (v int)", "INSERT INTO dupes VALUES (1), (1)")) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertTrue(e.getMessage().startsWith("C2_Unique: step 2/2 (CreateIndex public.dupes_v_key) failed after the"
                    + " transactional part committed"), e.getMessage());
            assertTrue(e.getMessage().contains("safe to re-run"), e.getMessage());
            assertEquals("fresh", s.queryString("SELECT to_regclass('public.fresh')::text"), "the transaction committed");
            assertEquals("f", s.queryString("SELECT indisvalid FROM pg_index WHERE indexrelid = 'dupes_v_key'::regclass"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "lock released");

            s.execute("DELETE FROM dupes WHERE ctid = (SELECT max(ctid) FROM dupes)");
            assertEquals(List.of("DROP INDEX CONCURRENTLY \"public\".\"dupes_v_key\"",
                    "CREATE UNIQUE INDEX CONCURRENTLY \"dupes_v_key\" ON \"public\".\"dupes\" USING btree (\"v\")"),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("t", s.queryString("SELECT indisvalid FROM pg_index WHERE indexrelid = 'dupes_v_key'::regclass"));
        }
    }

    private static final List<ChangeBlock> LOWER_EMAIL = List.of(block("C1_Users", db -> {
        db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"));
        db.ensureIndex("users_email_idx").on("users").expression("lower(email)").rebuildWhenChanged();
    }));

    @Test
    void aChangedDefinitionIsBuiltBesideTheOldOneSwappedAndTheOldOneDropped() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text)",
                "CREATE INDEX users_email_idx ON users (email)")) {
            Plan plan = s.plan(LOWER_EMAIL);
            assertEquals(List.of(
                    "CREATE INDEX CONCURRENTLY \"users_email_idx_ssnew\" ON \"public\".\"users\" USING btree ((lower(email)))",
                    "ALTER INDEX \"public\".\"users_email_idx\" RENAME TO \"users_email_idx_ssold\"",
                    "ALTER INDEX \"public\".\"users_email_idx_ssnew\" RENAME TO \"users_email_idx\"",
                    "DROP INDEX CONCURRENTLY \"public\".\"users_email_idx_ssold\""), Scenario.sql(plan));
            s.applyAndConverge(LOWER_EMAIL);
            assertEquals("CREATE INDEX users_email_idx ON public.users USING btree (lower(email))",
                    s.queryString("SELECT pg_get_indexdef('users_email_idx'::regclass)"));
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_indexes WHERE tablename = 'users'"));
        }
    }

    @Test
    void withoutRebuildWhenChangedADifferentIndexIsOnlyReported() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text)",
                "CREATE INDEX users_email_idx ON users (email)")) {
            List<ChangeBlock> blocks = List.of(block("C1_Users", db -> {
                db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"));
                db.ensureIndex("users_email_idx").on("users").expression("lower(email)");
            }));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty());
            assertTrue(Scenario.drift(plan).get(0).message().endsWith("declare .rebuildWhenChanged() to rebuild it online"),
                    Scenario.drift(plan).get(0).message());
        }
    }

    @Test
    void leftoversOfAnInterruptedRebuildAreFinished() throws Exception {
        // Killed during the build: an INVALID replacement beside the old index.
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text)",
                "CREATE INDEX users_email_idx ON users (email)", "CREATE INDEX users_email_idx_ssnew ON users (lower(email))",
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'users_email_idx_ssnew'::regclass")) {
            assertEquals("DROP INDEX CONCURRENTLY \"public\".\"users_email_idx_ssnew\"", Scenario.sql(s.plan(LOWER_EMAIL)).get(0));
            s.applyAndConverge(LOWER_EMAIL);
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_indexes WHERE tablename = 'users'"));
        }
        // Killed after the swap: the old index under its retired name.
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text)",
                "CREATE INDEX users_email_idx ON users (lower(email))", "CREATE INDEX users_email_idx_ssold ON users (email)")) {
            assertEquals(List.of("DROP INDEX CONCURRENTLY \"public\".\"users_email_idx_ssold\""), Scenario.sql(s.plan(LOWER_EMAIL)));
            s.applyAndConverge(LOWER_EMAIL);
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_indexes WHERE tablename = 'users'"));
        }
    }

    @Test
    void constraintsOnExistingTablesAreValidatedAfterTheCommitInTheirOwnTransaction() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("items", t -> t
                .column("id", "bigint").column("price", "numeric").check("items_price_positive", "price > 0"))));
        try (Scenario s = Scenario.start("CREATE TABLE items (id bigint, price numeric)", "INSERT INTO items VALUES (1, 2)")) {
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER TABLE \"public\".\"items\" ADD CONSTRAINT \"items_price_positive\" CHECK (price > 0) NOT VALID",
                    "ALTER TABLE \"public\".\"items\" VALIDATE CONSTRAINT \"items_price_positive\""), Scenario.sql(plan));
            assertEquals(Step.Phase.TRANSACTION, plan.steps().get(0).step().phase());
            assertEquals(Step.Phase.OWN_TRANSACTION, plan.steps().get(1).step().phase());
            assertTrue(plan.steps().get(1).hazards().get(0).detail().contains("SHARE UPDATE EXCLUSIVE"));
            s.applyAndConverge(blocks);
            assertEquals("t", s.queryString("SELECT convalidated FROM pg_constraint WHERE conname = 'items_price_positive'"));
        }
    }

    @Test
    void aTableRenamedInThisRunKeepsItsIndexBuildInTheTransaction() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1", db -> {
                    db.ensureTable("accounts", t -> t.column("id", "bigint").column("email", "text"));
                    db.ensureIndex("accounts_email_idx").on("accounts").columns("email");
                }),
                block("C2", db -> db.ensureTableRenamed("accounts", "members")));
        try (Scenario s = Scenario.start("CREATE TABLE accounts (id bigint, email text)", "ANALYZE accounts")) {
            Plan plan = s.plan(blocks);
            assertTrue(plan.steps().stream().allMatch(p -> p.step().phase() == Step.Phase.TRANSACTION), Scenario.sql(plan)::toString);
            // Analyzed and empty: the plain build in the transaction is only a brief write lock.
            assertEquals(HazardKind.WRITE_LOCK, plan.steps().get(0).hazards().get(0).kind(), plan.steps().get(0).hazards()::toString);
            s.applyAndConverge(blocks);
            assertEquals("members", s.queryString("SELECT indrelid::regclass::text FROM pg_index"
                    + " WHERE indexrelid = 'accounts_email_idx'::regclass"));
        }
    }
}
