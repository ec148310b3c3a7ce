package schemasync.generate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.QualifiedName;

/** The source database as the generator sees it: the catalog, plus what {@link SourceSql} reads. */
record Source(Catalog catalog,
              List<Partition> partitions,
              List<Routine> routines, List<Trigger> triggers, List<IndexDef> indexes, List<DbObject> objects,
              schemasync.model.DependencyGraph<schemasync.model.ObjectId> dependencies) {

    /** A partitioned table ({@code partitionKey} set) or a partition ({@code parent} and {@code bound} set). */
    record Partition(QualifiedName name, int depth, String partitionKey, QualifiedName parent, String bound) {
    }

    record Routine(QualifiedName name, String identityArguments, String arguments, String kind, String definition,
                   String sfunc, String stype, String finalfunc, String initcond, String combinefunc, String aggkind,
                   String parallel) {
        String signature() {
            return name + "(" + identityArguments + ")";
        }
    }

    record Trigger(QualifiedName table, String name, boolean cloned, boolean constraintTrigger, String definition) {
    }

    record IndexDef(QualifiedName name, String definition, boolean attached) {
    }

    /** One row of pg_class, pg_type or pg_proc: {@code kind} is relkind, typtype or prokind. */
    record DbObject(String catalog, String kind, QualifiedName name) {
    }

    /** What the generator asks of the dependency graph. */
    CreationOrder creationOrder() {
        return new CreationOrder(dependencies, catalog);
    }

    static Source read(Connection connection, Collection<String> schemas) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Catalog catalog = CatalogReader.read(connection, schemas);
            st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            Array names = connection.createArrayOf("text", new TreeSet<>(schemas).toArray());
            List<Partition> partitions = query(connection, SourceSql.PARTITIONS, names, rs -> new Partition(name(rs, 1),
                    rs.getInt(3), rs.getString(4), rs.getString(5) == null ? null : new QualifiedName(rs.getString(5), rs.getString(6)),
                    rs.getString(7)));
            List<Routine> routines = query(connection, SourceSql.ROUTINES, names, rs -> new Routine(name(rs, 1), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)));
            List<Trigger> triggers = query(connection, SourceSql.TRIGGERS, names, rs -> new Trigger(name(rs, 1), rs.getString(3),
                    rs.getBoolean(4), rs.getBoolean(5), rs.getString(6)));
            List<IndexDef> indexes = query(connection, SourceSql.INDEXES, names, rs -> new IndexDef(name(rs, 1), rs.getString(3),
                    rs.getBoolean(4)));
            List<DbObject> objects = query(connection, SourceSql.OBJECTS, names, rs -> new DbObject(rs.getString(1), rs.getString(2),
                    new QualifiedName(rs.getString(3), rs.getString(4))));
            // Read under the same search_path as ROUTINES, so routine ids print their argument types alike.
            var dependencies = schemasync.catalog.Dependencies.read(connection, schemas);
            return new Source(catalog, partitions, routines, triggers,
                    indexes, objects, dependencies);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection connection, String sql, Array schemas, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int params = (int) sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= params; i++) ps.setArray(i, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
        }
        return out;
    }

    private static QualifiedName name(ResultSet rs, int column) throws SQLException {
        return new QualifiedName(rs.getString(column), rs.getString(column + 1));
    }
}
