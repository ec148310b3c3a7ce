package schemasync.render;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;
import schemasync.catalog.QualifiedName;
import schemasync.step.OperatorClassSteps;

/**
 * CREATE / ALTER / DROP OPERATOR FAMILY and CREATE / DROP OPERATOR CLASS as plain SQL (jOOQ 3.19 has none of them). The
 * name and the access method go through {@code DSL.name}; types, operators and functions are PostgreSQL's own spelling
 * (format_type, regoperator, regprocedure) or the user's SQL checked to be one fragment, verbatim.
 */
final class OperatorClassSql {
    private OperatorClassSql() {
    }

    /** {@code "public"."money2_ops" USING "btree"}: how every statement of the kind names one. */
    private static String named(DSLContext ctx, QualifiedName name, String method) {
        return ctx.render(DSL.name(name.schema(), name.name())) + " USING " + ctx.render(DSL.name(method));
    }

    static String createFamily(DSLContext ctx, OperatorClassSteps.CreateOperatorFamily s) {
        OperatorFamily f = s.family();
        return "CREATE OPERATOR FAMILY " + named(ctx, f.name(), f.method());
    }

    static String addMembers(DSLContext ctx, OperatorClassSteps.AddOperatorFamilyMembers s) {
        OperatorFamily f = s.family();
        return "ALTER OPERATOR FAMILY " + named(ctx, f.name(), f.method()) + " ADD "
                + String.join(", ", f.members().stream().map(OperatorClass.Member::describe).toList());
    }

    static String dropFamily(DSLContext ctx, OperatorClassSteps.DropOperatorFamily s) {
        return "DROP OPERATOR FAMILY " + named(ctx, s.family().name(), s.family().method());
    }

    static String createClass(DSLContext ctx, OperatorClassSteps.CreateOperatorClass s) {
        OperatorClass c = s.operatorClass();
        return "CREATE OPERATOR CLASS " + ctx.render(DSL.name(c.name().schema(), c.name().name())) + " " + c.describe();
    }

    static String dropClass(DSLContext ctx, OperatorClassSteps.DropOperatorClass s) {
        return "DROP OPERATOR CLASS " + named(ctx, s.operatorClass().name(), s.operatorClass().method());
    }
}
