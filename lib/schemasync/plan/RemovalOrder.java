package schemasync.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;

/**
 * Removals in one plan, dependents first. DROP without CASCADE fails while another object needs the
 * one dropped ("cannot drop view a because other objects depend on it"): a view over a view over a
 * table, a trigger's function. When a later removal (of any block) takes away an object that needs
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
        List<Integer> out = new ArrayList<>(order.size());
        Set<Integer> placed = new HashSet<>();
        for (int i : order) place(i, graph, all, removals, placed, new LinkedHashSet<>(), out);
        return out;
    }

    private static void place(int i, DependencyGraph<ObjectId> graph, List<Declaration> all, List<Integer> removals,
                              Set<Integer> placed, Set<Integer> visiting, List<Integer> out) {
        if (placed.contains(i) || !visiting.add(i)) return;
        ObjectId removed = id(all.get(i));
        if (removed != null) {
            for (int later : removals) {
                if (later != i && !placed.contains(later) && needs(graph, all, later, removed)) {
                    place(later, graph, all, removals, placed, visiting, out);
                }
            }
        }
        placed.add(i);
        out.add(i);
    }

    /** Whether what removal {@code later} drops (a table: with its triggers and constraints) needs {@code removed}. */
    private static boolean needs(DependencyGraph<ObjectId> graph, List<Declaration> all, int later, ObjectId removed) {
        ObjectId dropped = id(all.get(later));
        if (dropped.equals(removed) || removed.kind() == ObjectId.Kind.TABLE && removed.equals(dropped.owner())) return false;
        for (ObjectId n : graph.nodes()) {
            boolean part = n.equals(dropped) || dropped.kind() == ObjectId.Kind.TABLE && n.subName() != null && n.owner().equals(dropped);
            if (part && graph.reachableFrom(n).contains(removed)) return true;
        }
        return false;
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
            case FUNCTION, PROCEDURE -> PlanGraph.routine(r.object());
            case TRIGGER -> PlanGraph.trigger(r.object(), r.column());
            default -> null;
        };
    }
}
