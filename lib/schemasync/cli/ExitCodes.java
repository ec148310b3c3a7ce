package schemasync.cli;

import schemasync.SchemaSyncException;

/** The one place exit statuses are decided. Documented in README.md. */
public final class ExitCodes {
    /** Done, or already in sync. */
    public static final int OK = 0;
    /** A statement failed or the connection broke: everything rolled back. */
    public static final int FAILURE = 1;
    /** Invalid declarations, flags or DATABASE_URL, or a database that cannot be reached or logged into: nothing was touched. */
    public static final int BAD_INPUT = 2;
    /** Another apply held the advisory lock for longer than --lock-wait. */
    public static final int LOCK_BUSY = 3;
    /** The apply committed but a new plan was not empty. */
    public static final int NOT_CONVERGED = 4;
    /** --check: changes are pending (an apply would run statements). */
    public static final int CHECK_PENDING = 5;
    /** --check: nothing to apply, but drift or undeclared objects differ from the declarations. */
    public static final int CHECK_DRIFT = 6;
    /** --plan: the reviewed plan no longer matches the database or the blocks. */
    public static final int PLAN_STALE = 7;
    /** verify or roundtrip: a check did not hold. */
    public static final int VERIFY_FAILED = 8;
    /**
     * --apply: the plan holds hazards not allowed (--allow-hazard, db.allowHazard): nothing was changed.
     * --check: the plan holds a step --apply would refuse under the same policy (a pull request's gate).
     */
    public static final int HAZARD_REFUSED = 9;
    /** A fleet run (--targets, --tenant-schemas): a unit failed, was refused, unreachable or skipped; the others ran. */
    public static final int FLEET_FAILED = 10;

    private ExitCodes() {
    }

    /** --check's verdict on a dry-run plan. */
    public static int check(schemasync.plan.Plan plan) {
        if (!plan.isEmpty()) return CHECK_PENDING;
        return plan.driftCount() > 0 ? CHECK_DRIFT : OK;
    }

    /**
     * The exit status of a run that returned a result (failures are exceptions, mapped by {@link #of}).
     * --check answers what --apply would do: a step it would refuse (9) wins over pending changes (5).
     */
    public static int of(schemasync.execute.SchemaSync.Result result, boolean check) {
        if (result.outcome() == schemasync.execute.SchemaSync.Outcome.REFUSED) return HAZARD_REFUSED;
        if (check && result.review() != null && result.review().refused()) return HAZARD_REFUSED;
        return check ? check(result.plan()) : OK;
    }

    /**
     * A fleet's status: 10 when a unit is not done (its result line says why); else, for --check, the
     * most urgent verdict of any unit (9 refused, then 5 pending, then 6 drift); else 0.
     */
    public static int fleet(java.util.List<schemasync.fleet.UnitResult> results, boolean check) {
        if (results.stream().anyMatch(r -> !r.ok())) return FLEET_FAILED;
        if (!check) return OK;
        for (int verdict : new int[] {HAZARD_REFUSED, CHECK_PENDING, CHECK_DRIFT}) {
            if (results.stream().anyMatch(r -> r.exit() == verdict)) return verdict;
        }
        return OK;
    }

    public static int of(SchemaSyncException.Code code) {
        return switch (code) {
            case BAD_INPUT -> BAD_INPUT;
            case LOCK_BUSY -> LOCK_BUSY;
            case NOT_CONVERGED -> NOT_CONVERGED;
            case DATABASE -> FAILURE;
            case PLAN_STALE -> PLAN_STALE;
            case VERIFY_FAILED -> VERIFY_FAILED;
        };
    }
}
