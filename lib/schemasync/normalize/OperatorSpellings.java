package schemasync.normalize;

import java.util.List;
import java.util.Map;
import schemasync.catalog.Cast;
import schemasync.catalog.Operator;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;

/**
 * How PostgreSQL will name what declared operators and casts refer to, as the catalog reader prints it (its
 * search_path is pg_catalog): each declared type text as format_type prints it ({@code int4} → {@code integer},
 * {@code money2} → {@code public.money2}), each operator function as regproc prints the one CREATE OPERATOR
 * picks for its argument types, each estimator as regproc prints it, each cast function as regprocedure prints it.
 * An operator family's or class's members: each operator as regoperator prints it (in {@code signedOperators}, by its
 * text with argument types), each support function as regprocedure prints it (in {@code castFunctions}), their types
 * as PostgreSQL assigns them. A text PostgreSQL could not resolve is missing: it is compared as written (and the apply
 * names the error).
 */
public record OperatorSpellings(Map<String, String> types, Map<String, String> functions, Map<String, String> estimators,
                                Map<String, String> castFunctions, Map<String, String> signedOperators) {
    public static final OperatorSpellings NONE = new OperatorSpellings(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public OperatorSpellings {
        types = Map.copyOf(types);
        functions = Map.copyOf(functions);
        estimators = Map.copyOf(estimators);
        castFunctions = Map.copyOf(castFunctions);
        signedOperators = Map.copyOf(signedOperators);
    }

    /** The declared operator family as pg_opfamily, pg_amop and pg_amproc will hold it. */
    public OperatorFamily family(OperatorFamily declared) {
        String method = method(declared.method());
        return new OperatorFamily(declared.name(), method, members(declared.members(), method, null));
    }

    /** The declared operator class as pg_opclass, pg_amop and pg_amproc will hold it. */
    public OperatorClass operatorClass(OperatorClass declared) {
        String method = method(declared.method());
        String storage = type(declared.storage());
        String type = type(declared.type());
        // PostgreSQL keeps no storage type equal to the input type (opckeytype 0).
        return new OperatorClass(declared.name(), method, type, declared.isDefault(), declared.family(),
                storage != null && storage.equals(type) ? null : storage, members(declared.members(), method, declared.type()));
    }

    /** An access method is an identifier: folded to lower case, as PostgreSQL folds an unquoted one. */
    public static String method(String declared) {
        return declared == null ? null : declared.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private List<OperatorClass.Member> members(List<OperatorClass.Member> declared, String method, String classType) {
        return declared.stream().map(m -> m.function() ? support(m, method, classType) : strategy(m, classType)).toList();
    }

    /** An operator written without its types takes the class's input type on both sides (CREATE OPERATOR CLASS's rule). */
    static String signedOperator(String operator, String classType) {
        if (operator == null || operator.strip().endsWith(")") || classType == null) return operator;
        return operator.strip() + "(" + classType + "," + classType + ")";
    }

    private OperatorClass.Member strategy(OperatorClass.Member m, String classType) {
        String text = signedOperator(m.target(), classType);
        String printed = signedOperators.getOrDefault(text, text);
        List<String> types = SignatureText.arguments(printed);
        if (!signedOperators.containsKey(text) && types != null) types = types.stream().map(this::type).toList();
        String left = m.leftType() != null ? type(m.leftType()) : types == null || types.size() != 2 ? null : types.get(0);
        String right = m.rightType() != null ? type(m.rightType()) : types == null || types.size() != 2 ? null : types.get(1);
        return OperatorClass.Member.strategy(m.number(), left, right, printed, m.orderFamily());
    }

    /**
     * A support function's types when the declaration leaves them out, as opclasscmds.c's assignProcTypes derives them:
     * btree's comparison (1) from its two arguments and its in_range (3) from its first and third, hash's (1, 2) from
     * its first on both sides, every other from the class's input type.
     */
    private OperatorClass.Member support(OperatorClass.Member m, String method, String classType) {
        String printed = castFunctions.getOrDefault(m.target(), m.target());
        if (m.leftType() != null || m.rightType() != null) {
            return OperatorClass.Member.support(m.number(), type(m.leftType()), type(m.rightType()), printed);
        }
        List<String> args = SignatureText.arguments(printed);
        if (args != null && !castFunctions.containsKey(m.target())) args = args.stream().map(this::type).toList();
        String left = type(classType);
        String right = left;
        if (args != null && "btree".equals(method) && m.number() == 1 && args.size() == 2) {
            left = args.get(0);
            right = args.get(1);
        } else if (args != null && "btree".equals(method) && m.number() == 3 && args.size() >= 3) {
            left = args.get(0);
            right = args.get(2);
        } else if (args != null && "hash".equals(method) && (m.number() == 1 || m.number() == 2) && !args.isEmpty()) {
            left = args.get(0);
            right = args.get(0);
        }
        return OperatorClass.Member.support(m.number(), left, right, printed);
    }

    /** The texts the normalizer resolves for a declared member list (operators with their types, functions' arguments). */
    static void lookups(List<OperatorClass.Member> members, String classType, java.util.function.Consumer<String> typeTexts,
                        java.util.function.Consumer<String> operatorTexts, java.util.function.Consumer<String> functionTexts) {
        for (OperatorClass.Member m : members) {
            typeTexts.accept(m.leftType());
            typeTexts.accept(m.rightType());
            if (m.target() == null) continue;
            if (m.function()) functionTexts.accept(m.target());
            else operatorTexts.accept(signedOperator(m.target(), classType));
            List<String> args = SignatureText.arguments(m.function() ? m.target() : signedOperator(m.target(), classType));
            if (args != null) args.forEach(typeTexts);
        }
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
