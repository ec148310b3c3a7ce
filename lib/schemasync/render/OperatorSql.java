package schemasync.render;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import schemasync.catalog.Cast;
import schemasync.catalog.Operator;
import schemasync.step.OperatorSteps;

/**
 * CREATE / ALTER / DROP OPERATOR and CREATE / DROP CAST as plain SQL (jOOQ 3.19 has none of them). The operator's
 * schema goes through {@code DSL.name}; its name is operator characters, never quoted (PostgreSQL has no quoting for
 * them, the validator admits nothing else); types and functions are PostgreSQL's own spelling (format_type, regproc)
 * or the user's SQL checked to be one fragment, verbatim.
 */
final class OperatorSql {
    private OperatorSql() {
    }

    /** {@code public.===}: the schema quoted as an identifier, the operator name as is. */
    private static String name(DSLContext ctx, schemasync.catalog.QualifiedName name) {
        return ctx.render(DSL.name(name.schema())) + "." + name.name();
    }

    /** {@code OPERATOR(public.===)}. */
    private static String other(DSLContext ctx, schemasync.catalog.QualifiedName name) {
        return "OPERATOR(" + name(ctx, name) + ")";
    }

    static String createOperator(DSLContext ctx, OperatorSteps.CreateOperator s) {
        Operator o = s.operator();
        return "CREATE OPERATOR " + name(ctx, o.name()) + " (" + o.describe(operator -> other(ctx, operator)) + ")";
    }

    /** {@code public.=== (public.money2, public.money2)}: how ALTER and DROP OPERATOR name one. */
    private static String signature(DSLContext ctx, Operator o) {
        return name(ctx, o.name()) + " (" + (o.leftType() == null ? "NONE" : o.leftType()) + ", "
                + (o.rightType() == null ? "NONE" : o.rightType()) + ")";
    }

    static String setOperatorEstimators(DSLContext ctx, OperatorSteps.SetOperatorEstimators s) {
        Operator o = s.operator();
        return "ALTER OPERATOR " + signature(ctx, o) + " SET (RESTRICT = " + (o.restrict() == null ? "NONE" : o.restrict())
                + ", JOIN = " + (o.join() == null ? "NONE" : o.join()) + ")";
    }

    static String dropOperator(DSLContext ctx, OperatorSteps.DropOperator s) {
        return "DROP OPERATOR " + signature(ctx, s.operator());
    }

    static String createCast(OperatorSteps.CreateCast s) {
        Cast c = s.cast();
        return "CREATE CAST (" + c.source() + " AS " + c.target() + ") " + c.describe();
    }

    static String dropCast(OperatorSteps.DropCast s) {
        return "DROP CAST (" + s.cast().source() + " AS " + s.cast().target() + ")";
    }
}
