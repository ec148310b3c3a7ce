package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.Constraint;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/**
 * The generator's questions to the one dependency graph ({@link schemasync.catalog.Dependencies}):
 * which routines the tables need before them, the order of the tables with the routines interleaved
 * that read a table and are called by a later one (foreign keys and CHECKs that close a cycle set aside,
 * as pg_dump adds them after both), which types follow the range types over user functions, the order
 * of routines and of views. The blocks keep their kinds' sequence (schemas, types, routines the tables
 * use, tables, routines, views, triggers, policies, grants) where the graph allows; inside each, the
 * graph decides and the name breaks ties.
 */
final class CreationOrder {
    static final Comparator<QualifiedName> BY_NAME = Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    private final DependencyGraph<ObjectId> graph;
    private final Catalog catalog;
    private final ViewOrder views;
    private final List<DefaultSplit.RowTypeUse> rowTypeUses;

    CreationOrder(DependencyGraph<ObjectId> graph, Catalog catalog) {
        this(graph, catalog, List.of());
    }

    CreationOrder(DependencyGraph<ObjectId> graph, Catalog catalog, List<DefaultSplit.RowTypeUse> rowTypeUses) {
        this.graph = graph;
        this.catalog = catalog;
        this.views = new ViewOrder(graph, catalog);
        this.rowTypeUses = rowTypeUses;
    }

    /**
     * Tables in creation order; the constraints ("schema.table.constraint") to add once all exist: foreign
     * keys and CHECKs that close a cycle; the routines to create just before a table (a standard SQL body
     * reading an earlier table, called by that table or a later one), and those to create after the last.
     */
    record Tables(List<QualifiedName> order, Set<String> deferredConstraints, Map<QualifiedName, List<String>> routinesBefore,
                  List<String> routinesAfter, Set<QualifiedName> deferredIndexes, Map<QualifiedName, Set<String>> deferredDefaults,
                  Map<QualifiedName, List<ObjectId>> placedBefore, List<ObjectId> placedAfter) {
        /** Whether the column's default is split out of the table's block (set by a later block). */
        boolean defaultDeferred(QualifiedName table, String column) {
            return deferredDefaults.getOrDefault(table, Set.of()).contains(column);
        }
    }

    /** The tables alone (no routine among them). */
    Tables tables(Function<QualifiedName, QualifiedName> rootOf) {
        return tables(rootOf, Set.of());
    }

    /**
     * Each table (a partition as its root: its block creates the whole tree) after the tables it needs:
     * those its foreign keys reference, and any other the graph records (a column of another table's
     * row type); and after the {@code routines} (signatures) its defaults, generated columns, CHECKs and
     * indexes call, each of which comes after the tables its standard SQL body reads (pg_dump's order:
     * PostgreSQL parses such a body at CREATE, whatever check_function_bodies says). Stuck on a cycle, the
     * first table by name goes first, and its foreign keys to tables not yet created, or its CHECKs calling
     * a routine not yet created, wait for a later {@code ensureConstraints} (pg_dump splits them out the same
     * way), its indexes calling one for a block after the tables; a cycle without one to set aside cannot be created by any order, and is a clear error naming it
     * (never a stack trace).
     */
    Tables tables(Function<QualifiedName, QualifiedName> rootOf, Set<String> routines) {
        DependencyGraph<String> nodes = new DependencyGraph<>();
        // First: ties keep the given order, so an operator or cast needing no table stays before them all (pg_dump's place).
        PlacedKinds placed = new PlacedKinds(catalog, graph, rootOf, routines);
        placed.addTo(nodes);
        Map<String, QualifiedName> tableOf = new HashMap<>();
        catalog.tables().keySet().stream().map(rootOf).sorted(BY_NAME).forEach(t -> {
            nodes.add(t.toString());
            tableOf.put(t.toString(), t);
        });
        routines.stream().sorted().forEach(r -> nodes.add(FUNCTION + r));
        // A foreign table such a routine reads is created among the tables, before the routine (PostgreSQL parses a standard
        // SQL body at CREATE); the other foreign tables keep their block after the tables.
        foreignTablesRead(routines).forEach(f -> {
            nodes.add(f.toString());
            tableOf.put(f.toString(), f);
        });
        Map<List<String>, List<String>> breakable = new LinkedHashMap<>();
        Set<List<String>> hard = new HashSet<>();
        Map<List<String>, List<QualifiedName>> indexes = new LinkedHashMap<>();
        // Column defaults that close a cycle, by edge: split out as pg_dump does (ALTER TABLE ... SET DEFAULT later).
        Map<List<String>, Map<QualifiedName, List<String>>> defaults = new LinkedHashMap<>();
        for (Table t : catalog.tables().values()) {
            String root = rootOf.apply(t.name()).toString();
            for (Constraint c : t.constraints()) {
                if (c.kind() != Constraint.Kind.FOREIGN_KEY) continue;
                String target = rootOf.apply(c.foreignKey().table()).toString();
                if (target.equals(root)) continue;
                nodes.edgeBetweenKnown(root, target);
                breakable.computeIfAbsent(List.of(root, target), k -> new ArrayList<>()).add(t.name() + "." + c.name());
            }
        }
        for (ObjectId n : graph.nodes()) {
            placed.edgesOf(n, nodes, tableUsing(n), graph.prerequisitesOf(n));
            if (n.kind() == Kind.TABLE) {
                for (ObjectId p : graph.prerequisitesOf(n)) {
                    if (p.kind() != Kind.TABLE) continue;
                    List<String> edge = List.of(rootOf.apply(name(n)).toString(), rootOf.apply(name(p)).toString());
                    nodes.edgeBetweenKnown(edge.get(0), edge.get(1));
                    // Only defaults naming the other's row type: split out as pg_dump's later SET DEFAULT when it closes a cycle.
                    DefaultSplit.ofRowType(catalog, name(n), name(p), rowTypeUses).ifPresentOrElse(split -> DefaultSplit.addTo(defaults,
                            edge, split), () -> hard.add(edge));
                }
            } else if (n.kind() == Kind.FUNCTION && routines.contains(signature(n))) {
                for (ObjectId p : graph.prerequisitesOf(n)) {
                    if (p.kind() == Kind.TABLE) nodes.edgeBetweenKnown(FUNCTION + signature(n), rootOf.apply(name(p)).toString());
                    if (p.kind() == Kind.FUNCTION) nodes.edgeBetweenKnown(FUNCTION + signature(n), FUNCTION + signature(p));
                }
            }
            QualifiedName user = tableUsing(n);
            if (user == null) continue;
            String root = rootOf.apply(user).toString();
            for (ObjectId p : graph.prerequisitesOf(n)) {
                if (p.kind() != Kind.FUNCTION || !routines.contains(signature(p))) continue;
                List<String> edge = List.of(root, FUNCTION + signature(p));
                nodes.edgeBetweenKnown(edge.get(0), edge.get(1));
                // The plain defaults of this table that call the function: split out as pg_dump's SET DEFAULT.
                java.util.Optional<Map<QualifiedName, List<String>>> split = n.kind() == Kind.TABLE ? DefaultSplit.of(catalog, user, p.name())
                        : java.util.Optional.empty();
                if (isCheck(n)) {
                    breakable.computeIfAbsent(edge, k -> new ArrayList<>()).add(user + "." + n.subName());
                } else if (n.kind() == Kind.INDEX && rootOf.apply(user).equals(user) && !catalog.partitioning().containsKey(user)) {
                    // An index can be created once the function exists, after every table (pg_dump creates them there).
                    indexes.computeIfAbsent(edge, k -> new ArrayList<>()).add(new QualifiedName(n.schema(), n.name()));
                } else if (split.isPresent()) {
                    DefaultSplit.addTo(defaults, edge, split.get());
                } else {
                    hard.add(edge);
                }
            }
        }
        DependencyGraph.Order<String> order;
        try {
            order = nodes.order(e -> (breakable.containsKey(List.of(e.dependent(), e.prerequisite()))
                    || indexes.containsKey(List.of(e.dependent(), e.prerequisite()))
                    || defaults.containsKey(List.of(e.dependent(), e.prerequisite()))) && !hard.contains(List.of(e.dependent(), e.prerequisite())));
        } catch (IllegalStateException e) {
            throw cycle(e);
        }
        Set<String> deferred = new TreeSet<>();
        Set<QualifiedName> deferredIndexes = new TreeSet<>(BY_NAME);
        Map<QualifiedName, Set<String>> deferredDefaults = new java.util.TreeMap<>(BY_NAME);
        for (DependencyGraph.Edge<String> e : order.broken()) {
            defaults.getOrDefault(List.of(e.dependent(), e.prerequisite()), Map.of()).forEach((table, columns) ->
                    deferredDefaults.computeIfAbsent(table, k -> new TreeSet<>()).addAll(columns));
            deferred.addAll(breakable.getOrDefault(List.of(e.dependent(), e.prerequisite()), List.of()));
            deferredIndexes.addAll(indexes.getOrDefault(List.of(e.dependent(), e.prerequisite()), List.of()));
        }
        List<QualifiedName> tables = new ArrayList<>();
        Map<QualifiedName, List<String>> before = new LinkedHashMap<>();
        Map<QualifiedName, List<ObjectId>> placedBefore = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        List<ObjectId> pendingPlaced = new ArrayList<>();
        for (String node : order.nodes()) {
            if (node.startsWith(FUNCTION)) {
                pending.add(node.substring(FUNCTION.length()));
                continue;
            }
            if (placed.id(node) != null) {
                pendingPlaced.add(placed.id(node));
                continue;
            }
            QualifiedName t = tableOf.get(node);
            tables.add(t);
            if (!pending.isEmpty()) before.put(t, List.copyOf(pending));
            if (!pendingPlaced.isEmpty()) placedBefore.put(t, List.copyOf(pendingPlaced));
            pending.clear();
            pendingPlaced.clear();
        }
        return new Tables(tables, deferred, before, List.copyOf(pending), deferredIndexes, deferredDefaults, placedBefore,
                List.copyOf(pendingPlaced));
    }

    /**
     * The foreign tables (not partitions: those are written with their tree) that a routine among {@code routines}
     * reads in its standard SQL body, by name.
     */
    List<QualifiedName> foreignTablesRead(Set<String> routines) {
        Set<QualifiedName> out = new TreeSet<>(BY_NAME);
        for (String r : routines) {
            for (ObjectId p : graph.prerequisitesOf(routine(r))) {
                QualifiedName n = p.kind() == Kind.TABLE ? name(p) : null;
                if (n != null && catalog.externals().foreignTables().containsKey(n) && !catalog.foreignPartitions().containsKey(n)
                        && !catalog.tables().containsKey(n)) {
                    out.add(n);
                }
            }
        }
        return List.copyOf(out);
    }

    private static final String FUNCTION = "function ";

    /** The table whose creation resolves {@code n}'s calls: its default or generated column, CHECK, exclusion constraint or index. */
    private QualifiedName tableUsing(ObjectId n) {
        if (n.kind() == Kind.TABLE) return name(n);
        if (n.kind() == Kind.CONSTRAINT) return new QualifiedName(n.schema(), n.name());
        if (n.kind() != Kind.INDEX) return null;
        return graph.prerequisitesOf(n).stream().filter(p -> p.kind() == Kind.TABLE).findFirst().map(CreationOrder::name).orElse(null);
    }

    /** A CHECK constraint of a table: the one part of a table pg_dump (and ensureConstraints) can add after it. */
    private boolean isCheck(ObjectId n) {
        if (n.kind() != Kind.CONSTRAINT) return false;
        Table t = catalog.tables().get(new QualifiedName(n.schema(), n.name()));
        return t != null && t.constraint(n.subName()).map(c -> c.kind() == Constraint.Kind.CHECK).orElse(false);
    }

    private static SchemaSyncException cycle(IllegalStateException e) {
        String cycle = e.getMessage().replaceFirst("^a dependency cycle: \\[", "").replaceFirst("]$", "").replace(", ", " → ");
        if (cycle.contains(FUNCTION)) {
            // A generated column calls a routine whose standard SQL body reads the table (or one that needs it):
            // PostgreSQL parses that body at CREATE, so neither can come first, and unlike a default (split out as a
            // later SET DEFAULT, as pg_dump does) a generated column cannot be added without its expression.
            return SchemaSyncException.badInput("generate cannot order these tables and functions (" + cycle
                    + "): a generated column calls a function whose standard SQL body (BEGIN ATOMIC /"
                    + " RETURN) reads the table that calls it, and a generated column cannot be created without its expression"
                    + " (a default can: it is set by a later block); nothing was written. Give the function a plain LANGUAGE sql or"
                    + " plpgsql body (its body is then checked after the tables), or generate without one of their schemas"
                    + " (--exclude-schema)");
        }
        // A plain default naming the other's row type was split out (DefaultSplit.ofRowType); what is left is needed at
        // CREATE TABLE itself. Two tables whose columns hold each other's row types cannot exist (PostgreSQL refuses a
        // composite type that contains itself, through arrays and domains too).
        return SchemaSyncException.badInput("generate cannot order these tables (" + cycle
                + "): each needs the other when it is created, through something that cannot be added later: a column of the"
                + " other's row type, a generated column naming it, its OF type or an inherited parent (a plain default naming it"
                + " is set by a later block, as pg_dump does); nothing was written. Break the cycle in the source database (e.g."
                + " compute the generated column in a trigger), or generate without one of their schemas (--exclude-schema)");
    }

    /**
     * The routines among {@code candidates} (signatures) that cannot be created before the tables: a standard
     * SQL body (PostgreSQL 14+) reading a table, records it in pg_depend, as does an argument or result of a
     * table's row type, or of a type placed among the tables ({@link PlacedTypes}); and a routine whose standard SQL body
     * calls such a one. Those reading a view are left
     * out (they are written with the views).
     */
    Set<String> routinesNeedingTables(Set<String> candidates) {
        Set<ObjectId> placedTypes = Set.copyOf(PlacedTypes.ids(catalog, graph)); // an argument of one: after it, among the tables
        Map<ObjectId, ObjectId> multiranges = PlacedTypes.multiranges(catalog);
        Set<String> out = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String r : candidates) {
                if (out.contains(r) || readsViews(r)) continue;
                if (graph.prerequisitesOf(routine(r)).stream().map(p -> multiranges.getOrDefault(p, p)).anyMatch(p -> p.kind() == Kind.TABLE
                        || placedTypes.contains(p) || p.kind() == Kind.FUNCTION && out.contains(signature(p)))) {
                    grew |= out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * The domains and composite types that need, directly or through another type, one of the range types
     * {@code ranges}: they are created after those ranges (which follow their user functions).
     */
    List<QualifiedName> typesOver(Set<QualifiedName> ranges) {
        Set<ObjectId> rangeIds = new HashSet<>();
        for (QualifiedName r : ranges) rangeIds.add(ObjectId.of(Kind.TYPE, r.schema(), r.name()));
        DependencyGraph<QualifiedName> types = new DependencyGraph<>();
        List<QualifiedName> candidates = new ArrayList<>(catalog.domains().keySet().stream().sorted(BY_NAME).toList());
        candidates.addAll(catalog.composites().keySet().stream().sorted(BY_NAME).toList());
        for (QualifiedName t : candidates) {
            Set<ObjectId> needs = graph.reachableFrom(ObjectId.of(Kind.TYPE, t.schema(), t.name()));
            if (needs.stream().anyMatch(rangeIds::contains)) types.add(t);
        }
        for (QualifiedName t : types.nodes()) {
            for (ObjectId p : graph.prerequisitesOf(ObjectId.of(Kind.TYPE, t.schema(), t.name()))) {
                if (p.kind() == Kind.TYPE) types.edgeBetweenKnown(t, new QualifiedName(p.schema(), p.name()));
            }
        }
        return types.order(e -> true).nodes();
    }

    /**
     * The routines a table's default, generated column, CHECK, exclusion constraint or index calls
     * ("schema.name(identity arguments)", as {@link schemasync.catalog.Catalog.Function#signature()}): PostgreSQL resolves
     * the call when it creates the table, so these come before the tables.
     */
    Set<String> routinesTablesUse() {
        Set<String> out = new TreeSet<>();
        for (ObjectId n : graph.nodes()) {
            boolean onTable = n.kind() == Kind.TABLE || n.kind() == Kind.CONSTRAINT
                    || n.kind() == Kind.INDEX && graph.prerequisitesOf(n).stream().anyMatch(p -> p.kind() == Kind.TABLE);
            if (!onTable) continue;
            for (ObjectId p : graph.prerequisitesOf(n)) if (p.kind() == Kind.FUNCTION) out.add(p.schema() + "." + p.name());
        }
        return out;
    }

    /** The domains and composite types placed among the tables by the graph ({@link PlacedTypes}). */
    Set<QualifiedName> placedTypes() {
        return PlacedTypes.names(catalog, graph);
    }

    /** The routines a domain's CHECK or default calls (a composite or range type names none PostgreSQL records). */
    Set<String> routinesTypesUse() {
        Set<String> out = new TreeSet<>();
        for (ObjectId n : graph.nodes()) {
            if (n.kind() != Kind.TYPE) continue;
            for (ObjectId p : graph.prerequisitesOf(n)) if (p.kind() == Kind.FUNCTION) out.add(p.schema() + "." + p.name());
        }
        return out;
    }

    /** The routine needs nothing of the managed schemas but schemas, extensions and routines (its types are PostgreSQL's). */
    boolean needsOnlyRoutines(String signature) {
        return graph.prerequisitesOf(routine(signature)).stream()
                .allMatch(p -> p.kind() == Kind.SCHEMA || p.kind() == Kind.EXTENSION || p.kind() == Kind.FUNCTION);
    }

    /** Routines the routine {@code signature} uses by pg_depend: an aggregate's functions, a standard SQL body's calls. */
    Set<String> routinesUsedBy(String signature) {
        Set<String> out = new TreeSet<>();
        for (ObjectId p : graph.prerequisitesOf(routine(signature))) if (p.kind() == Kind.FUNCTION) out.add(p.schema() + "." + p.name());
        return out;
    }

    /** Views and materialized views the routine reads, or a type over a view's row type it names: it is written with the views. */
    boolean readsViews(String signature) {
        return views.readsViews(signature);
    }

    /** What is written with the views: their order and the types and routines over them ({@link ViewOrder}). */
    ViewOrder views() {
        return views;
    }

    static ObjectId routine(String signature) {
        int dot = signature.indexOf('.');
        return ObjectId.of(Kind.FUNCTION, signature.substring(0, dot), signature.substring(dot + 1));
    }

    private static String signature(ObjectId function) {
        return function.schema() + "." + function.name();
    }

    static QualifiedName name(ObjectId id) {
        return new QualifiedName(id.schema(), id.name());
    }
}
