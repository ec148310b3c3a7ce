package schemasync.catalog;

import java.util.List;

/**
 * What pg_dump writes about a table or index beside its shape: {@code storage} is {@code pg_class.reloptions}
 * as PostgreSQL stores them ({@code fillfactor=70}, {@code autovacuum_enabled=false}), the TOAST table's
 * prefixed {@code toast.} (as {@code WITH (toast.autovacuum_enabled=false)} sets them), sorted;
 * {@code unlogged} is {@code relpersistence = 'u'} for a table; {@code clustered} is
 * {@code pg_index.indisclustered} for an index (ALTER TABLE ... CLUSTER ON: the index a bare CLUSTER uses).
 * {@code columns}: the options of its columns that have any ({@link ColumnOptions}), by name.
 * The catalog holds an entry only for relations with something to say: most have none.
 */
public record RelationOptions(List<String> storage, boolean unlogged, boolean clustered,
                              java.util.Map<String, ColumnOptions> columns) {
    public static final RelationOptions NONE = new RelationOptions(List.of(), false, false);

    public RelationOptions {
        storage = storage.stream().sorted().toList();
        columns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(columns));
    }

    /** Without column options (an index, or a table whose columns have none). */
    public RelationOptions(List<String> storage, boolean unlogged, boolean clustered) {
        this(storage, unlogged, clustered, java.util.Map.of());
    }

    /** The same with these column options (by column name; columns without any left out). */
    public RelationOptions withColumns(java.util.Map<String, ColumnOptions> newColumns) {
        return new RelationOptions(storage, unlogged, clustered, newColumns);
    }

    /** The parameter names of {@link #storage} ({@code fillfactor} of {@code fillfactor=70}). */
    public static String key(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option : option.substring(0, eq);
    }

    public boolean isNone() {
        return storage.isEmpty() && !unlogged && !clustered && columns.isEmpty();
    }
}
