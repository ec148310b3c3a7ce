package schemasync.step;

import schemasync.catalog.Collation;
import schemasync.catalog.RangeType;

/**
 * The steps that create collations and range types (their drops are {@link ObjectSteps.DropObject}). Neither
 * locks a relation: both only add catalog rows that no running query can be using yet.
 */
public interface KindSteps {

    /** CREATE COLLATION name (provider = ..., locale = ..., deterministic = ...). */
    record CreateCollation(Collation collation) implements Step {
        public String object() {
            return collation.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createCollation(this);
        }
    }

    /** CREATE TYPE name AS RANGE (subtype = ..., ...): also creates its multirange type (PostgreSQL 14+). */
    record CreateRangeType(RangeType type) implements Step {
        public String object() {
            return type.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createRangeType(this);
        }
    }
}
