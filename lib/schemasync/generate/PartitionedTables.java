package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.catalog.Table;

/**
 * A partitioned table with all its partitions, as one guarded custom step (partitioning is not in
 * the DSL). The order matters to PostgreSQL: partitions and their own indexes first, then the
 * parent's constraints and indexes, which then attach the equivalent partition indexes instead of
 * building new ones under other names; then the partitions' own constraints, then comments.
 */
final class PartitionedTables {
    private final Generator g;
    private final Source source;

    PartitionedTables(Generator g, Source source) {
        this.g = g;
        this.source = source;
    }

    void write(Table root, List<Source.Partition> tree) {
        List<Source.Partition> ordered = new ArrayList<>(tree);
        ordered.sort(Comparator.comparingInt(Source.Partition::depth).thenComparing(p -> p.name().schema())
                .thenComparing(p -> p.name().name()));
        List<String> sql = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (Source.Partition p : ordered) {
            Table t = g.catalog().tables().get(p.name());
            if (t == null) continue;
            tables.add(t);
            if (p.parent() == null) {
                List<String> columns = t.columns().stream().map(CustomSql::columnSql).toList();
                sql.add("CREATE TABLE " + CustomSql.q(t.name()) + " (\n    " + String.join(",\n    ", columns) + "\n) PARTITION BY "
                        + p.partitionKey());
            } else {
                sql.add("CREATE TABLE " + CustomSql.q(t.name()) + " PARTITION OF " + CustomSql.q(p.parent()) + " " + p.bound()
                        + (p.partitionKey() == null ? "" : " PARTITION BY " + p.partitionKey()));
                Table parent = g.catalog().tables().get(p.parent());
                for (Column c : t.columns()) {
                    Column inherited = parent == null ? null : parent.column(c.name()).orElse(null);
                    if (inherited == null) continue;
                    if (!java.util.Objects.equals(c.defaultExpr(), inherited.defaultExpr())) {
                        sql.add("ALTER TABLE " + CustomSql.q(t.name()) + " ALTER COLUMN " + CustomSql.q(c.name())
                                + (c.defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.defaultExpr()));
                    }
                    if (c.notNull() && !inherited.notNull()) {
                        sql.add("ALTER TABLE " + CustomSql.q(t.name()) + " ALTER COLUMN " + CustomSql.q(c.name()) + " SET NOT NULL");
                    }
                }
            }
        }
        List<Table> partitions = tables.subList(1, tables.size());
        for (Table t : partitions) indexes(t, sql);
        constraints(root, sql);
        indexes(root, sql);
        for (Table t : partitions) constraints(t, sql);
        for (Table t : tables) sql.addAll(CustomSql.comments(t));
        g.add(g.custom("partitioned table " + root.name(), "partitioned tables are not in the DSL (" + partitions.size()
                + " partitions)", CustomSql.relationMissing(root.name()), String.join(";\n", sql)));
        g.add(new Call.IgnoreCall(List.of(root.name().toString())));
    }

    private void indexes(Table t, List<String> sql) {
        for (Index i : g.indexesOf(t.name())) {
            if (!i.constraintBacked()) sql.add(g.indexDefinition(i.name()));
        }
    }

    private static void constraints(Table t, List<String> sql) {
        if (t.primaryKey() != null) {
            sql.add(CustomSql.addConstraint(t.name(), t.primaryKey().name(), "PRIMARY KEY ("
                    + String.join(", ", t.primaryKey().columns().stream().map(CustomSql::q).toList()) + ")"));
        }
        for (Constraint c : t.constraints()) sql.add(CustomSql.addConstraint(t.name(), c.name(), c.definition()));
    }
}
