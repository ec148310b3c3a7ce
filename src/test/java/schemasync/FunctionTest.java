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

/** Functions: compared on pg_get_functiondef of the very statement the apply would run. */
class FunctionTest {
    private static final String TOUCH = "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$";

    private static List<ChangeBlock> blocks(String definition) {
        return List.of(block("C1_Fn", db -> {
            db.ensureFunction("set_updated_at()", definition);
            db.ensureFunction("app_add(a int4, b integer)", "RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$");
        }));
    }

    @Test
    void functionsAreCreatedAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks(TOUCH));
            assertEquals("CREATE OR REPLACE FUNCTION \"public\".\"set_updated_at\"() " + TOUCH, Scenario.sql(plan).get(0));
            assertEquals("function public.app_add(a integer, b integer)", plan.changes().get(1).kind() + " " + plan.changes().get(1).object());
            s.applyAndConverge(blocks(TOUCH));
            assertEquals("5", s.queryString("SELECT app_add(2, 3)"));
        }
    }

    @Test
    void aChangedBodyIsReplacedAndAChangedReturnTypeIsDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE FUNCTION app_add(a int, b int) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$",
                "CREATE FUNCTION legacy_helper() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$")) {
            Plan plan = s.plan(blocks(TOUCH));
            assertEquals(List.of("CREATE OR REPLACE FUNCTION \"public\".\"set_updated_at\"() " + TOUCH), Scenario.sql(plan));
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.object() + ": " + d.message()).toList();
            assertTrue(drift.get(0).startsWith("public.app_add(a integer, b integer): differs, and PostgreSQL refuses CREATE OR REPLACE"
                    + " FUNCTION (ERROR: cannot change return type of existing function)"), drift.get(0));
            assertEquals("public.legacy_helper(): undeclared: no block declares it; left alone", drift.get(1));
            s.applyAndConverge(blocks(TOUCH));
        }
    }

    @Test
    void aSignatureWithoutParenthesesIsRejected() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C2", db -> db.ensureFunction("set_updated_at", TOUCH)))));
        assertTrue(e.getMessage().contains("C2: function public.set_updated_at: write the signature as name(argument types)"),
                e.getMessage());
    }
}
