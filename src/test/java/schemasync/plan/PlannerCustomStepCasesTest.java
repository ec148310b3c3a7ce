package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.plan.Fixtures.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.Blocks;
import schemasync.catalog.Table;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * The two declarations of the change lane that are no object of the catalog, without a server ({@link PlannerCasesTest}
 * explains the form): a custom step ({@code customStep(id).neededWhile(guard).runs(sql)}: its SQL is one step, with the
 * CUSTOM_SQL hazard, run when its guard says needed — the guard's answer is asked of the server before planning, here
 * the default NEEDED) and {@code allowHazard} (it changes no statement and no hazard of the plan: the plan reports what
 * a step costs, the {@link HazardPolicy} decides whether the block may pay it).
 */
class PlannerCustomStepCasesTest {
    private static final Table NOTES = table("public.notes", 10, 1, notNull("id", "bigint"), column("body", "text"));

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a custom step whose guard says needed: its SQL, one step, CUSTOM_SQL",
                        catalog().table(NOTES).build(),
                        db -> db.customStep("backfill_bodies").neededWhile("SELECT EXISTS (SELECT FROM notes WHERE body IS NULL)")
                                .runs("UPDATE notes SET body = '' WHERE body IS NULL"),
                        shapes().build(),
                        List.of("UPDATE notes SET body = '' WHERE body IS NULL"),
                        List.of(List.of(HazardKind.CUSTOM_SQL)),
                        List.of("alter custom step backfill_bodies", "undeclared table public.notes")),
                new Case("a custom object (ensureCustomObject: a prerequisite later declarations use): its SQL, one step, CUSTOM_SQL",
                        catalog().build(),
                        db -> db.ensureCustomObject("email_domain").neededWhile("SELECT to_regtype('public.email') IS NULL")
                                .runs("CREATE DOMAIN public.email AS text CHECK (VALUE LIKE '%@%')"),
                        shapes().build(),
                        List.of("CREATE DOMAIN public.email AS text CHECK (VALUE LIKE '%@%')"),
                        List.of(List.of(HazardKind.CUSTOM_SQL)),
                        List.of("alter custom step email_domain")),
                new Case("allowHazard beside a DROP COLUMN: the same statement and the same hazards (the policy decides, not the plan)",
                        catalog().table(NOTES).build(),
                        db -> {
                            db.allowHazard(HazardKind.DELETES_DATA, "the bodies moved to documents");
                            db.ensureNoColumn("notes", "body");
                        },
                        shapes().build(),
                        List.of("ALTER TABLE \"public\".\"notes\" DROP COLUMN \"body\""),
                        List.of(List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.notes.body")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    /** What allowHazard does change: the review of the same plan lets the block's DROP COLUMN through, and only that block's. */
    @Test
    void allowHazardLetsItsOwnBlockThroughTheReview() {
        Case allowed = cases().skip(2).findFirst().orElseThrow();
        DeclaredSchema declared = DeclaredSchema.of(List.of(Blocks.block("C1", allowed.declare())));
        Plan plan = Planner.plan(allowed.before(), declared, allowed.shapes(), Map.of());
        assertEquals(List.of(), deletions(HazardPolicy.defaults().review(plan, declared)), "allowed by the block");
        DeclaredSchema other = DeclaredSchema.of(List.of(Blocks.block("C1", db -> db.allowHazard(HazardKind.DELETES_DATA, "elsewhere")),
                Blocks.block("C2", db -> db.ensureNoColumn("notes", "body"))));
        Plan refused = Planner.plan(allowed.before(), other, allowed.shapes(), Map.of());
        assertEquals(1, deletions(HazardPolicy.defaults().review(refused, other)).size(), "another block's allowance is not this one's");
    }

    private static List<HazardPolicy.Refusal> deletions(HazardPolicy.Review review) {
        return review.refusals().stream().filter(r -> r.hazard().kind() == HazardKind.DELETES_DATA).toList();
    }
}
