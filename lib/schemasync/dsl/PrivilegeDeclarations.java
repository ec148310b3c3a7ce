package schemasync.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.AccessDecl.DefaultPrivilegesDecl;
import schemasync.dsl.AccessDecl.GrantDecl;

/**
 * The privilege part of {@link SchemaChanges}'s vocabulary: grants on tables, columns, sequences, schemas and
 * routines, their explicit revocations, and default privileges. Grants are added when missing;
 * privileges a role holds beyond the declared ones are reported, and revoked only where a block says
 * {@code ensureNo...Grant}. Roles are named as in PostgreSQL; {@code "public"} means PUBLIC.
 */
public abstract class PrivilegeDeclarations {

    PrivilegeDeclarations() {
    }

    abstract void add(Declaration declaration);

    abstract Origin currentOrigin();

    abstract void placeholder(Supplier<Declaration> declaration);

    abstract SchemaChanges self();

    /** The tenant this fold is for ({@link TenantScope}): names in the placeholder schema are resolved to its schema. */
    abstract TenantScope scope();

    /**
     * The role holds these privileges on the table (SELECT, INSERT, UPDATE, DELETE, TRUNCATE,
     * REFERENCES, TRIGGER); {@code "public"} means PUBLIC. Missing ones are granted; others the role
     * holds are reported, never revoked implicitly.
     */
    public SchemaChanges ensureGrant(String table, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.table(scope().qualified(table)), role, Privilege.names(privilege, more), false);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureGrant(String table, String role, String... privileges) {
        warnStrings("ensureGrant", privileges);
        return grant(GrantTarget.table(scope().qualified(table)), role, privileges, false);
    }

    /** The role holds these privileges (SELECT, INSERT, UPDATE, REFERENCES) on one column of the table. */
    public SchemaChanges ensureColumnGrant(String table, String column, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.column(scope().qualified(table), column), role, Privilege.names(privilege, more), false);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureColumnGrant(String table, String column, String role, String... privileges) {
        warnStrings("ensureColumnGrant", privileges);
        return grant(GrantTarget.column(scope().qualified(table), column), role, privileges, false);
    }

    /** The role holds these privileges (USAGE, SELECT, UPDATE) on the sequence. */
    public SchemaChanges ensureSequenceGrant(String sequence, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.sequence(scope().qualified(sequence)), role, Privilege.names(privilege, more), false);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureSequenceGrant(String sequence, String role, String... privileges) {
        warnStrings("ensureSequenceGrant", privileges);
        return grant(GrantTarget.sequence(scope().qualified(sequence)), role, privileges, false);
    }

    /** The role holds these privileges (USAGE, CREATE) on the schema. */
    public SchemaChanges ensureSchemaGrant(String schema, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.schema(scope().schemaName(schema)), role, Privilege.names(privilege, more), false);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureSchemaGrant(String schema, String role, String... privileges) {
        warnStrings("ensureSchemaGrant", privileges);
        return grant(GrantTarget.schema(scope().schemaName(schema)), role, privileges, false);
    }

    /**
     * The role may execute the function, procedure or aggregate {@code [schema.]name(argument types)}:
     * {@code ensureFunctionGrant("app_add(integer, integer)", "app_user", "EXECUTE")}.
     */
    public SchemaChanges ensureFunctionGrant(String signature, String role, Privilege privilege, Privilege... more) {
        return grant(function(signature), role, Privilege.names(privilege, more), false);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureFunctionGrant(String signature, String role, String... privileges) {
        warnStrings("ensureFunctionGrant", privileges);
        return grant(function(signature), role, privileges, false);
    }

    /** The role must not hold these table privileges: revoked when held (the only way anything is revoked). */
    public SchemaChanges ensureNoGrant(String table, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.table(scope().qualified(table)), role, Privilege.names(privilege, more), true);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureNoGrant(String table, String role, String... privileges) {
        warnStrings("ensureNoGrant", privileges);
        return grant(GrantTarget.table(scope().qualified(table)), role, privileges, true);
    }

    /** The role must not hold these privileges on the column (a column grant, not the table's): revoked when held. */
    public SchemaChanges ensureNoColumnGrant(String table, String column, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.column(scope().qualified(table), column), role, Privilege.names(privilege, more), true);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureNoColumnGrant(String table, String column, String role, String... privileges) {
        warnStrings("ensureNoColumnGrant", privileges);
        return grant(GrantTarget.column(scope().qualified(table), column), role, privileges, true);
    }

    /** The role must not hold these privileges (USAGE, SELECT, UPDATE) on the sequence: revoked when held. */
    public SchemaChanges ensureNoSequenceGrant(String sequence, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.sequence(scope().qualified(sequence)), role, Privilege.names(privilege, more), true);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureNoSequenceGrant(String sequence, String role, String... privileges) {
        warnStrings("ensureNoSequenceGrant", privileges);
        return grant(GrantTarget.sequence(scope().qualified(sequence)), role, privileges, true);
    }

    /** The role must not hold these privileges (USAGE, CREATE) on the schema: revoked when held. */
    public SchemaChanges ensureNoSchemaGrant(String schema, String role, Privilege privilege, Privilege... more) {
        return grant(GrantTarget.schema(scope().schemaName(schema)), role, Privilege.names(privilege, more), true);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureNoSchemaGrant(String schema, String role, String... privileges) {
        warnStrings("ensureNoSchemaGrant", privileges);
        return grant(GrantTarget.schema(scope().schemaName(schema)), role, privileges, true);
    }

    /**
     * The role must not be able to execute the routine, revoked when it can: {@code ensureNoFunctionGrant(
     * "transfer(bigint, bigint, numeric)", "public", "EXECUTE")} (PostgreSQL grants EXECUTE to PUBLIC by default).
     */
    public SchemaChanges ensureNoFunctionGrant(String signature, String role, Privilege privilege, Privilege... more) {
        return grant(function(signature), role, Privilege.names(privilege, more), true);
    }

    /** Deprecated spelling: the privileges as {@link Privilege} constants. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureNoFunctionGrant(String signature, String role, String... privileges) {
        warnStrings("ensureNoFunctionGrant", privileges);
        return grant(function(signature), role, privileges, true);
    }

    /**
     * Objects of this kind created from now on give the role these privileges:
     * {@code ensureDefaultPrivileges(NewObjects.TABLES, "reader", Privilege.SELECT).forRole("app_owner")
     * .inSchema("app")}. Without {@code forRole}: objects created by the role that runs the tool;
     * without {@code inSchema}: in any schema. Existing objects are not affected (declare their grants).
     */
    public DefaultPrivilegesBuilder ensureDefaultPrivileges(NewObjects objects, String role, Privilege privilege, Privilege... more) {
        return defaults(objects == null ? null : objects.name(), role, Privilege.names(privilege, more), false);
    }

    /** New objects of this kind must not give the role these privileges: revoked from the defaults when present. */
    public DefaultPrivilegesBuilder ensureNoDefaultPrivileges(NewObjects objects, String role, Privilege privilege, Privilege... more) {
        return defaults(objects == null ? null : objects.name(), role, Privilege.names(privilege, more), true);
    }

    /** Deprecated spelling: {@code ensureDefaultPrivileges(NewObjects.TABLES, role, Privilege.SELECT)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public DefaultPrivilegesBuilder ensureDefaultPrivileges(String objects, String role, String... privileges) {
        Deprecations.warn("ensureDefaultPrivileges(\"" + objects + "\", role, \"...\")",
                "ensureDefaultPrivileges(NewObjects." + objectsWord(objects) + ", role, Privilege...)");
        return defaults(objects, role, privileges, false);
    }

    /** Deprecated spelling: {@code ensureNoDefaultPrivileges(NewObjects.TABLES, role, Privilege.SELECT)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public DefaultPrivilegesBuilder ensureNoDefaultPrivileges(String objects, String role, String... privileges) {
        Deprecations.warn("ensureNoDefaultPrivileges(\"" + objects + "\", role, \"...\")",
                "ensureNoDefaultPrivileges(NewObjects." + objectsWord(objects) + ", role, Privilege...)");
        return defaults(objects, role, privileges, true);
    }

    private static String objectsWord(String objects) {
        String word = objects == null ? "TABLES" : objects.strip().toUpperCase(Locale.ROOT);
        return word.equals("ROUTINES") ? "FUNCTIONS" : word;
    }

    /** The constant for a privilege word, or a placeholder when there is none (the validator names the bad word). */
    private static String known(String privilege) {
        String word = privilege == null ? "" : privilege.strip().toUpperCase(Locale.ROOT);
        boolean exists = Arrays.stream(Privilege.values()).anyMatch(p -> p.name().equals(word));
        return exists ? word : "<one of " + Arrays.toString(Privilege.values()) + ">";
    }

    private static void warnStrings(String method, String[] privileges) {
        String names = String.join(", ", Arrays.stream(privileges).map(p -> "\"" + p + "\"").toList());
        String constants = String.join(", ", Arrays.stream(privileges)
                .map(p -> "Privilege." + known(p)).toList());
        Deprecations.warn(method + "(..., " + names + ")", method + "(..., " + constants + ")");
    }

    private DefaultPrivilegesBuilder defaults(String objects, String role, String[] privileges, boolean revoke) {
        DefaultPrivilegesBuilder builder = new DefaultPrivilegesBuilder();
        Origin declaredIn = currentOrigin();
        String kind = objects == null ? null : objects.strip().toUpperCase(Locale.ROOT);
        // ALTER DEFAULT PRIVILEGES accepts ROUTINES as a synonym of FUNCTIONS; pg_default_acl stores 'f' for both.
        String normalizedKind = "ROUTINES".equals(kind) ? "FUNCTIONS" : kind;
        placeholder(() -> new DefaultPrivilegesDecl(builder.forRole == null ? null : role(builder.forRole),
                scope().schemaName(builder.schema),
                normalizedKind, role(role), upper(privileges), revoke, declaredIn));
        return builder;
    }

    private SchemaChanges grant(GrantTarget target, String role, String[] privileges, boolean revoke) {
        add(new GrantDecl(target, role(role), upper(privileges), revoke, currentOrigin()));
        return self();
    }

    private GrantTarget function(String signature) {
        Signature sig = Signature.parse(signature, scope());
        return GrantTarget.function(sig.name(), sig.arguments());
    }

    /** PUBLIC is a keyword, never a role name (CREATE ROLE public is refused): one spelling for it. */
    private static String role(String role) {
        return role != null && role.equalsIgnoreCase("public") ? "public" : role;
    }

    private static List<String> upper(String[] privileges) {
        return Arrays.stream(privileges).map(p -> p == null ? "" : p.strip().toUpperCase(Locale.ROOT)).toList();
    }

    /**
     * The object is owned by this role: {@code ensureOwner(OwnerOf.TABLE, "orders", "app_owner")}; a routine
     * is written {@code name(argument types)}, an operator {@code name(left type, right type)} (NONE for a prefix
     * operator's left), a schema, foreign server, publication or event trigger by its name. The role must exist (roles are referenced,
     * never created). A declared owner that differs is set with ALTER ... OWNER TO (metadata only); owners no
     * block declares are not compared, and what the apply creates is owned by the role that applies.
     */
    public SchemaChanges ensureOwner(OwnerOf of, String object, String role) {
        schemasync.catalog.OwnerTarget.Kind kind = of == null ? null : of.kind();
        schemasync.catalog.OwnerTarget target;
        if (kind == schemasync.catalog.OwnerTarget.Kind.SCHEMA) {
            target = schemasync.catalog.OwnerTarget.schema(scope().schemaName(object));
        } else if (kind != null && kind.databaseWide()) {
            target = schemasync.catalog.OwnerTarget.databaseWide(kind, object); // a name of the database: no schema to resolve
        } else if (kind != null && kind.usingMethod()) {
            // "name USING method": a btree and a hash class may share a name.
            String[] parts = object == null ? new String[] {""} : object.strip().split("(?i)\\s+USING\\s+", 2);
            target = schemasync.catalog.OwnerTarget.usingMethod(kind, scope().qualified(parts[0]),
                    parts.length < 2 ? null : parts[1].strip().toLowerCase(java.util.Locale.ROOT));
        } else if (kind != null && kind.signed()) {
            Signature sig = Signature.parse(object, scope());
            target = new schemasync.catalog.OwnerTarget(kind, sig.name(), sig.arguments());
        } else {
            target = new schemasync.catalog.OwnerTarget(kind, scope().qualified(object), null);
        }
        add(new OwnerDecl(target, role, currentOrigin()));
        return self();
    }
}
