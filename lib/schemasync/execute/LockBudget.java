package schemasync.execute;

import schemasync.plan.Plan;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.step.Step;

/**
 * Every relation a transaction creates or alters stays locked until COMMIT, and all sessions share
 * one lock table of about max_locks_per_transaction × (max_connections + max_prepared_transactions)
 * slots (it can borrow spare shared memory, so the real limit is fuzzy: measured here, a fresh
 * 2000-table apply failed at ~1,800 tables, about 16,000 locks against 6,400 nominal slots). A
 * refusal computed from the nominal size would turn away applies that succeed, so the estimate only
 * explains the failure when PostgreSQL reports it ("out of shared memory", SQLSTATE 53200).
 */
final class LockBudget {
    private LockBudget() {
    }

    static String explain(Plan plan) {
        long needed = plan.steps().stream().mapToLong(LockBudget::locks).sum();
        return "\n    (this apply holds about " + needed + " locks until its one transaction commits, and the server's"
                + " shared lock table ran out: raise max_locks_per_transaction (needs a restart), or apply the blocks"
                + " in stages by listing fewer of them in changes/Changes.java at first)";
    }

    /** Relations a step locks until commit, estimated from the step alone. */
    static long locks(PlannedStep planned) {
        Step step = planned.step();
        if (step instanceof Step.CreateTable t) {
            long sequences = t.table().columns().stream()
                    .filter(c -> c.identity() != schemasync.catalog.Column.Identity.NONE || c.serial()).count();
            // table + TOAST table + TOAST index (+ primary key index) + one sequence per identity/serial
            return 3 + (t.table().primaryKey().isEmpty() ? 0 : 1) + sequences;
        }
        if (step instanceof Step.CreateIndex) return 2; // the index, and its table
        // A new variable-length column may give the table a TOAST table and index: assume it does.
        if (step instanceof Step.AddColumn) return 3;
        return 1;
    }
}
