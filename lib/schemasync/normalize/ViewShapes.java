package schemasync.normalize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration.ViewDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.catalog.QualifiedName;
import schemasync.step.Step;
import schemasync.render.SqlRenderer;

/**
 * How PostgreSQL would store each declared view that exists already: the very CREATE OR REPLACE VIEW
 * the apply would run, under a savepoint that is always rolled back, read back with pg_get_viewdef.
 * If PostgreSQL refuses the replacement (a column dropped, renamed or retyped; not the owner), the
 * refusal is the answer: the planner reports it instead of planning a statement that would fail.
 */
final class ViewShapes {
    record Result(Map<QualifiedName, String> definitions, Map<QualifiedName, String> refusals) {
    }

    static final int LOCK_TIMEOUT_MILLIS = 1000;

    private ViewShapes() {
    }

    /**
     * When the real view cannot be replaced here (another owner, or busy), a temporary view with the
     * same query still tells how PostgreSQL spells it: a view's definition never mentions its own name.
     */
    private static void temporaryTwin(Connection connection, Statement st, ViewDecl v, Map<QualifiedName, String> definitions)
            throws SQLException {
        Savepoint sp = connection.setSavepoint();
        try {
            st.execute(SqlRenderer.render(new Step.CreateView(new QualifiedName("pg_temp", "schema_sync_view_twin"), v.sql(), false)));
            st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_get_viewdef('pg_temp.schema_sync_view_twin'::regclass)")) {
                rs.next();
                definitions.put(v.name(), rs.getString(1));
            }
        } catch (SQLException e) {
            // Not even a temporary view: the refusal recorded above stands.
        } finally {
            connection.rollback(sp);
        }
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static Result read(Connection connection, Catalog catalog, DeclaredSchema declared) throws SQLException {
        Map<QualifiedName, String> definitions = new HashMap<>();
        Map<QualifiedName, String> refusals = new HashMap<>();
        if (declared.declarations().stream().noneMatch(d -> d instanceof ViewDecl v && catalog.views().containsKey(v.name()))) {
            return new Result(definitions, refusals); // no existing view to compare: not even a round trip
        }
        try (Statement st = connection.createStatement()) {
            // CREATE OR REPLACE VIEW takes an ACCESS EXCLUSIVE lock on the view, even here: never
            // queue behind a long query on it (readers would queue behind us), give up quickly.
            st.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT_MILLIS + "ms'");
            for (var d : declared.declarations()) {
                if (!(d instanceof ViewDecl v) || !catalog.views().containsKey(v.name())) continue;
                Savepoint sp = connection.setSavepoint();
                try {
                    st.execute(SqlRenderer.render(new Step.CreateView(v.name(), v.sql(), true)));
                    // Pinned like the catalog reader's, so both definitions qualify names alike;
                    // rolling back to the savepoint undoes this SET LOCAL and the replacement.
                    st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
                    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_get_viewdef("
                            + "pg_catalog.to_regclass(pg_catalog.quote_ident(?) || '.' || pg_catalog.quote_ident(?)))")) {
                        ps.setString(1, v.name().schema());
                        ps.setString(2, v.name().name());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            definitions.put(v.name(), rs.getString(1));
                        }
                    }
                } catch (SQLException e) {
                    refusals.put(v.name(), "55P03".equals(e.getSQLState())
                            ? "the view is busy: its lock was not free within " + LOCK_TIMEOUT_MILLIS + " ms; run again"
                            : e.getMessage().lines().findFirst().orElse("refused"));
                } finally {
                    connection.rollback(sp);
                }
                if (!definitions.containsKey(v.name())) temporaryTwin(connection, st, v, definitions);
            }
        } finally {
            connection.rollback();
        }
        return new Result(definitions, refusals);
    }
}
