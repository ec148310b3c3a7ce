package schemasync.step;

import schemasync.catalog.Column.Identity;
import schemasync.catalog.Constraint;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.TableSpec;
import schemasync.catalog.SequenceOptions;
import schemasync.step.Step.Facts;
import schemasync.step.Step.Lock;
import schemasync.step.Step.Phase;

/**
 * The steps on a table and its columns and constraints. ALTER TABLE takes ACCESS EXCLUSIVE on the
 * table unless the subcommand needs less (VALIDATE CONSTRAINT, ADD FOREIGN KEY).
 */
public interface TableSteps {

    record CreateTable(TableSpec table) implements Step {
        public String object() {
            return table.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createTable(this);
        }
    }

    record AddColumn(QualifiedName table, ColumnSpec column) implements Step {
        public String object() {
            return table + "." + column.name();
        }

        public Facts facts() {
            return Facts.creates(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addColumn(this);
        }
    }

    record SetColumnDefault(QualifiedName table, String column, String defaultSql) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setColumnDefault(this);
        }
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... TYPE ... [USING ...]}: rewrites the table (and rebuilds
     * its indexes) unless the new type is binary-coercible from the old one; ACCESS EXCLUSIVE throughout.
     * {@code from} and {@code to} are the types before and after as the catalog spells them, so the
     * classifier can tell a widening from a rewrite.
     */
    record AlterColumnType(QualifiedName table, String column, String type, String using, String from, String to)
            implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.alterColumnType(this);
        }
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... SET NOT NULL}. With {@code provenBy} (a validated
     * {@code CHECK (col IS NOT NULL)}), PostgreSQL 12+ skips the scan, and the check is dropped by the
     * {@link DropProvingCheck} that follows, in the same short transaction after the commit; without
     * it the statement scans the table under ACCESS EXCLUSIVE, in the apply's transaction. With {@code constraintName}
     * (PostgreSQL 18+, which keeps NOT NULL in pg_constraint) it is {@code ALTER TABLE ... ADD CONSTRAINT name NOT NULL
     * column}: the same lock, the same scan or proof by the validated check, a name of the user's choice.
     */
    record SetNotNull(QualifiedName table, String column, String provenBy, String constraintName) implements Step {
        /** The NOT NULL named by PostgreSQL ({@code <table>_<column>_not_null} on 18). */
        public SetNotNull(QualifiedName table, String column, String provenBy) {
            this(table, column, provenBy, null);
        }

        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table)).in(provenBy == null ? Phase.TRANSACTION : Phase.OWN_TRANSACTION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setNotNull(this);
        }
    }

    /**
     * {@code ALTER TABLE ... DROP CONSTRAINT} of the check that proved a {@link SetNotNull}: it commits
     * with the SET NOT NULL before it, so the column is never left NOT NULL with a stray check.
     */
    record DropProvingCheck(QualifiedName table, String name) implements Step {
        public String object() {
            return table + "." + name;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table)).in(Phase.OWN_TRANSACTION).joiningPrevious();
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropProvingCheck(this);
        }
    }

    /** {@code ALTER TABLE ... ALTER COLUMN ... DROP NOT NULL}: metadata only. */
    record DropNotNull(QualifiedName table, String column) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropNotNull(this);
        }
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... ADD GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]}:
     * PostgreSQL creates the column's sequence; metadata only (no rewrite, no scan: the column must
     * already be NOT NULL without a default), under ACCESS EXCLUSIVE. {@code options}: those that differ
     * from the defaults for the column's type.
     */
    record AddIdentity(QualifiedName table, String column, Identity kind, SequenceOptions options) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addIdentity(this);
        }
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... [SET GENERATED {ALWAYS|BY DEFAULT}] [SET option ...]}: the kind
     * ({@code kind} null: unchanged) and options of an identity's sequence. Metadata only, under ACCESS
     * EXCLUSIVE; never RESTART, so the next value is unchanged (a new START WITH only matters to a later RESTART).
     */
    record SetIdentity(QualifiedName table, String column, Identity kind, SequenceOptions options) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setIdentity(this);
        }
    }

    /** {@code ALTER TABLE ... ALTER COLUMN ... DROP DEFAULT}: metadata only. */
    record DropColumnDefault(QualifiedName table, String column) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropColumnDefault(this);
        }
    }

    record CommentOnTable(QualifiedName table, String comment) implements Step {
        public String object() {
            return table.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.commentOnTable(this);
        }
    }

    record CommentOnColumn(QualifiedName table, String column, String comment) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.commentOnColumn(this);
        }
    }

    record RenameTable(QualifiedName table, String to) implements Step {
        public String object() {
            return table.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.renameTable(this);
        }
    }

    record RenameColumn(QualifiedName table, String from, String to) implements Step {
        public String object() {
            return table + "." + from;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.renameColumn(this);
        }
    }

    /** No CASCADE: a view or foreign key that depends on the table makes the drop fail instead of vanish. */
    record DropTable(QualifiedName table) implements Step {
        public String object() {
            return table.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropTable(this);
        }
    }

    record DropColumn(QualifiedName table, String column) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropColumn(this);
        }
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT}. On a table that may hold rows, CHECK and FOREIGN KEY are
     * added NOT VALID (a brief lock, no scan) and validated by a separate {@link ValidateConstraint}.
     * A foreign key takes SHARE ROW EXCLUSIVE (on both tables): reads go on.
     */
    record AddConstraint(QualifiedName table, ConstraintSpec constraint, boolean notValid) implements Step {
        public String object() {
            return table + "." + constraint.name();
        }

        public Facts facts() {
            return Facts.creates(constraint.kind() == Constraint.Kind.FOREIGN_KEY
                    ? new Lock(table, Lock.SHARE_ROW_EXCLUSIVE) : Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addConstraint(this);
        }
    }

    /**
     * Scans the table to validate a NOT VALID constraint. {@code separate}: after the commit, in its
     * own short transaction, so only VALIDATE's SHARE UPDATE EXCLUSIVE lock is held during the scan
     * (reads and writes go on); otherwise in the apply's transaction (a table this run renames or
     * drops, where the name after the commit is not the one planned).
     */
    record ValidateConstraint(QualifiedName table, String name, boolean separate) implements Step {
        public ValidateConstraint(QualifiedName table, String name) {
            this(table, name, false);
        }

        public String object() {
            return table + "." + name;
        }

        public Facts facts() {
            return Facts.alters(new Lock(table, Lock.SHARE_UPDATE_EXCLUSIVE))
                    .in(separate ? Phase.OWN_TRANSACTION : Phase.TRANSACTION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.validateConstraint(this);
        }
    }
}
