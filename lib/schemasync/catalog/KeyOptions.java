package schemasync.catalog;

import java.util.List;

/**
 * What a UNIQUE constraint carries beside its key columns: {@code INCLUDE (columns)} (stored in its index, not
 * part of the key) and {@code DEFERRABLE [INITIALLY DEFERRED]} (the uniqueness check can wait for the end of
 * the statement's transaction: pg_constraint.condeferrable / condeferred). The storage parameters of the
 * constraint's index are the index's {@link RelationOptions}. {@code withoutOverlaps} (PostgreSQL 18+,
 * pg_constraint.conperiod): the key's last column is {@code WITHOUT OVERLAPS}, a range compared with {@code &&}
 * (a GiST index), so {@code (id, valid_at WITHOUT OVERLAPS)} allows one row per id and instant.
 */
public record KeyOptions(List<String> include, boolean deferrable, boolean initiallyDeferred, boolean withoutOverlaps) {
    public static final KeyOptions NONE = new KeyOptions(List.of(), false, false);

    /** A key whose columns are all compared with equality (every key before PostgreSQL 18). */
    public KeyOptions(List<String> include, boolean deferrable, boolean initiallyDeferred) {
        this(include, deferrable, initiallyDeferred, false);
    }

    public KeyOptions {
        include = List.copyOf(include);
    }

    public KeyOptions withInclude(List<String> columns) {
        return new KeyOptions(columns, deferrable, initiallyDeferred, withoutOverlaps);
    }

    /** {@code initiallyDeferred} implies DEFERRABLE, as in PostgreSQL's grammar. */
    public KeyOptions deferred(boolean initially) {
        return new KeyOptions(include, true, initially || initiallyDeferred, withoutOverlaps);
    }

    /** The key's last column is {@code WITHOUT OVERLAPS} (PostgreSQL 18+). */
    public KeyOptions overlapsExcluded() {
        return new KeyOptions(include, deferrable, initiallyDeferred, true);
    }

    /** {@code " INCLUDE (b) DEFERRABLE INITIALLY DEFERRED"}: as pg_get_constraintdef prints them (names quoted when needed). */
    public String sql() {
        return (include.isEmpty() ? "" : " INCLUDE (" + String.join(", ", include.stream().map(SqlText::quoteIdent).toList()) + ")")
                + (deferrable ? " DEFERRABLE" : "") + (initiallyDeferred ? " INITIALLY DEFERRED" : "");
    }
}
