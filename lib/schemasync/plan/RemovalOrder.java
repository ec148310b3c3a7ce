package schemasync.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.Cast;
import schemasync.catalog.Operator;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.DeclaredCalls;
import schemasync.dsl.OperatorClassDecl;
import schemasync.dsl.OperatorDecl;
import schemasync.normalize.OperatorSpellings;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;

/**
 * Removals in one plan, dependents first. DROP without CASCADE fails while another object needs the
 * one dropped ("cannot drop view a because other objects depend on it"): a view over a view over a
 * table, a trigger's function, a function or type a table's default, CHECK, index, policy or column uses, and (by
 * pg_depend's edges, {@link RecordedUsers#withRecorded}) an operator an index, CHECK, view or operator class uses, an
 * operator class an index uses, a function an operator or cast calls. When a later removal (of any block) takes away an object that needs
 * what an earlier removal drops, the later removal is planned just before the earlier one, by the
 * dependency graph ({@link PlanGraph}); everything else keeps its place. A removed table counts with
 * its triggers and constraints (DROP TABLE takes them along).
 */
final class RemovalOrder {
    private RemovalOrder() {
    }

    /** {@code order} (indexes into {@code all}) with the removals moved as said (operator and cast types as written). */
    static List<Integer> of(DependencyGraph<ObjectId> graph, List<Declaration> all, List<Integer> order) {
        return of(graph, all, order, null);
    }

    /** @param spelled how the normalizer spells an operator's or cast's types, as the graph's ids name them (null: as written) */
    static List<Integer> of(DependencyGraph<ObjectId> graph, List<Declaration> all, List<Integer> order, OperatorSpellings spelled) {
        List<Integer> removals = order.stream().filter(i -> id(all.get(i)) != null).toList();
        if (removals.size() < 2) return order;
        Map<Integer, ObjectId> ids = new HashMap<>();
        Map<Integer, Set<ObjectId>> needs = new HashMap<>();
        for (int r : removals) {
            ids.put(r, id(all.get(r), spelled));
            needs.put(r, needs(graph, ids.get(r)));
        }
        List<Integer> out = new ArrayList<>(order.size());
        Set<Integer> placed = new HashSet<>();
        for (int i : order) place(i, ids, removals, needs, placed, new HashSet<>(), out);
        return out;
    }

    /**
     * The removals of indexes (positions in {@code all}) that another removal of the run waits for: an operator class,
     * family or operator the index uses. A DROP INDEX CONCURRENTLY runs after the commit, so these are dropped in the
     * transaction, before what they use.
     */
    static Set<Integer> awaitedIndexDrops(DependencyGraph<ObjectId> graph, List<Declaration> all, OperatorSpellings spelled) {
        Set<ObjectId> removed = new HashSet<>();
        for (Declaration d : all) {
            ObjectId id = id(d, spelled);
            if (id != null && id.kind() != ObjectId.Kind.INDEX) removed.add(id);
        }
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            ObjectId id = id(all.get(i), spelled);
            if (id != null && id.kind() == ObjectId.Kind.INDEX && needs(graph, id).stream().anyMatch(removed::contains)) out.add(i);
        }
        return out;
    }

    private static void place(int i, Map<Integer, ObjectId> ids, List<Integer> removals, Map<Integer, Set<ObjectId>> needs,
                              Set<Integer> placed, Set<Integer> visiting, List<Integer> out) {
        if (placed.contains(i) || !visiting.add(i)) return;
        ObjectId removed = ids.get(i);
        if (removed != null) {
            for (int later : removals) {
                if (later != i && !placed.contains(later) && needs.get(later).contains(removed)) {
                    place(later, ids, removals, needs, placed, visiting, out);
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
            for (ObjectId n : graph.nodes()) {
                // Its indexes too (pg_depend's 'a' edge from each index to its table): an index's operator class goes after it.
                boolean part = n.subName() != null && n.owner().equals(dropped)
                        || n.kind() == ObjectId.Kind.INDEX && graph.prerequisitesOf(n).contains(dropped);
                if (part) out.addAll(graph.reachableFrom(n));
            }
        }
        // DROP OPERATOR FAMILY takes the classes in it along ('a'): what they need goes after it too.
        if (dropped.kind() == ObjectId.Kind.OPERATOR_FAMILY) {
            for (ObjectId n : graph.nodes()) {
                if (n.kind() == ObjectId.Kind.OPERATOR_CLASS && graph.prerequisitesOf(n).contains(dropped)) out.addAll(graph.reachableFrom(n));
            }
        }
        out.remove(dropped);
        if (dropped.subName() != null) out.remove(dropped.owner());
        return out;
    }

    /** The graph's id of what a removal drops, or null for removals the graph does not order (types as written). */
    static ObjectId id(Declaration d) {
        return id(d, null);
    }

    /**
     * The graph's id of what a removal drops, or null for removals the graph does not order: an operator and a cast
     * named as {@code catalog.Dependencies.read} names them, their types spelled by {@code spelled} (null: as written).
     */
    static ObjectId id(Declaration d, OperatorSpellings spelled) {
        if (d instanceof OperatorDecl.OperatorRemoval o) {
            String key = spelled == null ? Operator.key(o.name(), o.leftType(), o.rightType()) : spelled.operatorKey(o.name(), o.leftType(), o.rightType());
            return ObjectId.of(ObjectId.Kind.OPERATOR, o.name().schema(), key.substring(o.name().schema().length() + 1));
        }
        if (d instanceof OperatorDecl.CastRemoval c) {
            return ObjectId.of(ObjectId.Kind.CAST, null, spelled == null ? Cast.key(c.source(), c.target()) : spelled.castKey(c.source(), c.target()));
        }
        if (d instanceof OperatorClassDecl.ClassRemoval c) return operatorClass(ObjectId.Kind.OPERATOR_CLASS, c.name(), c.method());
        if (d instanceof OperatorClassDecl.FamilyRemoval f) return operatorClass(ObjectId.Kind.OPERATOR_FAMILY, f.name(), f.method());
        if (!(d instanceof RemovalDecl r)) return null;
        String schema = r.object().schema();
        String name = r.object().name();
        return switch (r.kind()) {
            case TABLE -> ObjectId.of(ObjectId.Kind.TABLE, schema, name);
            case VIEW -> ObjectId.of(ObjectId.Kind.VIEW, schema, name);
            case MATERIALIZED_VIEW -> ObjectId.of(ObjectId.Kind.MATERIALIZED_VIEW, schema, name);
            case FUNCTION, PROCEDURE -> DeclaredCalls.routineId(r.object());
            case TRIGGER -> PlanGraph.trigger(r.object(), r.column());
            case INDEX -> ObjectId.of(ObjectId.Kind.INDEX, schema, name);
            case CONSTRAINT -> ObjectId.onTable(ObjectId.Kind.CONSTRAINT, schema, name, r.column());
            case DOMAIN, COMPOSITE_TYPE, RANGE_TYPE -> ObjectId.of(ObjectId.Kind.TYPE, schema, name);
            default -> null;
        };
    }

    private static ObjectId operatorClass(ObjectId.Kind kind, QualifiedName name, String method) {
        String key = OperatorClass.key(name, OperatorSpellings.method(method));
        return ObjectId.of(kind, name.schema(), key.substring(name.schema().length() + 1));
    }
}
