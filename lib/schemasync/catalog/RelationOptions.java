package schemasync.catalog;

import java.util.List;

/**
 * What pg_dump writes about a table or index beside its shape: {@code storage} is {@code pg_class.reloptions}
 * as PostgreSQL stores them ({@code fillfactor=70}, {@code autovacuum_enabled=false}), the TOAST table's
 * prefixed {@code toast.} (as {@code WITH (toast.autovacuum_enabled=false)} sets them), sorted;
 * {@code unlogged} is {@code relpersistence = 'u'} for a table; {@code clustered} is
 * {@code pg_index.indisclustered} for an index (ALTER TABLE ... CLUSTER ON: the index a bare CLUSTER uses).
 * The catalog holds an entry only for relations with something to say: most have none.
 */
public record RelationOptions(List<String> storage, boolean unlogged, boolean clustered) {
    public static final RelationOptions NONE = new RelationOptions(List.of(), false, false);

    public RelationOptions {
        storage = storage.stream().sorted().toList();
    }

    /** The parameter names of {@link #storage} ({@code fillfactor} of {@code fillfactor=70}). */
    public static String key(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option : option.substring(0, eq);
    }

    public boolean isNone() {
        return storage.isEmpty() && !unlogged && !clustered;
    }
}
