package schemasync.dsl;

/**
 * The body of {@code customStep(id)} and {@code ensureCustomObject(id)}: the guard and the SQL, named so
 * that they cannot be swapped: {@code customStep("backfill_status").neededWhile("SELECT EXISTS (SELECT 1 FROM
 * users WHERE status IS NULL)").runs("UPDATE users SET status = 'active' WHERE status IS NULL")}. No terminal
 * call: a missing part is reported with the block's id.
 */
public final class CustomStepBuilder {
    String guardSql;
    String sql;

    CustomStepBuilder() {
    }

    /** A query returning one boolean: true while the step is still needed, false once it ran. */
    public CustomStepBuilder neededWhile(String guardQuery) {
        this.guardSql = guardQuery;
        return this;
    }

    /** The SQL run when the guard says it is needed, in the apply's transaction. */
    public CustomStepBuilder runs(String statementSql) {
        this.sql = statementSql;
        return this;
    }
}
