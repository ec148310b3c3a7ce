package schemasync.plan;

import java.util.function.Supplier;

/**
 * A declaration planned part after part and returned as one {@link Decisions}: each part is planned on the state the
 * earlier parts' steps leave ({@link Effects#apply} on a local {@link PlanState}, through {@link Planner#planOn}), so
 * a part reads the working copy as it will be when its steps run (a table's constraints after the columns it adds, a
 * new child's inherited columns after its CREATE TABLE), and nothing is recorded until the dispatch records the whole.
 */
final class DeclarationParts {
    private final Planner planner;
    private final Decisions decisions = new Decisions();
    /** The state the parts before the last one leave; the planner's recorded state is not changed. */
    private PlanState state;
    /** The last part's decisions, whose effect is computed only when a later part needs it (the dispatch records them). */
    private Decisions last = new Decisions();

    DeclarationParts(Planner planner) {
        this.planner = planner;
        this.state = planner.state();
    }

    /** The next part, planned on the state the earlier ones leave. */
    DeclarationParts then(Supplier<Decisions> part) {
        state = Effects.apply(state, last);
        last = planner.planOn(state, part);
        decisions.addAll(last);
        return this;
    }

    /** Every part's decisions, in order. */
    Decisions decisions() {
        return decisions;
    }
}
