package schemasync.catalog;

import java.util.List;

/**
 * A table as declared, in the user's SQL (the payload of CREATE TABLE): columns, primary key (name null:
 * PostgreSQL's {@code <table>_pkey}), table constraints, and the partition key as written after
 * PARTITION BY (null for an ordinary table).
 */
public record TableSpec(QualifiedName name, List<ColumnSpec> columns, List<String> primaryKey, String primaryKeyName,
                        List<ConstraintSpec> constraints, String partitionBy) {
    public TableSpec {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        constraints = List.copyOf(constraints);
    }
}
