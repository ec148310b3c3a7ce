package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.CLOB;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.IndexMethod;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;

/**
 * Storage parameters, UNLOGGED and CLUSTER ON: created as declared, converged, and put back when changed
 * outside the blocks (metadata only: no hazard, except SET LOGGED / UNLOGGED, which rewrites the table).
 */
class RelationOptionsTest {

    private static List<ChangeBlock> blocks() {
        return List.of(block("C1_Events", db -> {
            db.ensureTable("events", t -> t.column("id", BIGINT.notNull()).column("body", CLOB).column("tags", "text[]")
                    .primaryKey("id").with("fillfactor", "70").with("toast.autovacuum_enabled", "false"));
            db.ensureTable("scratch", t -> t.column("id", BIGINT.notNull()).unlogged());
            db.ensureIndex("events_body_idx").on("events").columns("body").with("fillfactor", "80").clustered();
            db.ensureIndex("events_tags_idx").on("events").using(IndexMethod.GIN).columns("tags").with("fastupdate", "off");
        }));
    }

    private static String options(Scenario s, String relation) throws Exception {
        return s.queryString("SELECT coalesce(array_to_string(c.reloptions, ','), '') || '|' || c.relpersistence::text"
                + " || '|' || coalesce((SELECT i.indisclustered::text FROM pg_index i WHERE i.indexrelid = c.oid), '-')"
                + " FROM pg_class c WHERE c.oid = '" + relation + "'::regclass");
    }

    @Test
    void createdAsDeclaredConvergedAndPutBackWhenChangedOutside() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks());
            List<String> sql = Scenario.sql(plan);
            // A new table gets its persistence and storage parameters in its CREATE TABLE, not in a second ALTER.
            assertTrue(sql.get(0).startsWith("CREATE TABLE \"public\".\"events\" ("), sql::toString);
            assertTrue(sql.get(0).endsWith(") WITH (\"fillfactor\" = '70', \"toast\".\"autovacuum_enabled\" = 'false')"), sql::toString);
            assertTrue(sql.contains("CREATE UNLOGGED TABLE \"public\".\"scratch\" (\"id\" bigint NOT NULL)"), sql::toString);
            assertTrue(sql.stream().noneMatch(q -> q.startsWith("ALTER TABLE \"public\".\"events\" SET (")
                    || q.contains("SET UNLOGGED")), sql::toString);
            assertTrue(sql.contains("ALTER INDEX \"public\".\"events_body_idx\" SET (\"fillfactor\" = '80')"), sql::toString);
            assertTrue(sql.contains("ALTER TABLE \"public\".\"events\" CLUSTER ON \"events_body_idx\""), sql::toString);
            assertTrue(plan.steps().stream().allMatch(p -> p.hazards().isEmpty()), "new tables: nothing to pay");
            s.applyAndConverge(blocks());
            assertEquals("fillfactor=70|p|-", options(s, "events"));
            assertEquals("|u|-", options(s, "scratch"));
            assertEquals("fillfactor=80|p|true", options(s, "events_body_idx"));
            assertEquals("fastupdate=off|p|false", options(s, "events_tags_idx"));
            assertEquals("autovacuum_enabled=false", s.queryString("SELECT array_to_string(t.reloptions, ',') FROM pg_class c"
                    + " JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.oid = 'events'::regclass"));

            // Changed outside the blocks: the declared state is put back, without a rewrite.
            s.execute("ALTER TABLE events SET (fillfactor = 50, autovacuum_enabled = false);"
                    + " ALTER INDEX events_tags_idx RESET (fastupdate); ALTER TABLE events CLUSTER ON events_pkey");
            Plan drifted = s.plan(blocks());
            List<String> back = Scenario.sql(drifted);
            assertEquals(List.of("ALTER TABLE \"public\".\"events\" SET (\"fillfactor\" = '70')",
                    "ALTER TABLE \"public\".\"events\" RESET (\"autovacuum_enabled\")",
                    "ALTER TABLE \"public\".\"events\" CLUSTER ON \"events_body_idx\"",
                    "ALTER INDEX \"public\".\"events_tags_idx\" SET (\"fastupdate\" = 'off')"), back);
            // fastupdate is one of the parameters PostgreSQL changes under ACCESS EXCLUSIVE; the others under SHARE UPDATE EXCLUSIVE.
            assertEquals(List.of(List.of(), List.of(), List.of(), List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                    drifted.steps().stream().map(p -> p.hazards().stream().map(h -> h.kind()).toList()).toList());
            s.applyAndConverge(blocks());
            assertEquals("fillfactor=70|p|-", options(s, "events"));
            assertEquals("fillfactor=80|p|true", options(s, "events_body_idx"));
            assertEquals("fastupdate=off|p|false", options(s, "events_tags_idx"));
        }
    }

    @Test
    void turningAnExistingTableLoggedRewritesItAndSaysSo() throws Exception {
        try (Scenario s = Scenario.start("CREATE UNLOGGED TABLE scratch (id bigint NOT NULL); INSERT INTO scratch SELECT generate_series(1, 100); ANALYZE scratch")) {
            List<ChangeBlock> logged = List.of(block("C1", db -> db.ensureTable("scratch", t -> t.column("id", BIGINT.notNull()))));
            Plan plan = s.plan(logged);
            assertEquals(List.of("ALTER TABLE \"public\".\"scratch\" SET LOGGED"), Scenario.sql(plan));
            assertTrue(plan.steps().get(0).hazards().get(0).detail().contains("rewrites"), plan.steps().toString());
            s.applyAndConverge(logged);
            assertEquals("|p|-", options(s, "scratch"));
        }
    }

    @Test
    void anIndexBuiltConcurrentlyIsMarkedAfterItsBuild() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE visits (id bigint PRIMARY KEY, person_id bigint NOT NULL)")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> {
                db.ensureTable("visits", t -> t.column("id", BIGINT.notNull()).column("person_id", BIGINT.notNull()).primaryKey("id"));
                db.ensureIndex("visits_person_idx").on("visits").columns("person_id").with("fillfactor", "90").clustered();
            }));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("CREATE INDEX CONCURRENTLY \"visits_person_idx\" ON \"public\".\"visits\" USING btree (\"person_id\")",
                    "ALTER INDEX \"public\".\"visits_person_idx\" SET (\"fillfactor\" = '90')",
                    "ALTER TABLE \"public\".\"visits\" CLUSTER ON \"visits_person_idx\""), Scenario.sql(plan));
            s.applyAndConverge(blocks);
            assertEquals("fillfactor=90|p|true", options(s, "visits_person_idx"));
        }
    }

    private static List<ChangeBlock> measurements(int statistics) {
        return List.of(block("C1", db -> db.ensureTable("measurements", t -> t.column("id", BIGINT.notNull())
                .column("person_id", BIGINT.notNull()).statistics(statistics).columnOption("n_distinct", "-0.5")
                .column("note", CLOB).storage("external").primaryKey("id"))));
    }

    private static String columnOptions(Scenario s, String column) throws Exception {
        return s.queryString("SELECT coalesce(attstattarget::int, -1) || '|' || attstorage::text || '|'"
                + " || coalesce(array_to_string(attoptions, ','), '') FROM pg_attribute"
                + " WHERE attrelid = 'measurements'::regclass AND attname = '" + column + "'");
    }

    @Test
    void columnOptionsAreSetConvergedAndPutBackWhenChangedOutside() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(measurements(1000));
            assertEquals("1000|p|n_distinct=-0.5", columnOptions(s, "person_id"));
            assertEquals("-1|e|", columnOptions(s, "note"));
            // Changed outside: statistics reset, storage back to the type's, an option added.
            s.execute("ALTER TABLE measurements ALTER COLUMN person_id SET STATISTICS -1;"
                    + " ALTER TABLE measurements ALTER COLUMN note SET STORAGE EXTENDED;"
                    + " ALTER TABLE measurements ALTER COLUMN id SET (n_distinct = -1)");
            Plan drifted = s.plan(measurements(1000));
            assertEquals(List.of("ALTER TABLE \"public\".\"measurements\" ALTER COLUMN \"id\" RESET (\"n_distinct\")",
                    "ALTER TABLE \"public\".\"measurements\" ALTER COLUMN \"note\" SET STORAGE EXTERNAL",
                    "ALTER TABLE \"public\".\"measurements\" ALTER COLUMN \"person_id\" SET STATISTICS 1000"),
                    Scenario.sql(drifted));
            assertEquals(List.of(List.of(), List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of()),
                    drifted.steps().stream().map(p -> p.hazards().stream().map(h -> h.kind()).toList()).toList());
            s.applyAndConverge(measurements(1000));
            // A declared change of target is applied too; then every option dropped from the declaration is reset.
            s.applyAndConverge(measurements(200));
            assertEquals("200|p|n_distinct=-0.5", columnOptions(s, "person_id"));
            List<ChangeBlock> plain = List.of(block("C1", db -> db.ensureTable("measurements", t -> t.column("id", BIGINT.notNull())
                    .column("person_id", BIGINT.notNull()).column("note", CLOB).primaryKey("id"))));
            s.applyAndConverge(plain);
            assertEquals("-1|p|", columnOptions(s, "person_id"));
            assertEquals("-1|x|", columnOptions(s, "note"));
        }
    }

    @Test
    void theMarkOnAConstraintIndexIsDeclaredOnTheTable() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE people (id bigint PRIMARY KEY, email text UNIQUE)")) {
            List<ChangeBlock> onKey = List.of(block("C1", db -> db.ensureTable("people", t -> t.column("id", BIGINT.notNull())
                    .column("email", CLOB).primaryKey("id").unique("email").clusterOn("people_pkey"))));
            assertEquals(List.of("ALTER TABLE \"public\".\"people\" CLUSTER ON \"people_pkey\""), Scenario.sql(s.plan(onKey)));
            s.applyAndConverge(onKey);
            assertEquals("|p|true", options(s, "people_pkey"));
            // Moved to the unique constraint's index outside the blocks: moved back.
            s.execute("ALTER TABLE people CLUSTER ON people_email_key");
            assertEquals(List.of("ALTER TABLE \"public\".\"people\" CLUSTER ON \"people_pkey\""), Scenario.sql(s.plan(onKey)));
            s.applyAndConverge(onKey);
            assertEquals("|p|false", options(s, "people_email_key"));
            // No longer declared: the mark is taken off.
            List<ChangeBlock> plain = List.of(block("C1", db -> db.ensureTable("people", t -> t.column("id", BIGINT.notNull())
                    .column("email", CLOB).primaryKey("id").unique("email"))));
            assertEquals(List.of("ALTER TABLE \"public\".\"people\" SET WITHOUT CLUSTER"), Scenario.sql(s.plan(plain)));
            s.applyAndConverge(plain);
            assertEquals("|p|false", options(s, "people_pkey"));
        }
    }
}
