package schemasync.dsl;

/**
 * The kind of objects default privileges apply to once they are created, as ALTER DEFAULT PRIVILEGES
 * spells it: {@code ensureDefaultPrivileges(NewObjects.TABLES, "reader", Privilege.SELECT)}. FUNCTIONS
 * covers procedures too (PostgreSQL's ROUTINES is the same entry of pg_default_acl).
 */
public enum NewObjects {
    TABLES, SEQUENCES, FUNCTIONS, TYPES, SCHEMAS
}
