package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.dsl.Default.dflt;
import static schemasync.plan.Fixtures.catalog;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import schemasync.Blocks;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.DependencyOrder;
import schemasync.dsl.Declaration;
import schemasync.dsl.SchemaChanges;

/** A routine declared after an object whose creation calls it is refused before anything runs (no server needed). */
class DeclaredCallOrderTest {
    private static final Consumer<SchemaChanges> CODE = db -> db.ensureFunction("zz_code()",
            "RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$");

    private static String refusal(Catalog before, ChangeBlock... blocks) {
        List<Declaration> all = DeclaredSchema.of(List.of(blocks)).declarations();
        return assertThrows(SchemaSyncException.class, () -> DeclaredCallOrder.checked(before, all, DependencyOrder.of(before, all)))
                .getMessage();
    }

    private static void accepted(Catalog before, ChangeBlock... blocks) {
        List<Declaration> all = DeclaredSchema.of(List.of(blocks)).declarations();
        List<Integer> order = DependencyOrder.of(before, all);
        assertEquals(order, DeclaredCallOrder.checked(before, all, order));
    }

    @Test
    void aDefaultCallingAFunctionOfALaterBlockNamesBothAndTheBlocks() {
        String m = refusal(catalog().build(),
                Blocks.block("003_items", db -> db.ensureTable("items", t -> t.column("id", "bigint").column("code", "text", dflt("zz_code()")))),
                Blocks.block("005_functions", CODE));
        assertTrue(m.contains("table public.items (block 003_items) calls function public.zz_code(), which block 005_functions"
                + " declares later"), m);
        assertTrue(m.contains("declare the function before it (in block 003_items or an earlier one)"), m);
        assertTrue(m.contains("nothing was changed"), m);
    }

    @Test
    void aRoutineWhoseBodyReadsALaterTableIsNotRefused() {
        // The apply creates routines with check_function_bodies off and checks their bodies before its commit.
        accepted(catalog().build(), Blocks.block("B1", db -> {
            db.ensureFunction("m_limit(t text)", "RETURNS int LANGUAGE sql STABLE AS $$ SELECT max_items FROM zz_limits WHERE name = t $$");
            db.ensureFunction("m_twice(t text)", "RETURNS int LANGUAGE sql STABLE AS $$ SELECT 2 * zz_later(t) $$");
            db.ensureTable("a_baskets", t -> t.column("id", "bigint").column("kind", "text").column("items", "int")
                    .check("items_ok", "items <= coalesce(m_limit(kind), 0)"));
        }), Blocks.block("B2", db -> {
            db.ensureTable("zz_limits", t -> t.column("name", "text").column("max_items", "int"));
            db.ensureFunction("zz_later(t text)", "RETURNS int LANGUAGE sql STABLE AS $$ SELECT 1 $$");
        }));
    }

    @Test
    void inOneBlockTheRoutineIsPlannedBeforeItsUserWhateverTheLineOrder() {
        Catalog empty = catalog().build();
        List<Declaration> all = DeclaredSchema.of(List.of(Blocks.block("B1", db -> {
            db.ensureTable("plain", t -> t.column("id", "bigint"));
            db.ensureTable("items", t -> t.column("id", "bigint").column("code", "text").check("code_ok", "public.zz_code() <> code"));
            db.ensureColumn("items", "note", schemasync.dsl.ColumnType.TEXT);
            CODE.accept(db);
            db.ensureTable("after", t -> t.column("id", "bigint"));
        }))).declarations();
        List<Integer> order = DependencyOrder.of(empty, all);
        // The function moves up to just before its first user; every other line keeps its written place.
        assertEquals(List.of("plain", "zz_code", "items", "items", "after"), names(all, order));
        assertEquals(order, DeclaredCallOrder.checked(empty, all, order));
    }

    @Test
    void aRenameRemovalOrCustomStepBetweenUserAndRoutineKeepsTheRefusal() {
        String m = refusal(catalog().build(), Blocks.block("B1", db -> {
            db.ensureTable("items", t -> t.column("id", "bigint").column("code", "text", dflt("zz_code()")));
            db.customStep("seed").neededWhile("SELECT true").runs("SELECT 1");
            CODE.accept(db);
        }));
        assertTrue(m.contains("table public.items (block B1) calls function public.zz_code(), which the same block declares after"
                + " a rename, removal, column change or custom step that it is not moved across"), m);
    }

    @Test
    void aColumnOfATypeDeclaredLaterInTheBlockComesAfterItAndTheTypeBringsItsOwnNeeds() {
        Catalog empty = catalog().build();
        List<Declaration> all = DeclaredSchema.of(List.of(Blocks.block("B1", db -> {
            db.ensureTable("people", t -> t.column("id", "bigint").column("mood", "app.mood[]").column("code", "code_text"));
            db.ensureDomain("code_text", "text").check("code_ok", "zz_valid(VALUE)");
            db.ensureFunction("zz_valid(t text)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t <> '' $$");
            db.ensureSchema("app");
            db.ensureEnum("app.mood", "sad", "happy");
        }))).declarations();
        List<Integer> order = DependencyOrder.of(empty, all);
        // The table's prerequisites come in its column order, each after its own (the domain's function, the enum's schema).
        assertEquals(List.of("zz_valid", "code_text", "app", "mood", "people"), names(all, order));
    }

    @Test
    void aCycleInOneBlockIsRefusedNamingItsMembers() {
        List<Declaration> all = DeclaredSchema.of(List.of(Blocks.block("B1", db -> {
            db.ensureDomain("code_text", "text").check("code_ok", "zz_valid(VALUE)");
            db.ensureFunction("zz_valid(t code_text)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t <> '' $$");
        }))).declarations();
        String m = assertThrows(SchemaSyncException.class, () -> DependencyOrder.of(catalog().build(), all)).getMessage();
        assertTrue(m.contains("Block B1 declares objects that need each other to be created (nothing was changed):"
                + " domain public.code_text needs function public.zz_valid(t code_text) needs domain public.code_text"), m);
    }

    @Test
    void aRoutineWhoseSignatureNamesATablesRowTypeComesAfterTheTableWhateverTheLineOrder() {
        Catalog empty = catalog().build();
        List<Declaration> all = DeclaredSchema.of(List.of(Blocks.block("B1", db -> {
            // A body reading the table names no type PostgreSQL resolves at CREATE: it keeps its place.
            db.ensureFunction("zz_count()", "RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM zz_wraps $$");
            db.ensureFunction("zz_valid(w zz_wraps)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT (w).note IS NULL $$");
            db.ensureFunction("zz_wrap(n text)", "RETURNS public.zz_wraps LANGUAGE sql AS $$ SELECT NULL::zz_wraps $$");
            db.ensureTable("zz_wraps", t -> t.column("id", "bigint").column("note", "text"));
        }))).declarations();
        List<Integer> order = DependencyOrder.of(empty, all);
        assertEquals(List.of("zz_count", "zz_wraps", "zz_valid", "zz_wrap"), names(all, order));
        assertEquals(order, DeclaredCallOrder.checked(empty, all, order));
    }

    @Test
    void aTableWhoseCheckCallsARoutineTakingItsOwnRowTypeIsACycle() {
        List<Declaration> all = DeclaredSchema.of(List.of(Blocks.block("B1", db -> {
            db.ensureTable("orders", t -> t.column("id", "bigint").check("orders_ok", "zz_ok(ROW(id)::orders)"));
            db.ensureFunction("zz_ok(o orders)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT true $$");
        }))).declarations();
        String m = assertThrows(SchemaSyncException.class, () -> DependencyOrder.of(catalog().build(), all)).getMessage();
        assertTrue(m.contains("Block B1 declares objects that need each other to be created (nothing was changed):"), m);
        assertTrue(m.contains("public.orders needs function public.zz_ok(o orders) needs"), m);
    }

    /** The planned declarations' names, without the storage options every ensureTable also declares. */
    private static List<String> names(List<Declaration> all, List<Integer> order) {
        return order.stream().map(all::get).filter(d -> !(d instanceof Declaration.TableOptionsDecl)).map(DeclaredCallOrderTest::nameOf).toList();
    }

    private static String nameOf(Declaration d) {
        if (d instanceof Declaration.TableDecl t) return t.name().name();
        if (d instanceof Declaration.ColumnDecl c) return c.table().name();
        if (d instanceof Declaration.FunctionDecl f) return f.name().name();
        if (d instanceof schemasync.dsl.TypeDecl.DomainDecl t) return t.name().name();
        if (d instanceof schemasync.dsl.TypeDecl.EnumDecl t) return t.name().name();
        if (d instanceof Declaration.SchemaDecl s) return s.name();
        return d.toString();
    }

    @Test
    void indexesPoliciesTriggersDomainsAndLaterConstraintsAreUsersToo() {
        String m = refusal(catalog().build(), Blocks.block("B1", db -> {
            db.ensureSchema("app");
            db.ensureTable("docs", t -> t.column("id", "bigint").column("owner", "text"));
            db.ensureIndex("docs_owner_idx").on("docs").expression("app.norm(owner)");
            db.ensurePolicy("mine").on("docs").using("owner = zz_me()");
            db.ensureTrigger("docs_touch").on("docs").before(schemasync.dsl.TriggerEvent.UPDATE).forEachRow().executes("app.touch()");
            db.ensureDomain("code", "text").check("code_ok", "VALUE <> zz_me()");
            db.ensureConstraints("docs", t -> t.check("owner_ok", "\"app\".\"norm\"(owner) <> ''"));
        }), Blocks.block("B2", db -> {
            db.ensureFunction("app.norm(t text)", "RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$");
            db.ensureFunction("zz_me()", "RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_user::text $$");
            db.ensureFunction("app.touch()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        }));
        for (String user : List.of("index public.docs_owner_idx (block B1) calls function app.norm(t text)",
                "policy mine on public.docs (block B1) calls function public.zz_me()",
                "trigger docs_touch on public.docs (block B1) calls function app.touch()",
                "domain public.code (block B1) calls function public.zz_me()",
                "constraints of table public.docs (block B1) calls function app.norm(t text)")) {
            assertTrue(m.contains(user), user + " in: " + m);
        }
    }

    @Test
    void aRoutineThatExistsAlreadyOrAnUnqualifiedCallOfAnotherSchemasIsNotRefused() {
        Catalog withCode = catalog().function("public.zz_code", "",
                "CREATE OR REPLACE FUNCTION public.zz_code()\n RETURNS text\n LANGUAGE sql\nAS $function$ SELECT 'x' $function$\n").build();
        accepted(withCode,
                Blocks.block("B1", db -> db.ensureTable("items", t -> t.column("id", "bigint").column("code", "text", dflt("zz_code()")))),
                Blocks.block("B2", CODE));
        // Unqualified, a routine of schema app resolves only through a search_path the plan cannot see: left to PostgreSQL.
        accepted(catalog().build(),
                Blocks.block("B1", db -> db.ensureTable("items", t -> t.column("id", "bigint").column("code", "text", dflt("norm('x')")))),
                Blocks.block("B2", db -> db.ensureSchema("app").ensureFunction("app.norm(t text)",
                        "RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$")));
        // A name that only ends like the routine's is another call.
        accepted(catalog().build(),
                Blocks.block("B1", db -> db.ensureTable("items", t -> t.column("id", "bigint").column("code", "text", dflt("my_zz_code()")))),
                Blocks.block("B2", CODE));
    }

    /** The check is over the declared side's call edges: each user line to each routine line it calls. */
    @Test
    void theCallsAreEdgesOfTheDeclaredSidesDependencyGraph() {
        List<Declaration> all = DeclaredSchema.of(List.of(Blocks.block("B1", db -> {
            db.ensureTable("items", t -> t.column("id", "bigint").column("code", "text", dflt("zz_code()")));
            db.ensureTrigger("items_touch").on("items").before(schemasync.dsl.TriggerEvent.UPDATE).forEachRow().executes("zz_touch()");
            db.ensureTable("plain", t -> t.column("id", "bigint"));
        }), Blocks.block("B2", db -> {
            CODE.accept(db);
            db.ensureFunction("zz_touch()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        }))).declarations();
        int items = indexOf(all, d -> d instanceof Declaration.TableDecl t && t.name().name().equals("items"));
        int trigger = indexOf(all, d -> d instanceof Declaration.TriggerDecl);
        int plain = indexOf(all, d -> d instanceof Declaration.TableDecl t && t.name().name().equals("plain"));
        int code = indexOf(all, d -> d instanceof Declaration.FunctionDecl f && f.name().name().equals("zz_code"));
        int touch = indexOf(all, d -> d instanceof Declaration.FunctionDecl f && f.name().name().equals("zz_touch"));
        schemasync.model.DependencyGraph<Integer> calls = schemasync.dsl.DeclaredCalls.calls(catalog().build(), all);
        assertEquals(java.util.Set.of(code), calls.prerequisitesOf(items), "the table calls zz_code()");
        assertEquals(java.util.Set.of(touch), calls.prerequisitesOf(trigger), "the trigger calls zz_touch()");
        assertEquals(java.util.Set.of(), calls.prerequisitesOf(plain));
        // A routine that exists already is never a later one: no edge.
        schemasync.model.DependencyGraph<Integer> withCode = schemasync.dsl.DeclaredCalls.calls(catalog().function("public.zz_code", "",
                "CREATE FUNCTION public.zz_code() ...").build(), all);
        assertEquals(java.util.Set.of(), withCode.prerequisitesOf(items));
        assertEquals(java.util.Set.of(touch), withCode.prerequisitesOf(trigger));
    }

    private static int indexOf(List<Declaration> all, java.util.function.Predicate<Declaration> which) {
        for (int i = 0; i < all.size(); i++) if (which.test(all.get(i))) return i;
        throw new AssertionError("no such declaration in " + all);
    }
}
