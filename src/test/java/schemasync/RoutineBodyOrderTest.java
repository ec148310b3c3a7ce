package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.plan.Plan;

/**
 * Routines are created with check_function_bodies off and their bodies checked before the commit, as a
 * pg_dump restore does: a function a CHECK calls may read a table a later block declares; a body that is
 * still broken once everything exists fails the apply, naming the routine and its block, nothing changed.
 */
class RoutineBodyOrderTest {
    private static final String LIMIT_BODY = "RETURNS int LANGUAGE sql STABLE AS $$ SELECT max_items FROM zz_limits WHERE name = t $$";

    /** Block 1: the function and the table whose CHECK calls it; block 2: the table the function's body reads. */
    private static List<ChangeBlock> basketsThenLimits(String limitBody) {
        return List.of(block("C1_Baskets", db -> {
            db.ensureFunction("m_limit(t text)", limitBody);
            db.ensureTable("a_baskets", t -> t.column("id", "bigint").primaryKey("id").column("kind", ColumnType.TEXT.notNull())
                    .column("items", ColumnType.type("int").notNull()).check("a_baskets_items_ok", "items <= coalesce(m_limit(kind), 0)"));
        }), block("C2_Limits", db -> db.ensureTable("zz_limits",
                t -> t.column("name", "text").primaryKey("name").column("max_items", ColumnType.type("int").notNull()))));
    }

    @Test
    void aBodyReadingATableOfALaterBlockAppliesAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = basketsThenLimits(LIMIT_BODY);
            Plan plan = s.plan(blocks); // the dry run: planned, not refused
            assertTrue(Scenario.sql(plan).get(0).startsWith("CREATE OR REPLACE FUNCTION \"public\".\"m_limit\"(t text)"),
                    Scenario.sql(plan).toString());
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO zz_limits VALUES ('small', 2)");
            s.execute("INSERT INTO a_baskets VALUES (1, 'small', 2)");
            assertThrows(java.sql.SQLException.class, () -> s.execute("INSERT INTO a_baskets VALUES (2, 'small', 3)"),
                    "the CHECK calls the function, which reads the table");
        }
    }

    @Test
    void aReplacedBodyReadingATableOfALaterBlockIsReplacedNotDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE FUNCTION m_limit(t text) RETURNS int LANGUAGE sql STABLE AS $$ SELECT 5 $$")) {
            List<ChangeBlock> blocks = List.of(block("C1_Limit", db -> db.ensureFunction("m_limit(t text)", LIMIT_BODY)),
                    block("C2_Limits", db -> db.ensureTable("zz_limits",
                            t -> t.column("name", "text").primaryKey("name").column("max_items", ColumnType.type("int").notNull()))));
            Plan plan = s.plan(blocks);
            assertTrue(Scenario.drift(plan).isEmpty(), Scenario.drift(plan).toString());
            s.applyAndConverge(blocks);
            s.execute("INSERT INTO zz_limits VALUES ('big', 9)");
            assertEquals("9", s.queryString("SELECT m_limit('big')"));
        }
    }

    @Test
    void aBodyIsCheckedUnderTheRoutinesOwnSettings() throws Exception {
        try (Scenario s = Scenario.start()) {
            // The unqualified "orders" resolves through the function's own search_path, as CREATE FUNCTION checks it.
            List<ChangeBlock> blocks = List.of(block("C1_Count", db -> {
                db.ensureSchema("app");
                db.ensureFunction("app.order_count()", "RETURNS bigint LANGUAGE sql STABLE SET search_path = app"
                        + " AS $$ SELECT count(*) FROM orders $$");
            }), block("C2_Orders", db -> db.ensureTable("app.orders", t -> t.column("id", "bigint").primaryKey("id"))));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT app.order_count()"));
        }
    }

    @Test
    void aBodyBrokenForGoodFailsNamingItsBlockAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE victim (id int PRIMARY KEY)")) {
            List<ChangeBlock> blocks = List.of(block("C1_Ok", db -> db.ensureTable("fine", t -> t.column("id", "bigint"))),
                    block("C2_Limit", db -> db.ensureFunction("m_limit(t text)",
                            "RETURNS int LANGUAGE sql STABLE AS $$ SELECT max_items FROM zz_nowhere WHERE name = t $$")),
                    block("C3_Touch", db -> db.ensureFunction("m_touch()",
                            "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END IF; END $$")));
            s.plan(blocks); // the dry run cannot tell: the body may read what a later block creates
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            String m = e.getMessage();
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code(), m);
            assertTrue(m.contains("C2_Limit: function public.m_limit(t text): relation \"zz_nowhere\" does not exist"), m);
            assertTrue(m.contains("C3_Touch: function public.m_touch(): syntax error"), m);
            assertTrue(m.contains("nothing changed"), m);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_proc WHERE proname IN ('m_limit', 'm_touch')"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'fine'"), "rolled back");
        }
    }

    @Test
    void aStandardSqlBodyIsParsedAtCreationSoItsTableMustComeFirst() throws Exception {
        try (Scenario s = Scenario.start()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Integer.parseInt(s.queryString("SHOW server_version_num")) >= 140000);
            ChangeBlock limit = block("C1_Limit", db -> db.ensureFunction("m_limit(t text)", "RETURNS int LANGUAGE sql STABLE"
                    + " BEGIN ATOMIC SELECT max_items FROM zz_limits WHERE name = t; END"));
            ChangeBlock limits = block("C2_Limits", db -> db.ensureTable("zz_limits",
                    t -> t.column("name", "text").primaryKey("name").column("max_items", ColumnType.type("int").notNull())));
            // check_function_bodies does not apply to it: the apply fails at its step, rolled back.
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(limit, limits)));
            assertTrue(e.getMessage().contains("C1_Limit: step 1/2 (CreateFunction public.m_limit(t text)) failed, everything was"
                    + " rolled back: ERROR: relation \"zz_limits\" does not exist"), e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'zz_limits'"), "nothing changed");
            // A CHECK calling it before its table is refused before anything runs: the function cannot exist there.
            String refused = assertThrows(SchemaSyncException.class, () -> s.plan(basketsThenLimits("RETURNS int LANGUAGE sql"
                    + " STABLE BEGIN ATOMIC SELECT max_items FROM zz_limits WHERE name = t; END"))).getMessage();
            assertTrue(refused.contains("C1_Baskets: check constraint public.a_baskets.a_baskets_items_ok: ERROR: function"
                    + " m_limit(text) does not exist"), refused);
            // Declared after the table it reads, it applies.
            s.applyAndConverge(List.of(limits, limit));
        }
    }
}
