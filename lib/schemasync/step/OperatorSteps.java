package schemasync.step;

import schemasync.catalog.Cast;
import schemasync.catalog.Operator;

/**
 * The steps of operators and casts. None locks a relation: CREATE adds catalog rows no running query can be using
 * yet; ALTER OPERATOR ... SET (RESTRICT, JOIN) changes only the planner's estimates; a DROP (without CASCADE) fails
 * while an index, constraint or view still uses the object, so it removes nothing else.
 */
public interface OperatorSteps {

    /** CREATE OPERATOR name (LEFTARG = ..., RIGHTARG = ..., FUNCTION = ..., ...). */
    record CreateOperator(Operator operator) implements Step {
        public String object() {
            return operator.key();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createOperator(this);
        }
    }

    /** ALTER OPERATOR name (left, right) SET (RESTRICT = ..., JOIN = ...): NONE removes an estimator. */
    record SetOperatorEstimators(Operator operator) implements Step {
        public String object() {
            return operator.key();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setOperatorEstimators(this);
        }
    }

    /** DROP OPERATOR name (left, right), without CASCADE. */
    record DropOperator(Operator operator) implements Step {
        public String object() {
            return operator.key();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropOperator(this);
        }
    }

    /** CREATE CAST (source AS target) WITH FUNCTION f(source) | WITH INOUT | WITHOUT FUNCTION [AS ASSIGNMENT | AS IMPLICIT]. */
    record CreateCast(Cast cast) implements Step {
        public String object() {
            return cast.key();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createCast(this);
        }
    }

    /** DROP CAST (source AS target), without CASCADE. */
    record DropCast(Cast cast) implements Step {
        public String object() {
            return cast.key();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropCast(this);
        }
    }
}
