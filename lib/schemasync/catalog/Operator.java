package schemasync.catalog;

/**
 * An operator of a user schema ({@code CREATE OPERATOR}) as pg_operator holds it. {@code leftType} is null for a
 * prefix operator, {@code rightType} null for a postfix one (PostgreSQL 13 only); types as format_type prints them
 * and functions as regproc prints them, both under the reader's search_path (pg_catalog's bare, every other
 * qualified). {@code commutator} and {@code negator} name operators (their argument types follow: swapped for the
 * commutator, the same for the negator); {@code restrict} and {@code join} the selectivity estimators. A shell
 * operator (oprcode 0, made by a COMMUTATOR naming one that does not exist yet) is not read, as pg_dump skips it.
 */
public record Operator(QualifiedName name, String leftType, String rightType, String function, QualifiedName commutator,
                       QualifiedName negator, String restrict, String join, boolean hashes, boolean merges) {

    /** How operators are keyed: {@code schema.name(left, right)}, NONE for a missing side (as DROP OPERATOR spells it). */
    public String key() {
        return key(name, leftType, rightType);
    }

    public static String key(QualifiedName name, String leftType, String rightType) {
        return name.schema() + "." + name.name() + "(" + (leftType == null ? "NONE" : leftType) + ", "
                + (rightType == null ? "NONE" : rightType) + ")";
    }

    /** The CREATE OPERATOR option list: {@code LEFTARG = public.money2, RIGHTARG = public.money2, FUNCTION = ...}. */
    public String describe() {
        return describe(Operator::operatorName);
    }

    /**
     * The option list with the commutator and negator named by {@code operatorName}: the renderer quotes schemas as
     * every statement it writes does; the one list of options, whoever spells the names.
     */
    public String describe(java.util.function.Function<QualifiedName, String> operatorName) {
        StringBuilder s = new StringBuilder();
        if (leftType != null) s.append("LEFTARG = ").append(leftType).append(", ");
        if (rightType != null) s.append("RIGHTARG = ").append(rightType).append(", ");
        s.append("FUNCTION = ").append(function);
        if (commutator != null) s.append(", COMMUTATOR = ").append(operatorName.apply(commutator));
        if (negator != null) s.append(", NEGATOR = ").append(operatorName.apply(negator));
        if (restrict != null) s.append(", RESTRICT = ").append(restrict);
        if (join != null) s.append(", JOIN = ").append(join);
        if (hashes) s.append(", HASHES");
        if (merges) s.append(", MERGES");
        return s.toString();
    }

    /** {@code OPERATOR(public.===)}: the one way to name another schema's operator inside an option list. */
    public static String operatorName(QualifiedName operator) {
        return "OPERATOR(" + SqlText.quoteIdent(operator.schema()) + "." + operator.name() + ")";
    }
}
