package schemasync.fleet;

/**
 * How one unit ended: a line of the text output, a line of the JSON-lines results.
 *
 * @param exit       the exit status a single run against this unit would have had
 * @param ok         whether the unit needs no re-run: {@code --only-failed} re-runs the others
 * @param statements statements applied (apply) or planned (dry run, check)
 * @param errorCode  the failure's code (BAD_INPUT, DATABASE, LOCK_BUSY, ...), or null
 * @param message    why it failed or was skipped, naming the target but never its URL; or null
 * @param sharedWith the unit whose plan this one shared (same catalog fingerprint), or null
 */
public record UnitResult(String unit, String target, String tenant, Status status, int exit, boolean ok,
                         int statements, String errorCode, String message, long elapsedMs, String sharedWith) {

    public UnitResult(String unit, String target, String tenant, Status status, int exit, boolean ok,
                      int statements, String errorCode, String message, long elapsedMs) {
        this(unit, target, tenant, status, exit, ok, statements, errorCode, message, elapsedMs, null);
    }

    /** This verdict for another unit whose catalog has the same fingerprint. */
    public UnitResult sharedBy(Unit other, long elapsed) {
        return new UnitResult(other.name(), other.target().name(), other.tenant(), status, exit, ok, statements, errorCode,
                message, elapsed, unit);
    }

    public enum Status {
        /** Nothing to do: the unit matched the declarations. */
        IN_SYNC,
        /** --apply changed it and it converged. */
        APPLIED,
        /** --dry-run / --check: statements would run. */
        PENDING,
        /** --check: nothing to apply, but drift or undeclared objects. */
        DRIFT,
        /** The plan holds hazards that are not allowed: nothing was changed. */
        REFUSED,
        /** It could not be reached or logged into: nothing was touched. */
        UNREACHABLE,
        /** A statement, the connection or the verification failed (rolled back). */
        FAILED,
        /** Not run: a canary failed, or --fail-fast stopped the fleet. */
        SKIPPED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static UnitResult skipped(Unit unit, String why) {
        return new UnitResult(unit.name(), unit.target().name(), unit.tenant(), Status.SKIPPED, -1, false, 0, "SKIPPED", why, 0);
    }
}
