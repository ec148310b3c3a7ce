package schemasync.dsl;

/**
 * The options of {@code ensureOperator}, as CREATE OPERATOR takes them: {@code o -> o.leftArg("money2")
 * .rightArg("money2").function("money2_eq").commutator("=").negator("<>").restrict("eqsel").join("eqjoinsel")
 * .hashes().merges()}. Types and functions are the user's SQL, resolved by PostgreSQL (the normalizer reads back
 * how pg_operator will name them). A commutator or negator named without a schema is in the operator's own schema.
 */
public record OperatorOptions(String leftArg, String rightArg, String function, String commutator, String negator,
                              String restrict, String join, boolean canHash, boolean canMerge) {
    static final OperatorOptions NONE = new OperatorOptions(null, null, null, null, null, null, null, false, false);

    /** LEFTARG: absent for a prefix operator ({@code - money2}). */
    public OperatorOptions leftArg(String type) {
        return new OperatorOptions(type, rightArg, function, commutator, negator, restrict, join, canHash, canMerge);
    }

    /** RIGHTARG. */
    public OperatorOptions rightArg(String type) {
        return new OperatorOptions(leftArg, type, function, commutator, negator, restrict, join, canHash, canMerge);
    }

    /** FUNCTION: the function of (left, right) that implements the operator. */
    public OperatorOptions function(String name) {
        return new OperatorOptions(leftArg, rightArg, name, commutator, negator, restrict, join, canHash, canMerge);
    }

    /** COMMUTATOR: {@code a op b} equals {@code b commutator a}. */
    public OperatorOptions commutator(String operator) {
        return new OperatorOptions(leftArg, rightArg, function, operator, negator, restrict, join, canHash, canMerge);
    }

    /** NEGATOR: {@code a op b} equals {@code NOT (a negator b)}. */
    public OperatorOptions negator(String operator) {
        return new OperatorOptions(leftArg, rightArg, function, commutator, operator, restrict, join, canHash, canMerge);
    }

    /** RESTRICT: the restriction selectivity estimator ({@code eqsel}, {@code scalarltsel}, ...). */
    public OperatorOptions restrict(String estimator) {
        return new OperatorOptions(leftArg, rightArg, function, commutator, negator, estimator, join, canHash, canMerge);
    }

    /** JOIN: the join selectivity estimator ({@code eqjoinsel}, ...). */
    public OperatorOptions join(String estimator) {
        return new OperatorOptions(leftArg, rightArg, function, commutator, negator, restrict, estimator, canHash, canMerge);
    }

    /** HASHES: the operator can be used in a hash join. */
    public OperatorOptions hashes() {
        return new OperatorOptions(leftArg, rightArg, function, commutator, negator, restrict, join, true, canMerge);
    }

    /** MERGES: the operator can be used in a merge join. */
    public OperatorOptions merges() {
        return new OperatorOptions(leftArg, rightArg, function, commutator, negator, restrict, join, canHash, true);
    }
}
