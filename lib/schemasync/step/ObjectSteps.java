package schemasync.step;

import java.util.List;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.model.ObjectKind;
import schemasync.catalog.Table;
import schemasync.catalog.TriggerSpec;
import schemasync.step.Step.Facts;
import schemasync.step.Step.Lock;

/** The steps on routines, triggers, views, partitions, privileges and policies; drops; custom SQL. */
public interface ObjectSteps {

    /** CREATE OR REPLACE FUNCTION (or PROCEDURE): creates, or replaces one whose definition differs. */
    record CreateFunction(QualifiedName name, String arguments, String definition, boolean replace, boolean procedure)
            implements Step {
        public CreateFunction(QualifiedName name, String arguments, String definition, boolean replace) {
            this(name, arguments, definition, replace, false);
        }

        public String object() {
            return name + "(" + arguments + ")";
        }

        public Facts facts() {
            return replace ? Facts.alters(Lock.NO_RELATION) : Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createFunction(this);
        }
    }

    /** CREATE TRIGGER: SHARE ROW EXCLUSIVE on the table, so writes wait and reads go on. */
    record CreateTrigger(TriggerSpec trigger, QualifiedName table) implements Step {
        public String object() {
            return table + "." + trigger.name();
        }

        public Facts facts() {
            return Facts.creates(new Lock(table, Lock.SHARE_ROW_EXCLUSIVE));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createTrigger(this);
        }
    }

    /** GRANT privileges ON TABLE / SEQUENCE / SCHEMA / ROUTINE ... TO role (a column: SELECT (c) ON TABLE), or REVOKE ... FROM. */
    record GrantPrivileges(GrantTarget target, String role, List<String> privileges, boolean revoke) implements Step {
        public GrantPrivileges {
            privileges = List.copyOf(privileges);
        }

        public String object() {
            return target.object() + (revoke ? " from " : " to ") + role;
        }

        public Facts facts() {
            return Facts.alters(new Lock(null, "no table lock (it updates pg_class.relacl)"));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.grantPrivileges(this);
        }
    }

    /** ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT ... ON TABLES|... TO role (or REVOKE ... FROM). */
    record AlterDefaultPrivileges(DefaultTarget target, boolean explicitRole, String role, List<String> privileges,
                                  boolean revoke) implements Step {
        public AlterDefaultPrivileges {
            privileges = List.copyOf(privileges);
        }

        public String object() {
            return target + (revoke ? " from " : " to ") + role;
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.alterDefaultPrivileges(this);
        }
    }

    /** CREATE AGGREGATE name(arguments) (options); the normalizer uses the OR REPLACE form (PostgreSQL 12+). */
    record CreateAggregate(QualifiedName name, String arguments, String definition, boolean replace) implements Step {
        public String object() {
            return name + "(" + arguments + ")";
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createAggregate(this);
        }
    }

    /** ALTER TABLE ... ENABLE [, FORCE] ROW LEVEL SECURITY. */
    record SetRowSecurity(QualifiedName table, boolean force) implements Step {
        public String object() {
            return table.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setRowSecurity(this);
        }
    }

    /** CREATE POLICY, or ALTER POLICY (roles and expressions) when it exists with the same command and kind. */
    record CreatePolicy(Table.Policy policy, QualifiedName table, boolean alter) implements Step {
        public String object() {
            return table + "." + policy.name();
        }

        public Facts facts() {
            return alter ? Facts.alters(Lock.accessExclusive(table)) : Facts.creates(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createPolicy(this);
        }
    }

    /** CREATE VIEW, or CREATE OR REPLACE VIEW when it exists with another definition (ACCESS EXCLUSIVE on it). */
    record CreateView(QualifiedName name, String sql, boolean replace) implements Step {
        public String object() {
            return name.toString();
        }

        public Facts facts() {
            return replace ? Facts.alters(Lock.accessExclusive(name)) : Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createView(this);
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

        public Facts facts() {
            return Facts.creates(Lock.accessExclusive(parent));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createPartition(this);
        }
    }

    /** {@code CREATE MATERIALIZED VIEW name AS query WITH [NO] DATA}: WITH DATA runs the query in the apply. */
    record CreateMaterializedView(QualifiedName name, String sql, boolean withData) implements Step {
        public String object() {
            return name.toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createMaterializedView(this);
        }
    }

    /**
     * DROP CONSTRAINT, VIEW, TRIGGER, ROUTINE, MATERIALIZED VIEW, SEQUENCE, DOMAIN, TYPE, PROCEDURE or
     * AGGREGATE: never CASCADE.
     */
    record DropObject(ObjectKind kind, QualifiedName target, String detail) implements Step {
        public String object() {
            return target + (detail == null ? "" : kind.routine() ? "(" + detail + ")" : "." + detail);
        }

        public Facts facts() {
            // A relation (table of a constraint or trigger, view, materialized view, sequence) is locked ACCESS EXCLUSIVE.
            boolean relation = switch (kind) {
                case CONSTRAINT, TRIGGER, VIEW, MATERIALIZED_VIEW, SEQUENCE, RULE -> true;
                default -> false;
            };
            return Facts.alters(relation ? Lock.accessExclusive(target) : Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropObject(this);
        }
    }

    /** A guarded custom step's SQL, verbatim; the executor asks the guard again just before running it. */
    record CustomSql(String id, String guardSql, String sql) implements Step {
        public String object() {
            return id;
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.customSql(this);
        }
    }
}
