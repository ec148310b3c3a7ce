package schemasync.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;

/**
 * The dependency graph of the managed schemas as PostgreSQL records it ({@link DependencySql}): an
 * edge "X needs Y" for every default, generated column, CHECK, index expression, column type, view
 * query, policy and trigger that names another user object, and every foreign key's referenced table.
 * Nodes appear only through their edges; callers add the objects they create first (in their own
 * order), and {@link DependencyGraph#order} keeps that order where no edge decides.
 */
public final class Dependencies {
    private Dependencies() {
    }

    public static DependencyGraph<ObjectId> read(Connection connection, Collection<String> managedSchemas) throws SQLException {
        DependencyGraph<ObjectId> graph = new DependencyGraph<>();
        try (PreparedStatement ps = connection.prepareStatement(DependencySql.EDGES)) {
            ps.setArray(1, connection.createArrayOf("text", new TreeSet<>(managedSchemas).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) graph.edge(id(rs, 1), id(rs, 5));
            }
        }
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

    private static ObjectId id(ResultSet rs, int column) throws SQLException {
        return new ObjectId(ObjectId.Kind.valueOf(rs.getString(column)), rs.getString(column + 1), rs.getString(column + 2),
                rs.getString(column + 3));
    }
}
