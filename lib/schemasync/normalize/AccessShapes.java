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
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.GrantTarget;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.AggregateDecl;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.dsl.AccessDecl.GrantDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.step.Step;
import schemasync.render.SqlRenderer;

/**
 * The server's side of grants, default privileges and aggregates, in transactions that are always
 * rolled back: the current role; each routine a grant names, resolved by PostgreSQL (to_regprocedure,
 * with this run's functions and aggregates created first) to the identity arguments the catalog keys
 * it by, so {@code f(int4)} and {@code f(integer)} agree; each declared aggregate created with
 * CREATE OR REPLACE AGGREGATE and read back with the catalog reader's own option list.
 */
final class AccessShapes {
    private static final String PIN = "SET LOCAL search_path = pg_catalog, pg_temp";

    private AccessShapes() {
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static DeclaredShapes.Access read(Connection connection, Catalog catalog, DeclaredSchema declared, List<String> prerequisites,
                                      DeclaredShapes.Functions functions) throws SQLException {
        String currentUser;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            currentUser = rs.getString(1);
        } finally {
            connection.rollback();
        }
        List<GrantDecl> routineGrants = declared.declarations().stream().filter(GrantDecl.class::isInstance)
                .map(GrantDecl.class::cast).filter(g -> g.target().kind() == GrantTarget.Kind.FUNCTION && g.target().detail() != null)
                .toList();
        Map<String, String> routineKeys = routineGrants.isEmpty() ? Map.of()
                : routineKeys(connection, declared, prerequisites, functions, routineGrants);
        return new DeclaredShapes.Access(currentUser, routineKeys, aggregates(connection, catalog, declared, prerequisites));
    }

    private static Map<String, String> routineKeys(Connection connection, DeclaredSchema declared, List<String> prerequisites,
                                                   DeclaredShapes.Functions functions, List<GrantDecl> grants) throws SQLException {
        Map<String, String> keys = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            // Routine bodies unchecked, as the apply creates them: a body may read a table this run creates later.
            st.execute("SET LOCAL lock_timeout = '" + ViewShapes.LOCK_TIMEOUT_MILLIS + "ms'; SET LOCAL check_function_bodies = off");
            for (String sql : prerequisites) Savepoints.attempt(connection, sql);
            for (Declaration d : declared.declarations()) {
                if (d instanceof FunctionDecl f && f.arguments() != null) {
                    Savepoints.attempt(connection, SqlRenderer.render(new Step.CreateFunction(f.name(), f.arguments(), f.definition(),
                            true, f.procedure())));
                } else if (d instanceof AggregateDecl a) {
                    Savepoints.attempt(connection, SqlRenderer.render(new Step.CreateAggregate(a.name(), a.arguments(), a.definition(), true)));
                }
            }
            // Resolved under the session's search_path, as the GRANT will be; spelled under the reader's pinned one.
            Map<String, Long> oids = new LinkedHashMap<>();
            for (GrantDecl g : grants) {
                String signature = g.target().object();
                Savepoint sp = connection.setSavepoint();
                try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.to_regprocedure("
                        + "pg_catalog.quote_ident(?) || '.' || pg_catalog.quote_ident(?) || '(' || ? || ')')::oid")) {
                    ps.setString(1, g.target().schema());
                    ps.setString(2, g.target().name());
                    ps.setString(3, g.target().detail());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getObject(1) != null) oids.put(signature, rs.getLong(1));
                    }
                    connection.releaseSavepoint(sp);
                } catch (SQLException e) {
                    connection.rollback(sp); // argument names or an ORDER BY: to_regprocedure reads types only
                }
            }
            st.execute(PIN);
            try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname, p.proname,"
                    + " pg_catalog.pg_get_function_identity_arguments(p.oid) FROM pg_catalog.pg_proc p"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.oid = ?")) {
                for (Map.Entry<String, Long> e : oids.entrySet()) {
                    ps.setLong(1, e.getValue());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) keys.put(e.getKey(), rs.getString(1) + "." + rs.getString(2) + "(" + rs.getString(3) + ")");
                    }
                }
            }
        } finally {
            connection.rollback();
        }
        // The signature exactly as an ensureFunction wrote it (argument names included): its key is known.
        for (GrantDecl g : grants) {
            String key = functions.keys().get(g.target().object());
            if (key != null) keys.putIfAbsent(g.target().object(), key);
        }
        return keys;
    }

    /** One transaction per aggregate, the CREATE at top level: its pg_proc row then carries this transaction's xmin. */
    private static DeclaredShapes.Functions aggregates(Connection connection, Catalog catalog, DeclaredSchema declared,
                                                      List<String> prerequisites) throws SQLException {
        Map<String, String> keys = new HashMap<>();
        Map<String, String> definitions = new HashMap<>();
        Map<String, String> refusals = new HashMap<>();
        for (Declaration d : declared.declarations()) {
            if (!(d instanceof AggregateDecl a) || a.arguments() == null) continue;
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '" + ViewShapes.LOCK_TIMEOUT_MILLIS + "ms'");
                for (String sql : prerequisites) Savepoints.attempt(connection, sql); // its state functions, types, schema
                st.execute(SqlRenderer.render(new Step.CreateAggregate(a.name(), a.arguments(), a.definition(), true)));
                long oid = -1;
                try (PreparedStatement ps = connection.prepareStatement("SELECT p.oid FROM pg_catalog.pg_proc p"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE n.nspname = ? AND p.proname = ? AND p.prokind = 'a'"
                        + " AND p.xmin::text::bigint = pg_catalog.txid_current() % 4294967296")) {
                    ps.setString(1, a.name().schema());
                    ps.setString(2, a.name().name());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) oid = rs.getLong(1);
                    }
                }
                st.execute(PIN);
                Catalog.Function shape = oid < 0 ? null : CatalogReader.aggregate(connection, oid);
                if (shape != null) {
                    keys.put(a.signature(), shape.signature());
                    definitions.put(a.signature(), shape.definition());
                }
            } catch (SQLException e) {
                refusals.put(a.signature(), Savepoints.firstLine(e.getMessage()));
                List<Catalog.Function> overloads = catalog.aggregates().values().stream().filter(c -> c.name().equals(a.name())).toList();
                if (overloads.size() == 1) keys.put(a.signature(), overloads.get(0).signature());
            } finally {
                connection.rollback();
            }
        }
        return new DeclaredShapes.Functions(keys, definitions, refusals);
    }


}
