package schemasync.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;

/**
 * The dependency graph of the managed schemas as PostgreSQL records it ({@link DependencySql}): an
 * edge "X needs Y" for every default, generated column, CHECK, index expression, column type, view
 * query, policy and trigger that names another user object, and every foreign key's referenced table.
 * Nodes appear only through their edges; callers add the objects they create first (in their own
 * order), and {@link DependencyGraph#order} keeps that order where no edge decides.
 *
 * <p>Two statements, joined here by oid: the named objects, then pg_depend's rows between user oids.
 * Joined in SQL, the plan depends on catalog statistics that lag a bulk load or a fresh apply by
 * thousands of rows; a hash map does not.
 */
public final class Dependencies {
    /** pg_class's own oid: a pg_depend row whose referenced object is a relation (or one of its columns). */
    private static final long PG_CLASS = 1259;

    private record Edge(ObjectId dependent, ObjectId prerequisite) {
    }

    /** The order the single query used to sort by (kinds by name, nulls last), so ties keep their order. */
    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<ObjectId> ID_ORDER = Comparator.comparing((ObjectId id) -> id.kind().name())
            .thenComparing(ObjectId::schema, NULLS_LAST).thenComparing(ObjectId::name)
            .thenComparing(ObjectId::subName, NULLS_LAST);
    private static final Comparator<Edge> EDGE_ORDER = Comparator.comparing(Edge::dependent, ID_ORDER)
            .thenComparing(Edge::prerequisite, ID_ORDER);

    private Dependencies() {
    }

    public static DependencyGraph<ObjectId> read(Connection connection, Collection<String> managedSchemas) throws SQLException {
        Map<Long, ObjectId> ids = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(DependencySql.IDS)) {
            ps.setArray(1, connection.createArrayOf("text", new TreeSet<>(managedSchemas).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.put(key(rs.getLong(1), rs.getLong(2)), id(rs, 3));
            }
        }
        TreeSet<Edge> edges = new TreeSet<>(EDGE_ORDER);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(DependencySql.EDGES)) {
            while (rs.next()) {
                ObjectId dependent = ids.get(key(rs.getLong(1), rs.getLong(2)));
                ObjectId prerequisite = ids.get(key(rs.getLong(3), rs.getLong(4)));
                if (dependent == null || prerequisite == null || dependent.equals(prerequisite)) continue;
                // A sequence OWNED BY a column: 'a' from the sequence to the table, the other way from the
                // default that calls nextval (the sequence comes first).
                if (dependent.kind() == ObjectId.Kind.SEQUENCE && "a".equals(rs.getString(5)) && rs.getLong(3) == PG_CLASS) continue;
                edges.add(new Edge(dependent, prerequisite));
            }
        }
        DependencyGraph<ObjectId> graph = new DependencyGraph<>();
        for (Edge e : edges) graph.edge(e.dependent(), e.prerequisite());
        return graph;
    }

    /**
     * The part of the graph a catalog snapshot holds, without a server (the planner is pure): every
     * view, and an edge from each view to each table, view or materialized view its query reads
     * ({@link Catalog#viewDependencies}, read from the views' {@code _RETURN} rules in pg_depend).
     * Nodes are the views in the catalog's order, so ties keep it.
     */
    public static DependencyGraph<ObjectId> of(Catalog catalog) {
        DependencyGraph<ObjectId> graph = new DependencyGraph<>();
        catalog.views().keySet().forEach(v -> graph.add(relation(catalog, v)));
        for (Catalog.ViewDependency d : catalog.viewDependencies()) graph.edge(relation(catalog, d.view()), relation(catalog, d.on()));
        return graph;
    }

    /** A relation's id: a view, a materialized view, or else a table. */
    public static ObjectId relation(Catalog catalog, QualifiedName name) {
        ObjectId.Kind kind = catalog.views().containsKey(name) ? ObjectId.Kind.VIEW
                : catalog.materializedViews().containsKey(name) ? ObjectId.Kind.MATERIALIZED_VIEW : ObjectId.Kind.TABLE;
        return ObjectId.of(kind, name.schema(), name.name());
    }

    /** One catalog row: its catalog's oid and its own (both unsigned 32-bit). */
    private static long key(long classId, long objectId) {
        return classId << 32 | objectId;
    }

    private static ObjectId id(ResultSet rs, int column) throws SQLException {
        return new ObjectId(ObjectId.Kind.valueOf(rs.getString(column)), rs.getString(column + 1), rs.getString(column + 2),
                rs.getString(column + 3));
    }
}
