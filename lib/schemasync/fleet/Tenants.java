package schemasync.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tenant schemas of one database: those whose name matches a LIKE pattern ({@code tenant_%}), or
 * those a query returns (its first column) when the argument is a SELECT, e.g. {@code SELECT schema_name
 * FROM public.tenants WHERE active}. The placeholder schema and PostgreSQL's own never count.
 */
public final class Tenants {
    private Tenants() {
    }

    public static boolean isQuery(String selector) {
        String s = selector.stripLeading().toLowerCase(Locale.ROOT);
        return s.startsWith("select ") || s.startsWith("with ") || s.startsWith("select\n") || s.startsWith("with\n");
    }

    public static List<String> list(Connection connection, String selector, String placeholder) throws SQLException {
        String sql = isQuery(selector) ? selector
                : "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname LIKE ?"
                + " AND n.nspname !~ '^(pg_|information_schema$)' ORDER BY n.nspname";
        List<String> names = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            // Read only: a query from the command line must not change anything.
            try (var st = connection.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
            }
            if (!isQuery(selector)) ps.setString(1, selector);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name != null && !name.equals(placeholder)) names.add(name);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        for (String name : names) TenantDeclarations.requireTenantName(name);
        return List.copyOf(names);
    }
}
