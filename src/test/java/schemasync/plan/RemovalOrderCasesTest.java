package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.Blocks;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/** Removals that depend on each other are planned dependents first, by the graph alone (no server). */
class RemovalOrderCasesTest {
    private static final ObjectId USERS = ObjectId.of(Kind.TABLE, "public", "users");
    private static final ObjectId ACTIVE = ObjectId.of(Kind.VIEW, "public", "active");
    private static final ObjectId RECENT = ObjectId.of(Kind.VIEW, "public", "recent");
    private static final ObjectId STAMP = ObjectId.of(Kind.FUNCTION, "public", "stamp");
    private static final ObjectId TRIGGER = ObjectId.onTable(Kind.TRIGGER, "public", "users", "users_stamp");

    private static List<String> planned(DependencyGraph<ObjectId> graph, List<Declaration> all) {
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) order.add(i);
        return RemovalOrder.of(graph, all, order).stream().map(i -> describe(all.get(i))).toList();
    }

    private static String describe(Declaration d) {
        if (d instanceof Declaration.RemovalDecl r) return r.kind().word() + " " + r.object().name() + (r.column() == null || r.kind().routine() ? "" : "." + r.column());
        return d.getClass().getSimpleName();
    }

    @Test
    void aLaterRemovalOfADependentMovesBeforeTheRemovalItBlocksAndTheRestKeepsItsPlace() {
        DependencyGraph<ObjectId> graph = new DependencyGraph<ObjectId>().edge(ACTIVE, USERS).edge(RECENT, ACTIVE).edge(TRIGGER, STAMP);
        List<Declaration> all = DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> {
                    db.ensureNoView("active");
                    db.ensureSchema("other");
                    db.ensureNoFunction("stamp()");
                }),
                Blocks.block("C2", db -> {
                    db.ensureNoView("unrelated");
                    db.ensureNoView("recent");
                    db.ensureNoTrigger("users", "users_stamp");
                }))).declarations();
        assertEquals(List.of("view recent", "view active", "SchemaDecl", "trigger users.users_stamp", "function stamp",
                "view unrelated"), planned(graph, all));
    }

    @Test
    void aDroppedTableCountsWithItsTriggersAndIndependentRemovalsKeepBlockOrder() {
        DependencyGraph<ObjectId> graph = new DependencyGraph<ObjectId>().edge(TRIGGER, USERS).edge(TRIGGER, STAMP);
        List<Declaration> all = DeclaredSchema.of(List.of(Blocks.block("C1", db -> {
            db.ensureNoFunction("stamp()");
            db.ensureNoView("b");
            db.ensureNoView("a");
            db.ensureNoTable("users");
        }))).declarations();
        assertEquals(List.of("table users", "function stamp", "view b", "view a"), planned(graph, all));
    }

    /**
     * Without a server: the plan's graph reads a kept table's calls from the catalog's texts (pg_get_expr prints the
     * routine qualified), so removing the routine is refused before anything runs, naming the table; removing the table
     * too plans DROP TABLE first.
     */
    @Test
    void aRoutineAKeptTableCallsIsRefusedAndDroppedAfterItsRemovedTable() {
        schemasync.catalog.Table items = Fixtures.table("public.items", 1, 1, Fixtures.column("code", "text"))
                .withConstraints(List.of(Fixtures.check("items_code_check", "CHECK (public.valid_code(code))", true)));
        schemasync.catalog.Catalog before = Fixtures.catalog().table(items).function("public.valid_code", "c text",
                "CREATE OR REPLACE FUNCTION public.valid_code(c text) RETURNS boolean LANGUAGE sql AS $$ SELECT c <> '' $$").build();
        DeclaredSchema refused = DeclaredSchema.of(List.of(Blocks.block("C1", db -> db.ensureNoFunction("valid_code(text)"))));
        schemasync.SchemaSyncException e = org.junit.jupiter.api.Assertions.assertThrows(schemasync.SchemaSyncException.class,
                () -> Planner.plan(before, refused, Fixtures.shapes().build(), java.util.Map.of()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("function public.valid_code (block C1) is still used by"
                + " table public.items"), e::getMessage);
        DeclaredSchema both = DeclaredSchema.of(List.of(Blocks.block("C1", db -> {
            db.ensureNoFunction("valid_code(text)");
            db.allowHazard(schemasync.model.HazardKind.DELETES_DATA, "archived");
            db.ensureNoTable("items");
        })));
        List<String> sql = Planner.plan(before, both, Fixtures.shapes().build(), java.util.Map.of()).steps().stream()
                .map(s -> schemasync.render.SqlRenderer.render(s.step())).toList();
        assertEquals(2, sql.size(), sql::toString);
        org.junit.jupiter.api.Assertions.assertTrue(sql.get(0).startsWith("DROP TABLE"), sql::toString);
    }
}
