package schemasync.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.dsl.DeclaredCalls;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;

/**
 * Removals in one plan, dependents first. DROP without CASCADE fails while another object needs the
 * one dropped ("cannot drop view a because other objects depend on it"): a view over a view over a
 * table, a trigger's function, a function or type a table's default, CHECK, index, policy or column uses. When a later removal (of any block) takes away an object that needs
 * what an earlier removal drops, the later removal is planned just before the earlier one, by the
 * dependency graph ({@link PlanGraph}); everything else keeps its place. A removed table counts with
 * its triggers and constraints (DROP TABLE takes them along).
 */
final class RemovalOrder {
    private RemovalOrder() {
    }

    /** {@code order} (indexes into {@code all}) with the removals moved as said. */
    static List<Integer> of(DependencyGraph<ObjectId> graph, List<Declaration> all, List<Integer> order) {
        List<Integer> removals = order.stream().filter(i -> id(all.get(i)) != null).toList();
        if (removals.size() < 2) return order;
        Map<Integer, Set<ObjectId>> needs = new HashMap<>();
        for (int r : removals) needs.put(r, needs(graph, id(all.get(r))));
        List<Integer> out = new ArrayList<>(order.size());
        Set<Integer> placed = new HashSet<>();
        for (int i : order) place(i, all, removals, needs, placed, new HashSet<>(), out);
        return out;
    }

    private static void place(int i, List<Declaration> all, List<Integer> removals, Map<Integer, Set<ObjectId>> needs,
                              Set<Integer> placed, Set<Integer> visiting, List<Integer> out) {
        if (placed.contains(i) || !visiting.add(i)) return;
        ObjectId removed = id(all.get(i));
        if (removed != null) {
            for (int later : removals) {
                if (later != i && !placed.contains(later) && needs.get(later).contains(removed)) {
                    place(later, all, removals, needs, placed, visiting, out);
                }
            }
        }
        placed.add(i);
        out.add(i);
    }

    /**
     * What the dropped object needs, directly or through others (a table: with its triggers and
     * constraints, and never its own parts).
     */
    private static Set<ObjectId> needs(DependencyGraph<ObjectId> graph, ObjectId dropped) {
        Set<ObjectId> out = new HashSet<>(graph.reachableFrom(dropped));
        if (dropped.kind() == ObjectId.Kind.TABLE) {
            for (ObjectId n : graph.nodes()) if (n.subName() != null && n.owner().equals(dropped)) out.addAll(graph.reachableFrom(n));
        }
        out.remove(dropped);
        if (dropped.subName() != null) out.remove(dropped.owner());
        return out;
    }

    /** The graph's id of what a removal drops, or null for removals the graph does not order. */
    static ObjectId id(Declaration d) {
        if (!(d instanceof RemovalDecl r)) return null;
        String schema = r.object().schema();
        String name = r.object().name();
        return switch (r.kind()) {
            case TABLE -> ObjectId.of(ObjectId.Kind.TABLE, schema, name);
            case VIEW -> ObjectId.of(ObjectId.Kind.VIEW, schema, name);
            case MATERIALIZED_VIEW -> ObjectId.of(ObjectId.Kind.MATERIALIZED_VIEW, schema, name);
            case FUNCTION, PROCEDURE -> DeclaredCalls.routineId(r.object());
            case TRIGGER -> PlanGraph.trigger(r.object(), r.column());
            case DOMAIN, COMPOSITE_TYPE, RANGE_TYPE -> ObjectId.of(ObjectId.Kind.TYPE, schema, name);
            default -> null;
        };
    }
}
