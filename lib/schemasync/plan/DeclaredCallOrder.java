package schemasync.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredCalls;
import schemasync.model.DependencyGraph;

/**
 * One apply creates objects block by block. PostgreSQL resolves a function call in a column default,
 * generated column, CHECK, index expression, policy or domain, and a trigger's function, when it
 * creates that object: a routine a later block declares does not exist yet, and the apply would fail
 * half-way with "function … does not exist". Inside one block {@link schemasync.dsl.BlockCreationOrder} already plans the
 * routine first; this refuses what remains before anything runs, naming both objects and their blocks:
 * a routine of a later block, or one the same block declares past a rename, removal, column change or
 * custom step (which nothing is moved across).
 *
 * <p>Why not move the routine into the earlier block instead: creating it needs what its own signature
 * names (argument and result types; a standard SQL body's tables, parsed at creation), which the blocks
 * between may declare or change; and each step is planned over the state the earlier steps leave. A
 * routine's body is no user here: the apply creates routines with check_function_bodies off and checks
 * their bodies before its commit, so a plain SQL or PL/pgSQL body may read what a later block declares.
 * The order of blocks is the user's; the fix is one move, which the error says.
 *
 * <p>The check is over a dependency graph of the declared side ({@link DeclaredCalls#calls}, the one recogniser of a
 * declared call): an edge from each declaration to each routine declaration it calls; an edge that points forward in
 * the planning order is refused. Routines that exist already, under any arguments, are never "later".
 */
final class DeclaredCallOrder {
    private DeclaredCallOrder() {
    }

    /**
     * @param order the planning order (indexes into {@code all})
     * @return {@code order}, once no declaration calls a routine declared after it
     */
    static List<Integer> checked(Catalog catalog, List<Declaration> all, List<Integer> order) {
        DependencyGraph<Integer> calls = DeclaredCalls.calls(catalog, all);
        if (calls.nodes().isEmpty()) return order;
        Map<Integer, Integer> position = new HashMap<>();
        for (int p = 0; p < order.size(); p++) position.put(order.get(p), p);
        List<String> problems = new ArrayList<>();
        for (int user : order) {
            Declaration d = all.get(user);
            List<Integer> later = calls.prerequisitesOf(user).stream().filter(r -> position.get(r) > position.get(user))
                    .sorted(Comparator.comparing(position::get)).toList();
            for (int r : later) {
                Declaration routine = all.get(r);
                DeclaredCalls.Routine called = DeclaredCalls.routine(routine);
                problems.add(DeclaredCalls.user(catalog, d) + " (block " + d.origin().blockId() + ") calls " + called.word() + " " + called.signature()
                        + ", which " + (routine.origin().blockId().equals(d.origin().blockId()) ? "the same block declares after a rename, removal, column change or custom step that it is not moved across"
                        : "block " + routine.origin().blockId() + " declares later")
                        + ": declare the " + called.word() + " before it (in block " + d.origin().blockId() + " or an earlier one)");
            }
        }
        if (!problems.isEmpty()) {
            throw SchemaSyncException.badInput("PostgreSQL resolves a function call when it creates the object that makes it,"
                    + " so a routine must be declared before its first user (nothing was changed):\n  - "
                    + String.join("\n  - ", problems));
        }
        return order;
    }
}
