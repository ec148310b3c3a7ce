package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.Constraint.Kind;

/**
 * The part of a table's chain that sets options of what was declared just before it: the last column's options
 * (statistics target, storage, compression, attribute options) and the last key's index (INCLUDE, DEFERRABLE, its
 * storage parameters). Users never name this class: {@code ensureTable}'s body is a {@link TableBuilder}, which
 * inherits these calls.
 */
public abstract class TableOptionsBuilder {
    final TableBuilder.State state;

    TableOptionsBuilder(TableBuilder.State state) {
        this.state = state;
    }

    /** The chain continues as the table's builder. */
    abstract TableBuilder self();

    /**
     * The column declared last gets this statistics target ({@code ALTER COLUMN ... SET STATISTICS n}, SHARE UPDATE
     * EXCLUSIVE): how many most-common values and histogram buckets ANALYZE keeps for it.
     */
    public TableBuilder statistics(int target) {
        return columnOption(o -> schemasync.catalog.ColumnOptions.declared(target, o.storage(), o.compression(), o.attributes()));
    }

    /**
     * The column declared last is stored {@code PLAIN}, {@code EXTERNAL} (out of line, uncompressed: fast substring
     * of long text), {@code MAIN} or {@code EXTENDED} ({@code ALTER COLUMN ... SET STORAGE}; metadata only: rows
     * already written keep their form).
     */
    public TableBuilder storage(String storage) {
        String word = storage.strip().toUpperCase(java.util.Locale.ROOT);
        return columnOption(o -> schemasync.catalog.ColumnOptions.declared(o.statistics(), word, o.compression(), o.attributes()));
    }

    /** The column declared last is compressed with {@code pglz} or {@code lz4} (PostgreSQL 14+; metadata only). */
    public TableBuilder compression(String method) {
        String word = method.strip().toLowerCase(java.util.Locale.ROOT);
        return columnOption(o -> schemasync.catalog.ColumnOptions.declared(o.statistics(), o.storage(), word, o.attributes()));
    }

    /**
     * An attribute option of the column declared last, {@code ALTER COLUMN ... SET (name = value)}:
     * {@code columnOption("n_distinct", "-1")} (every value distinct) or {@code n_distinct_inherited}; read by ANALYZE.
     */
    public TableBuilder columnOption(String name, String value) {
        String option = name.strip().toLowerCase(java.util.Locale.ROOT) + "=" + value;
        return columnOption(o -> {
            List<String> attributes = new ArrayList<>(o.attributes());
            attributes.add(option);
            return schemasync.catalog.ColumnOptions.declared(o.statistics(), o.storage(), o.compression(), attributes);
        });
    }

    private TableBuilder columnOption(java.util.function.UnaryOperator<schemasync.catalog.ColumnOptions> change) {
        if (state.columns.isEmpty() && state.optionsColumn == null) throw new IllegalStateException("a column option before any column()");
        String column = state.optionsColumn != null ? state.optionsColumn : state.columns.get(state.columns.size() - 1).name();
        schemasync.catalog.ColumnOptions had = state.columnOptions.getOrDefault(column,
                schemasync.catalog.ColumnOptions.declared(null, null, null, List.of()));
        state.columnOptions.put(column, change.apply(had));
        return self();
    }


    /** {@code INCLUDE (columns)} of the primary key or UNIQUE declared just before: stored in its index, not part of the key. */
    public TableBuilder include(String... columnNames) {
        return keyOptions("include()", o -> o.withInclude(List.of(columnNames)));
    }

    /** The primary key or UNIQUE declared just before is {@code DEFERRABLE}: {@code SET CONSTRAINTS ... DEFERRED} can postpone its check to commit. */
    public TableBuilder deferrable() {
        return keyOptions("deferrable()", o -> o.deferred(false));
    }

    /** The primary key or UNIQUE declared just before is {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit unless set IMMEDIATE. */
    public TableBuilder initiallyDeferred() {
        return keyOptions("initiallyDeferred()", o -> o.deferred(true));
    }

    /**
     * The primary key or UNIQUE declared just before is temporal (PostgreSQL 18+): its last column, a range, is
     * {@code WITHOUT OVERLAPS} ({@code .primaryKey("id", "valid_at").withoutOverlaps()}: one row per id and instant;
     * equality on a scalar column in its GiST index needs {@code ensureExtension("btree_gist")}). A server older than
     * 18 refuses it before anything changes.
     */
    public TableBuilder withoutOverlaps() {
        return keyOptions("withoutOverlaps()", schemasync.catalog.KeyOptions::overlapsExcluded);
    }

    private TableBuilder keyOptions(String call, java.util.function.UnaryOperator<schemasync.catalog.KeyOptions> change) {
        int last = state.constraints.size() - 1;
        if (state.primaryKeyLast && !state.primaryKey.isEmpty()) {
            state.primaryKeyOptions = change.apply(state.primaryKeyOptions);
            return self();
        }
        if (state.primaryKeyLast || last < 0 || state.constraints.get(last).kind() != Kind.UNIQUE) {
            throw new IllegalStateException(call + " applies to the .primaryKey(...) or .unique(...) declared just before it");
        }
        ConstraintSpec c = state.constraints.get(last);
        state.constraints.set(last, c.withKeyOptions(change.apply(c.keyOptions())));
        return self();
    }

    /**
     * A storage parameter of the index of the primary key, UNIQUE or EXCLUDE constraint declared just before
     * ({@code PRIMARY KEY (id) WITH (fillfactor = 70)}): {@code .primaryKey("id").indexWith("fillfactor", "70")}. Set on
     * the index with ALTER INDEX ... SET / RESET, like {@code ensureIndex(...).with(...)}.
     */
    public TableBuilder indexWith(String parameter, String value) {
        String option = parameter.strip().toLowerCase(java.util.Locale.ROOT) + "=" + value;
        int last = state.constraints.size() - 1;
        if (state.primaryKeyLast && !state.primaryKey.isEmpty()) {
            state.primaryKeyStorage.add(option);
        } else if (!state.primaryKeyLast && last >= 0 && (state.constraints.get(last).kind() == Kind.UNIQUE
                || state.constraints.get(last).kind() == Kind.EXCLUSION)) {
            state.constraintStorage.computeIfAbsent(last, k -> new ArrayList<>()).add(option);
        } else {
            throw new IllegalStateException("indexWith() applies to the primary key, unique or exclusion constraint declared just before it");
        }
        return self();
    }

    /**
     * In {@code ensurePartition(..., t -> t.columnDefault("status", "'new'::text"))}: the partition's own default on
     * one of its (the parent's) columns, set with {@code ALTER TABLE partition ALTER COLUMN ... SET DEFAULT} as pg_dump
     * writes it; written as PostgreSQL prints it (pg_get_expr), which is how it is compared. Null: no default, though
     * the parent has one.
     */
    public TableBuilder columnDefault(String column, String expression) {
        state.partitionDefaults.put(column.strip(), expression == null ? null : expression.strip());
        return self();
    }

    /** In {@code ensurePartition}: the partition's own NOT NULL on a column its parent allows NULL in. */
    public TableBuilder notNull(String column) {
        state.partitionNotNull.add(column.strip());
        return self();
    }

    /** In {@code ensurePartition}: the comment on one of the partition's columns (PostgreSQL never copies the parent's). */
    public TableBuilder columnComment(String column, String text) {
        state.partitionColumnComments.put(column.strip(), text);
        return self();
    }
}
