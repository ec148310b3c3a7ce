package schemasync.step;

import schemasync.catalog.QualifiedName;

/**
 * The relation a step locks and the lock it asks for, as the step itself answers it
 * ({@link Step#lock}). Used to say which lock a step waited on when it ran into lock_timeout.
 */
public final class StepLocks {
    private StepLocks() {
    }

    /** The table (or index) the step's lock is taken on, or null when it locks no existing relation. */
    public static QualifiedName relation(Step step) {
        return step.lock().relation();
    }

    /** The lock mode the step requests on {@link #relation}, as pg_locks names it. */
    public static String mode(Step step) {
        return step.lock().mode();
    }
}
