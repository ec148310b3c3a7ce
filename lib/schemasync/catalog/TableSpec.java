package schemasync.catalog;

import java.util.List;

/**
 * A table as declared, in the user's SQL (the payload of CREATE TABLE): columns, primary key (name null:
 * PostgreSQL's {@code <table>_pkey}; {@code primaryKeyOptions}: its INCLUDE and DEFERRABLE), table
 * constraints, and the partition key as written after PARTITION BY (null for an ordinary table);
 * {@code form}: UNLOGGED, WITH (...), INHERITS (...) and OF type.
 */
public record TableSpec(QualifiedName name, List<ColumnSpec> columns, List<String> primaryKey, String primaryKeyName,
                        List<ConstraintSpec> constraints, String partitionBy, KeyOptions primaryKeyOptions, TableForm form) {
    public TableSpec {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        constraints = List.copyOf(constraints);
        if (primaryKeyOptions == null) primaryKeyOptions = KeyOptions.NONE;
        if (form == null) form = TableForm.NONE;
    }

    /** A logged table of its own (no parents, no type, no storage parameters), its key without INCLUDE or DEFERRABLE. */
    public TableSpec(QualifiedName name, List<ColumnSpec> columns, List<String> primaryKey, String primaryKeyName,
                     List<ConstraintSpec> constraints, String partitionBy) {
        this(name, columns, primaryKey, primaryKeyName, constraints, partitionBy, KeyOptions.NONE, TableForm.NONE);
    }
}
