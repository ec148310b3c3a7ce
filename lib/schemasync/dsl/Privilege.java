package schemasync.dsl;

/**
 * A privilege of GRANT / REVOKE / ALTER DEFAULT PRIVILEGES: {@code ensureGrant("orders", "reader", Privilege.SELECT)}.
 * Which ones an object kind accepts is PostgreSQL's rule, checked before any connection: tables take
 * SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER and MAINTAIN (PostgreSQL 17+); columns
 * SELECT, INSERT, UPDATE, REFERENCES; sequences USAGE, SELECT, UPDATE; schemas USAGE, CREATE; routines EXECUTE.
 */
public enum Privilege {
    SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN, USAGE, CREATE, EXECUTE;

    static String[] names(Privilege first, Privilege[] more) {
        String[] names = new String[more.length + 1];
        names[0] = first == null ? null : first.name();
        for (int i = 0; i < more.length; i++) names[i + 1] = more[i] == null ? null : more[i].name();
        return names;
    }
}
