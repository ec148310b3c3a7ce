package schemasync.normalize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.MaterializedViewDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.step.Step;
import schemasync.render.SqlRenderer;

/**
 * How PostgreSQL would spell the query of each declared materialized view that exists already. A
 * materialized view cannot be temporary, and re-creating the real one would lock it and run its
 * query; but a view and a materialized view store their query the same way (a _RETURN rule), so a
 * temporary view with the declared query, read with pg_get_viewdef under the catalog reader's pinned
 * search_path, gives exactly the text the catalog will show. Each twin lives under a savepoint that is
 * always rolled back. A query PostgreSQL rejects here is recorded as the reason it could not be compared.
 */
final class MaterializedViewShapes {
    record Result(Map<QualifiedName, String> definitions, Map<QualifiedName, String> failures) {
    }

    private MaterializedViewShapes() {
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static Result read(Connection connection, Catalog catalog, DeclaredSchema declared) throws SQLException {
        Map<QualifiedName, String> definitions = new HashMap<>();
        Map<QualifiedName, String> failures = new HashMap<>();
        QualifiedName twin = new QualifiedName("pg_temp", "schema_sync_matview_twin");
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ WRITE");
            for (var d : declared.declarations()) {
                if (!(d instanceof MaterializedViewDecl m) || !catalog.materializedViews().containsKey(m.name())) continue;
                Savepoint sp = connection.setSavepoint();
                try {
                    st.execute(SqlRenderer.render(new Step.CreateView(twin, m.sql(), false)));
                    st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
                    try (ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_get_viewdef('pg_temp.schema_sync_matview_twin'::regclass)")) {
                        rs.next();
                        definitions.put(m.name(), rs.getString(1));
                    }
                } catch (SQLException e) {
                    failures.put(m.name(), e.getMessage() == null ? "refused" : e.getMessage().lines().findFirst().orElse("refused"));
                } finally {
                    connection.rollback(sp);
                }
            }
        } finally {
            connection.rollback();
        }
        return new Result(definitions, failures);
    }
}
