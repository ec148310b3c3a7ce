package schemasync.dsl;

import java.util.function.UnaryOperator;

/**
 * The verbs of operators and casts: {@code ensureOperator}, {@code ensureCast} and their removals. Neither can be
 * altered in place, except an operator's RESTRICT and JOIN estimators (ALTER OPERATOR ... SET): any other
 * difference is reported, never changed (re-creating one means re-creating every index, constraint and view using it).
 */
public abstract class OperatorDeclarations extends StatisticsRuleDeclarations {

    OperatorDeclarations() {
    }

    /**
     * The operator exists: {@code ensureOperator("public.===", o -> o.leftArg("money2").rightArg("money2")
     * .function("money2_eq").commutator("===").restrict("eqsel").join("eqjoinsel").hashes())}. Created when missing
     * (its function, declared in an earlier block, and its argument types must exist); RESTRICT and JOIN are altered
     * in place; any other difference is reported (⚠).
     */
    public SchemaChanges ensureOperator(String name, UnaryOperator<OperatorOptions> options) {
        OperatorOptions o = options == null ? OperatorOptions.NONE : options.apply(OperatorOptions.NONE);
        add(new OperatorDecl.OperatorDeclared(scope().qualified(name), o == null ? OperatorOptions.NONE : o, currentOrigin()));
        return self();
    }

    /** The operator must not exist: dropped if present (no CASCADE). {@code leftType} null for a prefix operator. */
    public SchemaChanges ensureNoOperator(String name, String leftType, String rightType) {
        add(new OperatorDecl.OperatorRemoval(scope().qualified(name), leftType, rightType, currentOrigin()));
        return self();
    }

    /** The cast exists, through the function {@code function} (a signature: {@code "to_text(money2)"}), explicit only. */
    public SchemaChanges ensureCast(String source, String target, UnaryOperator<CastOptions> options) {
        CastOptions o = options == null ? CastOptions.NONE : options.apply(CastOptions.NONE);
        add(new OperatorDecl.CastDeclared(source == null ? null : scope().name(source.strip()), target == null ? null : scope().name(target.strip()),
                o == null ? CastOptions.NONE : o, currentOrigin()));
        return self();
    }

    /** The cast must not exist: dropped if present (no CASCADE). */
    public SchemaChanges ensureNoCast(String source, String target) {
        add(new OperatorDecl.CastRemoval(source == null ? null : source.strip(), target == null ? null : target.strip(), currentOrigin()));
        return self();
    }
}
