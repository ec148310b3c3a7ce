package schemasync.plan;

import java.util.function.Function;

/**
 * A declaration planned part after part and returned as one {@link Decisions}: each part is a kind planner given a
 * {@link PlanContext} over the state the earlier parts' steps leave, so a part reads the working copy as it will be when
 * its steps run (a table's constraints after the columns it adds, a new child's inherited columns after its CREATE
 * TABLE). Each part's steps are applied once, here ({@link Effects#apply}); the whole carries the state they leave
 * ({@link Decisions#leaving}), which {@link Planner#record} keeps instead of applying the steps again.
 */
final class DeclarationParts {
    private final PlanState from;
    private final Decisions decisions = new Decisions();
    /** The context the next part is planned in: the declaration's, over the state the parts so far leave. */
    private PlanContext context;

    DeclarationParts(PlanContext context) {
        this.context = context;
        this.from = context.state();
    }

    /** The next part, planned on the state the earlier ones leave; its steps' effects are applied to that state once. */
    DeclarationParts then(Function<PlanContext, Decisions> part) {
        Decisions planned = part.apply(context);
        decisions.addAll(planned);
        context = context.at(Effects.apply(context.state(), planned));
        return this;
    }

    /** Every part's decisions, in order, with the state they leave from the one the declaration was planned on. */
    Decisions decisions() {
        return decisions.leaving(from, context.state());
    }
}
