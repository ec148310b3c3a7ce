package schemasync.dsl;

/** {@code ensureDefaultPrivileges("TABLES", "reader", "SELECT").forRole("app_owner").inSchema("app")}. */
public final class DefaultPrivilegesBuilder {
    String forRole;
    String schema;

    DefaultPrivilegesBuilder() {
    }

    /** Objects created by this role (ALTER DEFAULT PRIVILEGES FOR ROLE); default: the role running the tool. */
    public DefaultPrivilegesBuilder forRole(String role) {
        this.forRole = role;
        return this;
    }

    /** Only objects created in this schema (IN SCHEMA); default: any schema. */
    public DefaultPrivilegesBuilder inSchema(String schemaName) {
        this.schema = schemaName; // resolved for the tenant with the declaration
        return this;
    }
}
