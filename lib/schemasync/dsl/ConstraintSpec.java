package schemasync.dsl;

import java.util.List;
import schemasync.catalog.Constraint.Kind;

/**
 * A declared UNIQUE, CHECK, FOREIGN KEY or EXCLUDE constraint ({@code checkSql} holds a CHECK's
 * expression, or an exclusion's clause after EXCLUDE). Its name is always rendered explicitly
 * ({@code CONSTRAINT "name"}), so what the database holds is exactly what was declared; unnamed
 * unique and foreign-key constraints get PostgreSQL's own default names ({@code t_a_b_key},
 * {@code t_a_fkey}).
 */
public record ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, ForeignKeySpec foreignKey,
                             boolean nullsNotDistinct) {

    public ConstraintSpec {
        columns = List.copyOf(columns);
    }

    /** {@code references} is parsed like every table name; empty referenced columns mean its primary key. */
    public record ForeignKeySpec(String references, List<String> referencedColumns, String onUpdate, String onDelete,
                                 String match, boolean deferrable, boolean initiallyDeferred) {
        public ForeignKeySpec {
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    ConstraintSpec named(String newName) {
        return new ConstraintSpec(newName, kind, columns, checkSql, foreignKey, nullsNotDistinct);
    }

    ConstraintSpec withForeignKey(ForeignKeySpec fk) {
        return new ConstraintSpec(name, kind, columns, checkSql, fk, nullsNotDistinct);
    }

    /** PostgreSQL's default name: {@code <table>_<col>[_<col>...]_key} / {@code _fkey}. */
    static String defaultName(String table, List<String> columns, Kind kind) {
        return table + "_" + String.join("_", columns) + (kind == Kind.FOREIGN_KEY ? "_fkey" : "_key");
    }
}
