package schemasync.dsl;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jooq.DataType;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.TableDecl;

/**
 * The relations part of {@link SchemaChanges}'s vocabulary: tables (with their options and key indexes), partitions,
 * columns, indexes, column changes, views and materialized views. Users never name this class: blocks talk to
 * {@link SchemaChanges}, which inherits these verbs.
 */
public abstract class RelationDeclarations extends KindDeclarations {

    RelationDeclarations() {
    }

    /** The table exists with exactly these columns and primary key. */
    public SchemaChanges ensureTable(String name, UnaryOperator<TableBuilder> body) {
        TableBuilder.State t = body.apply(new TableBuilder(scope())).state;
        QualifiedName table = scope().qualified(name);
        if (!t.partitionDefaults.isEmpty() || !t.partitionNotNull.isEmpty() || !t.partitionColumnComments.isEmpty()) {
            throw new IllegalArgumentException("table " + table + ": columnDefault(column, ...), notNull(column) and columnComment(column, ...)"
                    + " are a partition's own (ensurePartition); on a table declare them on its column()");
        }
        for (String column : t.notNullNames.keySet()) {
            if (t.columns.stream().noneMatch(c -> c.name().equals(column))) {
                throw new IllegalStateException("table " + table + ": notNullNamed(\"" + column + "\", ...): declare the column in this table");
            }
        }
        // PostgreSQL makes primary key columns NOT NULL; say so, or the comparison would never agree.
        List<ColumnSpec> columns = t.columns.stream().map(c -> t.notNullNames.containsKey(c.name())
                ? c.withNotNullName(t.notNullNames.get(c.name())) : c).map(c -> t.primaryKey.contains(c.name()) && !c.notNull()
                ? c.withNotNull() : c).toList();
        List<ConstraintSpec> constraints = t.constraints.stream().map(c -> c.name() != null ? c
                : c.named(ConstraintSpec.defaultName(table.name(), c.columns(), c.kind()))).toList();
        add(new TableDecl(table, columns, t.primaryKey, t.primaryKey.isEmpty() ? null : t.primaryKeyName, constraints, t.comment,
                t.partitionBy == null ? null : t.partitionBy.strip(), t.primaryKeyOptions, currentOrigin(), new schemasync.catalog.TableForm(
                t.unlogged, t.storage, t.inherits.stream().map(scope()::qualified).toList(),
                t.ofType == null ? null : scope().qualified(t.ofType), List.copyOf(t.inheritedColumns.values()))));
        add(new Declaration.TableOptionsDecl(table, t.storage, t.unlogged, t.columnOptions, t.clusterOn, currentOrigin()));
        KeyIndexOptions.of(table, t, constraints, currentOrigin()).forEach(this::add);
        return self();
    }

    /**
     * The partition exists: {@code ensurePartition("payment_2024_01", "payment", "FOR VALUES FROM ('2024-01-01')
     * TO ('2024-02-01')")}; the bound as written after {@code PARTITION OF parent}: {@code FOR VALUES FROM ... TO ...},
     * {@code FOR VALUES IN (...)}, {@code FOR VALUES WITH (MODULUS 4, REMAINDER 0)} or {@code DEFAULT}. Its
     * columns, indexes, constraints and row triggers come from the parent. Partitions no block declares
     * are reported, never dropped: applications often create them at run time.
     */
    public SchemaChanges ensurePartition(String name, String parent, String bound) {
        return ensurePartition(name, parent, bound, null, null);
    }

    /** A partition that is itself partitioned ({@code partitionBy} as written after PARTITION BY). */
    public SchemaChanges ensurePartition(String name, String parent, String bound, String partitionBy) {
        return ensurePartition(name, parent, bound, partitionBy, null);
    }

    /**
     * A partition with constraints of its own, beside those it gets from its parent:
     * {@code ensurePartition("payment_2024_01", "payment", "FOR VALUES ...", t -> t.foreignKey("customer_id")
     * .references("customer"))}. Only constraints (unique, check, foreign key, exclude, with {@code named} and
     * {@code notValid}), a primary key of its own when the parent has none ({@code primaryKey("id")}, a partition
     * created alone and attached) and storage parameters ({@code with("fillfactor", "70")}) are declared here: the rest
     * is the parent's.
     * Compared like a table's: missing ones are added, local ones no block declares are reported.
     */
    public SchemaChanges ensurePartition(String name, String parent, String bound, UnaryOperator<TableBuilder> constraints) {
        return ensurePartition(name, parent, bound, null, constraints);
    }

    /** Both: a sub-partitioned partition with constraints of its own. */
    public SchemaChanges ensurePartition(String name, String parent, String bound, String partitionBy,
                                  UnaryOperator<TableBuilder> constraints) {
        QualifiedName partition = scope().qualified(name);
        List<ConstraintSpec> own = List.of();
        List<Declaration> ownOptions = List.of();
        List<String> ownKey = List.of(); // a primary key of this partition alone (the parent has none)
        String ownKeyName = null;
        if (constraints != null) {
            TableBuilder.State t = constraints.apply(new TableBuilder(scope())).state;
            if (!t.columns.isEmpty() || t.partitionBy != null) {
                throw new IllegalArgumentException("partition " + partition + " declares columns or a partition key: a partition has"
                        + " its parent's columns and keys; declare only constraints, a primary key of its own, comment(...), with(...),"
                        + " unlogged(), columnDefault(...), notNull(column), notNullNamed(column, name), columnComment(column, text) and"
                        + " onColumn(...) options there");
            }
            if (!t.primaryKey.isEmpty() && (!t.primaryKeyOptions.equals(schemasync.catalog.KeyOptions.NONE) || !t.primaryKeyStorage.isEmpty())) {
                throw new IllegalArgumentException("partition " + partition + " declares INCLUDE, DEFERRABLE or index storage parameters"
                        + " on its own primary key: a partition's own key is declared with its columns and name only");
            }
            ownKey = List.copyOf(t.primaryKey);
            ownKeyName = t.primaryKeyName;
            own = t.constraints.stream().map(c -> c.name() != null ? c
                    : c.named(ConstraintSpec.defaultName(partition.name(), c.columns(), c.kind()))).toList();
            ownOptions = PartitionOwn.declarations(partition, t, currentOrigin());
        }
        add(new Declaration.PartitionDecl(partition, parent == null ? null : scope().qualified(parent),
                bound == null ? null : bound.strip(), partitionBy == null ? null : partitionBy.strip(), own, currentOrigin(),
                ownKey, ownKeyName));
        ownOptions.forEach(this::add); // with(...), unlogged(), onColumn(...), comment(...): the partition's own
        return self();
    }

    /**
     * The materialized view exists with this query, created WITH DATA (the query runs during the apply).
     * Tables it reads must exist or be declared by this or an earlier block; indexes on it are declared
     * with {@code ensureIndex(...).on(view)}.
     */
    public SchemaChanges ensureMaterializedView(String name, String query) {
        return materializedView(name, query, true);
    }

    /** Created WITH NO DATA: empty (and unreadable) until the application runs REFRESH MATERIALIZED VIEW. */
    public SchemaChanges ensureMaterializedViewWithNoData(String name, String query) {
        return materializedView(name, query, false);
    }

    SchemaChanges materializedView(String name, String query, boolean withData) {
        add(new Declaration.MaterializedViewDecl(scope().qualified(name), query == null ? null : query.strip(),
                withData, currentOrigin()));
        return self();
    }

    /** The column exists on a table that exists already or that an earlier block declares. */
    public SchemaChanges ensureColumn(String table, String column, DataType<?> type) {
        return ensureColumn(table, column, ColumnType.of(type), null);
    }

    public SchemaChanges ensureColumn(String table, String column, DataType<?> type, Default dflt) {
        return ensureColumn(table, column, ColumnType.of(type), dflt);
    }

    public SchemaChanges ensureColumn(String table, String column, String postgresType) {
        return ensureColumn(table, column, ColumnType.type(postgresType), null);
    }

    public SchemaChanges ensureColumn(String table, String column, String postgresType, Default dflt) {
        return ensureColumn(table, column, ColumnType.type(postgresType), dflt);
    }

    public SchemaChanges ensureColumn(String table, String column, ColumnType type) {
        return ensureColumn(table, column, type, null);
    }

    public SchemaChanges ensureColumn(String table, String column, ColumnType type, Default dflt) {
        add(new ColumnDecl(scope().qualified(table), type.toSpec(column, dflt, null), currentOrigin()));
        return self();
    }

    /** The index exists; say where with {@code .on(table)} and what with {@code .columns(...)} etc. */
    public IndexBuilder ensureIndex(String name) {
        IndexBuilder builder = new IndexBuilder(name);
        Origin declaredIn = currentOrigin();
        placeholder(() -> {
            QualifiedName table = builder.table == null ? null : scope().qualified(builder.table);
            return new IndexDecl(IndexBuilder.indexName(builder.name, table, scope()), table, builder.unique, builder.method, builder.keys,
                    builder.include, builder.where, builder.rebuildWhenChanged, builder.nullsNotDistinct, declaredIn);
        });
        placeholder(() -> new Declaration.IndexOptionsDecl(IndexBuilder.indexName(builder.name, builder.table == null ? null
                : scope().qualified(builder.table), scope()), builder.table == null ? null : scope().qualified(builder.table),
                builder.storage, builder.clustered, declaredIn));
        return builder;
    }

    /**
     * The existing column must become this: {@code ensureColumnChanged("users", "email").type("varchar(320)")
     * .notNull()}. Planned with the online-safe statements (SET NOT NULL through a validated CHECK;
     * a type change re-creating the views that depend on the column) and applied only as far as the
     * hazard policy allows: a type change that rewrites a table that is not small needs
     * {@code allowHazard(HazardKind.TABLE_REWRITE, "why")}. Once the column is like this, skipped.
     */
    public ColumnChangeBuilder ensureColumnChanged(String table, String column) {
        ColumnChangeBuilder builder = new ColumnChangeBuilder();
        Origin declaredIn = currentOrigin();
        placeholder(() -> new Declaration.ColumnChangeDecl(scope().qualified(table), column, builder.type, builder.using,
                builder.notNull, builder.defaultSql, builder.dropDefault, declaredIn, builder.notNullName, builder.onlyThisTable));
        return builder;
    }

    /** The view exists with this query; tables it reads must exist or be declared by earlier blocks. */
    public SchemaChanges ensureView(String name, String query) {
        add(new Declaration.ViewDecl(scope().qualified(name), query == null ? null : query.strip(), currentOrigin()));
        return self();
    }
}
