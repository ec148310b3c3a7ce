package schemasync.render;

import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.GrantTarget;
import schemasync.step.Step;

/**
 * GRANT / REVOKE, ALTER DEFAULT PRIVILEGES and CREATE AGGREGATE as plain-SQL templates: jOOQ 3.19's
 * grant DSL knows tables only. Names go through {@code DSL.name}; privilege words and object kinds
 * come from the validator's fixed lists; routine arguments and aggregate options are the user's SQL,
 * appended verbatim (never parsed as a template).
 */
final class PrivilegeSql {
    private PrivilegeSql() {
    }

    /** {@code GRANT SELECT, INSERT ON TABLE t TO r}; a column: {@code GRANT SELECT ("c"), UPDATE ("c") ON TABLE t TO r}. */
    static String grant(Step.GrantPrivileges g) {
        GrantTarget t = g.target();
        String privileges = t.kind() == GrantTarget.Kind.COLUMN
                ? String.join(", ", g.privileges().stream().map(p -> p + " (" + SqlRenderer.CTX.render(DSL.name(t.detail())) + ")").toList())
                : String.join(", ", g.privileges());
        String head = (g.revoke() ? "REVOKE " : "GRANT ") + privileges + " ON ";
        String to = SqlRenderer.CTX.render(DSL.query(g.revoke() ? " FROM {0}" : " TO {0}", role(g.role())));
        return switch (t.kind()) {
            case TABLE, COLUMN -> SqlRenderer.CTX.render(DSL.query(head + "TABLE {0}", qualified(t))) + to;
            case SEQUENCE -> SqlRenderer.CTX.render(DSL.query(head + "SEQUENCE {0}", qualified(t))) + to;
            case SCHEMA -> SqlRenderer.CTX.render(DSL.query(head + "SCHEMA {0}", DSL.name(t.schema()))) + to;
            // ROUTINE (PostgreSQL 11+) covers functions, procedures and aggregates; ON FUNCTION refuses a
            // procedure. The arguments are PostgreSQL's identity arguments, appended verbatim.
            case FUNCTION -> SqlRenderer.CTX.render(DSL.query(head + "ROUTINE {0}", qualified(t))) + "(" + t.detail() + ")" + to;
        };
    }

    /** {@code ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT p ON TABLES TO role}. */
    static String defaultPrivileges(Step.AlterDefaultPrivileges a) {
        DefaultTarget t = a.target();
        String sql = "ALTER DEFAULT PRIVILEGES" + (a.explicitRole() ? " FOR ROLE {0}" : "") + (t.schema() == null ? "" : " IN SCHEMA {1}")
                + (a.revoke() ? " REVOKE " : " GRANT ") + String.join(", ", a.privileges()) + " ON " + t.objects()
                + (a.revoke() ? " FROM {2}" : " TO {2}");
        return SqlRenderer.CTX.render(DSL.query(sql, DSL.name(t.forRole()), DSL.name(t.schema() == null ? "" : t.schema()),
                role(a.role())));
    }

    /** {@code CREATE AGGREGATE name(args) (options)}; an aggregate of no arguments is written {@code name(*)}. */
    static String createAggregate(Step.CreateAggregate a) {
        return SqlRenderer.CTX.render(DSL.query("CREATE " + (a.replace() ? "OR REPLACE " : "") + "AGGREGATE {0}", SqlRenderer.name(a.name())))
                + "(" + (a.arguments().isBlank() ? "*" : a.arguments()) + ") (" + a.definition() + ")";
    }

    private static QueryPart qualified(GrantTarget t) {
        return DSL.name(t.schema(), t.name());
    }

    /** PUBLIC is a keyword: quoted it would name a role called "public". */
    private static QueryPart role(String role) {
        return role.equals("public") ? DSL.sql("PUBLIC") : DSL.name(role);
    }
}
