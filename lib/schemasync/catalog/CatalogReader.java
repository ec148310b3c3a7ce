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

    public static Catalog read(Connection connection, Collection<String> managedSchemas) throws SQLException {
        Array schemas = connection.createArrayOf("text", new TreeSet<>(managedSchemas).toArray());
        Batch batch = new Batch();

        Set<String> existingSchemas = new TreeSet<>();
        batch.add(CatalogSql.SCHEMAS, rs -> existingSchemas.add(rs.getString(1)));

        record TableRow(QualifiedName name, long reltuples, boolean partition, String comment, Table.RowSecurity rowSecurity,
                        java.util.Set<Grant> grants, long relpages) {
        }
        List<TableRow> tableRows = new ArrayList<>();
        batch.add(CatalogSql.TABLES, rs -> tableRows.add(new TableRow(
                new QualifiedName(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getBoolean(4),
                rs.getString(5), !rs.getBoolean(6) ? Table.RowSecurity.OFF
                        : rs.getBoolean(7) ? Table.RowSecurity.FORCED : Table.RowSecurity.ENABLED,
                Acl.grants(rs.getArray(8) == null ? null : (String[]) rs.getArray(8).getArray(), rs.getString(9)),
                rs.getLong(10))));

        Map<QualifiedName, List<Column>> columns = new HashMap<>();
        batch.add(CatalogSql.COLUMNS, rs -> {
            boolean virtual = "v".equals(rs.getString(9)); // PostgreSQL 18+; its expression is in pg_attrdef too
            boolean generated = "s".equals(rs.getString(9)) || virtual;
            columns.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                    .add(new Column(rs.getString(3), rs.getString(4), rs.getBoolean(5), generated ? null : rs.getString(6),
                            Column.Identity.fromCatalog(rs.getString(7)), rs.getString(8), generated ? rs.getString(6) : null,
                            rs.getString(11) == null ? null : new QualifiedName(rs.getString(10), rs.getString(11)), virtual));
        });

        Map<QualifiedName, List<Constraint>> constraints = new HashMap<>();
        Map<QualifiedName, Table.PrimaryKey> primaryKeys = new HashMap<>();
        batch.add(CatalogSql.CONSTRAINTS, rs -> {
            QualifiedName table = new QualifiedName(rs.getString(1), rs.getString(2));
            if (rs.getString(4).equals("p")) {
                primaryKeys.put(table, new Table.PrimaryKey(rs.getString(3), Arrays.asList((String[]) rs.getArray(6).getArray()),
                        new KeyOptions(KeyOptions.includeOf(rs.getString(15)), rs.getBoolean(13), rs.getBoolean(14),
                                KeyOptions.withoutOverlapsIn(rs.getString(15)))));
            } else {
                constraints.computeIfAbsent(table, k -> new ArrayList<>()).add(constraint(rs));
            }
        });

        Map<QualifiedName, List<Table.Policy>> policies = new HashMap<>();
        batch.add(CatalogSql.POLICIES, rs -> policies
                .computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(new Table.Policy(rs.getString(3), rs.getBoolean(4), command(rs.getString(5)),
                        Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getString(7), rs.getString(8))));

        Map<QualifiedName, List<Table.Trigger>> triggers = new HashMap<>();
        batch.add(CatalogSql.TRIGGERS, rs -> triggers
                .computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(new Table.Trigger(rs.getString(3), triggerDefinition(rs.getString(4), rs.getString(5)),
                        ExternalObjects.Enabled.of(rs.getString(6)))));

        Map<QualifiedName, Index> indexes = new LinkedHashMap<>();
        Map<QualifiedName, String> indexDefinitions = new LinkedHashMap<>();
        batch.add(CatalogSql.INDEXES, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            indexDefinitions.put(name, rs.getString(9));
            indexes.put(name, new Index(name, name.sibling(rs.getString(3)), rs.getBoolean(5),
                    rs.getString(4), definitionAfterNames(rs.getString(9), rs.getString(8)),
                    rs.getBoolean(6), rs.getBoolean(7)));
        });
        Map<QualifiedName, List<String>> enums = new LinkedHashMap<>();
        batch.add(CatalogTypeSql.ENUMS, rs -> enums.put(new QualifiedName(rs.getString(1), rs.getString(2)),
                Arrays.asList((String[]) rs.getArray(3).getArray())));
        Map<QualifiedName, String> views = new LinkedHashMap<>();
        batch.add(CatalogSql.VIEWS, rs -> views.put(new QualifiedName(rs.getString(1), rs.getString(2)),
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
        ForeignColumnComments.addTo(batch, comments);
        Map<QualifiedName, Catalog.Partitioning> partitioning = new LinkedHashMap<>();
        Map<QualifiedName, Catalog.Partitioning> foreignPartitions = new LinkedHashMap<>();
        batch.add(CatalogSql.PARTITIONING, rs -> ("f".equals(rs.getString(7)) ? foreignPartitions : partitioning)
                .put(new QualifiedName(rs.getString(1), rs.getString(2)), new Catalog.Partitioning(rs.getString(3),
                        rs.getString(4) == null ? null : new QualifiedName(rs.getString(4), rs.getString(5)), rs.getString(6))));
        Map<QualifiedName, Catalog.MaterializedView> materializedViews = new LinkedHashMap<>();
        batch.add(CatalogSql.MATERIALIZED_VIEWS, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            materializedViews.put(name, new Catalog.MaterializedView(name, rs.getString(3), rs.getBoolean(4), List.of()));
        });
        List<Catalog.ViewDependency> viewDependencies = new ArrayList<>();
        batch.add(CatalogSql.VIEW_DEPENDENCIES, rs -> viewDependencies.add(new Catalog.ViewDependency(
                new QualifiedName(rs.getString(1), rs.getString(2)), new QualifiedName(rs.getString(3), rs.getString(4)),
                rs.getString(5))));
        Map<QualifiedName, RelationOptions> relationOptions = new LinkedHashMap<>();
        batch.add(CatalogSql.RELATION_OPTIONS, rs -> relationOptions.put(new QualifiedName(rs.getString(1), rs.getString(2)),
                new RelationOptions(Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getBoolean(4), rs.getBoolean(5))));
        Map<QualifiedName, Map<String, ColumnOptions>> columnOptions = new HashMap<>();
        batch.add(CatalogSql.columnOptions(connection.getMetaData().getDatabaseMajorVersion() >= 14), rs -> columnOptions
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
        Map<QualifiedName, IndexParts> indexParts = IndexParts.addTo(batch, major);
        Map<TriggerParts.Key, TriggerParts> triggerParts = TriggerParts.addTo(batch);
        OperatorReader operators = OperatorReader.addedTo(batch);
        TextSearchReader textSearch = new TextSearchReader(batch);
        batch.run(connection, schemas);
        columnOptions.forEach((table, byColumn) -> relationOptions.merge(table, RelationOptions.NONE.withColumns(byColumn),
                (had, only) -> had.withColumns(byColumn)));

        materializedViews.replaceAll((name, m) -> new Catalog.MaterializedView(name, m.definition(), m.populated(),
                columns.getOrDefault(name, List.of())));
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        for (TableRow row : tableRows) {
            tables.put(row.name(), new Table(row.name(), columns.getOrDefault(row.name(), List.of()),
                    primaryKeys.get(row.name()), row.comment(), row.reltuples(), row.partition(),
                    constraints.getOrDefault(row.name(), List.of()), triggers.getOrDefault(row.name(), List.of()),
                    row.rowSecurity(), policies.getOrDefault(row.name(), List.of()), row.grants(), row.relpages()));
        }
        Map<QualifiedName, List<Table.Trigger>> relationTriggers = new LinkedHashMap<>();
        triggers.forEach((relation, list) -> {
            if (!tables.containsKey(relation)) relationTriggers.put(relation, list);
        });

        return Catalog.builder().schemas(existingSchemas).tables(tables).indexes(indexes).enums(enums).views(views)
                .functions(functions).extensions(extensions).domains(domains).grants(grants).defaultPrivileges(defaultPrivileges)
                .aggregates(aggregates).composites(composites).sequences(sequences).comments(comments).partitioning(partitioning)
                .materializedViews(materializedViews).viewDependencies(viewDependencies).relationOptions(relationOptions)
                .lineage(lineage).externals(externals.build()).collations(collations).rangeTypes(rangeTypes)
                .statistics(statisticsAndRules.statistics).rules(statisticsAndRules.rules)
                .relationTriggers(relationTriggers).indexDefinitions(indexDefinitions).indexParts(indexParts)
                .triggerParts(triggerParts)
                .foreignPartitions(foreignPartitions).owners(owners).notNullNames(notNullNames).operators(operators.build())
                .textSearch(textSearch.build()).build();
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

    private static Constraint constraint(ResultSet rs) throws SQLException {
        String type = rs.getString(4);
        String definition = rs.getString(15);
        List<String> columns = Arrays.asList((String[]) rs.getArray(6).getArray());
        // PostgreSQL 18's pg_constraint.conenforced, as pg_get_constraintdef says it (last, in place of NOT VALID):
        // the same query runs on 13-17. PostgreSQL never validates a NOT ENFORCED constraint: validation is moot.
        boolean notEnforced = definition.endsWith(" NOT ENFORCED");
        boolean validated = rs.getBoolean(5) || notEnforced;
        return switch (type) {
            case "f" -> new Constraint(rs.getString(3), Constraint.Kind.FOREIGN_KEY, columns, null,
                    new Constraint.ForeignKey(new QualifiedName(rs.getString(7), rs.getString(8)),
                            Arrays.asList((String[]) rs.getArray(9).getArray()), Constraint.ForeignKey.action(rs.getString(10)),
                            Constraint.ForeignKey.action(rs.getString(11)), Constraint.ForeignKey.match(rs.getString(12)),
                            rs.getBoolean(13), rs.getBoolean(14), Constraint.ForeignKey.periodIn(definition)),
                    false, validated, definition, KeyOptions.NONE, notEnforced);
            case "c" -> new Constraint(rs.getString(3), Constraint.Kind.CHECK, List.of(), checkExpression(definition), null,
                    false, validated, definition, KeyOptions.NONE, notEnforced);
            // EXCLUDE USING gist (room WITH =, during WITH &&) [WHERE (...)] [DEFERRABLE ...]: compared as a whole.
            case "x" -> new Constraint(rs.getString(3), Constraint.Kind.EXCLUSION, List.of(), definition, null,
                    false, rs.getBoolean(5), definition);
            // pg_index.indnullsnotdistinct exists only from PG 15; the definition says it on every version.
            default -> new Constraint(rs.getString(3), Constraint.Kind.UNIQUE, columns, null, null,
                    definition.startsWith("UNIQUE NULLS NOT DISTINCT"), rs.getBoolean(5), definition,
                    new KeyOptions(KeyOptions.includeOf(definition), rs.getBoolean(13), rs.getBoolean(14),
                            KeyOptions.withoutOverlapsIn(definition)));
        };
    }

    /** pg_policy.polcmd spelled as in CREATE POLICY ... FOR. */
    static String command(String polcmd) {
        return switch (polcmd) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
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

    /**
     * {@code CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ...} → {@code USING ...}. Cutting
     * after the table name (not at the first " USING ") keeps odd index names harmless.
     */
    static String definitionAfterNames(String indexdef, String qualifiedTable) {
        String table = " " + tableAsWritten(indexdef, qualifiedTable) + " USING ";
        return withoutStorageParameters(indexdef.substring(indexdef.indexOf(table) + table.length() - "USING ".length()));
    }

    /**
     * The definition without its {@code WITH (fillfactor='70')} clause: storage parameters are read from
     * reloptions ({@link RelationOptions}) and changed with ALTER INDEX ... SET, not by a rebuild. The clause is
     * the only {@code WITH (} outside parentheses and quotes (keys, INCLUDE and WHERE are all parenthesized).
     */
    static String withoutStorageParameters(String definition) {
        for (int i = 0; i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (c == '(') {
                i = SqlText.closingParenthesis(definition, i); // keys, INCLUDE, WHERE: skipped whole
                if (i < 0) return definition;
            } else if (c == '\'' || c == '"') {
                i = definition.indexOf(c, i + 1); // a doubled quote reopens at the next character
                if (i < 0) return definition;
            } else if (definition.startsWith(" WITH (", i)) {
                int close = SqlText.closingParenthesis(definition, i + " WITH ".length());
                if (close > 0) return definition.substring(0, i) + definition.substring(close + 1);
            }
        }
        return definition;
    }

    /** {@code ... ON public.users FOR EACH ROW ...} → {@code ... ON <table> FOR EACH ROW ...}. */
    static String triggerDefinition(String triggerdef, String qualifiedTable) {
        return triggerdef.replace(" ON " + tableAsWritten(triggerdef, qualifiedTable) + " ", " ON <table> ");
    }

    /**
     * How a pg_get_*def text spells the table: {@code schema.table}, except that a table in this
     * session's temporary schema (pg_temp_N, the normalizer's shadows) is spelled {@code pg_temp.table}.
     */
    private static String tableAsWritten(String definition, String qualifiedTable) {
        if (definition.contains(" " + qualifiedTable + " ")) return qualifiedTable;
        return "pg_temp." + qualifiedTable.substring(qualifiedTable.indexOf('.') + 1);
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
