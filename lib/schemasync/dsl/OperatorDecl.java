package schemasync.dsl;

import schemasync.catalog.Cast;
import schemasync.catalog.Operator;
import schemasync.catalog.QualifiedName;

/**
 * The declarations of operators and casts ({@link OperatorDeclarations}' verbs), their removals included: an
 * operator is named by its name and argument types, a cast by its source and target types, so neither fits
 * {@link Declaration.RemovalDecl}'s one qualified name.
 */
public final class OperatorDecl {
    private OperatorDecl() {
    }

    /** {@code ensureOperator("public.=", o -> o.leftArg("money2").rightArg("money2").function("money2_eq"))}. */
    public record OperatorDeclared(QualifiedName name, OperatorOptions options, Origin origin) implements Declaration.Kind {
        /** The operator as written, in the catalog's shape (the normalizer spells its types and functions as PostgreSQL will). */
        public Operator operator() {
            return new Operator(name, options.leftArg(), options.rightArg(), options.function(), sibling(options.commutator()),
                    sibling(options.negator()), options.restrict(), options.join(), options.canHash(), options.canMerge());
        }

        /** An operator named without a schema is in this one's schema (as pg_dump always qualifies it). */
        private QualifiedName sibling(String operator) {
            if (operator == null) return null;
            String bare = operator.strip();
            if (bare.startsWith("OPERATOR(") && bare.endsWith(")")) bare = bare.substring("OPERATOR(".length(), bare.length() - 1).strip();
            int dot = bare.lastIndexOf('.');
            return dot < 0 ? name.sibling(bare) : new QualifiedName(SqlNames.unquote(bare.substring(0, dot)), bare.substring(dot + 1));
        }
    }

    /** {@code ensureNoOperator("public.=", "money2", "money2")}: a null left type for a prefix operator. */
    public record OperatorRemoval(QualifiedName name, String leftType, String rightType, Origin origin) implements Declaration.Kind {
    }

    /** {@code ensureCast("money2", "text", c -> c.withFunction("to_text(money2)"))}. */
    public record CastDeclared(String source, String target, CastOptions options, Origin origin) implements Declaration.Kind {
        /** A cast belongs to no schema: named after its source type's (the schemas the run reads). */
        public QualifiedName name() {
            return QualifiedName.parse(source);
        }

        /** The cast as written, in the catalog's shape. */
        public Cast cast() {
            String method = options.method() == null ? Cast.FUNCTION : options.method();
            return new Cast(source, target, options.function(), options.context(), method);
        }
    }

    /** {@code ensureNoCast("money2", "text")}. */
    public record CastRemoval(String source, String target, Origin origin) implements Declaration.Kind {
        public QualifiedName name() {
            return QualifiedName.parse(source);
        }
    }

    /**
     * The operators and casts (and operators' owners, and the comments of both) of earlier blocks that a later ensureNoOperator / ensureNoCast removes (the
     * {@link Superseded} rule): on an empty database never created, on an existing one dropped. Types are matched
     * as written (spaces and case aside): the declarations are folded before any server spells them.
     */
    static java.util.List<Declaration> removedLater(java.util.List<Declaration> declarations) {
        java.util.List<Declaration> removals = declarations.stream().filter(d -> d instanceof OperatorRemoval || d instanceof CastRemoval).toList();
        if (removals.isEmpty()) return declarations;
        return declarations.stream().filter(d -> removals.stream().noneMatch(r -> r.origin().position() > d.origin().position()
                && removes(r, d))).toList();
    }

    private static boolean removes(Declaration removal, Declaration d) {
        if (removal instanceof OperatorRemoval r && d instanceof OperatorDeclared o) {
            return r.name().equals(o.name()) && same(r.leftType(), o.options().leftArg()) && same(r.rightType(), o.options().rightArg());
        }
        // DROP OPERATOR takes its owner along: an earlier ensureOwner of it would look for an operator that is gone.
        if (removal instanceof OperatorRemoval r && d instanceof OwnerDecl w && w.target().kind() == schemasync.catalog.OwnerTarget.Kind.OPERATOR) {
            String[] types = OwnerDecl.operatorTypes(w.target().arguments());
            return types != null && r.name().equals(w.name()) && same(r.leftType(), types[0]) && same(r.rightType(), types[1]);
        }
        // DROP OPERATOR and DROP CAST take their comments along, as their owners.
        if (removal instanceof OperatorRemoval r && d instanceof Declaration.CommentDecl k
                && k.target().kind() == schemasync.catalog.CommentTarget.Kind.OPERATOR) {
            String[] types = OwnerDecl.operatorTypes(k.target().detail());
            return types != null && r.name().equals(k.target().object()) && same(r.leftType(), types[0]) && same(r.rightType(), types[1]);
        }
        if (removal instanceof CastRemoval r && d instanceof Declaration.CommentDecl k && k.target().kind() == schemasync.catalog.CommentTarget.Kind.CAST) {
            return same(r.source(), k.target().object().name()) && same(r.target(), k.target().detail());
        }
        return removal instanceof CastRemoval r && d instanceof CastDeclared c && same(r.source(), c.source()) && same(r.target(), c.target());
    }

    private static boolean same(String a, String b) {
        return a == null || b == null ? a == b
                : a.replaceAll("\\s+", " ").strip().equalsIgnoreCase(b.replaceAll("\\s+", " ").strip());
    }

    /** A schema name as written in SQL: {@code "My Schema"} → {@code My Schema}. */
    static final class SqlNames {
        private SqlNames() {
        }

        static String unquote(String name) {
            return schemasync.model.Identifiers.unquote(name);
        }
    }
}
