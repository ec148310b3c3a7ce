package schemasync.plan;

import java.util.List;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.plan.PlanItem.Unchanged;

/** The planner's answer, in block order, followed by undeclared objects. */
public record Plan(List<PlanItem> items) {

    public Plan {
        items = List.copyOf(items);
    }

    /** True when applying would run nothing. Drift may remain: it is reported, never applied. */
    public boolean isEmpty() {
        return changes().isEmpty();
    }

    public List<Change> changes() {
        return items.stream().filter(Change.class::isInstance).map(Change.class::cast).toList();
    }

    public List<PlannedStep> steps() {
        return changes().stream().flatMap(c -> c.steps().stream()).toList();
    }

    public long unchangedCount() {
        return items.stream().filter(Unchanged.class::isInstance).count();
    }

    /** Drift and conflicts: everything shown with ⚠. */
    public long driftCount() {
        return items.stream().filter(i -> i instanceof Drift || i instanceof PlanItem.Conflict).count();
    }

    public List<PlanItem.Conflict> conflicts() {
        return items.stream().filter(PlanItem.Conflict.class::isInstance).map(PlanItem.Conflict.class::cast).toList();
    }
}
