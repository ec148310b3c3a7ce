package schemasync.generate;

import java.util.List;
import schemasync.dsl.NewObjects;
import schemasync.dsl.PolicyCommand;
import schemasync.dsl.Privilege;
import schemasync.dsl.SchemaChanges;

/** The generated calls about who may do what: grants, default privileges, row-level security and policies. */
final class AccessCalls {
    private AccessCalls() {
    }

    /**
     * A grant on a column, sequence, schema or routine ({@code kind} COLUMN, SEQUENCE, SCHEMA, FUNCTION),
     * or its revocation ({@code revoke}: PUBLIC's default EXECUTE taken away). {@code object} is the
     * table, sequence, schema or routine signature; {@code column} the column.
     */
    record ObjectGrantCall(String kind, String object, String column, String role, List<String> privileges, boolean revoke)
            implements Call {
        public void render(JavaCode code) {
            String method = switch (kind) {
                case "COLUMN" -> "ColumnGrant";
                case "SEQUENCE" -> "SequenceGrant";
                case "SCHEMA" -> "SchemaGrant";
                default -> "FunctionGrant";
            };
            code.line(0, "db.ensure" + (revoke ? "No" : "") + method + "(" + JavaCode.literal(object)
                    + (column == null ? "" : ", " + JavaCode.literal(column)) + ", " + JavaCode.literal(role) + ", "
                    + constants(code, privileges) + ");");
        }

        public void declare(SchemaChanges db) {
            Privilege first = first(privileges);
            Privilege[] p = rest(privileges);
            switch (kind) {
                case "COLUMN" -> {
                    if (revoke) db.ensureNoColumnGrant(object, column, role, first, p);
                    else db.ensureColumnGrant(object, column, role, first, p);
                }
                case "SEQUENCE" -> {
                    if (revoke) db.ensureNoSequenceGrant(object, role, first, p);
                    else db.ensureSequenceGrant(object, role, first, p);
                }
                case "SCHEMA" -> {
                    if (revoke) db.ensureNoSchemaGrant(object, role, first, p);
                    else db.ensureSchemaGrant(object, role, first, p);
                }
                default -> {
                    if (revoke) db.ensureNoFunctionGrant(object, role, first, p);
                    else db.ensureFunctionGrant(object, role, first, p);
                }
            }
        }
    }

    /** {@code db.ensureDefaultPrivileges(NewObjects.TABLES, "reader", Privilege.SELECT).forRole("owner").inSchema("app")}. */
    record DefaultPrivilegesCall(String objects, String role, List<String> privileges, boolean revoke, String forRole,
                                 String schema) implements Call {
        public void render(JavaCode code) {
            code.importClass("schemasync.dsl.NewObjects");
            code.line(0, "db.ensure" + (revoke ? "No" : "") + "DefaultPrivileges(NewObjects." + newObjects(objects).name() + ", "
                    + JavaCode.literal(role) + ", " + constants(code, privileges) + ")"
                    + (forRole == null ? "" : ".forRole(" + JavaCode.literal(forRole) + ")")
                    + (schema == null ? "" : ".inSchema(" + JavaCode.literal(schema) + ")") + ";");
        }

        public void declare(SchemaChanges db) {
            NewObjects kind = newObjects(objects);
            var b = revoke ? db.ensureNoDefaultPrivileges(kind, role, first(privileges), rest(privileges))
                    : db.ensureDefaultPrivileges(kind, role, first(privileges), rest(privileges));
            if (forRole != null) b.forRole(forRole);
            if (schema != null) b.inSchema(schema);
        }
    }

    record RowSecurityCall(String table, boolean force) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureRowLevelSecurity(" + JavaCode.literal(table) + (force ? ", true" : "") + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureRowLevelSecurity(table, force);
        }
    }

    record PolicyCall(String name, String table, boolean permissive, String command, List<String> roles, String using,
                      String withCheck) implements Call {
        public void render(JavaCode code) {
            StringBuilder s = new StringBuilder("db.ensurePolicy(" + JavaCode.literal(name) + ").on(" + JavaCode.literal(table) + ")");
            if (!permissive) s.append(".restrictive()");
            if (!command.equals("ALL")) {
                code.importClass("schemasync.dsl.PolicyCommand");
                s.append(".forCommand(PolicyCommand.").append(PolicyCommand.valueOf(command).name()).append(")");
            }
            if (!roles.equals(List.of("public"))) s.append(".to(").append(JavaCode.strings(roles)).append(")");
            code.line(0, s.toString() + (using == null && withCheck == null ? ";" : ""));
            if (using != null) code.line(1, ".using(" + JavaCode.literal(using) + ")" + (withCheck == null ? ";" : ""));
            if (withCheck != null) code.line(1, ".withCheck(" + JavaCode.literal(withCheck) + ");");
        }

        public void declare(SchemaChanges db) {
            var b = db.ensurePolicy(name).on(table);
            if (!permissive) b.restrictive();
            if (!command.equals("ALL")) b.forCommand(PolicyCommand.valueOf(command));
            if (!roles.equals(List.of("public"))) b.to(roles.toArray(String[]::new));
            if (using != null) b.using(using);
            if (withCheck != null) b.withCheck(withCheck);
        }
    }

    record GrantCall(String table, String role, List<String> privileges) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureGrant(" + JavaCode.literal(table) + ", " + JavaCode.literal(role) + ", "
                    + constants(code, privileges) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureGrant(table, role, first(privileges), rest(privileges));
        }
    }

    /** {@code Privilege.SELECT, Privilege.INSERT}: the catalog's privilege words are the enum's names. */
    private static String constants(JavaCode code, List<String> privileges) {
        code.importClass("schemasync.dsl.Privilege");
        return String.join(", ", privileges.stream().map(p -> "Privilege." + Privilege.valueOf(p).name()).toList());
    }

    private static Privilege first(List<String> privileges) {
        return Privilege.valueOf(privileges.get(0));
    }

    private static Privilege[] rest(List<String> privileges) {
        return privileges.stream().skip(1).map(Privilege::valueOf).toArray(Privilege[]::new);
    }

    /** pg_default_acl's kind as ALTER DEFAULT PRIVILEGES spells it (ROUTINES is FUNCTIONS' synonym). */
    private static NewObjects newObjects(String objects) {
        return NewObjects.valueOf(objects.equals("ROUTINES") ? "FUNCTIONS" : objects);
    }
}
