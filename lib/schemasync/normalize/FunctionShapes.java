package schemasync.normalize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.normalize.DeclaredShapes.Functions;
import schemasync.step.Step;
import schemasync.render.SqlRenderer;

/**
 * Each declared function as PostgreSQL stores it: the CREATE OR REPLACE FUNCTION the apply would
 * run, under a savepoint that is always rolled back, looked up with the session's own search_path
 * (so argument types resolve as in the apply) and read back with pg_get_functiondef under the
 * catalog reader's pinned search_path. The body is not checked here (check_function_bodies off): the
 * apply checks it once everything exists, so a refusal is about the declaration itself (a changed return type).
 */
final class FunctionShapes {
    private FunctionShapes() {
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static Functions read(Connection connection, Catalog catalog, DeclaredSchema declared, List<String> prerequisites)
            throws SQLException {
        Map<String, String> keys = new HashMap<>();
        Map<String, String> definitions = new HashMap<>();
        Map<String, String> refusals = new HashMap<>();
        List<FunctionDecl> functions = declared.declarations().stream().filter(FunctionDecl.class::isInstance)
                .map(FunctionDecl.class::cast).toList();
        // One transaction per function, the CREATE at its top level: the row it writes in pg_proc then
        // carries this transaction's id, which tells our overload apart from any others of the name
        // (PostgreSQL parses the argument list; we do not have to).
        for (FunctionDecl f : functions) {
            try (Statement st = connection.createStatement()) {
                // Bodies unchecked, as the apply creates routines (RoutinePrerequisite): a body may read a
                // table this run creates later; the apply checks it before its commit.
                st.execute("SET LOCAL lock_timeout = '" + ViewShapes.LOCK_TIMEOUT_MILLIS + "ms'; SET LOCAL check_function_bodies = off");
                // Schemas and enum types this run creates, so argument types resolve.
                for (String sql : prerequisites) Savepoints.attempt(connection, sql);
                st.execute(SqlRenderer.render(new Step.CreateFunction(f.name(), f.arguments(), f.definition(), true, f.procedure())));
                st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
                try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname, p.proname,"
                        + " pg_catalog.pg_get_function_identity_arguments(p.oid), pg_catalog.pg_get_functiondef(p.oid)"
                        + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE n.nspname = ? AND p.proname = ?"
                        + " AND p.xmin::text::bigint = pg_catalog.txid_current() % 4294967296")) {
                    ps.setString(1, f.name().schema());
                    ps.setString(2, f.name().name());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            keys.put(f.signature(), rs.getString(1) + "." + rs.getString(2) + "(" + rs.getString(3) + ")");
                            definitions.put(f.signature(), rs.getString(4));
                        }
                    }
                }
            } catch (SQLException e) {
                refusals.put(f.signature(), e.getMessage().lines().findFirst().orElse("refused"));
                // Refused: if the name has a single overload, that is the one the declaration means.
                List<Catalog.Function> overloads = catalog.functions().values().stream()
                        .filter(c -> c.name().equals(f.name())).toList();
                if (overloads.size() == 1) keys.put(f.signature(), overloads.get(0).signature());
            } finally {
                connection.rollback();
            }
        }
        return new Functions(keys, definitions, refusals);
    }
}
