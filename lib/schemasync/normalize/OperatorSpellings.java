package schemasync.normalize;

import java.util.Map;
import schemasync.catalog.Cast;
import schemasync.catalog.Operator;

/**
 * How PostgreSQL will name what declared operators and casts refer to, as the catalog reader prints it (its
 * search_path is pg_catalog): each declared type text as format_type prints it ({@code int4} → {@code integer},
 * {@code money2} → {@code public.money2}), each operator function as regproc prints the one CREATE OPERATOR
 * picks for its argument types, each estimator as regproc prints it, each cast function as regprocedure prints it.
 * A text PostgreSQL could not resolve is missing: it is compared as written (and the apply names the error).
 */
public record OperatorSpellings(Map<String, String> types, Map<String, String> functions, Map<String, String> estimators,
                                Map<String, String> castFunctions) {
    public static final OperatorSpellings NONE = new OperatorSpellings(Map.of(), Map.of(), Map.of(), Map.of());

    public OperatorSpellings {
        types = Map.copyOf(types);
        functions = Map.copyOf(functions);
        estimators = Map.copyOf(estimators);
        castFunctions = Map.copyOf(castFunctions);
    }

    /** The key of an operator's function in {@link #functions}: the function and the declared argument types. */
    static String functionKey(String function, String left, String right) {
        return function + "(" + (left == null ? "" : left) + (left != null && right != null ? "," : "") + (right == null ? "" : right) + ")";
    }

    private String type(String text) {
        return text == null ? null : types.getOrDefault(text, text);
    }

    /** The declared operator as pg_operator will hold it. */
    public Operator operator(Operator declared) {
        String function = functions.getOrDefault(functionKey(declared.function(), declared.leftType(), declared.rightType()),
                declared.function());
        return new Operator(declared.name(), type(declared.leftType()), type(declared.rightType()), function, declared.commutator(),
                declared.negator(), declared.restrict() == null ? null : estimators.getOrDefault(declared.restrict(), declared.restrict()),
                declared.join() == null ? null : estimators.getOrDefault(declared.join(), declared.join()), declared.hashes(),
                declared.merges());
    }

    /** The declared cast as pg_cast will hold it. */
    public Cast cast(Cast declared) {
        String function = declared.function() == null ? null : castFunctions.getOrDefault(declared.function(), declared.function());
        return new Cast(type(declared.source()), type(declared.target()), function, declared.context(), declared.method());
    }

    /** An operator's key with its declared types spelled as the catalog spells them. */
    public String operatorKey(schemasync.catalog.QualifiedName name, String left, String right) {
        return Operator.key(name, type(left), type(right));
    }

    /** A cast's key with its declared types spelled as the catalog spells them. */
    public String castKey(String source, String target) {
        return Cast.key(type(source), type(target));
    }
}
