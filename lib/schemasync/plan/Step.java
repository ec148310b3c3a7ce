package schemasync.plan;

import schemasync.catalog.QualifiedName;
import schemasync.dsl.ColumnSpec;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.TableDecl;

/**
 * One DDL statement the apply will run, named after the statement it emits. Steps hold data only;
 * {@code schemasync.render.SqlRenderer} turns them into SQL and {@link HazardClassifier} says what
 * they cost.
 */
public sealed interface Step {

    /** The object the statement creates or alters, for messages. */
    String object();

    /**
     * Where the executor runs a step. {@link #TRANSACTION}: in the apply's one transaction, in plan
     * order. The others run after that transaction commits, in plan order: {@link #OWN_TRANSACTION}
     * in a short transaction of their own (VALIDATE CONSTRAINT, so only its SHARE UPDATE EXCLUSIVE
     * lock is held during the scan, not the locks of the whole apply), {@link #NO_TRANSACTION} in
     * autocommit (CREATE/DROP INDEX CONCURRENTLY, which PostgreSQL refuses inside a transaction).
     * Every step after the commit is safe to re-run: a failure leaves either nothing or an object the
     * next plan recognizes (an INVALID index, a NOT VALID check) and finishes.
     */
    enum Phase { TRANSACTION, OWN_TRANSACTION, NO_TRANSACTION }

    default Phase phase() {
        return Phase.TRANSACTION;
    }

    /** True for statements that add an object (counted as "to add"), false for those that alter one. */
    default boolean creates() {
        return this instanceof CreateSchema || this instanceof CreateTable || this instanceof AddColumn
                || this instanceof CreateIndex || this instanceof AddConstraint || this instanceof CreateEnum
                || this instanceof AddEnumValue || this instanceof CreateView v && !v.replace()
                || this instanceof CreateFunction f && !f.replace() || this instanceof CreateTrigger
                || this instanceof CreateExtension || this instanceof CreatePolicy p && !p.alter()
                || this instanceof CreateDomain || this instanceof AddDomainConstraint
                || this instanceof CreateAggregate || this instanceof CreateCompositeType
                || this instanceof CreateSequence
                || this instanceof CreatePartition || this instanceof CreateMaterializedView;
    }

    record CreateSchema(String schema) implements Step {
        public String object() {
            return schema;
        }
    }

    /** CREATE EXTENSION, in a schema and at a version when declared. */
    record CreateExtension(String name, String schema, String version) implements Step {
        public String object() {
            return name;
        }
    }

    record CreateEnum(QualifiedName name, java.util.List<String> labels) implements Step {
        public CreateEnum {
            labels = java.util.List.copyOf(labels);
        }

        public String object() {
            return name.toString();
        }
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE 'x' BEFORE|AFTER 'y'}: allowed in a transaction since PG 12, but
     * the new label cannot be used until the transaction commits (SQLSTATE 55P04).
     */
    record AddEnumValue(QualifiedName name, String label, boolean before, String neighbour) implements Step {
        public String object() {
            return name + " '" + label + "'";
        }
    }

    /** COMMENT ON SCHEMA | VIEW | SEQUENCE | INDEX | TYPE | FUNCTION | CONSTRAINT ... ON | TRIGGER ... ON | POLICY ... ON. */
    record CommentOnObject(schemasync.catalog.CommentTarget target, String comment) implements Step {
        public String object() {
            return target.toString();
        }
    }

    /** CREATE SEQUENCE with the declared options (OWNED BY comes later, as {@link SetSequenceOwner}). */
    record CreateSequence(schemasync.dsl.Declaration.SequenceDecl sequence) implements Step {
        public String object() {
            return sequence.name().toString();
        }
    }

    /** ALTER SEQUENCE ... OWNED BY table.column: the sequence is dropped with the column. */
    record SetSequenceOwner(QualifiedName sequence, QualifiedName table, String column) implements Step {
        public String object() {
            return sequence.toString();
        }
    }

    /** CREATE TYPE ... AS (attributes). */
    record CreateCompositeType(schemasync.dsl.Declaration.CompositeTypeDecl type) implements Step {
        public String object() {
            return type.name().toString();
        }
    }

    /** CREATE DOMAIN with its default, NOT NULL, collation and named checks. */
    record CreateDomain(schemasync.dsl.Declaration.DomainDecl domain) implements Step {
        public String object() {
            return domain.name().toString();
        }
    }

    /**
     * {@code ALTER DOMAIN ... ADD CONSTRAINT ... CHECK (...)}; NOT VALID on an existing domain, so
     * only new values are checked and no table using the domain is scanned here.
     */
    record AddDomainConstraint(QualifiedName domain, schemasync.dsl.Declaration.DomainDecl.Check check, boolean notValid)
            implements Step {
        public String object() {
            return domain + "." + check.name();
        }
    }

    /** {@code ALTER DOMAIN ... VALIDATE CONSTRAINT}: scans every column of the domain, in every table. */
    record ValidateDomainConstraint(QualifiedName domain, String name) implements Step {
        public String object() {
            return domain + "." + name;
        }
    }

    /** CREATE OR REPLACE FUNCTION (or PROCEDURE): creates, or replaces one whose definition differs. */
    record CreateFunction(QualifiedName name, String arguments, String definition, boolean replace, boolean procedure)
            implements Step {
        public CreateFunction(QualifiedName name, String arguments, String definition, boolean replace) {
            this(name, arguments, definition, replace, false);
        }

        public String object() {
            return name + "(" + arguments + ")";
        }
    }

    record CreateTrigger(schemasync.dsl.Declaration.TriggerDecl trigger, QualifiedName table) implements Step {
        public String object() {
            return table + "." + trigger.name();
        }
    }

    /** GRANT privileges ON TABLE / SEQUENCE / SCHEMA / ROUTINE ... TO role (a column: SELECT (c) ON TABLE), or REVOKE ... FROM. */
    record GrantPrivileges(schemasync.catalog.GrantTarget target, String role, java.util.List<String> privileges,
                           boolean revoke) implements Step {
        public GrantPrivileges {
            privileges = java.util.List.copyOf(privileges);
        }

        public String object() {
            return target.object() + (revoke ? " from " : " to ") + role;
        }
    }

    /** ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT ... ON TABLES|... TO role (or REVOKE ... FROM). */
    record AlterDefaultPrivileges(schemasync.catalog.DefaultTarget target, boolean explicitRole, String role,
                                  java.util.List<String> privileges, boolean revoke) implements Step {
        public AlterDefaultPrivileges {
            privileges = java.util.List.copyOf(privileges);
        }

        public String object() {
            return target + (revoke ? " from " : " to ") + role;
        }
    }

    /** CREATE AGGREGATE name(arguments) (options); the normalizer uses the OR REPLACE form (PostgreSQL 12+). */
    record CreateAggregate(QualifiedName name, String arguments, String definition, boolean replace) implements Step {
        public String object() {
            return name + "(" + arguments + ")";
        }
    }

    /** ALTER TABLE ... ENABLE [, FORCE] ROW LEVEL SECURITY. */
    record SetRowSecurity(QualifiedName table, boolean force) implements Step {
        public String object() {
            return table.toString();
        }
    }

    /** CREATE POLICY, or ALTER POLICY (roles and expressions) when it exists with the same command and kind. */
    record CreatePolicy(schemasync.dsl.Declaration.PolicyDecl policy, QualifiedName table, boolean alter) implements Step {
        public String object() {
            return table + "." + policy.name();
        }
    }

    /** CREATE VIEW, or CREATE OR REPLACE VIEW when it exists with another definition. */
    record CreateView(QualifiedName name, String sql, boolean replace) implements Step {
        public String object() {
            return name.toString();
        }
    }

    /**
     * {@code CREATE TABLE name PARTITION OF parent bound [PARTITION BY key]}. It takes an ACCESS EXCLUSIVE
     * lock on the parent (its partition descriptor changes); when the parent has a DEFAULT partition
     * ({@code defaultPartition}, null if none) PostgreSQL also scans it, under lock, to prove that none of
     * its rows belong in the new partition.
     */
    record CreatePartition(QualifiedName name, QualifiedName parent, String bound, String partitionBy,
                           QualifiedName defaultPartition) implements Step {
        public String object() {
            return name.toString();
        }
    }

    /** {@code CREATE MATERIALIZED VIEW name AS query WITH [NO] DATA}: WITH DATA runs the query in the apply. */
    record CreateMaterializedView(QualifiedName name, String sql, boolean withData) implements Step {
        public String object() {
            return name.toString();
        }
    }

    record CreateTable(TableDecl table) implements Step {
        public String object() {
            return table.name().toString();
        }
    }

    record AddColumn(QualifiedName table, ColumnSpec column) implements Step {
        public String object() {
            return table + "." + column.name();
        }
    }

    record SetColumnDefault(QualifiedName table, String column, String defaultSql) implements Step {
        public String object() {
            return table + "." + column;
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
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... SET NOT NULL}. With {@code provenBy} (a validated
     * {@code CHECK (col IS NOT NULL)}), PostgreSQL 12+ skips the scan, and the check is dropped in
     * the same short transaction after the commit; without it the statement scans the table under
     * ACCESS EXCLUSIVE, in the apply's transaction.
     */
    record SetNotNull(QualifiedName table, String column, String provenBy) implements Step {
        public String object() {
            return table + "." + column;
        }

        public Phase phase() {
            return provenBy == null ? Phase.TRANSACTION : Phase.OWN_TRANSACTION;
        }
    }

    /** {@code ALTER TABLE ... ALTER COLUMN ... DROP NOT NULL}: metadata only. */
    record DropNotNull(QualifiedName table, String column) implements Step {
        public String object() {
            return table + "." + column;
        }
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... ADD GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]}:
     * PostgreSQL creates the column's sequence; metadata only (no rewrite, no scan: the column must
     * already be NOT NULL without a default), under ACCESS EXCLUSIVE. {@code options}: those that differ
     * from the defaults for the column's type.
     */
    record AddIdentity(QualifiedName table, String column, schemasync.catalog.Column.Identity kind,
                       schemasync.dsl.SequenceOptions options) implements Step {
        public String object() {
            return table + "." + column;
        }
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... [SET GENERATED {ALWAYS|BY DEFAULT}] [SET option ...]}: the kind
     * ({@code kind} null: unchanged) and options of an identity's sequence. Metadata only, under ACCESS
     * EXCLUSIVE; never RESTART, so the next value is unchanged (a new START WITH only matters to a later RESTART).
     */
    record SetIdentity(QualifiedName table, String column, schemasync.catalog.Column.Identity kind,
                       schemasync.dsl.SequenceOptions options) implements Step {
        public String object() {
            return table + "." + column;
        }
    }

    /** {@code ALTER TABLE ... ALTER COLUMN ... DROP DEFAULT}: metadata only. */
    record DropColumnDefault(QualifiedName table, String column) implements Step {
        public String object() {
            return table + "." + column;
        }
    }

    record CommentOnTable(QualifiedName table, String comment) implements Step {
        public String object() {
            return table.toString();
        }
    }

    record CommentOnColumn(QualifiedName table, String column, String comment) implements Step {
        public String object() {
            return table + "." + column;
        }
    }

    /**
     * CREATE INDEX. On a table that existed before this run: CONCURRENTLY, after the commit (reads
     * and writes go on during the build); on a table this run creates: plain, in the transaction
     * (nobody else can see the table yet, and CONCURRENTLY cannot run in a transaction).
     * {@code buildName} is the name to build under when it differs from the declared one (the
     * temporary name of a replacement, swapped in by {@link SwapIndex}), else null.
     */
    record CreateIndex(IndexDecl index, boolean concurrently, String buildName) implements Step {
        public CreateIndex(IndexDecl index) {
            this(index, false, null);
        }

        public String object() {
            return buildName == null ? index.name().toString() : index.name().sibling(buildName).toString();
        }

        /** The name the statement builds. */
        public String name() {
            return buildName == null ? index.name().name() : buildName;
        }

        public Phase phase() {
            return concurrently ? Phase.NO_TRANSACTION : Phase.TRANSACTION;
        }
    }

    /**
     * Drops an index: an INVALID one left by a failed concurrent build, the old one after a swap, or
     * one declared with ensureNoIndex. CONCURRENTLY (after the commit) on a table that existed before
     * this run: a plain DROP INDEX takes ACCESS EXCLUSIVE on the table.
     */
    record DropIndex(QualifiedName index, boolean concurrently) implements Step {
        public DropIndex(QualifiedName index) {
            this(index, false);
        }

        public String object() {
            return index.toString();
        }

        public Phase phase() {
            return concurrently ? Phase.NO_TRANSACTION : Phase.TRANSACTION;
        }
    }

    /**
     * Puts a rebuilt index in place of the old one: {@code index} is renamed to {@code retired} and
     * {@code replacement} to {@code index}, both in one short transaction after the commit (ALTER
     * INDEX ... RENAME takes SHARE UPDATE EXCLUSIVE on the index since PG 12: reads and writes go on).
     */
    record SwapIndex(QualifiedName index, String replacement, String retired) implements Step {
        public String object() {
            return index.toString();
        }

        public Phase phase() {
            return Phase.OWN_TRANSACTION;
        }
    }

    record RenameTable(QualifiedName table, String to) implements Step {
        public String object() {
            return table.toString();
        }
    }

    record RenameColumn(QualifiedName table, String from, String to) implements Step {
        public String object() {
            return table + "." + from;
        }
    }

    record RenameIndex(QualifiedName index, String to) implements Step {
        public String object() {
            return index.toString();
        }
    }

    /** No CASCADE: a view or foreign key that depends on the table makes the drop fail instead of vanish. */
    record DropTable(QualifiedName table) implements Step {
        public String object() {
            return table.toString();
        }
    }

    record DropColumn(QualifiedName table, String column) implements Step {
        public String object() {
            return table + "." + column;
        }
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT}. On a table that may hold rows, CHECK and FOREIGN KEY are
     * added NOT VALID (a brief lock, no scan) and validated by a separate {@link ValidateConstraint}.
     */
    record AddConstraint(QualifiedName table, schemasync.dsl.ConstraintSpec constraint, boolean notValid) implements Step {
        public String object() {
            return table + "." + constraint.name();
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

        public Phase phase() {
            return separate ? Phase.OWN_TRANSACTION : Phase.TRANSACTION;
        }
    }

    /** DROP CONSTRAINT, DROP VIEW, DROP TRIGGER or DROP ROUTINE: never CASCADE. */
    record DropObject(schemasync.dsl.Declaration.ObjectKind kind, QualifiedName target, String detail) implements Step {
        public String object() {
            return target + (detail == null ? "" : kind == schemasync.dsl.Declaration.ObjectKind.FUNCTION
                    ? "(" + detail + ")" : "." + detail);
        }
    }

    /** A guarded custom step's SQL, verbatim; the executor asks the guard again just before running it. */
    record CustomSql(String id, String guardSql, String sql) implements Step {
        public String object() {
            return id;
        }
    }
}
