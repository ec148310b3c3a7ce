package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.OperatorClass.Member;

/**
 * The options of {@code ensureOperatorFamily}: its access method and its loose members, the cross-type operators and
 * support functions ALTER OPERATOR FAMILY ... ADD puts in it ({@code f -> f.using("btree").operator(1,
 * "<(money2,numeric)").function(1, "money2", "numeric", "money2_cmp(money2,numeric)")}). PostgreSQL needs a loose
 * member's types: an operator's are in its signature, a function's are written before it.
 */
public record OperatorFamilyOptions(String method, List<Member> members) {
    static final OperatorFamilyOptions NONE = new OperatorFamilyOptions(null, List.of());

    public OperatorFamilyOptions {
        members = List.copyOf(members);
    }

    /** USING: the index access method. */
    public OperatorFamilyOptions using(String accessMethod) {
        return new OperatorFamilyOptions(accessMethod, members);
    }

    /** ADD OPERATOR strategy operator(left, right). */
    public OperatorFamilyOptions operator(int strategy, String operator) {
        return with(Member.strategy(strategy, null, null, operator, null));
    }

    /** ADD OPERATOR strategy operator(left, right) FOR ORDER BY btree_family. */
    public OperatorFamilyOptions orderingOperator(int strategy, String operator, String btreeFamily) {
        return with(Member.strategy(strategy, null, null, operator, OperatorClassDecl.orderFamily(btreeFamily)));
    }

    /** ADD FUNCTION support (left, right) function(arguments). */
    public OperatorFamilyOptions function(int support, String leftType, String rightType, String function) {
        return with(Member.support(support, leftType, rightType, function));
    }

    private OperatorFamilyOptions with(Member member) {
        List<Member> more = new ArrayList<>(members);
        more.add(member);
        return new OperatorFamilyOptions(method, more);
    }
}
