package schemasync.normalize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import schemasync.SchemaSyncException;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.OwnerDecl;

/**
 * Before the plan: every role an {@code ensureOwner} names exists in the cluster. Roles are cluster objects,
 * referenced and never created, so a missing one is the blocks' error (exit 2, nothing changed), not a
 * statement failing halfway through the apply. One query, only when a block declares an owner.
 */
final class OwnerRoles {
    private OwnerRoles() {
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static void check(Connection connection, DeclaredSchema declared) throws SQLException {
        Map<String, OwnerDecl> firstByRole = new LinkedHashMap<>();
        for (Declaration d : declared.declarations()) {
            if (d instanceof OwnerDecl o) firstByRole.putIfAbsent(o.role(), o);
        }
        if (firstByRole.isEmpty()) return;
        Set<String> existing = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.rolname = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("text", firstByRole.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) existing.add(rs.getString(1));
            }
        } finally {
            connection.rollback();
        }
        for (OwnerDecl o : firstByRole.values()) {
            if (!existing.contains(o.role())) {
                throw SchemaSyncException.badInput(o.origin() + ": owner of " + o.target().kind().word() + " " + o.target()
                        + ": role " + o.role() + " does not exist (roles are referenced, never created: CREATE ROLE it first)");
            }
        }
    }
}
