package schemasync.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.QualifiedName;
import schemasync.render.SqlRenderer;

/**
 * Who holds a lock on a relation right now (pg_locks joined to pg_stat_activity), for the message
 * of a run that gave up after lock timeouts. Never their query text: it may hold secrets. Best
 * effort: the holder may be gone, and a role without pg_read_all_stats sees other roles' sessions
 * without details.
 */
final class LockHolders {
    private LockHolders() {
    }

    static String describe(Connection connection, QualifiedName relation) {
        if (relation == null) return "";
        List<String> holders = new ArrayList<>();
        String sql = """
                SELECT l.pid, l.mode, coalesce(a.state, '?'), coalesce(a.application_name, ''),
                       coalesce(extract(epoch FROM now() - a.xact_start)::bigint, -1)
                FROM pg_catalog.pg_locks l
                LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE l.relation = pg_catalog.to_regclass(?) AND l.granted AND l.pid <> pg_catalog.pg_backend_pid()
                ORDER BY a.xact_start NULLS LAST, l.pid
                LIMIT 5
                """;
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES).render(SqlRenderer.name(relation)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long age = rs.getLong(5);
                        holders.add("pid " + rs.getInt(1) + " (" + rs.getString(2) + ", " + rs.getString(3)
                                + (age >= 0 ? ", transaction open for " + age + " s" : "")
                                + (rs.getString(4).isEmpty() ? "" : ", application '" + rs.getString(4) + "'") + ")");
                    }
                }
            }
        } catch (SQLException e) {
            return "";
        }
        return holders.isEmpty() ? "\n    (no session holds a lock on " + relation + " right now; CREATE INDEX CONCURRENTLY"
                + " also waits for every transaction older than itself: look for long ones in pg_stat_activity)"
                : "\n    Sessions holding a lock on " + relation + " now: " + String.join(", ", holders);
    }
}
