package schemasync.step;

import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;

/**
 * The steps of operator families and classes. None locks a relation: CREATE and ALTER OPERATOR FAMILY ... ADD add
 * catalog rows no index uses yet; a DROP (without CASCADE) fails while an index still uses the class, so it removes
 * nothing else (DROP OPERATOR FAMILY takes the family's classes along, as PostgreSQL does).
 */
public interface OperatorClassSteps {

    /** CREATE OPERATOR FAMILY name USING method. */
    record CreateOperatorFamily(OperatorFamily family) implements Step {
        public String object() {
            return family.key();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createOperatorFamily(this);
        }
    }

    /** ALTER OPERATOR FAMILY name USING method ADD OPERATOR ..., FUNCTION ...: its loose members, once it exists. */
    record AddOperatorFamilyMembers(OperatorFamily family) implements Step {
        public String object() {
            return family.key();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addOperatorFamilyMembers(this);
        }
    }

    /** DROP OPERATOR FAMILY name USING method, without CASCADE. */
    record DropOperatorFamily(OperatorFamily family) implements Step {
        public String object() {
            return family.key();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropOperatorFamily(this);
        }
    }

    /** CREATE OPERATOR CLASS name [DEFAULT] FOR TYPE t USING method [FAMILY f] AS OPERATOR ..., FUNCTION ..., STORAGE ... */
    record CreateOperatorClass(OperatorClass operatorClass) implements Step {
        public String object() {
            return operatorClass.key();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createOperatorClass(this);
        }
    }

    /** DROP OPERATOR CLASS name USING method, without CASCADE. */
    record DropOperatorClass(OperatorClass operatorClass) implements Step {
        public String object() {
            return operatorClass.key();
        }

        public Facts facts() {
            return Facts.alters(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropOperatorClass(this);
        }
    }
}
