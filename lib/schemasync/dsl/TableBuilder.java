package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;

/** The body of {@code ensureTable(name, t -> t.column(...).primaryKey(...))}. */
public final class TableBuilder {
    final List<ColumnSpec> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    String comment;

    TableBuilder() {
    }

    public TableBuilder column(String name, DataType<?> type) {
        return column(name, ColumnType.of(type), null);
    }

    public TableBuilder column(String name, DataType<?> type, Default dflt) {
        return column(name, ColumnType.of(type), dflt);
    }

    /** A PostgreSQL type by name: {@code column("search", "tsvector")}. */
    public TableBuilder column(String name, String postgresType) {
        return column(name, ColumnType.type(postgresType), null);
    }

    public TableBuilder column(String name, String postgresType, Default dflt) {
        return column(name, ColumnType.type(postgresType), dflt);
    }

    public TableBuilder column(String name, ColumnType type) {
        return column(name, type, null);
    }

    public TableBuilder column(String name, ColumnType type, Default dflt) {
        columns.add(type.toSpec(name, dflt, null));
        return this;
    }

    /** Comment on the column declared last: {@code .column("email", VARCHAR(320)).columnComment("sign-in")}. */
    public TableBuilder columnComment(String text) {
        if (columns.isEmpty()) throw new IllegalStateException("columnComment() before any column()");
        ColumnSpec last = columns.remove(columns.size() - 1);
        columns.add(new ColumnSpec(last.name(), last.type(), last.notNull(), last.defaultSql(), last.identity(), text));
        return this;
    }

    public TableBuilder primaryKey(String... columnNames) {
        primaryKey.clear();
        primaryKey.addAll(List.of(columnNames));
        return this;
    }

    public TableBuilder comment(String text) {
        this.comment = text;
        return this;
    }
}
