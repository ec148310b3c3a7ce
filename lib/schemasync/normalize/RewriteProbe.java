package schemasync.normalize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.ColumnSpec;
import schemasync.normalize.DeclaredShapes.ColumnRef;
import schemasync.render.SqlRenderer;

/** Asks PostgreSQL which ADD COLUMNs would rewrite their table (a volatile default). */
final class RewriteProbe {
    private RewriteProbe() {
    }

    /**
     * Which planned ADD COLUMNs would rewrite their table. PostgreSQL decides, not us: since PG 11 a
     * non-volatile default is stored as a "missing value" without touching rows, a volatile one
     * (gen_random_uuid(), clock_timestamp(), nextval) rewrites every row. We add each candidate to a
     * one-row temporary table and watch whether its relfilenode changes.
     */
    static Set<ColumnRef> rewritingAdds(Connection connection, Catalog catalog, Iterable<Shadow> shadows,
                                                Set<String> declaredColumns) throws SQLException {
        Set<ColumnRef> rewriting = new HashSet<>();
        boolean probeCreated = false;
        int n = 0;
        for (Shadow s : shadows) {
            Table existing = catalog.tables().get(s.table);
            if (existing == null) continue;
            for (ColumnSpec c : s.columns.values()) {
                // Cheapest tests first: this runs for every column of every declared table.
                if (c.defaultSql() == null || c.identity() != Column.Identity.NONE || existing.column(c.name()).isPresent()
                        || !declaredColumns.contains(Normalizer.key(s.table, c.name()))) continue;
                try (Statement st = connection.createStatement()) {
                    if (!probeCreated) {
                        st.execute("CREATE TEMP TABLE schema_sync_rewrite_probe AS SELECT 1 AS probe_row");
                        probeCreated = true;
                    }
                    long before = filenode(st);
                    ColumnSpec probe = new ColumnSpec("c" + (++n), c.type(), false, c.defaultSql(), c.identity(), null);
                    st.execute(SqlRenderer.render(new schemasync.step.Step.AddColumn(
                            new QualifiedName("pg_temp", "schema_sync_rewrite_probe"), probe)));
                    if (filenode(st) != before) rewriting.add(new ColumnRef(s.table, c.name()));
                }
            }
        }
        return rewriting;
    }

    private static long filenode(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_relation_filenode('pg_temp.schema_sync_rewrite_probe')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
