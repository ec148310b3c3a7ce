package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Catalog;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorClass.Member;
import schemasync.catalog.OperatorFamily;
import schemasync.catalog.OperatorObjects;
import schemasync.catalog.OwnerTarget;
import schemasync.dsl.OwnerOf;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;
import schemasync.step.Step;

/**
 * Operator families and classes, without a server: the declarations are written in the catalog's spelling (the
 * normalizer's {@code OperatorSpellings} maps any other; none here, so a member's types come from its signature and
 * btree's support function 1 from its arguments, as PostgreSQL assigns them). Created when missing (a family with its
 * loose members by ALTER OPERATOR FAMILY ... ADD), skipped when as declared, any difference reported (⚠), removed when
 * present, nothing when absent, undeclared ones reported.
 */
class PlannerOperatorClassCasesTest {
    private static final String M = "public.money2";
    private static final Member LT = Member.strategy(1, M, M, "public.<(public.money2,public.money2)", null);
    private static final Member EQ = Member.strategy(3, M, M, "public.=(public.money2,public.money2)", null);
    private static final Member CMP = Member.support(1, M, M, "public.money2_cmp(public.money2,public.money2)");
    private static final OperatorFamily FAMILY = new OperatorFamily(q("public.money2_ops"), "btree", List.of());
    private static final OperatorClass CLASS = new OperatorClass(q("public.money2_ops"), "btree", M, true, q("public.money2_ops"),
            null, List.of(LT, EQ, CMP));
    private static final OperatorFamily LOOSE = new OperatorFamily(q("public.cross_ops"), "btree",
            List.of(Member.strategy(1, "integer", "bigint", "<(integer,bigint)", null)));

    private static Catalog with(OperatorFamily family, OperatorClass operatorClass) {
        return catalog().build().toBuilder().operators(new OperatorObjects(Map.of(), Map.of(),
                family == null ? Map.of() : Map.of(family.key(), family),
                operatorClass == null ? Map.of() : Map.of(operatorClass.key(), operatorClass))).build();
    }

    private static final String CREATE_CLASS = "CREATE OPERATOR CLASS \"public\".\"money2_ops\" DEFAULT FOR TYPE public.money2 USING btree AS"
            + " OPERATOR 1 public.<(public.money2,public.money2), OPERATOR 3 public.=(public.money2,public.money2),"
            + " FUNCTION 1 (public.money2, public.money2) public.money2_cmp(public.money2,public.money2)";

    private static schemasync.dsl.OperatorClassOptions declared(schemasync.dsl.OperatorClassOptions c) {
        return c.forType(M).using("btree").isDefault().operator(3, "public.=(public.money2,public.money2)")
                .operator(1, "public.<").function(1, "public.money2_cmp(public.money2,public.money2)");
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a class: CREATE OPERATOR CLASS, an operator without types takes the input type twice", catalog().build(),
                        db -> db.ensureOperatorClass("money2_ops", PlannerOperatorClassCasesTest::declared), shapes().build(),
                        List.of(CREATE_CLASS), List.of(List.of()), List.of("create operator class public.money2_ops USING btree")),
                new Case("a class as declared: skipped", with(FAMILY, CLASS),
                        db -> db.ensureOperatorClass("money2_ops", PlannerOperatorClassCasesTest::declared), shapes().build(),
                        List.of(), List.of(), List.of("unchanged operator class public.money2_ops USING btree")),
                new Case("a class with a member less in the database: drift, a class cannot be altered", with(FAMILY,
                        new OperatorClass(CLASS.name(), "btree", M, true, CLASS.family(), null, List.of(LT, CMP))),
                        db -> db.ensureOperatorClass("money2_ops", PlannerOperatorClassCasesTest::declared), shapes().build(),
                        List.of(), List.of(), List.of("drift operator class public.money2_ops USING btree")),
                new Case("a class removed: DROP OPERATOR CLASS with its method", with(FAMILY, CLASS),
                        db -> db.ensureNoOperatorClass("money2_ops", "BTREE"), shapes().build(),
                        List.of("DROP OPERATOR CLASS \"public\".\"money2_ops\" USING \"btree\""), List.of(List.of()),
                        List.of("alter operator class public.money2_ops USING btree", "undeclared operator family public.money2_ops USING btree")),
                new Case("an absent class removed: nothing to drop", catalog().build(), db -> db.ensureNoOperatorClass("money2_ops", "hash"),
                        shapes().build(), List.of(), List.of(), List.of("unchanged operator class public.money2_ops USING hash")),
                new Case("a family with loose members: CREATE, then ALTER OPERATOR FAMILY ... ADD", catalog().build(),
                        db -> db.ensureOperatorFamily("cross_ops", f -> f.using("btree").operator(1, "<(integer,bigint)")),
                        shapes().build(), List.of("CREATE OPERATOR FAMILY \"public\".\"cross_ops\" USING \"btree\"",
                        "ALTER OPERATOR FAMILY \"public\".\"cross_ops\" USING \"btree\" ADD OPERATOR 1 <(integer,bigint)"),
                        List.of(List.of(), List.of()), List.of("create operator family public.cross_ops USING btree")),
                new Case("a family as declared: skipped", with(LOOSE, null),
                        db -> db.ensureOperatorFamily("cross_ops", f -> f.using("btree").operator(1, "<(integer,bigint)")),
                        shapes().build(), List.of(), List.of(), List.of("unchanged operator family public.cross_ops USING btree")),
                new Case("a family whose loose members differ: drift with the ALTER OPERATOR FAMILY it would take", with(LOOSE, null),
                        db -> db.ensureOperatorFamily("cross_ops", f -> f.using("btree")), shapes().build(), List.of(), List.of(),
                        List.of("drift operator family public.cross_ops USING btree")),
                new Case("a family removed: DROP OPERATOR FAMILY takes its classes along", with(FAMILY, CLASS),
                        db -> db.ensureNoOperatorFamily("money2_ops", "btree"), shapes().build(),
                        List.of("DROP OPERATOR FAMILY \"public\".\"money2_ops\" USING \"btree\""), List.of(List.of()),
                        List.of("alter operator family public.money2_ops USING btree", "undeclared operator class public.money2_ops USING btree")),
                new Case("undeclared families and classes: reported, never dropped", with(LOOSE, CLASS), db -> db.ensureSchema("public"),
                        shapes().build(), List.of(), List.of(), List.of("unchanged schema public",
                        "undeclared operator family public.cross_ops USING btree", "undeclared operator class public.money2_ops USING btree")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    private static Catalog owned(Catalog c, OwnerTarget target) {
        return c.toBuilder().owners(Map.of(target, "postgres")).build();
    }

    static Stream<Case> owners() {
        OwnerTarget ofClass = OwnerTarget.usingMethod(OwnerTarget.Kind.OPERATOR_CLASS, q("public.money2_ops"), "btree");
        OwnerTarget ofFamily = OwnerTarget.usingMethod(OwnerTarget.Kind.OPERATOR_FAMILY, q("public.money2_ops"), "btree");
        return Stream.of(
                new Case("a class owned by another role: ALTER OPERATOR CLASS ... USING ... OWNER TO", owned(with(FAMILY, CLASS), ofClass),
                        db -> db.ensureOperatorClass("money2_ops", PlannerOperatorClassCasesTest::declared)
                                .ensureOwner(OwnerOf.OPERATOR_CLASS, "money2_ops using BTREE", "app_owner"), shapes().build(),
                        List.of("ALTER OPERATOR CLASS \"public\".\"money2_ops\" USING \"btree\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("unchanged operator class public.money2_ops USING btree",
                        "alter owner of operator class public.money2_ops USING btree")),
                new Case("a family owned by another role: ALTER OPERATOR FAMILY ... USING ... OWNER TO", owned(with(FAMILY, null), ofFamily),
                        db -> db.ensureOperatorFamily("money2_ops", f -> f.using("btree"))
                                .ensureOwner(OwnerOf.OPERATOR_FAMILY, "money2_ops USING btree", "app_owner"), shapes().build(),
                        List.of("ALTER OPERATOR FAMILY \"public\".\"money2_ops\" USING \"btree\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("unchanged operator family public.money2_ops USING btree",
                        "alter owner of operator family public.money2_ops USING btree")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("owners")
    void plansTheOwners(Case c) {
        PlannerCasesTest.check(c);
    }

    /** DROP OPERATOR FAMILY takes its classes and both owner entries along; the replay compares owners. */
    @Test
    void droppingAFamilyTakesItsClassesAndTheirOwnersAlong() {
        OwnerTarget ofClass = OwnerTarget.usingMethod(OwnerTarget.Kind.OPERATOR_CLASS, q("public.money2_ops"), "btree");
        OwnerTarget ofFamily = OwnerTarget.usingMethod(OwnerTarget.Kind.OPERATOR_FAMILY, q("public.money2_ops"), "btree");
        Catalog before = with(FAMILY, CLASS).toBuilder().owners(Map.of(ofClass, "app_owner", ofFamily, "app_owner")).build();
        Catalog dropped = Effects.apply(new Step.DropOperatorFamily(FAMILY), before);
        assertEquals(Map.of(), dropped.operators().classes());
        assertEquals(Map.of(), dropped.owners());
        Catalog created = Effects.apply(new Step.CreateOperatorClass(CLASS), catalog().build());
        assertEquals(List.of(FAMILY.key()), List.copyOf(created.operators().families().keySet()),
                "CREATE OPERATOR CLASS without an existing family makes the family of its name");
    }
}
