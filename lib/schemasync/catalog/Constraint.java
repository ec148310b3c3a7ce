package schemasync.catalog;

import java.util.List;

/**
 * A UNIQUE, CHECK, FOREIGN KEY or EXCLUDE constraint, compared structurally: columns and references from
 * pg_constraint (a CHECK's columns are conkey, every column its expression mentions, in name order), the CHECK as
 * {@code CHECK (} pg_get_expr(conbin) {@code )} [{@code NO INHERIT}] and the whole EXCLUDE clause as
 * {@code pg_get_constraintdef} renders it, in {@code check} (declared ones are rendered by PostgreSQL too, see
 * schemasync.normalize). {@code definition} is for display only. {@code notEnforced} (CHECK and FOREIGN KEY,
 * PostgreSQL 18+, {@code pg_constraint.conenforced} false): kept in the catalog but never checked; such a
 * constraint is never validated either (PostgreSQL leaves convalidated false), so {@code validated} reads true.
 */
public record Constraint(String name, Kind kind, List<String> columns, String check, ForeignKey foreignKey,
                         boolean nullsNotDistinct, boolean validated, String definition, KeyOptions keyOptions,
                         boolean notEnforced) {

    /** An enforced constraint (every constraint before PostgreSQL 18). */
    public Constraint(String name, Kind kind, List<String> columns, String check, ForeignKey foreignKey,
                      boolean nullsNotDistinct, boolean validated, String definition, KeyOptions keyOptions) {
        this(name, kind, columns, check, foreignKey, nullsNotDistinct, validated, definition, keyOptions, false);
    }

    public enum Kind { UNIQUE, CHECK, FOREIGN_KEY, EXCLUSION }

    public Constraint {
        // A CHECK's columns are the set its expression mentions (conkey holds them in attnum order, which differs between
        // a table and its normalizer shadow): kept in name order, so two spellings of one CHECK compare equal.
        columns = kind == Kind.CHECK ? columns.stream().sorted().toList() : List.copyOf(columns);
        if (keyOptions == null) keyOptions = KeyOptions.NONE;
    }

    /** A constraint without key options (every kind but UNIQUE, and a plain UNIQUE). */
    public Constraint(String name, Kind kind, List<String> columns, String check, ForeignKey foreignKey,
                      boolean nullsNotDistinct, boolean validated, String definition) {
        this(name, kind, columns, check, foreignKey, nullsNotDistinct, validated, definition, KeyOptions.NONE);
    }

    /** The same constraint under another name (RENAME CONSTRAINT, or ALTER INDEX RENAME of the index behind a key). */
    public Constraint named(String to) {
        return new Constraint(to, kind, columns, check, foreignKey, nullsNotDistinct, validated, definition, keyOptions, notEnforced);
    }

    /** After VALIDATE CONSTRAINT: every row was checked. */
    public Constraint asValidated() {
        return new Constraint(name, kind, columns, check, foreignKey, nullsNotDistinct, true, definition, keyOptions, notEnforced);
    }

    /**
     * After RENAME COLUMN on the constraint's own table: its columns, INCLUDE columns and the columns an ON DELETE SET NULL
     * / SET DEFAULT sets follow (pg_constraint keeps attnums; the printed text uses the new name). The CHECK text is the
     * caller's to re-spell, as PostgreSQL would print it.
     */
    public Constraint withOwnColumnsRenamed(java.util.function.UnaryOperator<String> rename) {
        ForeignKey fk = foreignKey == null ? null : new ForeignKey(foreignKey.table, foreignKey.columns, foreignKey.onUpdate,
                foreignKey.onDelete, foreignKey.match, foreignKey.deferrable, foreignKey.initiallyDeferred, foreignKey.period,
                foreignKey.deleteSetColumns.stream().map(rename).toList());
        return new Constraint(name, kind, columns.stream().map(rename).toList(), check, fk, nullsNotDistinct, validated, definition,
                keyOptions.withInclude(keyOptions.include().stream().map(rename).toList()), notEnforced);
    }

    /** The same foreign key on the referenced table's new name (confrelid is unchanged; pg_get_constraintdef prints the new name). */
    public Constraint referencing(QualifiedName to) {
        ForeignKey f = foreignKey;
        ForeignKey moved = new ForeignKey(to, f.columns, f.onUpdate, f.onDelete, f.match, f.deferrable, f.initiallyDeferred, f.period,
                f.deleteSetColumns);
        return new Constraint(name, kind, columns, check, moved, nullsNotDistinct, validated, definition, keyOptions, notEnforced);
    }

    /**
     * {@code pg_constraint.confupdtype / confdeltype / confmatchtype} spelled out. {@code period} (PostgreSQL 18+,
     * pg_constraint.conperiod on a foreign key): the last column of both keys is a {@code PERIOD}, a range the
     * referenced rows must cover together (the referenced key is WITHOUT OVERLAPS). {@code deleteSetColumns}
     * (PostgreSQL 15+, pg_constraint.confdelsetcols): the referencing columns {@code ON DELETE SET NULL (cols)} or
     * {@code SET DEFAULT (cols)} sets, a subset of the key (empty: all of them, the only form before 15).
     */
    public record ForeignKey(QualifiedName table, List<String> columns, String onUpdate, String onDelete,
                             String match, boolean deferrable, boolean initiallyDeferred, boolean period,
                             List<String> deleteSetColumns) {
        public ForeignKey {
            columns = List.copyOf(columns);
            deleteSetColumns = List.copyOf(deleteSetColumns);
        }

        /** A reference whose ON DELETE SET NULL / SET DEFAULT, if any, sets every referencing column. */
        public ForeignKey(QualifiedName table, List<String> columns, String onUpdate, String onDelete,
                          String match, boolean deferrable, boolean initiallyDeferred, boolean period) {
            this(table, columns, onUpdate, onDelete, match, deferrable, initiallyDeferred, period, List.of());
        }

        /** {@code SET NULL (a, b)} as pg_get_constraintdef prints the delete action (names quoted when needed). */
        public String onDeleteSql() {
            return deleteSetColumns.isEmpty() ? onDelete
                    : onDelete + " (" + String.join(", ", deleteSetColumns.stream().map(SqlText::quoteIdent).toList()) + ")";
        }

        public static String action(String code) {
            return switch (code) {
                case "r" -> "RESTRICT";
                case "c" -> "CASCADE";
                case "n" -> "SET NULL";
                case "d" -> "SET DEFAULT";
                default -> "NO ACTION";
            };
        }

        public static String match(String code) {
            return switch (code) {
                case "f" -> "FULL";
                case "p" -> "PARTIAL";
                default -> "SIMPLE";
            };
        }
    }

    /** Same constraint, whatever its validation state and display text. */
    public boolean sameShape(Constraint other) {
        return kind == other.kind && columns.equals(other.columns) && java.util.Objects.equals(check, other.check)
                && java.util.Objects.equals(foreignKey, other.foreignKey) && nullsNotDistinct == other.nullsNotDistinct
                && keyOptions.equals(other.keyOptions) && notEnforced == other.notEnforced;
    }

    /** A readable form for messages: the catalog's definition, or one built from the parts. */
    public String describe() {
        if (definition != null) return definition.replace(" NOT VALID", "");
        String enforcement = notEnforced ? " NOT ENFORCED" : "";
        return switch (kind) {
            case UNIQUE -> "UNIQUE " + (nullsNotDistinct ? "NULLS NOT DISTINCT " : "") + "(" + String.join(", ", columns)
                    + (keyOptions.withoutOverlaps() ? " WITHOUT OVERLAPS)" : ")")
                    + keyOptions.sql();
            case CHECK -> check + enforcement;
            case EXCLUSION -> check;
            case FOREIGN_KEY -> "FOREIGN KEY (" + periodList(columns, foreignKey.period()) + ") REFERENCES " + foreignKey.table() + "("
                    + periodList(foreignKey.columns(), foreignKey.period()) + ")"
                    + (foreignKey.match().equals("SIMPLE") ? "" : " MATCH " + foreignKey.match())
                    + (foreignKey.onUpdate().equals("NO ACTION") ? "" : " ON UPDATE " + foreignKey.onUpdate())
                    + (foreignKey.onDelete().equals("NO ACTION") ? "" : " ON DELETE " + foreignKey.onDeleteSql())
                    + (foreignKey.deferrable() ? " DEFERRABLE" : "") + (foreignKey.initiallyDeferred() ? " INITIALLY DEFERRED" : "")
                    + enforcement;
        };
    }

    /** {@code id, PERIOD valid_at}: the last column marked PERIOD when the reference is one (PostgreSQL 18). */
    private static String periodList(List<String> columns, boolean period) {
        if (!period || columns.isEmpty()) return String.join(", ", columns);
        return String.join(", ", columns.subList(0, columns.size() - 1)) + (columns.size() > 1 ? ", " : "") + "PERIOD "
                + columns.get(columns.size() - 1);
    }
}
