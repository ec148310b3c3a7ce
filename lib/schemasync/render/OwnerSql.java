package schemasync.render;

import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import schemasync.catalog.OwnerTarget;

/**
 * ALTER kind name OWNER TO role: the role by name, quoted like every identifier; a routine with its identity arguments,
 * an operator with its two types ({@code ALTER OPERATOR "shop".=== (shop.money2, shop.money2) OWNER TO ...}).
 */
final class OwnerSql {
    private OwnerSql() {
    }

    static String setOwner(DSLContext ctx, OwnerTarget t, String role) {
        String head = "ALTER " + t.kind().word().toUpperCase(Locale.ROOT) + " ";
        if (t.kind() == OwnerTarget.Kind.SCHEMA || t.kind().databaseWide()) {
            return ctx.render(DSL.query(head + "{0} OWNER TO {1}", DSL.name(t.name().name()), DSL.name(role)));
        }
        if (t.kind() == OwnerTarget.Kind.OPERATOR) {
            // An operator's name is operator characters, which PostgreSQL never quotes (a quoted one is an identifier).
            return head + ctx.render(DSL.name(t.name().schema())) + "." + t.name().name() + " (" + t.arguments() + ") "
                    + ctx.render(DSL.query("OWNER TO {0}", DSL.name(role)));
        }
        String object = ctx.render(DSL.name(t.name().schema(), t.name().name()));
        if (t.kind().usingMethod()) object += " USING " + ctx.render(DSL.name(t.method()));
        if (t.kind().routine()) object += "(" + t.arguments() + ")";
        return head + object + " " + ctx.render(DSL.query("OWNER TO {0}", DSL.name(role)));
    }
}
