package schemasync.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import schemasync.SchemaSyncException;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.plan.Step;

/**
 * Every relation a transaction creates or alters stays locked until COMMIT, and all sessions share
 * one lock table of max_locks_per_transaction × (max_connections + max_prepared_transactions) slots.
 * A fresh apply of a couple of thousand tables (each with its TOAST table and index, primary key
 * index, identity sequence and indexes) exhausts the default size and fails deep into the run with
 * "out of shared memory". Checking before the first statement turns that into an immediate, clear
 * error with the remedy.
 */
final class LockBudget {
    /** Leave room for the locks other sessions hold at the same time. */
    private static final double USABLE_SHARE = 0.8;

    private LockBudget() {
    }

    static void check(Connection connection, Plan plan) throws SQLException {
        long needed = plan.steps().stream().mapToLong(LockBudget::locks).sum();
        long capacity;
        String settings;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT current_setting('max_locks_per_transaction')::int, current_setting('max_connections')::int,"
                        + " current_setting('max_prepared_transactions')::int")) {
            rs.next();
            capacity = (long) rs.getInt(1) * (rs.getInt(2) + rs.getInt(3));
            settings = "max_locks_per_transaction = " + rs.getInt(1) + ", max_connections = " + rs.getInt(2)
                    + ", max_prepared_transactions = " + rs.getInt(3);
        }
        if (needed > capacity * USABLE_SHARE) {
            throw new SchemaSyncException(SchemaSyncException.Code.DATABASE, "this apply would hold about " + needed
                    + " locks in its one transaction, more than the server's shared lock table can spare (" + capacity
                    + " slots: " + settings + "); nothing was changed. Raise max_locks_per_transaction (needs a restart),"
                    + " or apply the blocks in stages by listing fewer of them in changes/Changes.java at first");
        }
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
