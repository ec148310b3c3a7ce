package schemasync.catalog;

import java.util.List;
import schemasync.catalog.Constraint.Kind;

/**
 * A declared UNIQUE, CHECK, FOREIGN KEY or EXCLUDE constraint ({@code checkSql} holds a CHECK's
 * expression, or an exclusion's clause after EXCLUDE). Its name is always rendered explicitly
 * ({@code CONSTRAINT "name"}), so what the database holds is exactly what was declared; unnamed
 * unique and foreign-key constraints get PostgreSQL's own default names ({@code t_a_b_key},
 * {@code t_a_fkey}).
 *
 * {@code notValid} (CHECK and FOREIGN KEY only): the constraint is created NOT VALID, so PostgreSQL
 * checks new and updated rows but not the rows already there, and the tool never validates it; an
 * existing constraint of the same shape satisfies it whether it is NOT VALID or validated.
 *
 * {@code notEnforced} (CHECK and FOREIGN KEY, PostgreSQL 18+): created NOT ENFORCED, kept but never checked, so
 * adding one scans nothing and it is never validated.
 */
public record ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, ForeignKeySpec foreignKey,
                             boolean nullsNotDistinct, boolean notValid, KeyOptions keyOptions, boolean notEnforced) {

    /** An enforced constraint. */
    public ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, ForeignKeySpec foreignKey,
                          boolean nullsNotDistinct, boolean notValid, KeyOptions keyOptions) {
        this(name, kind, columns, checkSql, foreignKey, nullsNotDistinct, notValid, keyOptions, false);
    }

    public ConstraintSpec {
        columns = List.copyOf(columns);
        if (keyOptions == null) keyOptions = KeyOptions.NONE;
        if (notEnforced) notValid = false; // nothing is checked, new rows or old: NOT VALID says nothing more
    }

    /** Without key options (INCLUDE, DEFERRABLE: UNIQUE only). */
    public ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, ForeignKeySpec foreignKey,
                          boolean nullsNotDistinct, boolean notValid) {
        this(name, kind, columns, checkSql, foreignKey, nullsNotDistinct, notValid, KeyOptions.NONE);
    }

    /** A constraint that must be valid (the usual case). */
    public ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, ForeignKeySpec foreignKey,
                          boolean nullsNotDistinct) {
        this(name, kind, columns, checkSql, foreignKey, nullsNotDistinct, false);
    }

    /**
     * {@code references} is parsed like every table name; empty referenced columns mean its primary key.
     * {@code period} (PostgreSQL 18+): the last column of both keys is a {@code PERIOD} (a range the referenced rows
     * must cover), {@code FOREIGN KEY (id, PERIOD valid_at) REFERENCES t (id, PERIOD valid_at)}.
     */
    public record ForeignKeySpec(String references, List<String> referencedColumns, String onUpdate, String onDelete,
                                 String match, boolean deferrable, boolean initiallyDeferred, boolean period) {
        public ForeignKeySpec {
            referencedColumns = List.copyOf(referencedColumns);
        }

        /** Equality on every column (every foreign key before PostgreSQL 18). */
        public ForeignKeySpec(String references, List<String> referencedColumns, String onUpdate, String onDelete,
                              String match, boolean deferrable, boolean initiallyDeferred) {
            this(references, referencedColumns, onUpdate, onDelete, match, deferrable, initiallyDeferred, false);
        }

        /** The same key referencing {@code references}({@code referencedColumns}): a rename's reading of it. */
        public ForeignKeySpec referencing(String references, List<String> referencedColumns) {
            return new ForeignKeySpec(references, referencedColumns, onUpdate, onDelete, match, deferrable, initiallyDeferred, period);
        }

        public ForeignKeySpec withPeriod(boolean period) {
            return new ForeignKeySpec(references, referencedColumns, onUpdate, onDelete, match, deferrable, initiallyDeferred, period);
        }
    }

    public ConstraintSpec named(String newName) {
        return new ConstraintSpec(newName, kind, columns, checkSql, foreignKey, nullsNotDistinct, notValid, keyOptions, notEnforced);
    }

    public ConstraintSpec asNotValid() {
        return new ConstraintSpec(name, kind, columns, checkSql, foreignKey, nullsNotDistinct, true, keyOptions, notEnforced);
    }

    public ConstraintSpec asNotEnforced() {
        return new ConstraintSpec(name, kind, columns, checkSql, foreignKey, nullsNotDistinct, notValid, keyOptions, true);
    }

    /** The same constraint over other column names and CHECK text (a rename's reading of it); every other field kept. */
    public ConstraintSpec over(List<String> newColumns, String newCheckSql) {
        return new ConstraintSpec(name, kind, newColumns, newCheckSql, foreignKey, nullsNotDistinct, notValid, keyOptions, notEnforced);
    }

    public ConstraintSpec withForeignKey(ForeignKeySpec fk) {
        return new ConstraintSpec(name, kind, columns, checkSql, fk, nullsNotDistinct, notValid, keyOptions, notEnforced);
    }

    public ConstraintSpec withKeyOptions(KeyOptions options) {
        return new ConstraintSpec(name, kind, columns, checkSql, foreignKey, nullsNotDistinct, notValid, options, notEnforced);
    }

    /** PostgreSQL's default name: {@code <table>_<col>[_<col>...]_key} / {@code _fkey}. */
    public static String defaultName(String table, List<String> columns, Kind kind) {
        return table + "_" + String.join("_", columns) + (kind == Kind.FOREIGN_KEY ? "_fkey" : "_key");
    }
}
