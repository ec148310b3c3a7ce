package schemasync.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import schemasync.SchemaSyncException;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.TenantScope;

/**
 * The tenant schemas of one database: those whose name matches a LIKE pattern ({@code tenant_%}), or
 * those a query returns (its first column) when the argument is a SELECT, e.g. {@code SELECT schema_name
 * FROM public.tenants WHERE active}. The placeholder schema and PostgreSQL's own never count.
 */
public final class Tenants {
    /** Schema names a tenant may have: plain lower-case identifiers, so jOOQ renders them the one way, quoted. */
    private static final Pattern TENANT = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    private Tenants() {
    }

    public static void requireTenantName(String schema) {
        if (!TENANT.matcher(schema).matches()) {
            throw SchemaSyncException.badInput("tenant schema \"" + schema + "\": a tenant schema name must be a plain"
                    + " lower-case identifier (a-z, 0-9, _, $; at most 63 bytes) to be used by the fleet");
        }
    }

    /** Whether the blocks (folded as written) declare anything in the placeholder schema: else there is nothing per tenant. */
    public static boolean declaresPlaceholder(DeclaredSchema declared, String placeholder) {
        return declared.managedSchemas().contains(placeholder);
    }

    /** The blocks folded for {@code tenant}: the DSL resolves the placeholder schema to the tenant's ({@link TenantScope}). */
    public static DeclaredSchema declarations(List<? extends ChangeBlock> blocks, String placeholder, String tenant) {
        requireTenantName(tenant);
        return DeclaredSchema.of(blocks, new TenantScope(placeholder, tenant));
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
        for (String name : names) requireTenantName(name);
        return List.copyOf(names);
    }
}
