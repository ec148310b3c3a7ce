package schemasync.step;

import schemasync.catalog.QualifiedName;
import schemasync.catalog.SecurityLabelTarget;

/**
 * The step that sets a security label. SECURITY LABEL looks its object up with SHARE UPDATE EXCLUSIVE (seclabel.c),
 * so on a table, view or column it waits for DDL on that relation but not for reads or writes; on a schema, type or
 * database object it locks no relation. The provider checks the label when the statement runs, which is why a server
 * without it loaded refuses the step and the apply's transaction changes nothing.
 */
public interface SecurityLabelSteps {

    /** SECURITY LABEL FOR provider ON kind object IS 'label'; {@code relation} the relation it locks, or null. */
    record SetSecurityLabel(SecurityLabelTarget target, String label, QualifiedName relation) implements Step {
        public String object() {
            return target.objectType() + " " + target.object();
        }

        public Facts facts() {
            return Facts.alters(relation == null ? Lock.NO_RELATION : new Lock(relation, Lock.SHARE_UPDATE_EXCLUSIVE));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setSecurityLabel(this);
        }
    }
}
