package schemasync.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/**
 * The domains and composite types placed among the tables by the graph ({@link PlacedKinds}) rather than written in
 * their schema's types block: those that need what that block precedes. A domain's CHECK or default resolves its
 * operators and casts when PostgreSQL creates it (pg_depend records them on the domain's constraint and on its
 * pg_type), and a domain over a table's row type, or a composite type with an attribute of one, needs that table (a
 * table's row type is created with it, pg_depend names the table). A type over such a type follows it. Each is then
 * a node after what it needs and before the tables, operators, casts and routines between the tables that use it, as
 * pg_dump orders them.
 */
final class PlacedTypes {
    private PlacedTypes() {
    }

    /** The graph ids (kind TYPE) of the domains and composite types to place by the graph, in name order. */
    static List<ObjectId> ids(Catalog catalog, DependencyGraph<ObjectId> graph) {
        List<ObjectId> candidates = new ArrayList<>();
        catalog.domains().keySet().stream().sorted(CreationOrder.BY_NAME).forEach(n -> candidates.add(id(n)));
        catalog.composites().keySet().stream().sorted(CreationOrder.BY_NAME).forEach(n -> candidates.add(id(n)));
        Set<ObjectId> placed = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) { // a type over a placed type is placed too, whatever the names' order
            grew = false;
            for (ObjectId t : candidates) {
                if (placed.contains(t) || !graph.contains(t)) continue;
                if (graph.prerequisitesOf(t).stream().anyMatch(p -> p.kind() == Kind.OPERATOR || p.kind() == Kind.CAST
                        || p.kind() == Kind.TABLE || placed.contains(p))) {
                    grew |= placed.add(t);
                }
            }
        }
        return candidates.stream().filter(placed::contains).toList();
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
        g.startBlock("Types over operators and tables", "Domains and composite types that use an operator, a cast or a"
                + " table's row type: created after those, before the tables using them");
        for (ObjectId id : run) type.accept(new QualifiedName(id.schema(), id.name()));
    }

    private static boolean isType(ObjectId id) {
        return id.kind() == Kind.TYPE;
    }
}
