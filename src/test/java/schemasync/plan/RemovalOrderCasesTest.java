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
}
