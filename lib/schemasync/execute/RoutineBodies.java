package schemasync.execute;

import static schemasync.catalog.SqlText.literal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import schemasync.SchemaSyncException;
import schemasync.catalog.QualifiedName;
import schemasync.plan.PlanItem.Change;
import schemasync.step.Step;

/**
 * Routine bodies are checked once everything the apply creates exists, as a pg_dump restore does.
 *
 * <p>CREATE FUNCTION checks a {@code LANGUAGE sql} body (parses it, resolves its tables) and a PL/pgSQL
 * body (syntax) only while {@code check_function_bodies} is on. A routine that a CHECK, default or index
 * calls must exist before that table, yet its body may read a table a later block creates; so the apply
 * creates (or replaces) each routine with the setting off ({@link #OFF}) and, before the commit, asks each
 * one's language validator ({@code pg_language.lanvalidator}: {@code fmgr_sql_validator},
 * {@code plpgsql_validator}, …) with the setting on. A body that is still broken fails the apply, naming
 * the routine and its block, and the caller rolls the transaction back: nothing changed.
 *
 * <p>A standard SQL body ({@code BEGIN ATOMIC} / {@code RETURN}, PostgreSQL 14+) is parsed at creation
 * whatever the setting says (its dependencies are recorded in pg_depend), so what it reads must exist
 * before it: such a routine fails at its own step, as before.
 */
final class RoutineBodies {
    private RoutineBodies() {
    }

    /**
     * Sent before the first of consecutive CREATE [OR REPLACE] FUNCTION / PROCEDURE steps (scoped to the
     * apply's transaction), in the same round trip; never after one: pgjdbc would take a statement after a
     * {@code BEGIN ATOMIC … END} body into the same Parse, which PostgreSQL refuses.
     */
    static final String OFF = "SET LOCAL check_function_bodies = off;";
    /** Sent before the next other step: custom steps between routines are checked as the session says. */
    static final String AS_BEFORE = "SET LOCAL check_function_bodies TO DEFAULT;";

    /** A routine step the transaction ran, with the change (and so the block) it belongs to. */
    record Created(Change change, Step.CreateFunction step) {
    }

    /**
     * Validates every routine of {@code created} whose pg_proc row this transaction wrote (xmin: the
     * overloads of the same name it did not touch are not ours to judge). One statement for all of them;
     * only when it fails, one savepoint per routine, so the error names every broken one.
     *
     * @throws SchemaSyncException naming each broken routine and its block (the caller rolls back)
     */
    static void validate(Connection connection, List<Created> created) throws SQLException {
        if (created.isEmpty()) return;
        List<Routine> routines = routines(connection, created);
        if (routines.isEmpty()) return;
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL check_function_bodies = on");
            Savepoint all = connection.setSavepoint();
            try {
                st.execute(String.join(";", routines.stream().map(Routine::check).toList()));
                connection.releaseSavepoint(all);
                return;
            } catch (SQLException e) {
                if (Executor.LOCK_TIMEOUT.equals(e.getSQLState())) throw e;
                connection.rollback(all);
            }
            List<String> broken = new ArrayList<>();
            for (Routine r : routines) {
                Savepoint one = connection.setSavepoint();
                try {
                    st.execute(r.check());
                    connection.releaseSavepoint(one);
                } catch (SQLException e) {
                    if (Executor.LOCK_TIMEOUT.equals(e.getSQLState())) throw e;
                    connection.rollback(one);
                    broken.add(r.change().origin() + ": " + r.word() + " " + r.identity() + ": " + firstLine(e.getMessage()));
                }
            }
            if (broken.isEmpty()) return; // failed together, passed alone: name nothing rather than guess
            throw SchemaSyncException.badInput("PostgreSQL rejects the body of what these blocks declare, checked"
                    + " once every step had run (routines are created with check_function_bodies off, as pg_dump"
                    + " does, so a body may read what a later block creates); everything was rolled back, nothing"
                    + " changed:\n  - " + String.join("\n  - ", broken));
        }
    }

    /** @param settings the routine's own {@code SET name = value} clauses (pg_proc.proconfig, "name=value") */
    private record Routine(Change change, String word, String identity, String validator, long oid, List<String> settings) {
        /**
         * The validator's call. CREATE FUNCTION validates under the routine's own settings (a {@code SET
         * search_path} its body resolves names through): the same here, set inside a savepoint that is
         * rolled back after the check, so they end with it.
         */
        String check() {
            String call = "SELECT " + validator + "(" + oid + "::pg_catalog.oid)";
            if (settings.isEmpty()) return call;
            StringBuilder sql = new StringBuilder("SAVEPOINT schema_sync_routine_settings");
            for (String setting : settings) {
                int eq = setting.indexOf('=');
                sql.append(";SELECT pg_catalog.set_config(").append(literal(setting.substring(0, eq))).append(", ")
                        .append(literal(setting.substring(eq + 1))).append(", true)");
            }
            return sql.append(";").append(call).append(";ROLLBACK TO SAVEPOINT schema_sync_routine_settings")
                    .append(";RELEASE SAVEPOINT schema_sync_routine_settings").toString();
        }
    }

    /** The routines to validate: pg_proc rows of the steps' names written by this very transaction. */
    private static List<Routine> routines(Connection connection, List<Created> created) throws SQLException {
        List<String> schemas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Created c : created) {
            schemas.add(c.step().name().schema());
            names.add(c.step().name().name());
        }
        // txid_current() % 2^32 is this transaction's xid as pg_proc.xmin holds it (13–18 alike).
        String sql = "SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid), p.prokind,"
                + " pg_catalog.quote_ident(vn.nspname) || '.' || pg_catalog.quote_ident(v.proname), p.oid::bigint, p.proconfig"
                + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " JOIN pg_catalog.pg_language l ON l.oid = p.prolang"
                + " JOIN pg_catalog.pg_proc v ON v.oid = l.lanvalidator JOIN pg_catalog.pg_namespace vn ON vn.oid = v.pronamespace"
                + " WHERE (n.nspname, p.proname) IN (SELECT * FROM ROWS FROM (pg_catalog.unnest(?::text[]), pg_catalog.unnest(?::text[])))"
                + " AND p.xmin::text::bigint = pg_catalog.txid_current() % 4294967296 ORDER BY p.oid";
        List<Routine> routines = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            st.setArray(2, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
                    Change change = created.stream().filter(c -> c.step().name().equals(name)).findFirst().orElseThrow().change();
                    String word = "p".equals(rs.getString(4)) ? "procedure" : "function";
                    java.sql.Array config = rs.getArray(7);
                    List<String> settings = config == null ? List.of() : List.of((String[]) config.getArray());
                    routines.add(new Routine(change, word, name + "(" + rs.getString(3) + ")", rs.getString(5), rs.getLong(6), settings));
                }
            }
        }
        return routines;
    }

    private static String firstLine(String message) {
        if (message == null) return "rejected";
        String first = message.lines().findFirst().orElse("rejected").strip();
        return first.startsWith("ERROR: ") ? first.substring("ERROR: ".length()) : first;
    }
}
