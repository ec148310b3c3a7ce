package schemasync.step;

import java.util.List;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.CompositeType;
import schemasync.catalog.Domain;
import schemasync.catalog.SequenceSpec;
import static schemasync.step.Step.Facts;
import static schemasync.step.Step.Lock;

/**
 * The steps on schemas, extensions and types (enums, domains, composites, sequences). None of them
 * locks a relation: they take locks on the type or schema, which queries do not wait on.
 */
public interface SchemaSteps {

    record CreateSchema(String schema) implements Step {
        public String object() {
            return schema;
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createSchema(this);
        }
    }

    /** CREATE EXTENSION, in a schema and at a version when declared. */
    record CreateExtension(String name, String schema, String version) implements Step {
        public String object() {
            return name;
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createExtension(this);
        }
    }

    record CreateEnum(QualifiedName name, List<String> labels) implements Step {
        public CreateEnum {
            labels = List.copyOf(labels);
        }

        public String object() {
            return name.toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createEnum(this);
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

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addEnumValue(this);
        }
    }

    /** COMMENT ON SCHEMA | VIEW | SEQUENCE | INDEX | TYPE | FUNCTION | CONSTRAINT ... ON | TRIGGER ... ON | POLICY ... ON. */
    record CommentOnObject(CommentTarget target, String comment) implements Step {
        public String object() {
            return target.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.commentOnObject(this);
        }
    }

    /** CREATE SEQUENCE with the declared options (OWNED BY comes later, as {@link SetSequenceOwner}). */
    record CreateSequence(SequenceSpec sequence) implements Step {
        public String object() {
            return sequence.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createSequence(this);
        }
    }

    /** ALTER SEQUENCE ... OWNED BY table.column: the sequence is dropped with the column. */
    record SetSequenceOwner(QualifiedName sequence, QualifiedName table, String column) implements Step {
        public String object() {
            return sequence.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setSequenceOwner(this);
        }
    }

    /** CREATE TYPE ... AS (attributes). */
    record CreateCompositeType(CompositeType type) implements Step {
        public String object() {
            return type.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createCompositeType(this);
        }
    }

    /** CREATE DOMAIN with its default, NOT NULL, collation and named checks. */
    record CreateDomain(Domain domain) implements Step {
        public String object() {
            return domain.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createDomain(this);
        }
    }

    /**
     * {@code ALTER DOMAIN ... ADD CONSTRAINT ... CHECK (...)}; NOT VALID on an existing domain, so
     * only new values are checked and no table using the domain is scanned here.
     */
    record AddDomainConstraint(QualifiedName domain, Domain.Check check, boolean notValid) implements Step {
        public String object() {
            return domain + "." + check.name();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addDomainConstraint(this);
        }
    }

    /** {@code ALTER DOMAIN ... VALIDATE CONSTRAINT}: scans every column of the domain, in every table. */
    record ValidateDomainConstraint(QualifiedName domain, String name) implements Step {
        public String object() {
            return domain + "." + name;
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.validateDomainConstraint(this);
        }
    }
}
