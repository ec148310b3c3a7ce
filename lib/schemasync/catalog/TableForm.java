package schemasync.catalog;

import java.util.List;

/**
 * What CREATE TABLE says of a table beside its columns and constraints, and PostgreSQL cannot change later
 * without a rewrite or a separate statement: {@code CREATE UNLOGGED TABLE} ({@code unlogged}), its storage
 * parameters as {@code name=value} ({@code WITH (fillfactor=70)}), the parents of legacy inheritance
 * ({@code INHERITS (a, b)}, in order: the order decides the child's column order) and the composite type of a
 * typed table ({@code OF type}, or null), and an INHERITS child's own default or NOT NULL on an inherited column
 * ({@code inheritedColumns}: set after CREATE TABLE, as pg_dump does with ALTER TABLE ONLY). A new table is created with all of it in one statement: an UNLOGGED
 * table that references another UNLOGGED one cannot be created logged and turned unlogged afterwards
 * (a logged table may not reference an unlogged one).
 */
public record TableForm(boolean unlogged, List<String> storage, List<QualifiedName> inherits, QualifiedName ofType,
                        List<TableLineage.InheritedColumn> inheritedColumns) {
    public static final TableForm NONE = new TableForm(false, List.of(), List.of(), null);

    public TableForm {
        storage = List.copyOf(storage);
        inherits = List.copyOf(inherits);
        inheritedColumns = List.copyOf(inheritedColumns);
    }

    /** Without a default or NOT NULL of the child's own on an inherited column. */
    public TableForm(boolean unlogged, List<String> storage, List<QualifiedName> inherits, QualifiedName ofType) {
        this(unlogged, storage, inherits, ofType, List.of());
    }

    /** Whether columns come from elsewhere (parents or a type): constraints may name columns the table does not declare. */
    public boolean columnsElsewhere() {
        return !inherits.isEmpty() || ofType != null;
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
