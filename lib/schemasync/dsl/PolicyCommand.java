package schemasync.dsl;

/** The command a row-level security policy applies to: {@code ensurePolicy("p").on("t").forCommand(PolicyCommand.SELECT)}. */
public enum PolicyCommand {
    /** Every command (PostgreSQL's default when a policy names none). */
    ALL, SELECT, INSERT, UPDATE, DELETE
}
