package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.ColumnType.type;
import static schemasync.dsl.Default.dflt;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Drift;

/**
 * Partitioned tables: the key on the parent, declared partitions with range, list, hash and default
 * bounds, created with PARTITION OF and compared as PostgreSQL spells them; undeclared partitions are
 * reported, never dropped; what the parent gives its partitions (indexes, constraints, row triggers)
 * is never reported on them.
 */
class PartitionTest {
    private static final String TOUCH = "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.amount := abs(NEW.amount); RETURN NEW; END $$";

    private static List<ChangeBlock> payments(String januaryBound) {
        return List.of(
                block("C1_Payments", db -> db.ensureTable("payment", t -> t
                        .column("id", "bigint").column("customer_id", "integer").column("amount", "numeric(5,2)")
                        .column("paid_at", "timestamptz").primaryKey("id", "paid_at")
                        .check("payment_amount_positive", "amount >= 0")
                        .partitionBy("RANGE (paid_at)"))),
                block("C2_Partitions", db -> {
                    db.ensurePartition("payment_2024_01", "payment", januaryBound);
                    db.ensurePartition("payment_2024_02", "payment", "FOR VALUES FROM ('2024-02-01') TO ('2024-03-01')");
                    db.ensurePartition("payment_default", "payment", "DEFAULT");
                    db.ensureIndex("payment_customer_idx").on("payment").columns("customer_id");
                    db.ensureFunction("payment_abs()", TOUCH);
                    db.ensureTrigger("payment_abs").on("payment").before("INSERT").forEachRow().executes("payment_abs()");
                }));
    }

    @Test
    void aPartitionedTableWithRangeAndDefaultPartitionsIsCreatedAndConverges() throws Exception {
        List<ChangeBlock> blocks = payments("FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')");
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks);
            List<String> sql = Scenario.sql(plan);
            assertEquals("CREATE TABLE \"public\".\"payment\" (\"id\" bigint NOT NULL, \"customer_id\" integer, \"amount\" numeric(5,2),"
                    + " \"paid_at\" timestamptz NOT NULL, PRIMARY KEY (\"id\", \"paid_at\"), CONSTRAINT \"payment_amount_positive\""
                    + " CHECK (amount >= 0)) PARTITION BY RANGE (paid_at)", sql.get(0));
            assertEquals("CREATE TABLE \"public\".\"payment_2024_01\" PARTITION OF \"public\".\"payment\""
                    + " FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')", sql.get(1));
            assertEquals("CREATE TABLE \"public\".\"payment_default\" PARTITION OF \"public\".\"payment\" DEFAULT", sql.get(3));
            assertEquals(7, sql.size(), sql::toString);
            assertTrue(plan.steps().stream().allMatch(st -> st.hazards().isEmpty()), "a table created in this run costs nothing");
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO payment VALUES (1, 7, -3.5, '2024-01-15'), (2, 7, 1, '2030-01-01')");
            assertEquals("payment_2024_01 3.50", s.queryString("SELECT tableoid::regclass || ' ' || amount FROM payment WHERE id = 1"));
            assertEquals("payment_default", s.queryString("SELECT tableoid::regclass FROM payment WHERE id = 2"));
            // The timestamptz bound is stored as '2024-01-01 00:00:00+00': the declared spelling still compares equal.
            Plan again = s.plan(blocks);
            assertEquals(List.of(), Scenario.drift(again));
        }
    }

    @Test
    void aNewPartitionOfAnExistingParentLocksItAndScansTheDefaultPartition() throws Exception {
        List<ChangeBlock> blocks = payments("FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')");
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            s.execute("CREATE TABLE payment_2023_12 PARTITION OF payment FOR VALUES FROM ('2023-12-01') TO ('2024-01-01')");
            List<ChangeBlock> more = new java.util.ArrayList<>(blocks);
            more.add(block("C3_March", db -> db.ensurePartition("payment_2024_03", "payment",
                    "FOR VALUES FROM ('2024-03-01') TO ('2024-04-01')")));
            Plan plan = s.plan(more);
            assertEquals(List.of("CREATE TABLE \"public\".\"payment_2024_03\" PARTITION OF \"public\".\"payment\""
                    + " FOR VALUES FROM ('2024-03-01') TO ('2024-04-01')"), Scenario.sql(plan));
            assertEquals(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK, HazardKind.FULL_SCAN_UNDER_LOCK),
                    plan.steps().get(0).hazards().stream().map(h -> h.kind()).toList());
            assertTrue(plan.steps().get(0).hazards().get(1).detail().contains("public.payment_default"),
                    plan.steps().get(0).hazards().get(1).detail());
            // Created at run time by the application: reported, never dropped; the parent's index, check,
            // primary key and trigger on it are not "undeclared".
            List<Drift> drift = Scenario.drift(plan);
            assertEquals(1, drift.size(), drift::toString);
            assertEquals("partition public.payment_2023_12", drift.get(0).kind() + " " + drift.get(0).object());
            assertTrue(drift.get(0).message().startsWith("partition of public.payment FOR VALUES FROM ('2023-12-01 00:00:00+00')"
                    + " TO ('2024-01-01 00:00:00+00') that no block declares: left alone"), drift.get(0).message());
            s.applyAndConverge(more, schemasync.model.HazardKind.FULL_SCAN_UNDER_LOCK); // refused unless allowed
            assertEquals("t", s.queryString("SELECT to_regclass('payment_2023_12') IS NOT NULL"));
        }
    }

    @Test
    void listHashAndSubPartitionsConverge() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1_Events", db -> {
            db.ensureTable("event", t -> t.column("region", "text").column("id", "bigint").column("body", "jsonb")
                    .partitionBy("LIST (lower(region))"));
            db.ensurePartition("event_eu", "event", "FOR VALUES IN ('de', 'fr')", "HASH (id)");
            db.ensurePartition("event_eu_0", "event_eu", "FOR VALUES WITH (MODULUS 2, REMAINDER 0)");
            db.ensurePartition("event_eu_1", "event_eu", "FOR VALUES WITH (modulus 2, remainder 1)");
            db.ensurePartition("event_other", "event", "DEFAULT");
            db.ensureIndex("event_body_idx").on("event").using(schemasync.dsl.IndexMethod.GIN).columns("body");
        }));
        try (Scenario s = Scenario.start()) {
            assertEquals("CREATE TABLE \"public\".\"event_eu\" PARTITION OF \"public\".\"event\" FOR VALUES IN ('de', 'fr')"
                    + " PARTITION BY HASH (id)", Scenario.sql(s.plan(blocks)).get(1));
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO event VALUES ('DE', 1, '{}'), ('us', 2, '{}')");
            assertEquals("1", s.queryString("SELECT count(*) FROM event_eu"));
        }
    }

    @Test
    void driftInKeyBoundAndParentIsReportedWithBothSides() throws Exception {
        try (Scenario s = Scenario.start(
                "CREATE TABLE payment (id bigint, customer_id integer, amount numeric(5,2), paid_at timestamptz,"
                        + " PRIMARY KEY (id, paid_at), CONSTRAINT payment_amount_positive CHECK (amount >= 0)) PARTITION BY RANGE (paid_at)",
                "CREATE TABLE payment_2024_01 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2024-01-31')",
                "CREATE TABLE payment_2024_02 (LIKE payment)",
                "CREATE TABLE payment_default PARTITION OF payment DEFAULT",
                "CREATE INDEX payment_customer_idx ON payment (customer_id)",
                "CREATE FUNCTION payment_abs() " + TOUCH,
                "CREATE TRIGGER payment_abs BEFORE INSERT ON payment FOR EACH ROW EXECUTE FUNCTION payment_abs()")) {
            List<ChangeBlock> blocks = payments("FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')");
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            List<Drift> drift = Scenario.drift(plan);
            assertEquals(2, drift.size(), drift::toString);
            assertEquals("declared FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-02-01 00:00:00+00'), database has"
                    + " FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-01-31 00:00:00+00'): not changed: changing a bound"
                    + " means detaching the partition and attaching it again, which scans it", drift.get(0).message());
            assertEquals(HazardKind.FULL_SCAN_UNDER_LOCK, drift.get(0).hazard());
            assertTrue(drift.get(1).message().startsWith("declared as a partition of public.payment FOR VALUES FROM ('2024-02-01"
                    + " 00:00:00+00') TO ('2024-03-01 00:00:00+00'), database has an ordinary table"), drift.get(1).message());
            s.applyAndConverge(blocks);

            List<ChangeBlock> hashed = List.of(block("C1_Payments", db -> db.ensureTable("payment", t -> t
                    .column("id", "bigint").column("customer_id", "integer").column("amount", "numeric(5,2)")
                    .column("paid_at", "timestamptz").primaryKey("id", "paid_at")
                    .check("payment_amount_positive", "amount >= 0").partitionBy("HASH (id)"))));
            Drift key = Scenario.drift(s.plan(hashed)).stream().filter(d -> d.object().equals("public.payment partition key"))
                    .findFirst().orElseThrow();
            assertEquals("declared PARTITION BY HASH (id), database has PARTITION BY RANGE (paid_at): not changed:"
                    + " repartitioning means re-creating the table and moving its rows", key.message());
        }
    }

    @Test
    void badKeysAndBoundsAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C7", db -> {
            db.ensureTable("t", t -> t.column("a", "int").partitionBy("BY RANGE a"));
            db.ensurePartition("t_1", "t", "VALUES FROM (1) TO (2)");
            db.ensurePartition("t_1", "t", "DEFAULT");
            db.ensurePartition("t_2", null, "DEFAULT");
        }))));
        assertTrue(e.getMessage().contains("C7: table public.t: partition key \"BY RANGE a\" must be RANGE (...), LIST (...) or HASH (...)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("C7: partition public.t_1: bound \"VALUES FROM (1) TO (2)\" must start with"), e.getMessage());
        assertTrue(e.getMessage().contains("C7: partition public.t_1 is declared twice"), e.getMessage());
        assertTrue(e.getMessage().contains("C7: partition public.t_2 has no parent table"), e.getMessage());
    }

    @Test
    void aBoundPostgresqlRejectsNamesTheBlock() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE t (a int) PARTITION BY RANGE (a)")) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(block("C8", db ->
                    db.ensurePartition("t_1", "t", "FOR VALUES IN (1)")))));
            assertTrue(e.getMessage().contains("C8: partition public.t_1 of public.t FOR VALUES IN (1): ERROR: invalid bound"
                    + " specification for a range partition"), e.getMessage());
        }
    }

    /** Pagila's payment table, partitioned by month: declared as it stands, it is all ✓ and nothing is undeclared noise. */
    @Test
    void pagilaPaymentsDeclaredAsTheyStandAreUnchanged() throws Exception {
        String ddl = Files.readString(CorpusSnapshotTest.corpus("pagila.sql"));
        // pg_dump's script empties the session's search_path: plan from a session of its own.
        try (Scenario loaded = Scenario.start("DO $$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $$", ddl);
             Scenario s = Scenario.reconnect(loaded.url)) {
            List<ChangeBlock> blocks = List.of(block("C1_Payment", db -> {
                db.ensureTable("payment", t -> t
                        .column("payment_id", type("integer").notNull(), dflt("nextval('payment_payment_id_seq'::regclass)"))
                        .column("customer_id", type("integer").notNull()).column("staff_id", type("integer").notNull())
                        .column("rental_id", type("integer").notNull()).column("amount", type("numeric(5,2)").notNull())
                        .column("payment_date", type("timestamp with time zone").notNull())
                        .primaryKey("payment_date", "payment_id").partitionBy("RANGE (payment_date)"));
                // pg_dump made these partitions alone and attached them: their foreign keys are their own.
                db.ensurePartition("payment_p2022_01", "payment", "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')",
                        t -> t.foreignKey("customer_id").references("customer").foreignKey("rental_id").references("rental")
                                .foreignKey("staff_id").references("staff"));
                db.ensurePartition("payment_p2022_02", "payment", "FOR VALUES FROM ('2022-02-01') TO ('2022-03-01')",
                        t -> t.foreignKey("customer_id").references("customer").foreignKey("rental_id").references("rental")
                                .foreignKey("staff_id").references("staff"));
                db.ignore("payment_p202*", "idx_fk_payment_p*", "payment_p20*_customer_id_idx", "payment_payment_id_seq");
            }));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            List<Drift> onPayment = Scenario.drift(plan).stream().filter(d -> d.object().startsWith("public.payment")).toList();
            assertEquals(List.of(), onPayment);
            assertEquals(3, plan.items().stream().filter(i -> i instanceof schemasync.plan.PlanItem.Unchanged
                    && (i.kind().equals("partition") || i.kind().equals("table"))).count());
        }
    }
}
