package schemasync.plan;

import schemasync.step.Step;
import java.util.List;
import schemasync.catalog.Constraint;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;

/** What adding and validating a table constraint costs, on a table that existed before this run. */
final class ConstraintHazards {
    private ConstraintHazards() {
    }

    static List<Hazard> add(Step.AddConstraint a, Table table, String size, boolean small) {
        String name = table.name().toString();
        String constraint = a.constraint().name();
        if (a.constraint().kind() == Constraint.Kind.UNIQUE) {
            return List.of(small ? new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "UNIQUE " + constraint + " builds an index"
                    + " on " + name + " (small: " + size + ") under a brief ACCESS EXCLUSIVE lock")
                    : new Hazard(HazardKind.INDEX_BUILD, "UNIQUE " + constraint + " builds an index on " + name
                    + " (" + size + ") under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build"));
        }
        if (a.constraint().kind() == Constraint.Kind.EXCLUSION) {
            // An exclusion constraint cannot be added NOT VALID: its index is built and every row checked under lock.
            return List.of(small ? new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "EXCLUDE " + constraint + " builds an index"
                    + " on " + name + " (small: " + size + ") under a brief ACCESS EXCLUSIVE lock")
                    : new Hazard(HazardKind.INDEX_BUILD, "EXCLUDE " + constraint + " builds an index on " + name + " ("
                    + size + ") and checks every row under an ACCESS EXCLUSIVE lock (an exclusion constraint cannot be"
                    + " added NOT VALID)"));
        }
        if (!a.notValid() && !small && !a.constraint().notEnforced()) { // NOT ENFORCED (PostgreSQL 18) checks no row
            return List.of(new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK, constraint + " is checked against every row of "
                    + name + " (" + size + ") while the lock is held"));
        }
        if (a.constraint().kind() == Constraint.Kind.FOREIGN_KEY) {
            return List.of(new Hazard(HazardKind.WRITE_LOCK, "brief SHARE ROW EXCLUSIVE lock on " + name + " and on "
                    + a.constraint().foreignKey().references() + ": writes to both wait"));
        }
        return List.of(HazardClassifier.brief(name));
    }

    static List<Hazard> validate(Step.ValidateConstraint v, Table table, String size, boolean small) {
        String name = table.name().toString();
        if (v.separate()) {
            return List.of(new Hazard(HazardKind.VALIDATION_SCAN, "VALIDATE CONSTRAINT " + v.name() + " reads " + size
                    + " of " + name + " after the commit, in its own transaction, under SHARE UPDATE EXCLUSIVE:"
                    + " reads and writes go on"));
        }
        // In the apply's transaction the lock of the ADD CONSTRAINT before it is held through the scan.
        return List.of(new Hazard(small ? HazardKind.VALIDATION_SCAN : HazardKind.FULL_SCAN_UNDER_LOCK, "VALIDATE"
                + " CONSTRAINT " + v.name() + " reads " + size + " of " + name + " inside the apply's transaction,"
                + " while the lock of the ADD CONSTRAINT before it is still held"));
    }
}
