package schemasync.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.SchemaSyncException;
import schemasync.dsl.Declaration.CustomStepDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.GuardAnswer;

/**
 * Asks each custom step's guard before planning, in a READ ONLY transaction (a guard that tries to
 * write fails). A guard that refers to a table or column an earlier step of this run creates cannot
 * be answered yet: it is asked again inside the apply transaction, just before its step.
 */
final class Guards {
    /** undefined_table, undefined_column, undefined_object, invalid_schema_name. */
    private static final Set<String> NOT_YET_CREATED = Set.of("42P01", "42703", "42704", "3F000");

    private Guards() {
    }

    static Map<String, GuardAnswer> ask(Connection connection, DeclaredSchema declared) throws SQLException {
        List<CustomStepDecl> steps = declared.declarations().stream().filter(CustomStepDecl.class::isInstance)
                .map(CustomStepDecl.class::cast).toList();
        Map<String, GuardAnswer> answers = new HashMap<>();
        if (steps.isEmpty()) return answers;
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
            for (CustomStepDecl step : steps) {
                Savepoint sp = connection.setSavepoint();
                try {
                    answers.put(step.id(), ask(st, step) ? GuardAnswer.NEEDED : GuardAnswer.NOT_NEEDED);
                    connection.releaseSavepoint(sp);
                } catch (SQLException e) {
                    connection.rollback(sp);
                    if (!NOT_YET_CREATED.contains(e.getSQLState())) {
                        throw SchemaSyncException.badInput(step.origin() + ": the guard of custom step " + step.id()
                                + " failed: " + e.getMessage().lines().findFirst().orElse(""));
                    }
                    answers.put(step.id(), GuardAnswer.AFTER_EARLIER_STEPS);
                }
            }
        } finally {
            connection.rollback();
        }
        return answers;
    }

    /** Runs the guard; it must return one boolean. */
    static boolean ask(Statement st, CustomStepDecl step) throws SQLException {
        return ask(st, step.id(), step.guardSql());
    }

    static boolean ask(Statement st, String id, String guardSql) throws SQLException {
        try (ResultSet rs = st.executeQuery(guardSql)) {
            if (!rs.next() || rs.getMetaData().getColumnCount() != 1) {
                throw SchemaSyncException.badInput("the guard of custom step " + id + " must return one boolean value");
            }
            Object value = rs.getObject(1);
            if (!(value instanceof Boolean b)) {
                throw SchemaSyncException.badInput("the guard of custom step " + id + " returned " + value
                        + ", not a boolean");
            }
            return b;
        }
    }
}
