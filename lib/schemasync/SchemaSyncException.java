package schemasync;

/**
 * The one unchecked exception of the tool. The {@link Code} decides the exit status (mapped only in
 * the CLI layer); the message names the action and the object and is safe to print: it never
 * contains a password or a URL with credentials.
 */
public final class SchemaSyncException extends RuntimeException {

    public enum Code {
        /** Invalid declarations, flags or DATABASE_URL: nothing was touched. */
        BAD_INPUT,
        /** Another apply holds the advisory lock longer than --lock-wait. */
        LOCK_BUSY,
        /** The apply committed but planning again was not empty. */
        NOT_CONVERGED,
        /** The database refused a statement or the connection failed; the transaction rolled back. */
        DATABASE,
        /** A reviewed plan (--plan) no longer matches the database or the blocks: nothing was changed. */
        PLAN_STALE,
        /** verify found a check that does not hold. */
        VERIFY_FAILED
    }

    private final Code code;

    public SchemaSyncException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public SchemaSyncException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public static SchemaSyncException badInput(String message) {
        return new SchemaSyncException(Code.BAD_INPUT, message);
    }
}
