package schemasync.dsl;

import java.util.List;
import schemasync.catalog.QualifiedName;

/** The declarations of who may do what: row-level security, policies, grants and default privileges ({@link Declaration.Access}). */
public final class AccessDecl {
    private AccessDecl() {
    }

    /** {@code ensureRowLevelSecurity("documents")}: ENABLE (and with force, FORCE) ROW LEVEL SECURITY. */
    public record RowSecurityDecl(QualifiedName table, boolean force, Origin origin) implements Declaration.Access {
    }

    /**
     * {@code ensurePolicy("own_rows").on("documents").forCommand("SELECT").to("app_user").using("...")}.
     * Roles as PostgreSQL names them ({@code public} for PUBLIC); command ALL by default.
     */
    public record PolicyDecl(String name, QualifiedName table, boolean permissive, String command, List<String> roles,
                             String using, String withCheck, Origin origin) implements Declaration.Access {
        public PolicyDecl {
            roles = List.copyOf(roles);
        }

        /** The policy in the catalog's record (roles and expressions as written). */
        public schemasync.catalog.Table.Policy policy() {
            return new schemasync.catalog.Table.Policy(name, permissive, command, roles, using, withCheck);
        }
    }

    /**
     * {@code ensureGrant("documents", "app_user", "SELECT", "INSERT")} and its column, sequence, schema
     * and function forms: the role holds these privileges on the target; with {@code revoke}
     * ({@code ensureNoGrant...}) it must not. For a function the target's detail is the argument
     * list as written; the normalizer resolves it to PostgreSQL's identity arguments.
     */
    public record GrantDecl(schemasync.catalog.GrantTarget target, String role, List<String> privileges, boolean revoke,
                            Origin origin) implements Declaration.Access {
        public GrantDecl {
            privileges = List.copyOf(privileges);
        }
    }

    /**
     * {@code ensureDefaultPrivileges("TABLES", "reader", "SELECT").forRole("owner").inSchema("app")}:
     * objects of that kind the role {@code forRole} (null: whoever runs the tool) creates (in
     * {@code schema}; null: anywhere) give {@code role} these privileges. With {@code revoke} they must not.
     */
    public record DefaultPrivilegesDecl(String forRole, String schema, String objects, String role, List<String> privileges,
                                        boolean revoke, Origin origin) implements Declaration.Access {
        public DefaultPrivilegesDecl {
            privileges = List.copyOf(privileges);
        }
    }
}
