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

    /** A schema name as written in SQL: {@code "My Schema"} → {@code My Schema}. */
    static final class SqlNames {
        private SqlNames() {
        }

        static String unquote(String name) {
            String n = name.strip();
            return n.length() > 1 && n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1).replace("\"\"", "\"") : n;
        }
    }
}
