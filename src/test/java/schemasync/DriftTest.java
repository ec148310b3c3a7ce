package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.Default.dflt;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Drift;

/** Present but different: reported with both sides and the hazard, never silently "fixed". */
class DriftTest {

    private static final List<ChangeBlock> ACTIVE_USERS = List.of(block("C1", db -> {
        db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").column("deleted_at", "timestamptz"));
        db.ensureIndex("users_email_key").on("users").unique().columns("email").where("deleted_at IS NULL");
    }));

    @Test
    void partialIndexThatLostItsWhereIsDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text, deleted_at timestamptz)",
                "CREATE UNIQUE INDEX users_email_key ON users (email)")) {
            Plan plan = s.plan(ACTIVE_USERS);
            assertTrue(plan.isEmpty(), "an index rebuild is never applied implicitly");
            Drift drift = Scenario.drift(plan).get(0);
            assertEquals("public.users_email_key", drift.object());
            assertEquals(HazardKind.INDEX_BUILD, drift.hazard());
            assertTrue(drift.message().contains("declared UNIQUE USING btree (email) WHERE (deleted_at IS NULL)"), drift.message());
            assertTrue(drift.message().contains("database has UNIQUE USING btree (email)"), drift.message());
            s.applyAndConverge(ACTIVE_USERS);
            assertEquals("CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)",
                    s.queryString("SELECT pg_get_indexdef('users_email_key'::regclass)"), "left alone");
        }
    }

    @Test
    void invalidIndexIsDroppedAndRebuilt() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text, deleted_at timestamptz)",
                "CREATE UNIQUE INDEX users_email_key ON users (email) WHERE deleted_at IS NULL",
                // What a failed CREATE INDEX CONCURRENTLY leaves behind.
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'users_email_key'::regclass")) {
            Plan plan = s.plan(ACTIVE_USERS);
            assertEquals(List.of("DROP INDEX CONCURRENTLY \"public\".\"users_email_key\"",
                    "CREATE UNIQUE INDEX CONCURRENTLY \"users_email_key\" ON \"public\".\"users\" USING btree (\"email\") WHERE deleted_at IS NULL"),
                    Scenario.sql(plan));
            s.applyAndConverge(ACTIVE_USERS);
            assertEquals("t", s.queryString("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_key'::regclass"));
        }
    }

    @Test
    void changedTypeAndNullabilityAreReportedNotApplied() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (email varchar(255), name text NOT NULL)")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("users", t -> t
                    .column("email", "varchar(320)").column("name", "text"))));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty());
            List<Drift> drift = Scenario.drift(plan);
            assertEquals(2, drift.size(), drift::toString);
            assertEquals("declared character varying(320), database has character varying(255): not changed:"
                    + " changing the type rewrites the table", drift.get(0).message());
            assertEquals(HazardKind.TABLE_REWRITE, drift.get(0).hazard());
            assertTrue(drift.get(1).message().startsWith("database has NOT NULL"), drift.get(1).message());
            s.applyAndConverge(blocks);
            assertEquals("character varying(255)", s.queryString("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'users'::regclass AND attname = 'email'"));
        }
    }

    @Test
    void undeclaredObjectsAreReportedUnlessIgnored() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint, email text, legacy int)",
                "CREATE INDEX users_legacy_idx ON users (legacy)",
                "CREATE TABLE tmp_import (x int)", "CREATE TABLE audit_log (x int)")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> {
                db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"));
                db.ignore("tmp_*");
            }));
            Plan plan = s.plan(blocks);
            List<String> objects = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object()).toList();
            assertEquals(List.of("column public.users.legacy", "table public.audit_log", "index public.users_legacy_idx"), objects);
            List<String> ignoringMore = Scenario.drift(s.plan(List.of(block("C1", db -> {
                db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"));
                db.ignore("tmp_*", "users.leg*", "public.audit_log", "users_legacy_idx");
            })))).stream().map(d -> d.kind() + " " + d.object()).toList();
            assertEquals(List.of(), ignoringMore);
            s.applyAndConverge(blocks);
            assertEquals("3", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "nothing dropped");
        }
    }

    @Test
    void addingColumnsToAnExistingTableIsJudgedByPostgresql() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE events (id bigint)", "INSERT INTO events VALUES (1)")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> {
                db.ensureColumn("events", "kind", "text", dflt("'click'"));          // constant: metadata only
                db.ensureColumn("events", "token", "uuid", dflt("gen_random_uuid()")); // volatile: rewrite
                db.ensureColumn("events", "seen", schemasync.dsl.ColumnType.type("boolean").notNull()); // no default
            }));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER TABLE \"public\".\"events\" ADD COLUMN \"kind\" text DEFAULT 'click'"), Scenario.sql(plan));
            List<Drift> drift = Scenario.drift(plan);
            assertEquals(List.of(HazardKind.TABLE_REWRITE, HazardKind.FULL_SCAN_UNDER_LOCK),
                    drift.stream().map(Drift::hazard).toList());
            s.applyAndConverge(blocks);
            assertEquals("click", s.queryString("SELECT kind FROM events"));
        }
    }

    @Test
    void serialColumnsConvergeAndAreAdoptedWithTheirSequence() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("Items", t -> t
                .column("id", "bigserial").column("n", "serial").primaryKey("id"))));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertTrue(s.queryString("SELECT pg_get_serial_sequence('\"Items\"', 'id')").endsWith("\"Items_id_seq\""));
        }
        try (Scenario s = Scenario.start("CREATE TABLE \"Items\" (id bigserial PRIMARY KEY, n serial)")) {
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty() && Scenario.drift(plan).isEmpty(), () -> Scenario.drift(plan).toString());
        }
        try (Scenario s = Scenario.start("CREATE TABLE \"Items\" (id bigint PRIMARY KEY)")) {
            List<Drift> drift = Scenario.drift(s.plan(List.of(block("C1", db -> db.ensureTable("Items", t -> t
                    .column("id", "bigserial").column("n", "serial").primaryKey("id"))))));
            assertEquals(List.of("database has DEFAULT none, the declaration has nextval(<sequence owned by the column>):"
                    + " left alone; declare the default to match", "declared serial NOT NULL, missing: not added: adding an identity"
                    + " or serial column rewrites public.Items under an ACCESS EXCLUSIVE lock"),
                    drift.stream().map(Drift::message).toList());
        }
    }
}
