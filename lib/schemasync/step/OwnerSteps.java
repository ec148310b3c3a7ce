package schemasync.step;

import schemasync.catalog.OwnerTarget;

/** The step that gives an object its declared owner ({@code ensureOwner}). */
public interface OwnerSteps {

    /**
     * ALTER kind name OWNER TO role: metadata only (no rewrite, no scan), but on a table, view, materialized
     * view, sequence or foreign table it takes ACCESS EXCLUSIVE for the moment it runs (ALTER TABLE's lock;
     * a table's indexes and owned sequences follow it). Other objects lock no relation.
     */
    record SetOwner(OwnerTarget target, String role) implements Step {
        public String object() {
            return target.toString();
        }

        public Facts facts() {
            return Facts.alters(switch (target.kind()) {
                case TABLE, FOREIGN_TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> Lock.accessExclusive(target.name());
                default -> Lock.NO_RELATION;
            });
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setOwner(this);
        }
    }
}
