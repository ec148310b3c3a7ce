package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import schemasync.Blocks;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.ObjectKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Which plan outcomes the DB-free case tables cover, per kind: every case of every table is planned again and
 * each plan line is filed under its kind and one of four columns: <b>create</b> (a change whose first statement
 * adds the object), <b>unchanged</b> (✓), <b>change</b> (an alter, or ⚠ drift of a declared object) and
 * <b>removal</b> (a change that only drops). The coverage is read from the plans themselves, not from a list kept
 * by hand, so a case that stops producing its line shows here too.
 *
 * <p>Every {@link ObjectKind} and every kind the external planner handles (servers, user mappings, foreign
 * tables, publications, event triggers) must have a create, an unchanged and a change case; every ObjectKind a
 * removal case ({@link PlannerRemovalCasesTest#byKind}: the ensureNo... verbs exist per ObjectKind only). Adding
 * a kind without its cases fails {@link #everyKindHasCreateUnchangedAndChangeCases}.
 *
 * <p>The table-attached attributes have no kind of their own in the plan; where their cases live:
 * <pre>
 * attribute                         create (new table)      unchanged                 change / drift (existing)
 * INHERITS (TableLineage)           PlannerTableFormCases   PlannerTableFormCases     INHERIT added; parent lacking a column: drift
 * OF type (typed table)             PlannerTableFormCases   PlannerTableFormCases     OF differs: drift "typed table"
 * UNLOGGED                          PlannerTableFormCases   PlannerTableFormCases     SET UNLOGGED ("table options")
 * WITH (storage parameters)         PlannerTableFormCases   PlannerTableFormCases     SET / RESET ("table options")
 * PRIMARY KEY INCLUDE / DEFERRABLE  PlannerTableFormCases   PlannerTableFormCases     differs: drift "constraint"
 * UNIQUE INCLUDE / DEFERRABLE       PlannerTableFormCases   PlannerTableFormCases     missing: ADD CONSTRAINT; differs: drift
 * NULLS NOT DISTINCT                PlannerTableFormCases   PlannerTableFormCases     index differs: drift "index"
 * REFERENCING (transition tables)   PlannerTableFormCases   PlannerTableFormCases     differs: drift "trigger"
 * FOREIGN KEY ... PERIOD (18)       PlannerPostgres18Cases  PlannerPostgres18Cases    missing: ADD CONSTRAINT; differs: drift
 * CONSTRAINT name NOT NULL (18)     PlannerPostgres18Cases  PlannerPostgres18Cases    another name: drift "constraint"
 * </pre>
 * (Removal of an attribute is its object's removal, or a change: ensureNoConstraint, ensureNoTrigger, RESET.)
 */
class PlannerCoverageTest {
    /** Plan-line kinds that are not ObjectKinds but must be covered as thoroughly (no ensureNo... verb: no removal). */
    static final List<String> EXTERNAL_KINDS = List.of("server", "user mapping", "foreign table", "publication", "event trigger");
    /** Plan-line kinds named by more than a qualified name, with removal verbs of their own (ensureNoOperator, ensureNoCast). */
    static final List<String> OPERATOR_KINDS = List.of("operator", "cast", "operator class", "operator family");

    enum Outcome { CREATE, UNCHANGED, CHANGE, REMOVAL }

    static Stream<Case> allCases() {
        return Stream.of(PlannerCasesTest.cases(), PlannerColumnCasesTest.cases(), PlannerObjectCasesTest.cases(),
                PlannerRemovalCasesTest.cases(), PlannerKindCasesTest.cases(), PlannerTableFormCasesTest.cases(),
                PlannerUnchangedCasesTest.cases(), PlannerStatisticsRuleCasesTest.cases(), PlannerOwnerCasesTest.cases(),
                PlannerForeignColumnCommentCasesTest.cases(), PlannerOwnerCasesTest.everyOtherKind(),
                PlannerPostgres18CasesTest.cases(),
                PlannerOperatorCasesTest.cases(), PlannerOperatorClassCasesTest.cases(), PlannerOperatorClassCasesTest.owners(),
                PlannerTextSearchCasesTest.cases(), PlannerConversionCasesTest.cases(), PlannerSecurityLabelCasesTest.cases(),
                PlannerPartitionKeyCasesTest.cases(),
                PlannerPartitionOwnCasesTest.cases(),
                PlannerCustomStepCasesTest.cases(),
                PlannerRevokeCasesTest.cases())
                .flatMap(s -> s);
    }

    /** Per plan-line kind, per outcome, the names of the cases that show it. */
    static Map<String, Map<Outcome, Set<String>>> matrix() {
        Map<String, Map<Outcome, Set<String>>> byKind = new TreeMap<>();
        allCases().forEach(c -> {
            Plan plan = Planner.plan(c.before(), DeclaredSchema.of(List.of(Blocks.block("C1", c.declare()))), c.shapes(), Map.of());
            for (PlanItem item : plan.items()) {
                Outcome outcome = outcome(item);
                if (outcome == null) continue;
                byKind.computeIfAbsent(item.kind(), k -> new TreeMap<>()).computeIfAbsent(outcome, k -> new TreeSet<>()).add(c.name());
            }
        });
        return byKind;
    }

    private static Outcome outcome(PlanItem item) {
        return switch (item.status()) {
            case CREATE -> Outcome.CREATE;
            case UNCHANGED -> Outcome.UNCHANGED;
            case DRIFT -> Outcome.CHANGE;
            case ALTER -> removal((PlanItem.Change) item) ? Outcome.REMOVAL : Outcome.CHANGE;
            case UNDECLARED, CONFLICT -> null;
        };
    }

    /** A change that drops the object and nothing else: the ensureNo... verbs. */
    private static boolean removal(PlanItem.Change change) {
        return change.wording().parts().get(0) instanceof Summary.Act act && act.verb() == Summary.Verb.DROP;
    }

    @Test
    void everyKindHasCreateUnchangedAndChangeCases() {
        Map<String, Map<Outcome, Set<String>>> matrix = matrix();
        print(matrix);
        List<String> kinds = new ArrayList<>();
        for (ObjectKind k : ObjectKind.values()) kinds.add(k.word());
        kinds.addAll(EXTERNAL_KINDS);
        kinds.addAll(OPERATOR_KINDS);
        List<String> missing = new ArrayList<>();
        for (String kind : kinds) {
            for (Outcome o : List.of(Outcome.CREATE, Outcome.UNCHANGED, Outcome.CHANGE)) {
                if (matrix.getOrDefault(kind, Map.of()).getOrDefault(o, Set.of()).isEmpty()) missing.add(kind + ": " + o);
            }
        }
        assertEquals(List.of(), missing, "kinds without a DB-free case for an outcome");
    }

    /** Every kind ensureOwner can name has a DB-free case that sets its owner (a "owner of <kind>" change). */
    @Test
    void everyOwnerKindHasAChangeCase() {
        Map<String, Map<Outcome, Set<String>>> matrix = matrix();
        List<String> missing = new ArrayList<>();
        for (schemasync.catalog.OwnerTarget.Kind k : schemasync.catalog.OwnerTarget.Kind.values()) {
            if (matrix.getOrDefault("owner of " + k.word(), Map.of()).getOrDefault(Outcome.CHANGE, Set.of()).isEmpty()) missing.add(k.word());
        }
        assertEquals(List.of(), missing, "owner kinds without a DB-free case");
    }

    @Test
    void everyObjectKindHasARemovalCase() {
        Map<String, Map<Outcome, Set<String>>> matrix = matrix();
        Set<ObjectKind> missing = EnumSet.noneOf(ObjectKind.class);
        for (ObjectKind k : ObjectKind.values()) {
            boolean planned = !matrix.getOrDefault(k.word(), Map.of()).getOrDefault(Outcome.REMOVAL, Set.of()).isEmpty();
            if (!planned || !PlannerRemovalCasesTest.byKind().containsKey(k)) missing.add(k);
        }
        assertEquals(Set.of(), missing, "object kinds without a DB-free removal case");
        List<String> others = OPERATOR_KINDS.stream().filter(k -> matrix.getOrDefault(k, Map.of())
                .getOrDefault(Outcome.REMOVAL, Set.of()).isEmpty()).toList();
        assertEquals(List.of(), others, "operator kinds without a DB-free removal case");
    }

    private static void print(Map<String, Map<Outcome, Set<String>>> matrix) {
        System.out.printf("%-26s %7s %10s %7s %8s%n", "kind", "create", "unchanged", "change", "removal");
        matrix.forEach((kind, outcomes) -> System.out.printf("%-26s %7d %10d %7d %8d%n", kind,
                outcomes.getOrDefault(Outcome.CREATE, Set.of()).size(), outcomes.getOrDefault(Outcome.UNCHANGED, Set.of()).size(),
                outcomes.getOrDefault(Outcome.CHANGE, Set.of()).size(), outcomes.getOrDefault(Outcome.REMOVAL, Set.of()).size()));
    }
}
