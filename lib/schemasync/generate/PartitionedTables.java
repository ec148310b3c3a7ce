package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/**
 * A partitioned table with all its partitions, in the DSL: {@code ensureTable(...).partitionBy(key)}
 * with the root's columns, primary key, constraints and indexes, then {@code ensurePartition} for each
 * partition (parents before their children) with the constraints and storage parameters of that partition
 * alone, then each partition's own indexes.
 *
 * A partition gets its columns, and clones of the parent's keys, foreign keys and indexes, from
 * PostgreSQL; the catalog leaves those clones out (conislocal, relispartition), so only what was
 * added to one partition alone is written (its own constraints, primary key, defaults, NOT NULL, comment and
 * options), and what the DSL cannot say about one partition (a primary key of its own with INCLUDE, DEFERRABLE or
 * index storage parameters) is a guarded custom step.
 */
final class PartitionedTables {
    private final Generator g;

    PartitionedTables(Generator g) {
        this.g = g;
    }

    /** A partition and how it takes part (its parent, bound and, sub-partitioned, its key). */
    private record Partition(QualifiedName name, Catalog.Partitioning partitioning) {
        QualifiedName parent() {
            return partitioning.parent();
        }

        String bound() {
            return partitioning.bound();
        }

        String partitionKey() {
            return partitioning.key();
        }
    }

    void write(Table root, PartitionTree tree, TableGenerator tg,
               Set<QualifiedName> declared, Set<String> deferred, Map<String, QualifiedName> serials) {
        g.addAll(tg.table(root, declared, deferred, serials, tree.key(root.name())));
        List<Partition> ordered = tree.partitionsUnder(root.name()).stream()
                .map(name -> new Partition(name, tree.members().get(name))).toList();
        Set<QualifiedName> referable = new java.util.HashSet<>(declared);
        referable.add(root.name());
        List<Call> notExpressible = new ArrayList<>();
        for (Partition p : ordered) {
            Table t = g.catalog().tables().get(p.name());
            List<TableCall.ConstraintDef> own = new ArrayList<>();
            for (Constraint c : t == null ? List.<Constraint>of() : t.constraints()) {
                if (deferred.contains(t.name() + "." + c.name())) continue;
                TableCall.ConstraintDef d = tg.constraint(t, c, referable);
                if (d != null) own.add(d);
                else notExpressible.add(g.custom("constraint " + t.name() + "." + c.name(), TableGenerator.reason(c, referable),
                        CustomSql.constraintMissing(t.name(), c.name()), CustomSql.addConstraint(t.name(), c.name(), c.definition()),
                        g.dslName(t.name()) + "." + c.name()));
            }
            Call.PartitionCall call = new Call.PartitionCall(g.dslName(p.name()), g.dslName(p.parent()), p.bound(), p.partitionKey(), own);
            schemasync.catalog.RelationOptions options = g.catalog().optionsOf(p.name());
            String comment = t == null ? null : t.comment();
            PartitionCalls.OwnColumns ownColumns = ownColumns(t, g.catalog().tables().get(p.parent()), g.catalog().notNullNames(),
                    tg::defaultDeferred);
            PartitionCalls.OwnKey ownKey = ownKey(t);
            g.add(!PartitionCalls.PartitionWithStorageCall.needed(options, comment) && ownColumns.isNone() && ownKey.isNone() ? call
                    : new PartitionCalls.PartitionWithStorageCall(call, options.storage(), options.unlogged(), options.columns(), comment,
                    ownColumns, ownKey));
        }
        g.addAll(notExpressible);
        for (Partition p : ordered) {
            Table t = g.catalog().tables().get(p.name());
            if (t == null) continue;
            for (Index i : g.indexesOf(t.name())) {
                if (i.constraintBacked()) continue;
                Call index = tg.index(i);
                g.add(index != null ? index : g.custom("index " + i.name(), "options the DSL does not express",
                        CustomSql.relationMissing(i.name()), g.indexDefinition(i.name()), g.dslName(i.name())));
            }
            if (t.primaryKey() != null && ownKey(t).isNone()) {
                // Only a partition created alone and attached later has a primary key of its own; with INCLUDE,
                // DEFERRABLE or index storage parameters the DSL does not declare it on a partition.
                g.add(g.custom("primary key " + t.name() + "." + t.primaryKey().name(), "a key of one partition only",
                        CustomSql.constraintMissing(t.name(), t.primaryKey().name()), CustomSql.addConstraint(t.name(),
                                t.primaryKey().name(), "PRIMARY KEY (" + String.join(", ", t.primaryKey().columns().stream()
                                        .map(CustomSql::q).toList()) + ")")));
            }
        }
    }

    /**
     * The partition's own primary key (only a partition created alone and attached has one: a parent's key reaches its
     * partitions as clones the catalog leaves out), when the DSL can say it: columns and name, no INCLUDE, DEFERRABLE or
     * index storage parameters.
     */
    private PartitionCalls.OwnKey ownKey(Table t) {
        if (t == null || t.primaryKey() == null) return PartitionCalls.OwnKey.NONE;
        Table.PrimaryKey pk = t.primaryKey();
        if (!pk.options().equals(schemasync.catalog.KeyOptions.NONE) || !g.catalog().optionsOf(t.name().sibling(pk.name())).storage().isEmpty()) {
            return PartitionCalls.OwnKey.NONE;
        }
        return new PartitionCalls.OwnKey(pk.columns(), pk.name().equals(TableGenerator.defaultName(t.name().name(), "pkey")) ? null : pk.name());
    }

    /**
     * A default or NOT NULL a partition has that its parent does not, and comments on its columns: the partition's own,
     * declared on ensurePartition (PostgreSQL copies the parent's defaults and NOT NULL into a partition, never comments).
     * An own NOT NULL's name of its own (PostgreSQL 18) is declared with it. An own default split out of a creation-order
     * cycle ({@code deferredDefault}) is left out: the partition starts with its parent's, and a later block sets its own.
     */
    static PartitionCalls.OwnColumns ownColumns(Table t, Table parent, Map<schemasync.catalog.NotNullNames.Key, String> notNullNames,
                                                java.util.function.BiPredicate<QualifiedName, String> deferredDefault) {
        if (t == null || parent == null) return PartitionCalls.OwnColumns.NONE;
        Map<String, String> defaults = new java.util.HashMap<>();
        Set<String> notNull = new java.util.HashSet<>();
        Map<String, String> comments = new java.util.HashMap<>();
        for (Column c : t.columns()) {
            Column inherited = parent.column(c.name()).orElse(null);
            if (inherited == null) continue;
            if (!Objects.equals(c.defaultExpr(), inherited.defaultExpr()) && !deferredDefault.test(t.name(), c.name())) {
                defaults.put(c.name(), c.defaultExpr());
            }
            if (c.notNull() && !inherited.notNull()) notNull.add(c.name());
            if (c.comment() != null) comments.put(c.name(), c.comment());
        }
        Map<String, String> names = new java.util.HashMap<>();
        for (String c : notNull) {
            String name = notNullNames.get(new schemasync.catalog.NotNullNames.Key(t.name(), c));
            if (name != null) names.put(c, name);
        }
        return new PartitionCalls.OwnColumns(defaults, notNull, comments, names);
    }
}
