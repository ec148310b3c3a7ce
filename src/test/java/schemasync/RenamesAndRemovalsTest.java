package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem;

/** Renames and removals: explicit, idempotent, safe to run on every deploy. */
class RenamesAndRemovalsTest {

    /** The history of a table: created as users(email), later renamed to accounts(email_address). */
    private static final List<ChangeBlock> HISTORY = List.of(
            block("C1_Users", db -> {
                db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").primaryKey("id"));
                db.ensureIndex("users_email_idx").on("users").columns("email");
            }),
            block("C2_Rename", db -> {
                db.ensureTableRenamed("users", "accounts");
                db.ensureColumnRenamed("accounts", "email", "email_address");
                db.ensureIndexRenamed("users_email_idx", "accounts_email_idx");
            }));

    /** A renamed column keeps its generation expression and collation in the plan's working copy: no phantom drift. */
    @Test
    void aRenamedGeneratedOrCollatedColumnIsComparedAsItIs() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1_Rename", db -> db.ensureColumnRenamed("lines", "amount", "total").ensureColumnRenamed("lines", "code", "sku")),
                block("C2_Lines", db -> db.ensureTable("lines", t -> t
                        .column("id", "bigint")
                        .column("price", schemasync.dsl.ColumnType.type("numeric"))
                        .column("total", schemasync.dsl.ColumnType.type("numeric").generatedAlwaysAs("price * 2"))
                        .column("sku", schemasync.dsl.ColumnType.type("text").collate("C"))
                        .primaryKey("id"))));
        try (Scenario s = Scenario.start("CREATE TABLE lines (id bigint PRIMARY KEY, price numeric,"
                + " amount numeric GENERATED ALWAYS AS (price * 2) STORED, code text COLLATE \"C\")")) {
            Plan plan = s.plan(blocks);
            assertEquals(List.of(), Scenario.drift(plan));
            s.applyAndConverge(blocks);
        }
    }

    @Test
    void renamesApplyOnceOnAnExistingDatabase() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY, email text)",
                "CREATE INDEX users_email_idx ON users (email)", "INSERT INTO users VALUES (1, 'a@example.com')")) {
            Plan plan = s.plan(HISTORY);
            assertEquals(List.of("ALTER TABLE \"public\".\"users\" RENAME TO \"accounts\"",
                    "ALTER TABLE \"public\".\"accounts\" RENAME COLUMN \"email\" TO \"email_address\"",
                    "ALTER INDEX \"public\".\"users_email_idx\" RENAME TO \"accounts_email_idx\""), Scenario.sql(plan));
            assertEquals(List.of(), Scenario.drift(plan), "nothing reported as undeclared on the way");
            s.applyAndConverge(HISTORY);
            assertEquals("a@example.com", s.queryString("SELECT email_address FROM accounts"), "data kept");
            Plan after = s.plan(HISTORY);
            assertTrue(after.items().stream().anyMatch(i -> i instanceof PlanItem.Unchanged u
                    && u.note().equals("exists as public.accounts (renamed by a later block), skipped")), after::toString);
            assertEquals(List.of(), Scenario.drift(after));
        }
    }

    @Test
    void theSameHistoryBuildsAnEmptyDatabase() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(HISTORY);
            assertEquals(5, Scenario.sql(plan).size(), () -> String.join("\n", Scenario.sql(plan)));
            s.applyAndConverge(HISTORY);
            assertEquals("accounts_email_idx", s.queryString("SELECT indexname FROM pg_indexes WHERE tablename = 'accounts'"
                    + " AND indexname <> 'users_pkey'"));
        }
    }

    @Test
    void bothNamesExistingIsAConflictThatStopsTheApply() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint)", "CREATE TABLE accounts (id bigint)")) {
            List<ChangeBlock> blocks = List.of(block("C2_Rename", db -> db.ensureTableRenamed("users", "accounts")));
            PlanItem.Conflict conflict = s.plan(blocks).conflicts().get(0);
            assertTrue(conflict.message().startsWith("cannot rename to public.accounts: both exist."), conflict.message());
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertTrue(e.getMessage().contains("C2_Rename: table public.users — cannot rename"), e.getMessage());
            assertEquals("2", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
    }

    @Test
    void removalsDropOnlyWhatExistsAndSayTheyDeleteData() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE legacy (id int)", "CREATE TABLE users (id int, old_flag boolean)",
                "CREATE INDEX users_old_idx ON users (old_flag)")) {
            List<ChangeBlock> blocks = List.of(block("C9_Cleanup", db -> {
                db.ensureNoTable("legacy");
                db.ensureNoIndex("users_old_idx");
                db.ensureNoColumn("users", "old_flag");
                db.ensureNoTable("never_existed");
            }));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("DROP TABLE \"public\".\"legacy\"", "DROP INDEX \"public\".\"users_old_idx\"",
                    "ALTER TABLE \"public\".\"users\" DROP COLUMN \"old_flag\""), Scenario.sql(plan));
            assertEquals(List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK),
                    plan.steps().get(0).hazards().stream().map(h -> h.kind()).toList());
            assertEquals(HazardKind.DELETES_DATA, plan.steps().get(2).hazards().get(0).kind());
            s.applyAndConverge(blocks, HazardKind.DELETES_DATA); // never allowed implicitly
            assertEquals(null, s.queryString("SELECT to_regclass('public.legacy')"));
        }
    }

    @Test
    void declaringAndRemovingTheSameObjectIsRejected() {
        // A removal before the declaration stays in force: contradiction. (A later block's removal takes an
        // earlier declaration away instead: LaterBlocksChangeEarlierTest.)
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureNoTable("t")),
                block("C2", db -> db.ensureTable("t", t -> t.column("a", "int"))))));
        assertTrue(e.getMessage().contains("C1: table public.t is declared by C2 and removed here"), e.getMessage());
    }
}
