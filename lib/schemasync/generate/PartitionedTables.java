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
 * added to one partition alone is written, and what the DSL cannot say about one partition (a
 * primary key of its own, a default or NOT NULL that differs from the parent's, its comment) is a
 * guarded custom step.
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
            g.add(!PartitionCalls.PartitionWithStorageCall.needed(options, comment) ? call
                    : new PartitionCalls.PartitionWithStorageCall(call, options.storage(), options.unlogged(), options.columns(), comment));
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
            columns(t, g.catalog().tables().get(p.parent()));
            if (t.primaryKey() != null) {
                // Only a partition created alone and attached later has a primary key of its own.
                g.add(g.custom("primary key " + t.name() + "." + t.primaryKey().name(), "a key of one partition only",
                        CustomSql.constraintMissing(t.name(), t.primaryKey().name()), CustomSql.addConstraint(t.name(),
                                t.primaryKey().name(), "PRIMARY KEY (" + String.join(", ", t.primaryKey().columns().stream()
                                        .map(CustomSql::q).toList()) + ")")));
            }
            Column commented = t.columns().stream().filter(c -> c.comment() != null).findFirst().orElse(null);
            if (commented != null) { // the partition's own comment is ensurePartition's comment(...); its columns' are not declarable
                g.add(g.custom("column comments on partition " + t.name(), "COMMENT ON COLUMN of a partition",
                        "SELECT pg_catalog.col_description(pg_catalog.to_regclass(" + CustomSql.lit(CustomSql.q(t.name())) + "), (SELECT a.attnum"
                                + " FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass(" + CustomSql.lit(CustomSql.q(t.name()))
                                + ") AND a.attname = " + CustomSql.lit(commented.name()) + ")) IS NULL",
                        String.join(";\n", CustomSql.comments(t).stream().filter(s -> s.startsWith("COMMENT ON COLUMN")).toList())));
            }
        }
    }

    /** A default or NOT NULL a partition has that its parent does not: set on that partition alone. */
    private void columns(Table t, Table parent) {
        if (parent == null) return;
        for (Column c : t.columns()) {
            Column inherited = parent.column(c.name()).orElse(null);
            if (inherited == null) continue;
            String column = t.name() + "." + c.name();
            if (!Objects.equals(c.defaultExpr(), inherited.defaultExpr())) {
                String attrdef = "SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a"
                        + " ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = pg_catalog.to_regclass("
                        + CustomSql.lit(CustomSql.q(t.name())) + ") AND a.attname = " + CustomSql.lit(c.name());
                g.add(g.custom("default of " + column, "a default of one partition only",
                        "SELECT (" + attrdef + ") IS DISTINCT FROM " + (c.defaultExpr() == null ? "NULL" : CustomSql.lit(c.defaultExpr())),
                        "ALTER TABLE " + CustomSql.q(t.name()) + " ALTER COLUMN " + CustomSql.q(c.name())
                                + (c.defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.defaultExpr())));
            }
            if (c.notNull() && !inherited.notNull()) {
                g.add(g.custom("not null " + column, "NOT NULL on one partition only",
                        "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass("
                                + CustomSql.lit(CustomSql.q(t.name())) + ") AND a.attname = " + CustomSql.lit(c.name()) + " AND a.attnotnull)",
                        "ALTER TABLE " + CustomSql.q(t.name()) + " ALTER COLUMN " + CustomSql.q(c.name()) + " SET NOT NULL"));
            }
        }
    }
}
