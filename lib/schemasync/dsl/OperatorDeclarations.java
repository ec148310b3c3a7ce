package schemasync.dsl;

import java.util.function.UnaryOperator;

/**
 * The verbs of operators and casts: {@code ensureOperator}, {@code ensureCast} and their removals; of operator
 * families and classes: {@code ensureOperatorFamily}, {@code ensureOperatorClass} and their removals. Neither can be
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
        add(new OperatorDecl.OperatorDeclared(scope().qualified(name), o == null ? OperatorOptions.NONE : inScope(o), currentOrigin()));
        return self();
    }

    /** The operator must not exist: dropped if present (no CASCADE). {@code leftType} null for a prefix operator. */
    public SchemaChanges ensureNoOperator(String name, String leftType, String rightType) {
        add(new OperatorDecl.OperatorRemoval(scope().qualified(name), type(leftType), type(rightType), currentOrigin()));
        return self();
    }

    /** The cast exists, through the function {@code function} (a signature: {@code "to_text(money2)"}), explicit only. */
    public SchemaChanges ensureCast(String source, String target, UnaryOperator<CastOptions> options) {
        CastOptions o = options == null ? CastOptions.NONE : options.apply(CastOptions.NONE);
        add(new OperatorDecl.CastDeclared(type(source), type(target),
                o == null ? CastOptions.NONE : new CastOptions(o.method(), type(o.function()), o.context()), currentOrigin()));
        return self();
    }

    /** The cast must not exist: dropped if present (no CASCADE). */
    public SchemaChanges ensureNoCast(String source, String target) {
        add(new OperatorDecl.CastRemoval(type(source), type(target), currentOrigin()));
        return self();
    }

    /**
     * The operator family exists: {@code ensureOperatorFamily("public.money2_ops", f -> f.using("btree"))}, with its loose
     * members if any ({@link OperatorFamilyOptions}). Created when missing (CREATE OPERATOR FAMILY, then ALTER OPERATOR
     * FAMILY ... ADD); a difference in its members is reported (⚠) with the ALTER OPERATOR FAMILY that would match it.
     */
    public SchemaChanges ensureOperatorFamily(String name, UnaryOperator<OperatorFamilyOptions> options) {
        OperatorFamilyOptions o = options == null ? OperatorFamilyOptions.NONE : options.apply(OperatorFamilyOptions.NONE);
        o = o == null ? OperatorFamilyOptions.NONE : o;
        add(new OperatorClassDecl.FamilyDeclared(scope().qualified(name), new OperatorFamilyOptions(o.method(), members(o.members())),
                currentOrigin()));
        return self();
    }

    /** The operator family must not exist: dropped if present (DROP OPERATOR FAMILY drops its classes too; no CASCADE). */
    public SchemaChanges ensureNoOperatorFamily(String name, String accessMethod) {
        add(new OperatorClassDecl.FamilyRemoval(scope().qualified(name), accessMethod, currentOrigin()));
        return self();
    }

    /**
     * The operator class exists: {@code ensureOperatorClass("public.money2_ops", c -> c.forType("money2").using("btree")
     * .isDefault().operator(1, "<").operator(3, "=").function(1, "money2_cmp(money2,money2)"))}. Created when missing (its
     * type, operators and functions, declared in earlier blocks, must exist); a difference is reported (⚠) with the
     * DROP and CREATE that would match it (a class cannot be altered in place, and dropping it drops the indexes using it).
     */
    public SchemaChanges ensureOperatorClass(String name, UnaryOperator<OperatorClassOptions> options) {
        OperatorClassOptions o = options == null ? OperatorClassOptions.NONE : options.apply(OperatorClassOptions.NONE);
        o = o == null ? OperatorClassOptions.NONE : o;
        add(new OperatorClassDecl.ClassDeclared(scope().qualified(name), new OperatorClassOptions(o.method(), type(o.type()),
                o.defaultForType(), type(o.family()), type(o.storage()), members(o.members())), currentOrigin()));
        return self();
    }

    /** The operator class must not exist: dropped if present (no CASCADE: an index using it keeps it). */
    public SchemaChanges ensureNoOperatorClass(String name, String accessMethod) {
        add(new OperatorClassDecl.ClassRemoval(scope().qualified(name), accessMethod, currentOrigin()));
        return self();
    }

    /** Members with their types, operators, functions and ordering families in the tenant's schema, as a type is. */
    private java.util.List<schemasync.catalog.OperatorClass.Member> members(java.util.List<schemasync.catalog.OperatorClass.Member> members) {
        return members.stream().map(m -> new schemasync.catalog.OperatorClass.Member(m.function(), m.number(), type(m.leftType()),
                type(m.rightType()), type(m.target()), m.orderFamily() == null ? null
                : scope().resolve(m.orderFamily()))).toList();
    }

    /**
     * A type, function or estimator the operator or cast names, in the tenant's schema if written in the placeholder's
     * (as the verb's own name is): a declaration and its later removal, both resolved, name the same object, and the
     * tenant's operator is built on the tenant's types. A function signature's argument types stay as written (as
     * ensureFunction's do).
     */
    private String type(String text) {
        return text == null ? null : scope().name(text.strip());
    }

    /** The options with every name resolved; a commutator or negator may also be spelled {@code OPERATOR(schema.op)}. */
    private OperatorOptions inScope(OperatorOptions o) {
        return new OperatorOptions(type(o.leftArg()), type(o.rightArg()), type(o.function()), operator(o.commutator()),
                operator(o.negator()), type(o.restrict()), type(o.join()), o.canHash(), o.canMerge());
    }

    private String operator(String text) {
        if (text == null) return null;
        String bare = text.strip();
        boolean wrapped = bare.startsWith("OPERATOR(") && bare.endsWith(")");
        if (!wrapped) return type(bare);
        return "OPERATOR(" + type(bare.substring("OPERATOR(".length(), bare.length() - 1)) + ")";
    }
}
