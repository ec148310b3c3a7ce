package schemasync.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/**
 * The domains, composite and range types placed among the tables by the graph ({@link PlacedKinds}) rather than
 * written in their schema's types block: those that need what that block precedes. A domain's CHECK or default
 * resolves its operators, casts and functions when PostgreSQL creates it (pg_depend records them on the domain's
 * constraint and on its pg_type), so a domain calling a function whose standard SQL body reads a table (created between
 * the tables, after what it reads) follows that function; a domain over a table's row type, or a composite type with an
 * attribute of one, needs that table (a table's row type is created with it, pg_depend names the table). A type over
 * such a type follows it: a domain or composite over it, a range whose subtype it is (CREATE TYPE ... AS RANGE resolves
 * the subtype; the multirange PostgreSQL 14+ makes with the range is the range's node). Each is then a node after what it
 * needs and before the tables, operators, casts and routines between the tables that use it, as pg_dump orders them.
 * A type over a view's row type is not among them: it follows the views ({@link #overViews}).
 */
final class PlacedTypes {
    private PlacedTypes() {
    }

    /** The graph ids (kind TYPE) of the domains, composite and range types to place by the graph, in name order. */
    static List<ObjectId> ids(Catalog catalog, DependencyGraph<ObjectId> graph) {
        List<ObjectId> candidates = candidates(catalog);
        Set<ObjectId> overViews = Set.copyOf(overViews(catalog, graph));
        Map<ObjectId, ObjectId> ranges = multiranges(catalog);
        Set<ObjectId> placed = new LinkedHashSet<>();
        Set<ObjectId> routines = new HashSet<>(); // routines created between the tables: they read one, or need a placed type
        boolean grew = true;
        while (grew) { // a type over a placed type is placed too, whatever the names' order
            grew = false;
            for (ObjectId n : graph.nodes()) {
                if (n.kind() != Kind.FUNCTION || routines.contains(n)) continue;
                Set<ObjectId> needs = graph.prerequisitesOf(n);
                if (needs.stream().anyMatch(p -> p.kind() == Kind.VIEW || p.kind() == Kind.MATERIALIZED_VIEW)) continue; // with the views
                if (needs.stream().map(p -> ranges.getOrDefault(p, p)).anyMatch(p -> p.kind() == Kind.TABLE || placed.contains(p)
                        || routines.contains(p))) {
                    grew |= routines.add(n);
                }
            }
            for (ObjectId t : candidates) {
                if (placed.contains(t) || overViews.contains(t) || !graph.contains(t)) continue;
                if (graph.prerequisitesOf(t).stream().map(p -> ranges.getOrDefault(p, p)).anyMatch(p -> p.kind() == Kind.OPERATOR
                        || p.kind() == Kind.CAST || p.kind() == Kind.TABLE || placed.contains(p) || routines.contains(p))) {
                    grew |= placed.add(t);
                }
            }
        }
        return candidates.stream().filter(placed::contains).toList();
    }

    /**
     * The domains, composite and range types over a view's or materialized view's row type, and the types over those:
     * written with the views, each after what it needs ({@code BlockPlan}'s views block), in name order.
     */
    static List<ObjectId> overViews(Catalog catalog, DependencyGraph<ObjectId> graph) {
        List<ObjectId> candidates = candidates(catalog);
        Map<ObjectId, ObjectId> ranges = multiranges(catalog);
        Set<ObjectId> over = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ObjectId t : candidates) {
                if (over.contains(t) || !graph.contains(t)) continue;
                if (graph.prerequisitesOf(t).stream().map(p -> ranges.getOrDefault(p, p)).anyMatch(p -> p.kind() == Kind.VIEW
                        || p.kind() == Kind.MATERIALIZED_VIEW || over.contains(p))) {
                    grew |= over.add(t);
                }
            }
        }
        return candidates.stream().filter(over::contains).toList();
    }

    /** Domains, then composite types, then range types, each in name order. */
    private static List<ObjectId> candidates(Catalog catalog) {
        List<ObjectId> out = new ArrayList<>();
        catalog.domains().keySet().stream().sorted(CreationOrder.BY_NAME).forEach(n -> out.add(id(n)));
        catalog.composites().keySet().stream().sorted(CreationOrder.BY_NAME).forEach(n -> out.add(id(n)));
        catalog.rangeTypes().keySet().stream().sorted(CreationOrder.BY_NAME).forEach(n -> out.add(id(n)));
        return out;
    }

    /**
     * Each multirange type (PostgreSQL 14+) → its range: CREATE TYPE ... AS RANGE creates both, and pg_depend ties the
     * multirange to its range by an internal edge the graph leaves out, so a column or argument of the multirange
     * needs the range's node.
     */
    static Map<ObjectId, ObjectId> multiranges(Catalog catalog) {
        Map<ObjectId, ObjectId> out = new HashMap<>();
        for (schemasync.catalog.RangeType r : catalog.rangeTypes().values()) {
            if (r.multirange() != null) out.put(id(r.multirange()), id(r.name()));
        }
        return out;
    }

    /** The names of {@link #ids}: kept out of the types blocks. */
    static Set<QualifiedName> names(Catalog catalog, DependencyGraph<ObjectId> graph) {
        Set<QualifiedName> out = new java.util.HashSet<>();
        for (ObjectId id : ids(catalog, graph)) out.add(new QualifiedName(id.schema(), id.name()));
        return out;
    }

    static ObjectId id(QualifiedName type) {
        return ObjectId.of(Kind.TYPE, type.schema(), type.name());
    }

    /**
     * Writes the placed objects in their graph order: each run of operators and casts in one block
     * ({@link OperatorCalls#write}), each run of types in one block of their own, through {@code type}.
     */
    static void write(Generator g, Catalog catalog, List<ObjectId> placed, Consumer<QualifiedName> type) {
        List<ObjectId> run = new ArrayList<>();
        for (ObjectId id : placed) {
            if (!run.isEmpty() && isType(run.get(0)) != isType(id)) {
                writeRun(g, catalog, run, type);
                run = new ArrayList<>();
            }
            run.add(id);
        }
        if (!run.isEmpty()) writeRun(g, catalog, run, type);
    }

    private static void writeRun(Generator g, Catalog catalog, List<ObjectId> run, Consumer<QualifiedName> type) {
        if (!isType(run.get(0))) {
            OperatorCalls.write(g, catalog, run);
            return;
        }
        g.startBlock("Types over operators and tables", "Domains, composite and range types that use an operator, a cast, a"
                + " table's row type or a function reading a table: created after those, before the tables using them");
        for (ObjectId id : run) type.accept(new QualifiedName(id.schema(), id.name()));
    }

    private static boolean isType(ObjectId id) {
        return id.kind() == Kind.TYPE;
    }
}
