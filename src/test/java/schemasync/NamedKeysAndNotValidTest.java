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
import schemasync.plan.PlanItem.Drift;

/**
 * A primary key with its own name ({@code .primaryKey(...).named(...)}), CHECK and FOREIGN KEY
 * constraints declared {@code .notValid()}, and constraints of one partition alone
 * ({@code ensurePartition(..., t -> t.foreignKey(...))}): created as declared, converged, and an
 * existing database that already has them plans nothing.
 */
class NamedKeysAndNotValidTest {

    private static final List<ChangeBlock> NODES = List.of(
            block("C1_Users", db -> db.ensureTable("users", t -> t.column("id", "bigint").primaryKey("id"))),
            block("C2_Nodes", db -> db.ensureTable("current_nodes", t -> t
                    .column("id", "bigint").column("owner_id", "bigint").column("version", "int")
                    .primaryKey("id").named("current_nodes_pkey1")
                    .check("current_nodes_version_positive", "version > 0").notValid()
                    .foreignKey("owner_id").references("users").named("fk_rails_owner").notValid())));

    @Test
    void aNewTableGetsItsNamedKeyAndItsNotValidConstraintsAddedAfterCreateTable() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(NODES));
            assertEquals(List.of(
                    "CREATE TABLE \"public\".\"users\" (\"id\" bigint NOT NULL, PRIMARY KEY (\"id\"))",
                    "CREATE TABLE \"public\".\"current_nodes\" (\"id\" bigint NOT NULL, \"owner_id\" bigint, \"version\" int,"
                            + " CONSTRAINT \"current_nodes_pkey1\" PRIMARY KEY (\"id\"))",
                    // Inside CREATE TABLE PostgreSQL would mark them valid: added after it, they stay NOT VALID.
                    "ALTER TABLE \"public\".\"current_nodes\" ADD CONSTRAINT \"current_nodes_version_positive\" CHECK (version > 0) NOT VALID",
                    "ALTER TABLE \"public\".\"current_nodes\" ADD CONSTRAINT \"fk_rails_owner\" FOREIGN KEY (\"owner_id\")"
                            + " REFERENCES \"public\".\"users\" NOT VALID"), sql);
            s.applyAndConverge(NODES);
            assertEquals("current_nodes_pkey1", s.queryString("SELECT conname FROM pg_constraint WHERE contype = 'p'"
                    + " AND conrelid = 'current_nodes'::regclass"));
            assertEquals("false,false", s.queryString("SELECT string_agg(convalidated::text, ',') FROM pg_constraint"
                    + " WHERE conrelid = 'current_nodes'::regclass AND contype IN ('c', 'f')"));
        }
    }

    @Test
    void anExistingNotValidOrValidatedConstraintSatisfiesNotValidAndIsNeverValidated() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY)",
                "CREATE TABLE current_nodes (id bigint CONSTRAINT current_nodes_pkey1 PRIMARY KEY, owner_id bigint, version int)",
                "INSERT INTO current_nodes VALUES (1, 42, -1)",
                // Rows that break both: NOT VALID keeps them, and so must the tool.
                "ALTER TABLE current_nodes ADD CONSTRAINT fk_rails_owner FOREIGN KEY (owner_id) REFERENCES users NOT VALID",
                "ALTER TABLE current_nodes ADD CONSTRAINT current_nodes_version_positive CHECK (version > 0) NOT VALID")) {
            Plan plan = s.plan(NODES);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(List.of(), Scenario.drift(plan));
            s.applyAndConverge(NODES);
            s.execute("DELETE FROM current_nodes");
            s.execute("ALTER TABLE current_nodes VALIDATE CONSTRAINT fk_rails_owner");
            Plan validated = s.plan(NODES);
            assertTrue(validated.isEmpty(), () -> Scenario.sql(validated).toString());
        }
    }

    @Test
    void onAnExistingTableANotValidConstraintIsAddedWithoutItsValidation() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY)",
                "CREATE TABLE current_nodes (id bigint CONSTRAINT current_nodes_pkey1 PRIMARY KEY, owner_id bigint, version int)",
                "INSERT INTO current_nodes VALUES (1, 42, -1)")) {
            assertEquals(List.of(
                    "ALTER TABLE \"public\".\"current_nodes\" ADD CONSTRAINT \"current_nodes_version_positive\" CHECK (version > 0) NOT VALID",
                    "ALTER TABLE \"public\".\"current_nodes\" ADD CONSTRAINT \"fk_rails_owner\" FOREIGN KEY (\"owner_id\")"
                            + " REFERENCES \"public\".\"users\" NOT VALID"), Scenario.sql(s.plan(NODES)));
            s.applyAndConverge(NODES);
            assertEquals("1", s.queryString("SELECT count(*) FROM current_nodes"));
        }
    }

    @Test
    void aPrimaryKeyUnderAnotherNameIsReportedNotRenamed() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY)",
                "CREATE TABLE current_nodes (id bigint PRIMARY KEY, owner_id bigint, version int)")) {
            Plan plan = s.plan(NODES);
            List<Drift> drift = Scenario.drift(plan).stream().filter(d -> d.object().endsWith("primary key")).toList();
            assertEquals(1, drift.size(), drift.toString());
            assertTrue(drift.get(0).message().contains("declared as current_nodes_pkey1, database has it as current_nodes_pkey"),
                    drift.get(0).message());
            // Without .named(...), any name satisfies the key (a renamed table keeps its old <table>_pkey).
            Plan unnamed = s.plan(List.of(block("C1", db -> db.ensureTable("current_nodes", t -> t
                    .column("id", "bigint").column("owner_id", "bigint").column("version", "int").primaryKey("id")))));
            assertTrue(Scenario.drift(unnamed).stream().noneMatch(d -> d.object().endsWith("primary key")));
        }
    }

    @Test
    void constraintsOfOnePartitionAloneAreDeclaredWithItAndConverge() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1_Users", db -> db.ensureTable("users", t -> t.column("id", "bigint").primaryKey("id"))),
                block("C2_Events", db -> {
                    db.ensureTable("events", t -> t.column("id", "bigint").column("at", "date").column("user_id", "bigint")
                            .primaryKey("id", "at").named("events_pk").partitionBy("RANGE (at)"));
                    db.ensurePartition("events_2024", "events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", t -> t
                            .foreignKey("user_id").references("users").notValid()
                            .check("events_2024_at", "at >= '2024-01-01'"));
                    db.ensurePartition("events_rest", "events", "DEFAULT");
                    db.ensureIndex("events_2024_user_idx").on("events_2024").columns("user_id");
                }));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertEquals("events_2024_at:true,events_2024_user_id_fkey:false", s.queryString("SELECT string_agg(conname || ':' || convalidated,"
                    + " ',' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'events_2024'::regclass AND contype IN ('c', 'f')"));
            // A local constraint no block declares is reported on the partition, like on a table.
            s.execute("ALTER TABLE events_rest ADD CONSTRAINT events_rest_user FOREIGN KEY (user_id) REFERENCES users");
            assertEquals(List.of("public.events_rest.events_rest_user"), Scenario.drift(s.plan(blocks)).stream().map(Drift::object).toList());
        }
    }

    @Test
    void aDomainCheckDeclaredNotValidIsCreatedNotValidAndLeftSo() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1_Year", db -> db.ensureDomain("year", "integer")
                .check("year_recent", "VALUE > 1900").notValid()));
        try (Scenario s = Scenario.start()) {
            assertEquals(List.of("CREATE DOMAIN \"public\".\"year\" AS integer",
                    "ALTER DOMAIN \"public\".\"year\" ADD CONSTRAINT \"year_recent\" CHECK (VALUE > 1900) NOT VALID"),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("false", s.queryString("SELECT convalidated::text FROM pg_constraint WHERE conname = 'year_recent'"));
        }
        try (Scenario s = Scenario.start("CREATE DOMAIN year AS integer", "CREATE TABLE t (y year)", "INSERT INTO t VALUES (1800)",
                "ALTER DOMAIN year ADD CONSTRAINT year_recent CHECK (VALUE > 1900) NOT VALID")) {
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(List.of(), Scenario.drift(plan).stream().filter(d -> d.kind().startsWith("domain")).toList());
        }
    }

    @Test
    void misplacedNamedAndNotValidAreRejectedNamingTheBlock() {
        var onUnique = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C7_Bad", db ->
                db.ensureTable("t", t -> t.column("a", "int").unique("a").notValid())))));
        assertTrue(onUnique.getMessage().contains("C7_Bad") && onUnique.getMessage().contains("notValid() applies to a CHECK or FOREIGN KEY"),
                onUnique.getMessage());
        var onPartition = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C8_Bad", db -> {
            db.ensureTable("p", t -> t.column("a", "int").partitionBy("LIST (a)"));
            db.ensurePartition("p_1", "p", "FOR VALUES IN (1)", t -> t.column("b", "int"));
        }))));
        assertTrue(onPartition.getMessage().contains("C8_Bad") && onPartition.getMessage().contains("a partition has its parent's columns"),
                onPartition.getMessage());
        var longName = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C9_Bad", db ->
                db.ensureTable("t", t -> t.column("a", "int").primaryKey("a").named("k".repeat(64)))))));
        assertTrue(longName.getMessage().contains("C9_Bad") && longName.getMessage().contains("over 63 bytes"), longName.getMessage());
    }
}
