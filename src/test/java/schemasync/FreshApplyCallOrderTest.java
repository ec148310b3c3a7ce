package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.Default.dflt;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SchemaChanges;

/**
 * The plan of a fresh apply creates objects block by block, so a function a table calls (default,
 * CHECK, generated column, index, policy, trigger) must be declared in the same block or an earlier
 * one: then the apply converges (in one block whatever the line order); in a later block it is refused
 * before anything runs, naming both objects and the blocks.
 */
class FreshApplyCallOrderTest {
    private static final Consumer<SchemaChanges> FUNCTIONS = db -> db
            .ensureFunction("zz_code()", "RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$")
            .ensureFunction("zz_ok(t text)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t <> '' $$")
            .ensureFunction("zz_norm(t text)", "RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$")
            .ensureFunction("zz_me()", "RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_user::text $$")
            .ensureFunction("zz_touch()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.code := NEW.code; RETURN NEW; END $$");
    private static final Consumer<SchemaChanges> TABLE = db -> {
        db.ensureTable("items", t -> t.column("id", "bigint").primaryKey("id").column("owner", "text")
                .column("code", "text", dflt("zz_code()")).check("items_code_ok", "zz_ok(code)"));
        db.ensureColumn("items", "key", schemasync.dsl.ColumnType.TEXT.generatedAlwaysAs("zz_norm(code)"));
        db.ensureIndex("items_code_idx").on("items").expression("zz_norm(code)");
        db.ensureRowLevelSecurity("items");
        db.ensurePolicy("items_mine").on("items").using("owner = zz_me()");
        db.ensureTrigger("items_touch").on("items").before(schemasync.dsl.TriggerEvent.UPDATE).forEachRow().executes("zz_touch()");
    };

    @Test
    void functionsDeclaredFirstConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(block("001_functions", FUNCTIONS), block("002_items", TABLE)));
        }
    }

    @Test
    void inOneBlockFunctionsAndTypesWrittenAfterTheirUsersAreCreatedFirstAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(block("001_all", db -> {
                TABLE.accept(db);
                db.ensureTable("moods", t -> t.column("id", "bigint").column("mood", "mood").column("code", "code_text"));
                db.ensureDomain("code_text", "text").check("code_text_ok", "VALUE <> ''");
                db.ensureEnum("mood", "sad", "ok", "happy");
                FUNCTIONS.accept(db);
            })));
            assertEquals("happy", s.queryString("SELECT max(e.enumlabel) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                    + " WHERE t.typname = 'mood' AND e.enumsortorder = 3"));
        }
    }

    @Test
    void functionsDeclaredAfterTheirUsersAreRefusedNamingBoth() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("001_items", TABLE), block("002_functions", FUNCTIONS));
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            String m = e.getMessage();
            for (String expected : List.of("table public.items (block 001_items) calls function public.zz_code()",
                    "table public.items (block 001_items) calls function public.zz_ok(t text)",
                    "column public.items.key (block 001_items) calls function public.zz_norm(t text)",
                    "index public.items_code_idx (block 001_items) calls function public.zz_norm(t text)",
                    "policy items_mine on public.items (block 001_items) calls function public.zz_me()",
                    "trigger items_touch on public.items (block 001_items) calls function public.zz_touch()",
                    "which block 002_functions declares later")) {
                assertTrue(m.contains(expected), expected + " in: " + m);
            }
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'items'"), "nothing was created");
        }
    }
}
