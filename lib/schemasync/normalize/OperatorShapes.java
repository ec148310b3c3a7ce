package schemasync.normalize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.OperatorDecl;
import schemasync.render.SqlRenderer;
import schemasync.step.Step;

/**
 * Declared operators and casts in PostgreSQL's spelling ({@link OperatorSpellings}): in a transaction that is always
 * rolled back, after what this run creates first (schemas, types, functions: the prerequisites), each type, function
 * and estimator a declaration names is resolved under the session's own search_path, as the apply will resolve it,
 * then printed under the catalog reader's (pg_catalog), as the catalog will print it.
 */
final class OperatorShapes {
    private OperatorShapes() {
    }

    /** The statement that creates a declared operator or cast this run will create, for the shadows (an index or CHECK using it). */
    static Optional<String> prerequisite(Catalog catalog, Declaration d) {
        if (d instanceof OperatorDecl.OperatorDeclared o && !catalog.operators().operators().containsKey(o.operator().key())) {
            return Optional.of(unlessExists(SqlRenderer.render(new Step.CreateOperator(o.operator()))));
        }
        if (d instanceof OperatorDecl.CastDeclared c && !catalog.operators().casts().containsKey(c.cast().key())) {
            return Optional.of(unlessExists(SqlRenderer.render(new Step.CreateCast(c.cast()))));
        }
        return Optional.empty();
    }

    /**
     * The declared text names types as written ({@code int4}, {@code money2}) and the catalog as format_type prints
     * them, so an existing one may not be recognized above: PostgreSQL's duplicate_object then says it exists.
     */
    private static String unlessExists(String sql) {
        String tag = "$schema_sync_operator$";
        String quoted = "$schema_sync_operator_sql$";
        if (sql.contains(tag) || sql.contains(quoted)) return sql;
        return "DO " + tag + " BEGIN EXECUTE " + quoted + sql + quoted + "; EXCEPTION WHEN duplicate_object THEN NULL; END " + tag;
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static OperatorSpellings read(Connection connection, DeclaredSchema declared, List<String> prerequisites) throws SQLException {
        Map<String, String> typeOids = new LinkedHashMap<>();
        Map<String, String> functionOids = new LinkedHashMap<>();
        Map<String, String> estimatorOids = new LinkedHashMap<>();
        Map<String, String> castFunctionOids = new LinkedHashMap<>();
        boolean any = false;
        try (Statement st = connection.createStatement()) {
            for (Declaration d : declared.declarations()) {
                if (!(d instanceof OperatorDecl.OperatorDeclared || d instanceof OperatorDecl.OperatorRemoval
                        || d instanceof OperatorDecl.CastDeclared || d instanceof OperatorDecl.CastRemoval)) continue;
                if (!any) {
                    any = true;
                    st.execute("SET TRANSACTION READ WRITE");
                    for (String sql : prerequisites) Savepoints.attempt(connection, sql);
                }
                if (d instanceof OperatorDecl.OperatorDeclared o) {
                    var x = o.options();
                    type(connection, x.leftArg(), typeOids);
                    type(connection, x.rightArg(), typeOids);
                    if (x.function() != null) {
                        String key = OperatorSpellings.functionKey(x.function(), x.leftArg(), x.rightArg());
                        String signature = x.function().contains("(") ? x.function() : key;
                        resolve(connection, "SELECT pg_catalog.to_regprocedure(?)::oid", signature, key, functionOids);
                    }
                    for (String estimator : new String[] {x.restrict(), x.join()}) {
                        if (estimator != null) resolve(connection, "SELECT pg_catalog.to_regproc(?)::oid", estimator, estimator, estimatorOids);
                    }
                } else if (d instanceof OperatorDecl.OperatorRemoval r) {
                    type(connection, r.leftType(), typeOids);
                    type(connection, r.rightType(), typeOids);
                } else if (d instanceof OperatorDecl.CastDeclared c) {
                    type(connection, c.source(), typeOids);
                    type(connection, c.target(), typeOids);
                    String f = c.options().function();
                    if (f != null) resolve(connection, "SELECT pg_catalog.to_regprocedure(?)::oid", f, f, castFunctionOids);
                } else if (d instanceof OperatorDecl.CastRemoval c) {
                    type(connection, c.source(), typeOids);
                    type(connection, c.target(), typeOids);
                }
            }
            if (!any) return OperatorSpellings.NONE;
            // Printed as the catalog reader prints them: under its search_path (SET LOCAL: the rollback undoes it).
            st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            return new OperatorSpellings(print(connection, "SELECT pg_catalog.format_type(?::oid, NULL)", typeOids),
                    print(connection, "SELECT ?::oid::pg_catalog.regproc::text", functionOids),
                    print(connection, "SELECT ?::oid::pg_catalog.regproc::text", estimatorOids),
                    print(connection, "SELECT ?::oid::pg_catalog.regprocedure::text", castFunctionOids));
        } finally {
            connection.rollback();
        }
    }

    private static void type(Connection connection, String text, Map<String, String> oids) throws SQLException {
        if (text != null && !oids.containsKey(text)) resolve(connection, "SELECT pg_catalog.to_regtype(?)::oid", text, text, oids);
    }

    /** The oid {@code sql} finds for {@code text} under the session's search_path; nothing when it finds none or fails. */
    private static void resolve(Connection connection, String sql, String text, String key, Map<String, String> oids) throws SQLException {
        if (oids.containsKey(key)) return;
        Savepoint sp = connection.setSavepoint();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) oids.put(key, rs.getString(1));
            }
            connection.releaseSavepoint(sp);
        } catch (SQLException e) {
            connection.rollback(sp); // ambiguous or malformed: compared as written, and the apply names PostgreSQL's error
        }
    }

    private static Map<String, String> print(Connection connection, String sql, Map<String, String> oids) throws SQLException {
        Map<String, String> printed = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (var e : oids.entrySet()) {
                ps.setString(1, e.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) printed.put(e.getKey(), rs.getString(1));
                }
            }
        }
        return printed;
    }
}
