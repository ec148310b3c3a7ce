package schemasync.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import schemasync.SchemaSyncException;
import schemasync.SchemaSyncException.Code;
import schemasync.execute.SchemaSync.ExecutedStep;
import schemasync.execute.SchemaSync.Options;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.step.Step;
import schemasync.step.Step.Phase;
import schemasync.render.SqlRenderer;

/**
 * Runs one plan: first every {@link Phase#TRANSACTION} step in one transaction (all or nothing),
 * then, after the commit and in plan order, each step that must not hold the apply's locks or
 * cannot run in a transaction at all: VALIDATE in a short transaction of its own, CREATE/DROP INDEX
 * CONCURRENTLY in autocommit. Every statement runs under lock_timeout and statement_timeout (index
 * builds under their own, longer statement timeout). A lock timeout (55P03) is not a failure here:
 * it is handed to the caller, who re-plans under the advisory lock and tries again.
 */
final class Executor {
    /** SQLSTATE lock_not_available: lock_timeout expired while the statement waited for a lock. */
    static final String LOCK_TIMEOUT = "55P03";

    /** A statement waited longer than lock_timeout; the transaction (if any) was rolled back. */
    static final class LockTimedOut extends Exception {
        final Change change;
        final PlannedStep step;
        final String sql;
        final int number;
        final int total;

        LockTimedOut(Change change, PlannedStep step, String sql, int number, int total, SQLException cause) {
            super(cause.getMessage(), cause);
            this.change = change;
            this.step = step;
            this.sql = sql;
            this.number = number;
            this.total = total;
        }
    }

    private final Connection connection;
    private final Plan plan;
    private final Options options;
    private final List<ExecutedStep> executed;
    private final int total;

    private Executor(Connection connection, Plan plan, Options options, List<ExecutedStep> executed) {
        this.connection = connection;
        this.plan = plan;
        this.options = options;
        this.executed = executed;
        this.total = plan.steps().size();
    }

    /** Runs the plan, appending each step to {@code executed} once it is committed. */
    static void run(Connection connection, Plan plan, Options options, List<ExecutedStep> executed)
            throws SQLException, LockTimedOut {
        Executor executor = new Executor(connection, plan, options, executed);
        executor.transactional();
        executor.afterCommit();
    }

    private void transactional() throws SQLException, LockTimedOut {
        if (plan.steps().stream().noneMatch(s -> s.step().phase() == Phase.TRANSACTION)) return;
        List<ExecutedStep> done = new java.util.ArrayList<>();
        List<RoutineBodies.Created> routines = new java.util.ArrayList<>();
        boolean bodiesUnchecked = false;
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            // SET LOCAL: scoped to this transaction. lock_timeout keeps a queued ACCESS EXCLUSIVE
            // request from stalling every query on a busy table behind it.
            Duration timeout = options.statementTimeout();
            networkTimeout(timeout);
            st.execute("SET LOCAL lock_timeout = " + options.lockTimeout().toMillis()
                    + "; SET LOCAL statement_timeout = " + timeout.toMillis());
            int n = 0;
            for (Change change : plan.changes()) {
                for (PlannedStep step : change.steps()) {
                    n++;
                    if (step.step().phase() != Phase.TRANSACTION) continue;
                    String sql = SqlRenderer.render(step.step());
                    Duration wanted = statementTimeout(step.step());
                    long t0 = System.nanoTime();
                    try {
                        // A new timeout travels with the statement it is for: one round trip, not two
                        // (a fresh table's indexes switch to the index timeout and back for each table).
                        // No space after the ';': pgjdbc sends each statement as written, and logs,
                        // pg_stat_activity and the fault tests see the step's SQL exactly.
                        String setTimeout = "";
                        if (!wanted.equals(timeout)) {
                            setTimeout = "SET LOCAL statement_timeout = " + wanted.toMillis() + ";";
                            networkTimeout(wanted);
                            timeout = wanted;
                        }
                        // Routines are created with their bodies unchecked, the other steps as the session says.
                        boolean createsRoutine = step.step() instanceof Step.CreateFunction;
                        if (createsRoutine != bodiesUnchecked) {
                            setTimeout += createsRoutine ? RoutineBodies.OFF : RoutineBodies.AS_BEFORE;
                            bodiesUnchecked = createsRoutine;
                        }
                        // A custom step's guard is asked again here: earlier steps of this very
                        // transaction may have done its work, or created what it refers to.
                        if (step.step() instanceof Step.CustomSql custom) {
                            if (!setTimeout.isEmpty()) st.execute(setTimeout);
                            setTimeout = "";
                            if (!Guards.ask(st, custom.id(), custom.guardSql())) continue;
                        }
                        st.execute(setTimeout + SqlRenderer.executable(step.step(), sql));
                        if (step.step() instanceof Step.CreateFunction routine) routines.add(new RoutineBodies.Created(change, routine));
                    } catch (SQLException e) {
                        rollbackQuietly(connection);
                        if (LOCK_TIMEOUT.equals(e.getSQLState())) throw new LockTimedOut(change, step, sql, n, total, e);
                        throw new SchemaSyncException(code(e), change.origin() + ": step " + n + "/" + total
                                + " (" + describe(step.step()) + ") failed, everything was rolled back: " + e.getMessage().strip()
                                + SchemaSync.hint(e, options, plan) + "\n    " + sql, e);
                    }
                    done.add(new ExecutedStep(change, step, sql, since(t0)));
                }
            }
            validateRoutines(routines);
            try {
                connection.commit();
            } catch (SQLException e) {
                // The COMMIT was sent but its answer never came: only the server knows whether it
                // committed. Either way the next run converges (it plans from what is there).
                throw new SchemaSyncException(Code.DATABASE, "COMMIT of the apply's " + done.size()
                        + " statement(s) failed: " + e.getMessage().strip() + "\n    (if the connection broke, the"
                        + " transaction may or may not have committed; run again: it plans from what is there)", e);
            }
            executed.addAll(done);
        } catch (SQLException | RuntimeException | LockTimedOut e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            if (!connection.isClosed()) connection.setAutoCommit(true);
        }
    }

    /** The bodies of the routines this transaction created, checked now that everything exists ({@link RoutineBodies}). */
    private void validateRoutines(List<RoutineBodies.Created> routines) throws LockTimedOut {
        try {
            RoutineBodies.validate(connection, routines);
        } catch (SQLException e) {
            RoutineBodies.Created first = routines.get(0);
            PlannedStep step = first.change().steps().stream().filter(s -> s.step() == first.step()).findFirst().orElseThrow();
            String what = "the bodies of the routines it created, checked before the commit";
            if (LOCK_TIMEOUT.equals(e.getSQLState())) throw new LockTimedOut(first.change(), step, what, total, total, e);
            throw new SchemaSyncException(code(e), "checking " + what + " failed, everything was rolled back: "
                    + e.getMessage().strip(), e);
        }
    }

    private void afterCommit() throws SQLException, LockTimedOut {
        int n = 0;
        // Steps of a short transaction that is still open: they count as executed once it commits.
        List<ExecutedStep> uncommitted = new java.util.ArrayList<>();
        for (Change change : plan.changes()) {
            List<PlannedStep> steps = change.steps();
            for (int i = 0; i < steps.size(); i++) {
                PlannedStep step = steps.get(i);
                n++;
                Phase phase = step.step().phase();
                if (phase == Phase.TRANSACTION) continue;
                String sql = SqlRenderer.render(step.step());
                long t0 = System.nanoTime();
                boolean ownTransaction = phase == Phase.OWN_TRANSACTION;
                // A pair that must commit together (the two renames of a swap; SET NOT NULL and the drop
                // of the check that proved it) shares one short transaction: a kill between them leaves
                // neither half. The planner emits both halves in the same change.
                boolean joinsPrevious = step.step().facts().joinsPrevious();
                boolean commitsLater = ownTransaction && i + 1 < steps.size() && steps.get(i + 1).step().facts().joinsPrevious();
                boolean ok = false;
                if (!joinsPrevious) connection.setAutoCommit(!ownTransaction);
                networkTimeout(statementTimeout(step.step()));
                try (Statement st = connection.createStatement()) {
                    if (!joinsPrevious) {
                        String scope = ownTransaction ? "SET LOCAL " : "SET ";
                        st.execute(scope + "lock_timeout = " + options.lockTimeout().toMillis() + "; " + scope
                                + "statement_timeout = " + statementTimeout(step.step()).toMillis());
                    }
                    st.execute(sql);
                    if (ownTransaction && !commitsLater) connection.commit();
                    ok = true;
                } catch (SQLException e) {
                    if (connection.isClosed() || !connection.getAutoCommit()) rollbackQuietly(connection);
                    if (LOCK_TIMEOUT.equals(e.getSQLState())) throw new LockTimedOut(change, step, sql, n, total, e);
                    throw new SchemaSyncException(code(e), change.origin() + ": step " + n + "/" + total + " ("
                            + describe(step.step()) + ") failed after the transactional part committed: "
                            + e.getMessage().strip() + SchemaSync.hint(e, options, plan)
                            + "\n    (the steps before it are applied; this one is safe to re-run: the next run drops"
                            + " what it left, such as an INVALID index, and finishes it)\n    " + sql, e);
                } finally {
                    if (!ok || !commitsLater) resetSession();
                }
                uncommitted.add(new ExecutedStep(change, step, sql, since(t0)));
                if (!commitsLater) {
                    executed.addAll(uncommitted);
                    uncommitted.clear();
                }
            }
        }
    }

    /**
     * 42501 (insufficient_privilege: not the owner, no CREATE) is the caller's setup to fix, like a wrong
     * password, and nothing was changed by the failing step: bad input (exit 2), not a failure.
     */
    private static Code code(SQLException e) {
        return "42501".equals(e.getSQLState()) ? Code.BAD_INPUT : Code.DATABASE;
    }

    /**
     * Rolls back what can be: on a broken connection rollback() itself throws, which would replace the
     * real failure; there the server rolls the transaction back when it notices the session is gone.
     */
    private static void rollbackQuietly(java.sql.Connection connection) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone, and with it the transaction
        }
    }

    /** Back to the session's own timeouts; a broken connection has nothing left to reset. */
    private void resetSession() {
        try {
            if (connection.isClosed()) return;
            connection.setAutoCommit(true);
            try (Statement reset = connection.createStatement()) {
                reset.execute("RESET lock_timeout; RESET statement_timeout");
            }
        } catch (SQLException e) {
            // The step's own failure (already being thrown) says what went wrong.
        }
    }

    /**
     * A client-side bound on every wait for the server: its statement_timeout plus a margin. The
     * server answers (result or cancellation) by then; silence past it means the network is gone
     * (a partition sends no reset), and the socket read fails instead of hanging until TCP gives up.
     */
    private void networkTimeout(Duration statementTimeout) throws SQLException {
        schemasync.db.Connections.boundNetworkWait(connection, statementTimeout);
    }


    /** Index builds read the whole table: they get their own, longer statement timeout. */
    private Duration statementTimeout(Step step) {
        return step.facts().indexBuild() ? options.indexStatementTimeout() : options.statementTimeout();
    }

    static String describe(Step step) {
        return step.getClass().getSimpleName() + " " + step.object();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
