package schemasync.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * "X must exist before Y", over any node type (the catalog uses {@link ObjectId}). Nodes keep the
 * order they were added in; {@link #order} is a stable topological sort: among the nodes whose
 * prerequisites are placed, the earliest added goes first, so a graph without edges keeps its order.
 * An edge to a node never added is ignored (an object outside the schemas read, or one PostgreSQL
 * ships): it exists already.
 */
public final class DependencyGraph<N> {

    /** {@code dependent} needs {@code prerequisite} to exist first. */
    public record Edge<N>(N dependent, N prerequisite) {
    }

    /**
     * A sorted order, and the edges that had to be set aside to get it: each closed a cycle, and the
     * caller creates that part of {@code dependent} later (a foreign key added once both tables exist).
     */
    public record Order<N>(List<N> nodes, List<Edge<N>> broken) {
    }

    private final Map<N, Set<N>> prerequisites = new LinkedHashMap<>();

    public DependencyGraph<N> add(N node) {
        prerequisites.computeIfAbsent(node, k -> new LinkedHashSet<>());
        return this;
    }

    public DependencyGraph<N> addAll(Collection<? extends N> nodes) {
        nodes.forEach(this::add);
        return this;
    }

    /** Adds both nodes if need be: use {@link #edgeBetweenKnown} when either may be outside the graph. */
    public DependencyGraph<N> edge(N dependent, N prerequisite) {
        add(prerequisite);
        add(dependent);
        if (!dependent.equals(prerequisite)) prerequisites.get(dependent).add(prerequisite);
        return this;
    }

    /** An edge only between nodes already in the graph; others are ignored. */
    public DependencyGraph<N> edgeBetweenKnown(N dependent, N prerequisite) {
        if (prerequisites.containsKey(dependent) && prerequisites.containsKey(prerequisite)) edge(dependent, prerequisite);
        return this;
    }

    public boolean contains(N node) {
        return prerequisites.containsKey(node);
    }

    public List<N> nodes() {
        return List.copyOf(prerequisites.keySet());
    }

    public Set<N> prerequisitesOf(N node) {
        return Collections.unmodifiableSet(prerequisites.getOrDefault(node, Set.of()));
    }

    /** The graph over other nodes: each node mapped (nodes mapping to null are left out), edges inside one mapped node dropped. */
    public <M> DependencyGraph<M> map(Function<N, M> to) {
        DependencyGraph<M> out = new DependencyGraph<>();
        for (N n : prerequisites.keySet()) {
            M m = to.apply(n);
            if (m != null) out.add(m);
        }
        prerequisites.forEach((n, pres) -> {
            M m = to.apply(n);
            if (m == null) return;
            for (N p : pres) {
                M mp = to.apply(p);
                if (mp != null) out.edge(m, mp);
            }
        });
        return out;
    }

    /** Every node {@code from} needs, directly or through others (not {@code from} itself unless on a cycle). */
    public Set<N> reachableFrom(N from) {
        Set<N> seen = new LinkedHashSet<>();
        List<N> todo = new ArrayList<>(prerequisitesOf(from));
        while (!todo.isEmpty()) {
            N n = todo.remove(todo.size() - 1);
            if (seen.add(n)) todo.addAll(prerequisitesOf(n));
        }
        return seen;
    }

    /**
     * Every node that needs {@code of}, directly or through others (not {@code of} itself unless on a
     * cycle): what must go before {@code of} is dropped, or be re-created after it is re-created.
     */
    public Set<N> dependentsOf(N of) {
        Map<N, List<N>> needers = new LinkedHashMap<>();
        prerequisites.forEach((n, pres) -> pres.forEach(p -> needers.computeIfAbsent(p, k -> new ArrayList<>()).add(n)));
        Set<N> seen = new LinkedHashSet<>();
        List<N> todo = new ArrayList<>(needers.getOrDefault(of, List.of()));
        while (!todo.isEmpty()) {
            N n = todo.remove(0);
            if (seen.add(n)) todo.addAll(needers.getOrDefault(n, List.of()));
        }
        return seen;
    }

    /** The graph over the nodes {@code keep} accepts, in their order, with the edges between them. */
    public DependencyGraph<N> restrictedTo(java.util.function.Predicate<N> keep) {
        return map(n -> keep.test(n) ? n : null);
    }

    /** The order, or an exception naming a cycle: for graphs where no edge may be set aside. */
    public List<N> order() {
        Order<N> o = order(e -> false);
        return o.nodes();
    }

    /**
     * The stable topological order. When every node left waits on another, the earliest added node
     * left whose edges to nodes not yet placed {@code breakable} allows all is placed anyway, and
     * those edges are set aside (pg_dump does the same with foreign keys: they are added after both
     * tables). When no node left allows it, the cycle is reported.
     */
    public Order<N> order(java.util.function.Predicate<Edge<N>> breakable) {
        List<N> out = new ArrayList<>(prerequisites.size());
        List<Edge<N>> broken = new ArrayList<>();
        Set<N> placed = new LinkedHashSet<>();
        Set<N> pending = new LinkedHashSet<>(prerequisites.keySet());
        while (!pending.isEmpty()) {
            N next = null;
            for (N n : pending) {
                if (placed.containsAll(prerequisites.get(n))) {
                    next = n;
                    break;
                }
            }
            if (next == null) {
                for (N n : pending) {
                    List<Edge<N>> waiting = new ArrayList<>();
                    for (N p : prerequisites.get(n)) if (!placed.contains(p)) waiting.add(new Edge<>(n, p));
                    if (waiting.stream().allMatch(breakable)) {
                        next = n;
                        broken.addAll(waiting);
                        break;
                    }
                }
                if (next == null) {
                    N first = pending.iterator().next();
                    throw new IllegalStateException("a dependency cycle: " + cycleThrough(first, pending));
                }
            }
            pending.remove(next);
            placed.add(next);
            out.add(next);
        }
        return new Order<>(List.copyOf(out), List.copyOf(broken));
    }

    /** One cycle among {@code pending} reachable from {@code start}, as "a → b → a". */
    List<N> cycleThrough(N start, Set<N> pending) {
        List<N> path = new ArrayList<>();
        Set<N> onPath = new LinkedHashSet<>();
        N cur = start;
        while (cur != null && onPath.add(cur)) {
            path.add(cur);
            N nextOnCycle = null;
            for (N p : prerequisites.get(cur)) {
                if (pending.contains(p)) {
                    nextOnCycle = p;
                    break;
                }
            }
            cur = nextOnCycle;
        }
        if (cur == null) return path;
        List<N> cycle = new ArrayList<>(path.subList(path.indexOf(cur), path.size()));
        cycle.add(cur);
        return cycle;
    }

    /** Every cycle's nodes, each cycle once (strongly connected components of more than one node, or a node needing itself). */
    public List<List<N>> cycles() {
        List<List<N>> out = new ArrayList<>();
        Set<N> done = new LinkedHashSet<>();
        for (N n : prerequisites.keySet()) {
            if (done.contains(n)) continue;
            Set<N> reach = reachableFrom(n);
            if (!reach.contains(n)) continue;
            List<N> component = new ArrayList<>();
            for (N m : prerequisites.keySet()) if (m.equals(n) || reach.contains(m) && reachableFrom(m).contains(n)) component.add(m);
            done.addAll(component);
            out.add(component);
        }
        return out;
    }
}
