package schemasync.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import schemasync.catalog.Catalog;
import schemasync.catalog.Cast;
import schemasync.catalog.Operator;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/**
 * The kinds placed among the tables by their pg_depend edges alone, not by a slot of their own: operators and casts,
 * operator families and classes, and the domains, composite and range types that need an operator, a
 * cast, a table's row type or a routine created between the tables ({@link PlacedTypes}). Each is a node of
 * {@link CreationOrder#tables}' graph,
 * after what PostgreSQL records it needs (an operator's function and estimators, its argument or cast types; a class's
 * family, input type, operators and support functions, its pg_amop / pg_amproc rows' edges; a table's row type is that table; a routine created between the tables is that routine)
 * and before every table whose default, generated column, CHECK or index uses it (PostgreSQL resolves the operator, cast
 * or class when it creates the expression, and records the edge). Added before the tables, a node
 * that needs none of them keeps pg_dump's place, one block before the first table. A new kind with pg_depend edges joins
 * here with its ids ({@link #ids}) and the calls that write it ({@link OperatorCalls#write}).
 */
final class PlacedKinds {
    private static final String PLACED = "placed ";

    /** Node key → id, in {@link #ids}' order, then the placed types. */
    private final Map<String, ObjectId> byKey = new LinkedHashMap<>();
    private final Function<QualifiedName, QualifiedName> rootOf;
    private final Set<String> routines;
    /** A multirange's node is its range's ({@link PlacedTypes#multiranges}). */
    private final Map<ObjectId, ObjectId> multiranges;

    PlacedKinds(Catalog catalog, DependencyGraph<ObjectId> graph, Function<QualifiedName, QualifiedName> rootOf, Set<String> routines) {
        this.rootOf = rootOf;
        this.routines = routines;
        this.multiranges = PlacedTypes.multiranges(catalog);
        for (ObjectId id : ids(catalog)) byKey.put(key(id), id);
        for (ObjectId id : PlacedTypes.ids(catalog, graph)) byKey.put(key(id), id); // domains, composites, ranges that need one
    }

    /**
     * The graph's id of every operator, cast, operator family and class the catalog holds (as
     * {@code catalog.DependencySql} names them), in the order ties keep: families before the classes (CREATE OPERATOR
     * CLASS names or makes its family).
     */
    static java.util.List<ObjectId> ids(Catalog catalog) {
        java.util.List<ObjectId> out = new java.util.ArrayList<>();
        for (Operator o : catalog.operators().operators().values()) out.add(operator(o));
        for (Cast c : catalog.operators().casts().values()) out.add(cast(c));
        for (OperatorFamily f : catalog.operators().families().values()) out.add(family(f));
        for (OperatorClass c : catalog.operators().classes().values()) out.add(operatorClass(c));
        return out;
    }

    static ObjectId family(OperatorFamily f) {
        return ObjectId.of(Kind.OPERATOR_FAMILY, f.name().schema(), f.name().name() + " USING " + f.method());
    }

    static ObjectId operatorClass(OperatorClass c) {
        return ObjectId.of(Kind.OPERATOR_CLASS, c.name().schema(), c.name().name() + " USING " + c.method());
    }

    static ObjectId operator(Operator o) {
        return ObjectId.of(Kind.OPERATOR, o.name().schema(), o.key().substring(o.name().schema().length() + 1));
    }

    static ObjectId cast(Cast c) {
        return ObjectId.of(Kind.CAST, null, c.key());
    }

    void addTo(DependencyGraph<String> nodes) {
        byKey.keySet().forEach(nodes::add);
    }

    /** The placed object a node of the tables' graph stands for, or null (a table or a routine). */
    ObjectId id(String node) {
        return byKey.get(node);
    }

    /**
     * The edges of graph node {@code n} that concern a placed object: its own prerequisites when it is one, and for a
     * table's part ({@code user}: the table whose creation resolves {@code n}'s expressions) or a routine created between
     * the tables, its uses of one.
     */
    void edgesOf(ObjectId n, DependencyGraph<String> nodes, QualifiedName user, Set<ObjectId> recorded) {
        Set<ObjectId> prerequisites = recorded;
        if (!multiranges.isEmpty()) {
            prerequisites = new java.util.LinkedHashSet<>();
            for (ObjectId p : recorded) prerequisites.add(multiranges.getOrDefault(p, p));
        }
        if (isPlaced(n)) {
            for (ObjectId p : prerequisites) {
                String to = p.kind() == Kind.TABLE ? rootOf.apply(new QualifiedName(p.schema(), p.name())).toString()
                        : p.kind() == Kind.FUNCTION && routines.contains(p.schema() + "." + p.name()) ? "function " + p.schema() + "." + p.name()
                        : isPlaced(p) ? key(p) : null;
                if (to != null) nodes.edgeBetweenKnown(key(n), to);
            }
            return;
        }
        String from = user != null ? rootOf.apply(user).toString()
                : n.kind() == Kind.FUNCTION && routines.contains(n.schema() + "." + n.name()) ? "function " + n.schema() + "." + n.name()
                : null;
        if (from == null) return;
        for (ObjectId p : prerequisites) if (isPlaced(p)) nodes.edgeBetweenKnown(from, key(p));
    }

    private boolean isPlaced(ObjectId id) {
        // Only what the catalog holds: an extension's objects are named as the extension, which comes before them all.
        return byKey.containsKey(key(id));
    }

    private static String key(ObjectId id) {
        return PLACED + id.kind() + " " + (id.schema() == null ? "" : id.schema() + ".") + id.name();
    }
}
