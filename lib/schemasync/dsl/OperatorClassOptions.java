package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.OperatorClass.Member;

/**
 * The options of {@code ensureOperatorClass}, as CREATE OPERATOR CLASS takes them: {@code c -> c.forType("money2")
 * .using("btree").isDefault().operator(1, "<(money2,money2)").function(1, "money2_cmp(money2,money2)")}. Types,
 * operators and functions are the user's SQL, resolved by PostgreSQL (the normalizer reads back how pg_opclass,
 * pg_amop and pg_amproc will name them). An operator named without its argument types takes the class's input type on
 * both sides, as PostgreSQL does; a family named without a schema is in the class's schema; no family: the class's own
 * name (CREATE OPERATOR CLASS makes that family, or joins it).
 */
public record OperatorClassOptions(String method, String type, boolean defaultForType, String family, String storage,
                                   List<Member> members) {
    static final OperatorClassOptions NONE = new OperatorClassOptions(null, null, false, null, null, List.of());

    public OperatorClassOptions {
        members = List.copyOf(members);
    }

    /** FOR TYPE: the input data type the class serves. */
    public OperatorClassOptions forType(String inputType) {
        return new OperatorClassOptions(method, inputType, defaultForType, family, storage, members);
    }

    /** USING: the index access method ({@code btree}, {@code hash}, {@code gist}, {@code gin}, {@code brin}, ...). */
    public OperatorClassOptions using(String accessMethod) {
        return new OperatorClassOptions(accessMethod, type, defaultForType, family, storage, members);
    }

    /** DEFAULT: the class an index on the type uses when it names none. */
    public OperatorClassOptions isDefault() {
        return new OperatorClassOptions(method, type, true, family, storage, members);
    }

    /** FAMILY: the operator family it joins (declared with ensureOperatorFamily, or made by another class). */
    public OperatorClassOptions family(String operatorFamily) {
        return new OperatorClassOptions(method, type, defaultForType, operatorFamily, storage, members);
    }

    /** STORAGE: the type the index stores, when it is not the input type (GiST, GIN, BRIN). */
    public OperatorClassOptions storage(String storedType) {
        return new OperatorClassOptions(method, type, defaultForType, family, storedType, members);
    }

    /** OPERATOR strategy operator: {@code operator(1, "<(money2,money2)")} or {@code operator(1, "<")} (the input type twice). */
    public OperatorClassOptions operator(int strategy, String operator) {
        return with(Member.strategy(strategy, null, null, operator, null));
    }

    /** OPERATOR strategy operator FOR ORDER BY btree_family: an ordering operator (GiST and SP-GiST distance, {@code <->}). */
    public OperatorClassOptions orderingOperator(int strategy, String operator, String btreeFamily) {
        return with(Member.strategy(strategy, null, null, operator, OperatorClassDecl.orderFamily(btreeFamily)));
    }

    /** FUNCTION support function: {@code function(1, "money2_cmp(money2,money2)")}, the types PostgreSQL derives. */
    public OperatorClassOptions function(int support, String function) {
        return with(Member.support(support, null, null, function));
    }

    /** FUNCTION support (left, right) function: a support function for other types than the ones PostgreSQL derives. */
    public OperatorClassOptions function(int support, String leftType, String rightType, String function) {
        return with(Member.support(support, leftType, rightType, function));
    }

    private OperatorClassOptions with(Member member) {
        List<Member> more = new ArrayList<>(members);
        more.add(member);
        return new OperatorClassOptions(method, type, defaultForType, family, storage, more);
    }
}
