package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Plan;

/**
 * {@code ensureConstraints}: a later block adds constraints to a table an earlier block declared, without
 * editing that block; also how two tables that reference each other are declared (the foreign key that
 * closes the cycle comes once both exist, as pg_dump orders it).
 */
class LaterConstraintsTest {

    private static final ChangeBlock CUSTOMERS = block("C1_Customers", db -> db
            .ensureTable("customers", t -> t.column("id", "bigint").column("email", "varchar(320)").primaryKey("id"))
            .ensureTable("orders", t -> t.column("id", "bigint").column("customer_id", "bigint").column("status", "varchar(20)")
                    .primaryKey("id")));
    private static final ChangeBlock LATER = block("C2_OrderRules", db -> db.ensureConstraints("orders", t -> t
            .foreignKey("customer_id").references("customers")
            .check("orders_status_known", "status IN ('new', 'paid')")
            .unique("customer_id", "id")));

    @Test
    void onAnEmptyDatabaseTheLaterConstraintsAreAddedAfterTheTable() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(CUSTOMERS, LATER);
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertEquals(List.of(
                    "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_id_fkey\" FOREIGN KEY (\"customer_id\")"
                            + " REFERENCES \"public\".\"customers\"",
                    "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_status_known\" CHECK (status IN ('new', 'paid'))",
                    "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_id_id_key\" UNIQUE (\"customer_id\", \"id\")"),
                    sql.subList(2, sql.size()));
            s.applyAndConverge(blocks);
            assertEquals("3", s.queryString("SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype <> 'p'"));
        }
    }

    @Test
    void onADatabaseWhereTheEarlierBlockRanChecksAndForeignKeysAreValidatedSeparately() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(CUSTOMERS));
            s.execute("INSERT INTO customers VALUES (1, 'a@example.com'); INSERT INTO orders VALUES (1, 1, 'new'); ANALYZE customers, orders");
            List<ChangeBlock> blocks = List.of(CUSTOMERS, LATER);
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertTrue(sql.contains("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_status_known\" CHECK (status IN"
                    + " ('new', 'paid')) NOT VALID"), sql.toString());
            assertTrue(sql.stream().anyMatch(q -> q.startsWith("ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_status_known\"")),
                    sql.toString());
            s.applyAndConverge(blocks);
            // The earlier block does not call the later block's constraints undeclared.
            assertEquals(List.of(), Scenario.drift(s.plan(blocks)));
        }
    }

    @Test
    void aCycleOfForeignKeysIsClosedByALaterBlock() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1_Departments", db -> db.ensureTable("departments", t -> t.column("id", "bigint")
                        .column("manager_id", "bigint").primaryKey("id"))),
                block("C2_Employees", db -> db.ensureTable("employees", t -> t.column("id", "bigint")
                        .column("department_id", "bigint").primaryKey("id").foreignKey("department_id").references("departments"))),
                block("C3_DepartmentManagers", db -> db.ensureConstraints("departments", t -> t
                        .foreignKey("manager_id").references("employees").deferrable().named("departments_manager_fkey"))));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertEquals("FOREIGN KEY (manager_id) REFERENCES employees(id) DEFERRABLE", s.queryString(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'departments_manager_fkey'"));
        }
        // The same schema made by hand: nothing to do, nothing undeclared.
        try (Scenario s = Scenario.start("CREATE TABLE departments (id bigint PRIMARY KEY, manager_id bigint)",
                "CREATE TABLE employees (id bigint PRIMARY KEY, department_id bigint REFERENCES departments)",
                "ALTER TABLE departments ADD CONSTRAINT departments_manager_fkey FOREIGN KEY (manager_id) REFERENCES employees"
                        + " DEFERRABLE")) {
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(List.of(), Scenario.drift(plan));
        }
    }

    @Test
    void aLaterBlockCanRemoveWhatItAdded() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(CUSTOMERS, LATER,
                    block("C3_NoStatusRule", db -> db.ensureNoConstraint("orders", "orders_status_known")));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_constraint WHERE conname = 'orders_status_known'"));
        }
    }

    @Test
    void badDeclarationsAreRejectedBeforeAnythingRuns() {
        var columns = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(CUSTOMERS,
                block("C2_Bad", db -> db.ensureConstraints("orders", t -> t.column("note", "text"))))));
        assertTrue(columns.getMessage().contains("C2_Bad") && columns.getMessage().contains("declares only unique, check, foreign"
                + " key and exclude constraints"), columns.getMessage());
        var twice = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(CUSTOMERS, LATER,
                block("C3_Twice", db -> db.ensureConstraints("orders", t -> t.check("orders_status_known", "status <> ''"))))));
        assertTrue(twice.getMessage().contains("C3_Twice: constraint orders_status_known is declared twice on table public.orders"),
                twice.getMessage());
    }

    @Test
    void aTableNoBlockDeclaresIsNamedWithTheBlock() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(LATER)));
            assertTrue(e.getMessage().contains("C2_OrderRules: ensureConstraints on table public.orders, which does not exist"),
                    e.getMessage());
        }
    }
}
