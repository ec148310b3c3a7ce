package schemasync.catalog;

import java.util.ArrayList;
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

    /**
     * Whether pg_get_constraintdef's key list ({@code PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)}, up to the first
     * closing parenthesis: INCLUDE follows it) ends with WITHOUT OVERLAPS: it does exactly when conperiod is set, and
     * reading it there keeps the query the same on 13-17.
     */
    public static boolean withoutOverlapsIn(String definition) {
        int close = definition == null ? -1 : definition.indexOf(')');
        return close > 0 && definition.startsWith(" WITHOUT OVERLAPS)", close - " WITHOUT OVERLAPS".length());
    }

    /** {@code " INCLUDE (b) DEFERRABLE INITIALLY DEFERRED"}: as pg_get_constraintdef prints them (names quoted when needed). */
    public String sql() {
        return (include.isEmpty() ? "" : " INCLUDE (" + String.join(", ", include.stream().map(SqlText::quoteIdent).toList()) + ")")
                + (deferrable ? " DEFERRABLE" : "") + (initiallyDeferred ? " INITIALLY DEFERRED" : "");
    }

    /**
     * The INCLUDE columns of pg_get_constraintdef's text ({@code UNIQUE (a) INCLUDE (b, "C") ...}), unquoted; empty
     * without. Names only: PostgreSQL allows plain columns there, never expressions.
     */
    public static List<String> includeOf(String definition) {
        int at = definition == null ? -1 : definition.indexOf(") INCLUDE (");
        if (at < 0) return List.of();
        List<String> out = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = at + ") INCLUDE (".length(); i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < definition.length() && definition.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    name.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == ')') {
                out.add(name.toString().strip());
                name.setLength(0);
                if (c == ')') break;
            } else {
                name.append(c);
            }
        }
        return out;
    }
}
