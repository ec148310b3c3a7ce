package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem;

/** Procedures (through the function path) and aggregates (options rebuilt from pg_aggregate). */
class RoutineKindsTest {
    private static final String LOG = "LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log_lines VALUES (msg); END $$";
    private static final String CONCAT = "RETURNS text LANGUAGE sql IMMUTABLE AS $_$ SELECT CASE WHEN $2 IS NULL THEN $1"
            + " WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $_$";

    private static List<ChangeBlock> procedure(String body) {
        return List.of(block("C1_Proc", db -> {
            db.ensureTable("log_lines", t -> t.column("line", "text"));
            db.ensureProcedure("log_it(msg text)", body);
        }));
    }

    private static List<ChangeBlock> aggregate(String options) {
        return List.of(block("C1_Agg", db -> {
            db.ensureFunction("_group_concat(text, text)", CONCAT);
            db.ensureAggregate("group_concat(text)", options);
        }));
    }

    @Test
    void proceduresAreCreatedReplacedAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(procedure(LOG));
            assertEquals("CREATE OR REPLACE PROCEDURE \"public\".\"log_it\"(msg text) " + LOG, Scenario.sql(plan).get(1));
            assertEquals("procedure public.log_it(IN msg text)", plan.changes().get(1).kind() + " " + plan.changes().get(1).object());
            s.applyAndConverge(procedure(LOG));
            s.execute("CALL log_it('hello')");
            assertEquals("hello", s.queryString("SELECT line FROM log_lines"));
            String changed = LOG.replace("VALUES (msg)", "VALUES (upper(msg))");
            Plan replace = s.plan(procedure(changed));
            assertEquals(List.of("CREATE OR REPLACE PROCEDURE \"public\".\"log_it\"(msg text) " + changed), Scenario.sql(replace));
            assertEquals("will replace (CREATE OR REPLACE PROCEDURE)", replace.changes().get(0).summary());
            s.applyAndConverge(procedure(changed));
        }
    }

    @Test
    void aFunctionWhereAProcedureIsDeclaredIsReported() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE log_lines (line text)",
                "CREATE FUNCTION log_it(msg text) RETURNS void LANGUAGE sql AS $$ SELECT $$")) {
            Plan plan = s.plan(procedure(LOG));
            assertTrue(Scenario.sql(plan).isEmpty(), () -> Scenario.sql(plan).toString());
            PlanItem.Drift drift = Scenario.drift(plan).get(0);
            assertEquals("procedure public.log_it(msg text)", drift.kind() + " " + drift.object());
            assertTrue(drift.message().startsWith("differs, and PostgreSQL refuses CREATE OR REPLACE PROCEDURE (ERROR: cannot change"
                    + " routine kind"), drift.message());
            s.applyAndConverge(procedure(LOG));
        }
    }

    @Test
    void aggregatesAreCreatedWithTheirStateFunctionAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(aggregate("SFUNC = _group_concat, STYPE = text"));
            assertEquals(List.of("CREATE OR REPLACE FUNCTION \"public\".\"_group_concat\"(text, text) " + CONCAT,
                    "CREATE AGGREGATE \"public\".\"group_concat\"(text) (SFUNC = _group_concat, STYPE = text)"), Scenario.sql(plan));
            assertEquals("aggregate public.group_concat(text)", plan.changes().get(1).kind() + " " + plan.changes().get(1).object());
            s.applyAndConverge(aggregate("SFUNC = _group_concat, STYPE = text"));
            assertEquals("a, b", s.queryString("SELECT group_concat(x ORDER BY x) FROM (VALUES ('b'), ('a')) v(x)"));
        }
    }

    @Test
    void aDifferentAggregateIsReportedWithBothSidesAndAnUndeclaredOneToo() throws Exception {
        try (Scenario s = Scenario.start("CREATE FUNCTION _group_concat(text, text) " + CONCAT,
                "CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text, INITCOND = '')",
                "CREATE AGGREGATE my_sum(int) (SFUNC = int4pl, STYPE = int, PARALLEL = SAFE)")) {
            Plan plan = s.plan(aggregate("sfunc = public._group_concat, stype = text"));
            assertTrue(Scenario.sql(plan).isEmpty(), () -> Scenario.sql(plan).toString());
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertEquals(List.of("aggregate public.group_concat(text): declared (SFUNC = public._group_concat, STYPE = text),"
                    + " database has (SFUNC = public._group_concat, STYPE = text, INITCOND = ''): not changed; replace it by hand"
                    + " (CREATE OR REPLACE AGGREGATE)",
                    "aggregate public.my_sum(integer): undeclared (SFUNC = int4pl, STYPE = integer, PARALLEL = SAFE): no block"
                            + " declares it; left alone"), drift);
            s.applyAndConverge(aggregate("sfunc = public._group_concat, stype = text"));
        }
    }

    @Test
    void pagilasAggregateReadsBackAsDeclared() throws Exception {
        String ddl = Files.readString(CorpusSnapshotTest.corpus("pagila.sql"));
        try (Scenario s = Scenario.start("DO $$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $$", ddl)) {
            Plan plan = s.plan(List.of(block("C1_Pagila", db -> db.ensureAggregate("group_concat(text)",
                    "SFUNC = public._group_concat, STYPE = text"))));
            assertTrue(plan.items().stream().anyMatch(i -> i instanceof PlanItem.Unchanged u
                    && u.object().equals("public.group_concat(text)") && u.kind().equals("aggregate")), () -> plan.items().toString());
            assertTrue(plan.isEmpty());
        }
    }
}
