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
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/**
 * The source database as the generator sees it: the catalog, plus what {@link SourceSql} reads ({@code extensionComments}:
 * the comment CREATE EXTENSION gives each installed extension, from its control file).
 */
record Source(Catalog catalog,
              List<DbObject> objects,
              schemasync.model.DependencyGraph<schemasync.model.ObjectId> dependencies,
              Map<String, String> extensionComments,
              List<DefaultSplit.RowTypeUse> rowTypeUses) {

    /** Without row-type uses (a fixture with no table needing another's row type). */
    Source(Catalog catalog, List<DbObject> objects, schemasync.model.DependencyGraph<schemasync.model.ObjectId> dependencies,
           Map<String, String> extensionComments) {
        this(catalog, objects, dependencies, extensionComments, List.of());
    }

    /**
     * The catalog's security labels ({@link Catalog#securityLabels}, read in its batch) as generate writes them, in
     * pg_dump's order: by kind, object and provider.
     */
    List<SecurityLabels.Label> securityLabels() {
        return catalog.securityLabels().entrySet().stream()
                .map(e -> new SecurityLabels.Label(e.getKey().objectType(), e.getKey().object(), e.getKey().provider(), e.getValue()))
                .sorted(java.util.Comparator.comparing(SecurityLabels.Label::objectType).thenComparing(SecurityLabels.Label::object)
                        .thenComparing(SecurityLabels.Label::provider))
                .toList();
    }

    /** One row of pg_class, pg_type or pg_proc: {@code kind} is relkind, typtype or prokind. */
    record DbObject(String catalog, String kind, QualifiedName name) {
    }

    /**
     * Functions, procedures and aggregates of the catalog (each with its {@link Catalog.Function.Header}), in one list
     * ordered by schema, name and identity arguments: the functions and the aggregates, each read in that
     * order, merged (the order breaks ties in the routines' creation order).
     */
    List<Catalog.Function> routines() {
        List<Catalog.Function> functions = List.copyOf(catalog.functions().values());
        List<Catalog.Function> aggregates = List.copyOf(catalog.aggregates().values());
        java.util.Comparator<Catalog.Function> order = java.util.Comparator.comparing((Catalog.Function f) -> f.name().schema())
                .thenComparing(f -> f.name().name()).thenComparing(Catalog.Function::arguments);
        List<Catalog.Function> merged = new ArrayList<>(functions.size() + aggregates.size());
        int i = 0, j = 0;
        while (i < functions.size() || j < aggregates.size()) {
            boolean function = j == aggregates.size()
                    || i < functions.size() && order.compare(functions.get(i), aggregates.get(j)) <= 0;
            merged.add(function ? functions.get(i++) : aggregates.get(j++));
        }
        return merged;
    }

    /**
     * The user triggers of the managed schemas (not the clones PostgreSQL puts on partitions): a table's
     * ({@link Table#triggers()}) and a view's or foreign table's ({@link Catalog#relationTriggers()}), ordered by
     * schema, relation and trigger name.
     */
    List<TriggerOn> triggers() {
        Map<QualifiedName, List<Table.Trigger>> byRelation = new TreeMap<>(java.util.Comparator.comparing(QualifiedName::schema)
                .thenComparing(QualifiedName::name));
        catalog.tables().values().forEach(t -> { if (!t.triggers().isEmpty()) byRelation.put(t.name(), t.triggers()); });
        byRelation.putAll(catalog.relationTriggers());
        List<TriggerOn> out = new ArrayList<>();
        byRelation.forEach((relation, triggers) -> triggers.stream().sorted(java.util.Comparator.comparing(Table.Trigger::name))
                .forEach(t -> out.add(new TriggerOn(relation, t))));
        return out;
    }

    /** A trigger with the relation it is on. */
    record TriggerOn(QualifiedName table, Table.Trigger trigger) {
    }

    /** What the generator asks of the dependency graph. */
    CreationOrder creationOrder() {
        return new CreationOrder(dependencies, catalog, rowTypeUses);
    }

    static Source read(Connection connection, Collection<String> schemas) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Catalog catalog = CatalogReader.read(connection, schemas, CatalogReader.Detail.GENERATE);
            st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            Array names = connection.createArrayOf("text", new TreeSet<>(schemas).toArray());
            List<DbObject> objects = query(connection, SourceSql.OBJECTS, names, rs -> new DbObject(rs.getString(1), rs.getString(2),
                    new QualifiedName(rs.getString(3), rs.getString(4))));
            // Read under the same search_path as the catalog, so routine ids print their argument types alike.
            var dependencies = schemasync.catalog.Dependencies.read(connection, schemas);
            Map<String, String> extensionComments = new java.util.HashMap<>();
            query(connection, SourceSql.EXTENSION_COMMENTS, names, rs -> extensionComments.put(rs.getString(1), rs.getString(2)));
            List<DefaultSplit.RowTypeUse> rowTypeUses = query(connection, SourceSql.ROW_TYPE_USES, names, rs -> new DefaultSplit.RowTypeUse(
                    name(rs, 1), rs.getString(3), name(rs, 4), rs.getBoolean(6)));
            return new Source(catalog, objects, dependencies, extensionComments, rowTypeUses);
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
