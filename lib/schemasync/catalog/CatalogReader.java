package schemasync.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link Catalog} in one round trip, whatever the number of tables: the session settings and
 * one set-based query per object kind travel as a single multi-statement prepared statement, which
 * pgjdbc sends as consecutive Parse/Bind/Execute messages followed by one Sync, and whose result sets
 * arrive in order. The caller owns the transaction; dry runs read inside a READ ONLY REPEATABLE READ
 * transaction so all queries see one snapshot.
 */
public final class CatalogReader {

    private CatalogReader() {
    }

    /**
     * How much of the catalog a caller needs. The planner, the normalizer's shadow reads, {@code verify} and the
     * fleet compare objects ({@link #PLAN}); only {@code generate} writes them back as declarations, which needs each
     * index's and trigger's parts (pg_index's per-key rows, pg_trigger's tgtype bits and tgargs), the triggers on
     * views and foreign tables, every index's full pg_get_indexdef and the foreign partitions ({@link #GENERATE}).
     * The two per-key queries cost about as much as the index query itself at 2,000 tables, and a dry run reads the
     * catalog once for the plan and once per shadow read, so PLAN leaves them out of the batch (still one round trip).
     */
    public enum Detail {
        /** What the planner, the normalizer, the differ and the fleet compare: the generate-only components are empty. */
        PLAN,
        /** Everything, for {@code generate}: {@code indexParts}, {@code triggerParts}, {@code relationTriggers},
         *  {@code indexDefinitions} and {@code foreignPartitions} too. */
        GENERATE
    }

    /** The catalog the planner compares ({@link Detail#PLAN}). */
    public static Catalog read(Connection connection, Collection<String> managedSchemas) throws SQLException {
        return read(connection, managedSchemas, Detail.PLAN);
    }

    public static Catalog read(Connection connection, Collection<String> managedSchemas, Detail detail) throws SQLException {
        boolean forGenerate = detail == Detail.GENERATE;
        Array schemas = connection.createArrayOf("text", new TreeSet<>(managedSchemas).toArray());
        Batch batch = new Batch();

        Set<String> existingSchemas = new TreeSet<>();
        batch.add(CatalogSql.SCHEMAS, rs -> existingSchemas.add(rs.getString(1)));

        TableReader tables = new TableReader(batch, connection.getMetaData().getDatabaseMajorVersion());
        Map<QualifiedName, List<String>> enums = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.ENUMS, rs -> enums.put(new QualifiedName(rs.getString(1), rs.getString(2)),
                Arrays.asList((String[]) rs.getArray(3).getArray())));
        Map<QualifiedName, String> views = new LinkedHashMap<>();
        batch.add(RelationSql.VIEWS, rs -> views.put(new QualifiedName(rs.getString(1), rs.getString(2)),
                rs.getString(3)));
        Map<String, Catalog.Function> functions = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.FUNCTIONS, rs -> {
            Catalog.Function f = new Catalog.Function(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                    rs.getString(4), new Catalog.Function.Header(rs.getString(5), rs.getString(6), null, null, null));
            functions.put(f.signature(), f);
        });
        Map<String, Catalog.Extension> extensions = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.EXTENSIONS, rs -> extensions.put(rs.getString(1),
                new Catalog.Extension(rs.getString(1), rs.getString(2), rs.getString(3))));
        Map<QualifiedName, Domain> domains = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.DOMAINS, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            String[] checkNames = (String[]) rs.getArray(8).getArray();
            String[] checkDefs = (String[]) rs.getArray(9).getArray();
            List<Domain.Check> checks = new ArrayList<>();
            for (int i = 0; i < checkNames.length; i++) {
                checks.add(new Domain.Check(checkNames[i], checkExpression(checkDefs[i]), !checkDefs[i].endsWith(" NOT VALID")));
            }
            domains.put(name, new Domain(name, rs.getString(3), rs.getBoolean(4), rs.getString(5),
                    rs.getString(7) == null ? null : new QualifiedName(rs.getString(6), rs.getString(7)), checks));
        });
        Map<GrantTarget, Set<Grant>> grants = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.COLUMN_GRANTS, rs -> grants.computeIfAbsent(new GrantTarget(GrantTarget.Kind.COLUMN,
                rs.getString(1), rs.getString(2), rs.getString(3)), k -> new TreeSet<>(Grant.ORDER))
                .add(new Grant(rs.getString(5), rs.getString(4))));
        batch.add(CatalogTypeSql.RELATION_GRANTS, rs -> grants.computeIfAbsent("S".equals(rs.getString(5))
                ? new GrantTarget(GrantTarget.Kind.SEQUENCE, rs.getString(1), rs.getString(2), null)
                : GrantTarget.table(new QualifiedName(rs.getString(1), rs.getString(2))), k -> new TreeSet<>(Grant.ORDER))
                .add(new Grant(rs.getString(4), rs.getString(3))));
        batch.add(CatalogTypeSql.SCHEMA_GRANTS, rs -> grants.computeIfAbsent(GrantTarget.schema(rs.getString(1)),
                k -> new TreeSet<>(Grant.ORDER)).add(new Grant(rs.getString(3), rs.getString(2))));
        batch.add(CatalogTypeSql.ROUTINE_GRANTS, rs -> grants.computeIfAbsent(new GrantTarget(GrantTarget.Kind.FUNCTION,
                rs.getString(1), rs.getString(2), rs.getString(3)), k -> new TreeSet<>(Grant.ORDER))
                .add(new Grant(rs.getString(5), rs.getString(4))));
        Map<DefaultTarget, Set<Grant>> defaultPrivileges = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.DEFAULT_PRIVILEGES, rs -> {
            Set<Grant> entry = defaultPrivileges.computeIfAbsent(new DefaultTarget(rs.getString(1), rs.getString(2),
                    DefaultTarget.objects(rs.getString(3))), k -> new TreeSet<>(Grant.ORDER));
            if (rs.getString(4) != null) entry.add(new Grant(rs.getString(5), rs.getString(4)));
        });
        Map<String, Catalog.Function> aggregates = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.AGGREGATES, rs -> {
            Catalog.Function a = new Catalog.Function(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                    rs.getString(4), new Catalog.Function.Header("a", rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
            aggregates.put(a.signature(), a);
        });
        Map<QualifiedName, CompositeType> composites = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.COMPOSITE_TYPES, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            String[] names = (String[]) rs.getArray(3).getArray();
            String[] types = (String[]) rs.getArray(4).getArray();
            String[] collationSchemas = (String[]) rs.getArray(5).getArray();
            String[] collations = (String[]) rs.getArray(6).getArray();
            List<CompositeType.Attribute> attributes = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                attributes.add(new CompositeType.Attribute(names[i], types[i],
                        collations[i] == null ? null : new QualifiedName(collationSchemas[i], collations[i])));
            }
            composites.put(name, new CompositeType(name, attributes));
        });
        Map<QualifiedName, Sequence> sequences = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.SEQUENCES, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            Sequence.Owner owner = rs.getString(11) == null ? null
                    : new Sequence.Owner(new QualifiedName(rs.getString(10), rs.getString(11)), rs.getString(12), "i".equals(rs.getString(13)));
            sequences.put(name, new Sequence(name, rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                    rs.getLong(8), rs.getBoolean(9), owner));
        });
        Map<CommentTarget, String> comments = new LinkedHashMap<>();
        batch.add(CatalogSql.COMMENTS, rs -> comments.put(new CommentTarget(CommentTarget.Kind.fromWord(rs.getString(1)),
                new QualifiedName(rs.getString(2), rs.getString(3)), rs.getString(4)), rs.getString(5)));
        Map<QualifiedName, Catalog.Partitioning> partitioning = new LinkedHashMap<>();
        Map<QualifiedName, Catalog.Partitioning> foreignPartitions = new LinkedHashMap<>();
        batch.add(RelationSql.PARTITIONING, rs -> ("f".equals(rs.getString(7)) ? foreignPartitions : partitioning)
                .put(new QualifiedName(rs.getString(1), rs.getString(2)), new Catalog.Partitioning(rs.getString(3),
                        rs.getString(4) == null ? null : new QualifiedName(rs.getString(4), rs.getString(5)), rs.getString(6))));
        Map<QualifiedName, Catalog.MaterializedView> materializedViews = new LinkedHashMap<>();
        batch.add(RelationSql.MATERIALIZED_VIEWS, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            materializedViews.put(name, new Catalog.MaterializedView(name, rs.getString(3), rs.getBoolean(4), List.of()));
        });
        List<Catalog.ViewDependency> viewDependencies = new ArrayList<>();
        batch.add(RelationSql.VIEW_DEPENDENCIES, rs -> viewDependencies.add(new Catalog.ViewDependency(
                new QualifiedName(rs.getString(1), rs.getString(2)), new QualifiedName(rs.getString(3), rs.getString(4)),
                rs.getString(5))));
        Map<QualifiedName, RelationOptions> relationOptions = new LinkedHashMap<>();
        batch.add(RelationSql.RELATION_OPTIONS, rs -> relationOptions.put(new QualifiedName(rs.getString(1), rs.getString(2)),
                new RelationOptions(Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getBoolean(4), rs.getBoolean(5))));
        Map<QualifiedName, Map<String, ColumnOptions>> columnOptions = new HashMap<>();
        batch.add(RelationSql.columnOptions(connection.getMetaData().getDatabaseMajorVersion() >= 14), rs -> columnOptions
                .computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new java.util.TreeMap<>())
                .put(rs.getString(3), new ColumnOptions(rs.getObject(4) == null ? null : rs.getInt(4),
                        rs.getString(5) == null ? null : ColumnOptions.storageWord(rs.getString(5)),
                        ColumnOptions.compressionWord(rs.getString(6)), Arrays.asList((String[]) rs.getArray(7).getArray()),
                        ColumnOptions.storageWord(rs.getString(8)))));
        int major = connection.getMetaData().getDatabaseMajorVersion();
        Map<QualifiedName, TableLineage> lineage = new LinkedHashMap<>();
        batch.add(TableLineage.SQL, rs -> lineage.put(new QualifiedName(rs.getString(1), rs.getString(2)), TableLineage.read(rs)));
        ExternalReader externals = new ExternalReader(major);
        externals.addTo(batch);
        Map<QualifiedName, Collation> collations = KindSql.addCollations(batch, major);
        Map<QualifiedName, RangeType> rangeTypes = KindSql.addRangeTypes(batch, major);
        StatisticsRuleReader statisticsAndRules = new StatisticsRuleReader();
        statisticsAndRules.addTo(batch, major);
        Map<OwnerTarget, String> owners = new LinkedHashMap<>();
        OwnerSql.addTo(batch, owners);
        Map<NotNullNames.Key, String> notNullNames = NotNullNames.addTo(batch, major);
        Map<QualifiedName, IndexParts> indexParts = forGenerate ? IndexParts.addTo(batch, major) : Map.of();
        Map<TriggerParts.Key, TriggerParts> triggerParts = forGenerate ? TriggerParts.addTo(batch) : Map.of();
        OperatorReader operators = OperatorReader.addedTo(batch);
        OperatorClassReader operatorClasses = OperatorClassReader.addedTo(batch);
        TextSearchReader textSearch = new TextSearchReader(batch);
        Map<QualifiedName, Conversion> conversions = ConversionReader.addTo(batch);
        Map<SecurityLabelTarget, String> securityLabels = SecurityLabelReader.addTo(batch);
        batch.run(connection, schemas);
        columnOptions.forEach((table, byColumn) -> relationOptions.merge(table, RelationOptions.NONE.withColumns(byColumn),
                (had, only) -> had.withColumns(byColumn)));

        materializedViews.replaceAll((name, m) -> new Catalog.MaterializedView(name, m.definition(), m.populated(),
                tables.columnsOf(name)));
        Map<QualifiedName, Table> tableRecords = tables.tables();

        return Catalog.builder().schemas(existingSchemas).tables(tableRecords).indexes(tables.indexes).enums(enums).views(views)
                .functions(functions).extensions(extensions).domains(domains).grants(grants).defaultPrivileges(defaultPrivileges)
                .aggregates(aggregates).composites(composites).sequences(sequences).comments(comments).partitioning(partitioning)
                .materializedViews(materializedViews).viewDependencies(viewDependencies).relationOptions(relationOptions)
                .lineage(lineage).externals(externals.build()).collations(collations).rangeTypes(rangeTypes)
                .statistics(statisticsAndRules.statistics).rules(statisticsAndRules.rules)
                .relationTriggers(forGenerate ? tables.relationTriggers(tableRecords.keySet()) : Map.of())
                .indexDefinitions(forGenerate ? tables.indexDefinitions : Map.of())
                .indexParts(indexParts).triggerParts(triggerParts)
                .foreignPartitions(forGenerate ? foreignPartitions : Map.of()).owners(owners).notNullNames(notNullNames).notNullNamesKept(major >= 18).operators(operatorClasses.into(operators.build()))
                .textSearch(textSearch.build()).conversions(conversions).securityLabels(securityLabels).build();
    }

    /**
     * A declared aggregate as the catalog reader spells it, read back by the normalizer after it created
     * the aggregate in a transaction it rolls back. The caller pins the search_path as the reader does.
     */
    public static Catalog.Function aggregate(Connection connection, long oid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(CatalogTypeSql.AGGREGATE_BY_OID)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Catalog.Function(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3),
                        rs.getString(4)) : null;
            }
        }
    }

    /**
     * {@code CHECK ((x > 0)) NOT VALID} → {@code CHECK ((x > 0))}: validation is state, not shape; NOT ENFORCED
     * (PostgreSQL 18) is a flag of its own.
     */
    public static String checkExpression(String definition) {
        if (definition.endsWith(" NOT ENFORCED")) return definition.substring(0, definition.length() - " NOT ENFORCED".length());
        return definition.endsWith(" NOT VALID") ? definition.substring(0, definition.length() - " NOT VALID".length())
                : definition;
    }

    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** The catalog queries, in order, each with the handler for its rows; sent as one round trip. */
    static final class Batch {
        // JIT compilation costs ~30 ms per catalog query and never pays off here. search_path is
        // pinned so format_type / pg_get_expr / pg_get_indexdef qualify every non-catalog name the
        // same way whoever runs the tool. SET LOCAL: both revert at the end of the transaction, so
        // statements the user wrote later run under the normal search_path. The server runs the
        // messages in order, so the queries after them are parsed under these settings. work_mem:
        // the default 4 MB makes the ORDER BY of 20,000 columns (2,000 tables) spill to disk.
        private static final String SETTINGS = "SET LOCAL jit = off;\nSET LOCAL search_path = pg_catalog, pg_temp;\n"
                + "SET LOCAL work_mem = '64MB';\n";
        private final List<String> queries = new ArrayList<>();
        private final List<RowHandler> handlers = new ArrayList<>();

        void add(String sql, RowHandler handler) {
            queries.add(sql.strip());
            handlers.add(handler);
        }

        void run(Connection connection, Array schemas) throws SQLException {
            String sql = SETTINGS + String.join(";\n", queries);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                // Every query takes the managed schemas as its only parameter, numbered across the batch.
                for (int i = 1; i <= queries.size(); i++) ps.setArray(i, schemas);
                boolean isResultSet = ps.execute();
                int next = 0;
                while (true) {
                    if (isResultSet) {
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) handlers.get(next).handle(rs);
                        }
                        next++;
                    } else if (ps.getUpdateCount() == -1) {
                        break;
                    }
                    isResultSet = ps.getMoreResults();
                }
                if (next != queries.size()) {
                    throw new SQLException("catalog read returned " + next + " result sets for " + queries.size() + " queries");
                }
            }
        }
    }
}
