package schemasync.plan;

import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Cast;
import schemasync.catalog.Catalog;
import schemasync.catalog.Operator;
import schemasync.catalog.OperatorObjects;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Operators and casts, without a server: the declarations are written in the catalog's spelling (the normalizer's
 * {@code OperatorSpellings} maps any other; none here). Created when missing, skipped when as declared, RESTRICT and
 * JOIN altered in place, any other difference reported (⚠), removed when present, nothing when absent.
 */
class PlannerOperatorCasesTest {
    private static final Operator EQ = new Operator(q("public.==="), "public.money2", "public.money2", "public.money2_eq",
            q("public.==="), null, "eqsel", "eqjoinsel", true, false);
    private static final Cast TO_INT = new Cast("public.money2", "integer", "public.money2_int(public.money2)", Cast.ASSIGNMENT,
            Cast.FUNCTION);

    private static Catalog with(Operator operator, Cast cast) {
        return catalog().build().toBuilder().operators(new OperatorObjects(operator == null ? Map.of() : Map.of(operator.key(), operator),
                cast == null ? Map.of() : Map.of(cast.key(), cast))).build();
    }

    private static final String CREATE_EQ = "CREATE OPERATOR \"public\".=== (LEFTARG = public.money2, RIGHTARG = public.money2,"
            + " FUNCTION = public.money2_eq, COMMUTATOR = OPERATOR(\"public\".===), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES)";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("an operator: CREATE OPERATOR, the commutator qualified with its schema", catalog().build(),
                        db -> db.ensureOperator("===", o -> o.leftArg("public.money2").rightArg("public.money2")
                                .function("public.money2_eq").commutator("===").restrict("eqsel").join("eqjoinsel").hashes()),
                        shapes().build(), List.of(CREATE_EQ), List.of(List.of()), List.of("create operator public.===(public.money2, public.money2)")),
                new Case("an operator as declared: skipped", with(EQ, null),
                        db -> db.ensureOperator("===", o -> o.leftArg("public.money2").rightArg("public.money2")
                                .function("public.money2_eq").commutator("===").restrict("eqsel").join("eqjoinsel").hashes()),
                        shapes().build(), List.of(), List.of(), List.of("unchanged operator public.===(public.money2, public.money2)")),
                new Case("an operator without its commutator declared: PostgreSQL's back-link is not a difference", with(EQ, null),
                        db -> db.ensureOperator("===", o -> o.leftArg("public.money2").rightArg("public.money2")
                                .function("public.money2_eq").restrict("eqsel").join("eqjoinsel").hashes()),
                        shapes().build(), List.of(), List.of(), List.of("unchanged operator public.===(public.money2, public.money2)")),
                new Case("an operator whose estimators differ: ALTER OPERATOR ... SET in place", with(EQ, null),
                        db -> db.ensureOperator("===", o -> o.leftArg("public.money2").rightArg("public.money2")
                                .function("public.money2_eq").commutator("===").restrict("scalarltsel").hashes()),
                        shapes().build(),
                        List.of("ALTER OPERATOR \"public\".=== (public.money2, public.money2) SET (RESTRICT = scalarltsel, JOIN = NONE)"),
                        List.of(List.of()), List.of("alter operator public.===(public.money2, public.money2)")),
                new Case("an operator whose function differs: drift, an operator's function cannot be altered", with(EQ, null),
                        db -> db.ensureOperator("===", o -> o.leftArg("public.money2").rightArg("public.money2")
                                .function("public.money2_same").commutator("===").restrict("eqsel").join("eqjoinsel").hashes()),
                        shapes().build(), List.of(), List.of(), List.of("drift operator public.===(public.money2, public.money2)")),
                new Case("an operator removed: DROP OPERATOR with its argument types", with(EQ, null),
                        db -> db.ensureNoOperator("===", "public.money2", "public.money2"), shapes().build(),
                        List.of("DROP OPERATOR \"public\".=== (public.money2, public.money2)"), List.of(List.of()),
                        List.of("alter operator public.===(public.money2, public.money2)")),
                new Case("an absent operator removed: nothing to drop", catalog().build(),
                        db -> db.ensureNoOperator("===", null, "public.money2"), shapes().build(), List.of(), List.of(),
                        List.of("unchanged operator public.===(NONE, public.money2)")),
                new Case("a cast: CREATE CAST", catalog().build(),
                        db -> db.ensureCast("public.money2", "integer", c -> c.withFunction("public.money2_int(public.money2)").asAssignment()),
                        shapes().build(), List.of("CREATE CAST (public.money2 AS integer) WITH FUNCTION public.money2_int(public.money2) AS ASSIGNMENT"),
                        List.of(List.of()), List.of("create cast (public.money2 AS integer)")),
                new Case("a cast as declared: skipped", with(null, TO_INT),
                        db -> db.ensureCast("public.money2", "integer", c -> c.withFunction("public.money2_int(public.money2)").asAssignment()),
                        shapes().build(), List.of(), List.of(), List.of("unchanged cast (public.money2 AS integer)")),
                new Case("a cast whose context differs: drift, a cast cannot be altered", with(null, TO_INT),
                        db -> db.ensureCast("public.money2", "integer", c -> c.withFunction("public.money2_int(public.money2)").asImplicit()),
                        shapes().build(), List.of(), List.of(), List.of("drift cast (public.money2 AS integer)")),
                new Case("a cast removed: DROP CAST", with(null, TO_INT), db -> db.ensureNoCast("public.money2", "integer"),
                        shapes().build(), List.of("DROP CAST (public.money2 AS integer)"), List.of(List.of()),
                        List.of("alter cast (public.money2 AS integer)")),
                new Case("undeclared operators and casts: reported, never dropped", with(EQ, TO_INT), db -> db.ensureSchema("public"),
                        shapes().build(), List.of(), List.of(), List.of("unchanged schema public",
                        "undeclared operator public.===(public.money2, public.money2)", "undeclared cast (public.money2 AS integer)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
