package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import schemasync.catalog.Table;
import schemasync.dsl.Origin;
import schemasync.model.HazardKind;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.plan.PlanItem.Unchanged;

/**
 * What a kind planner decided about one declaration, in order: the plan items, and for each change the steps
 * whose effects the {@link Planner} applies to its working copy when it records them ({@link Planner#record}).
 * A kind planner builds and returns this value; it never adds to the plan or edits the working copy itself,
 * and it knows what it decided from this value, not from the plan's size.
 */
final class Decisions {
    /** One plan item and, for a change, its steps with PostgreSQL's spelling of what they create ({@link Spelled}). */
    record Decision(PlanItem item, Spelled spelled, List<Step> steps) {
        Decision {
            steps = List.copyOf(steps);
        }
    }

    private final List<Decision> decisions = new ArrayList<>();
    /**
     * The state these decisions were planned on and the state their steps leave from it, when already computed (a
     * declaration planned in parts applies each part's steps once, {@link DeclarationParts}); null otherwise, and
     * forgotten when anything is added, so it always describes exactly these decisions.
     */
    private PlanState from;
    private PlanState leaves;

    /** An item without steps (unchanged, drift, conflict). */
    Decisions add(PlanItem item) {
        forgetState();
        decisions.add(new Decision(item, Spelled.NONE, List.of()));
        return this;
    }

    Decisions unchanged(Origin origin, String kind, String object, String note) {
        return add(new Unchanged(origin, kind, object, note));
    }

    Decisions drift(Origin origin, String kind, String object, String message, HazardKind hazard) {
        return add(new Drift(origin, kind, object, message, hazard));
    }

    Decisions change(Origin origin, String kind, String object, Summary summary, Table original, Step... steps) {
        return change(origin, kind, object, summary, original, Spelled.NONE, steps);
    }

    /**
     * A change: its steps, each with the hazards {@link HazardClassifier} finds against {@code original} (the table
     * as it was before this run, null when none matters). {@code spelled}: PostgreSQL's spelling of what the steps
     * create, from the declared side.
     */
    Decisions change(Origin origin, String kind, String object, Summary summary, Table original, Spelled spelled, Step... steps) {
        List<PlannedStep> planned = new ArrayList<>();
        for (Step s : steps) planned.add(new PlannedStep(s, HazardClassifier.classify(s, original)));
        forgetState();
        decisions.add(new Decision(new Change(origin, kind, object, summary, planned), spelled, List.of(steps)));
        return this;
    }

    /** Another planner's decisions (a sub-planner of this declaration), after these. */
    Decisions addAll(Decisions other) {
        forgetState();
        decisions.addAll(other.decisions);
        return this;
    }

    /** These decisions, known to leave {@code leaves} when their steps run on {@code from} (the effects already applied). */
    Decisions leaving(PlanState from, PlanState leaves) {
        this.from = from;
        this.leaves = leaves;
        return this;
    }

    /**
     * The state these decisions' steps leave from {@code state}: the one computed while planning them when they were
     * planned on that same state, else {@link Effects#apply}. {@link Planner#record} keeps it.
     */
    PlanState applyTo(PlanState state) {
        return leaves != null && from == state ? leaves : Effects.apply(state, this);
    }

    private void forgetState() {
        from = null;
        leaves = null;
    }

    boolean isEmpty() {
        return decisions.isEmpty();
    }

    List<Decision> list() {
        return Collections.unmodifiableList(decisions);
    }
}
