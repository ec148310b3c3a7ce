package schemasync.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import schemasync.SchemaSyncException;

/**
 * Which schemas {@code generate} and {@code roundtrip} read. By default every user schema, as
 * pg_dump does: not {@code pg_catalog}, {@code pg_toast} or any other {@code pg_*} schema, not
 * {@code information_schema}, and not a schema an extension created (pg_depend deptype 'e': it comes
 * back with {@code CREATE EXTENSION}). {@code --schema} narrows to the named ones (each must exist),
 * {@code --exclude-schema} removes names from either list.
 */
public record SchemaSelection(List<String> include, List<String> exclude) {

    /** Every user schema of the database, sorted; {@code public} included even when empty. */
    static final String USER_SCHEMAS = """
            -- user schemas: what pg_dump writes without --schema
            SELECT n.nspname
            FROM pg_catalog.pg_namespace n
            WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
            ORDER BY n.nspname
            """;

    public SchemaSelection {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** Every user schema. */
    public static SchemaSelection all() {
        return new SchemaSelection(List.of(), List.of());
    }

    /** The schemas to read from this database, sorted; an error names a {@code --schema} that does not exist. */
    public List<String> resolve(Connection connection) throws SQLException {
        Set<String> existing = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(USER_SCHEMAS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) existing.add(rs.getString(1));
        }
        Set<String> chosen = new TreeSet<>(existing);
        if (!include.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String s : include) if (!existing.contains(s)) missing.add(s);
            if (!missing.isEmpty()) {
                throw SchemaSyncException.badInput("--schema " + String.join(", ", missing) + ": no such user schema in the source"
                        + " database (it has: " + String.join(", ", existing) + ")");
            }
            chosen = new TreeSet<>(include);
        }
        chosen.removeAll(exclude);
        if (chosen.isEmpty()) throw SchemaSyncException.badInput("no schema left to read: --exclude-schema removed every one");
        return List.copyOf(chosen);
    }
}
