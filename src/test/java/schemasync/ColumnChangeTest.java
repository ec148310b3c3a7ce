package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.step.Step;

/** ensureColumnChanged: type (with USING), nullability and default, planned online and applied as the policy allows. */
class ColumnChangeTest {

    /** The changed column keeps its collation and generation in the plan's working copy: a later block sees them. */
    @Test
    void aLaterBlockSeesTheChangedColumnWithItsCollation() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1", db -> db.ensureColumnChanged("lines", "sku").dflt("'x'")),
                block("C2", db -> db.ensureTable("lines", t -> t.column("id", "bigint")
                        .column("sku", schemasync.dsl.ColumnType.type("text").collate("C"), schemasync.dsl.Default.dflt("'x'"))
                        .primaryKey("id"))));
        try (Scenario s = Scenario.start("CREATE TABLE lines (id bigint PRIMARY KEY, sku text COLLATE \"C\")")) {
            Plan plan = s.plan(blocks);
            assertEquals(List.of(), Scenario.drift(plan));
            s.applyAndConverge(blocks);
        }
    }

    @Test
    void notNullGoesThroughAValidatedCheckAndDefaultsChangeInPlace() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureTable("users", t -> t.column("id", "bigint").column("status", "text"));
            db.ensureColumnChanged("users", "status").notNull().dflt("'active'");
        }));
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, status text)", "INSERT INTO users VALUES (1, 'new')")) {
            Plan plan = s.plan(blocks);
            assertEquals(List.of(
                    "ALTER TABLE \"public\".\"users\" ALTER \"status\" SET DEFAULT 'active'",
                    "ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_status_ssnn\" CHECK (status IS NOT NULL) NOT VALID",
                    "ALTER TABLE \"public\".\"users\" VALIDATE CONSTRAINT \"users_status_ssnn\"",
                    "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"status\" SET NOT NULL",
                    "ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_status_ssnn\""), Scenario.sql(plan));
            assertEquals(Step.Phase.OWN_TRANSACTION, plan.steps().get(2).step().phase());
            assertEquals(Step.Phase.OWN_TRANSACTION, plan.steps().get(3).step().phase());
            // The check's drop commits with the SET NOT NULL it proved, in the same short transaction.
            assertTrue(plan.steps().get(4).step().facts().joinsPrevious());
            assertTrue(plan.changes().get(0).summary().startsWith("⚠ will change"), plan.changes().get(0).summary());
            s.applyAndConverge(blocks);
            assertEquals("t", s.queryString("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass"
                    + " AND attname = 'status'"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_constraint WHERE conname = 'users_status_ssnn'"));
        }
    }

    @Test
    void anInterruptedSetNotNullIsFinishedFromItsCheck() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureColumnChanged("users", "status").notNull()));
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, status text)",
                "ALTER TABLE users ADD CONSTRAINT users_status_ssnn CHECK (status IS NOT NULL) NOT VALID")) {
            assertEquals(List.of("ALTER TABLE \"public\".\"users\" VALIDATE CONSTRAINT \"users_status_ssnn\"",
                    "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"status\" SET NOT NULL",
                    "ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_status_ssnn\""), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
        }
    }

    @Test
    void aRewritingTypeChangeIsRefusedUntilAllowedAndDependentViewsAreRecreated() throws Exception {
        List<ChangeBlock> refused = List.of(block("C1", db -> db.ensureColumnChanged("orders", "amount").type("numeric(12,2)")
                .using("amount / 100.0")));
        List<ChangeBlock> allowed = List.of(block("C1", db -> {
            db.allowHazard(HazardKind.TABLE_REWRITE, "orders is read-mostly; deploy at night");
            db.ensureColumnChanged("orders", "amount").type("numeric(12,2)").using("amount / 100.0");
        }));
        try (Scenario s = Scenario.start("CREATE TABLE orders (id bigint, amount bigint)", "INSERT INTO orders VALUES (1, 125000)",
                "CREATE VIEW order_totals AS SELECT id, amount FROM orders", "CREATE VIEW big_orders AS SELECT id FROM order_totals"
                        + " WHERE amount > 1000")) {
            Plan plan = s.plan(refused);
            assertEquals(List.of("DROP VIEW \"public\".\"big_orders\"", "DROP VIEW \"public\".\"order_totals\"",
                    "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"amount\" TYPE numeric(12,2) USING amount / 100.0",
                    "CREATE VIEW \"public\".\"order_totals\" AS SELECT id,\n    amount\n   FROM public.orders",
                    "CREATE VIEW \"public\".\"big_orders\" AS SELECT id\n   FROM public.order_totals\n"
                            + "  WHERE (amount > 1000)"), Scenario.sql(plan));
            assertEquals(HazardKind.TABLE_REWRITE, plan.steps().get(2).hazards().get(0).kind());
            assertEquals(Outcome.REFUSED, s.apply(refused).outcome());
            s.applyAndConverge(allowed);
            assertEquals("1250.00", s.queryString("SELECT amount FROM order_totals"));
            assertEquals("1", s.queryString("SELECT count(*) FROM big_orders"));
        }
    }

    @Test
    void aWideningNeedsNoRewriteAndTheTableDeclarationDefersToTheChange() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1", db -> db.ensureTable("users", t -> t.column("email", "varchar(320)"))),
                block("C2", db -> db.ensureColumnChanged("users", "email").type("varchar(320)")));
        try (Scenario s = Scenario.start("CREATE TABLE users (email varchar(255))")) {
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\" TYPE varchar(320)"), Scenario.sql(plan));
            assertEquals(HazardKind.ACCESS_EXCLUSIVE_LOCK, plan.steps().get(0).hazards().get(0).kind());
            assertEquals(List.of(), Scenario.drift(plan), "the table's declaration waits for the change of C2");
            s.applyAndConverge(blocks);
            assertEquals(List.of(), Scenario.drift(s.plan(blocks)));
        }
    }
}
