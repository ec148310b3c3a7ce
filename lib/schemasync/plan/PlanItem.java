package schemasync.plan;

import schemasync.model.HazardKind;
import java.util.List;
import schemasync.dsl.Origin;

/**
 * One line of the plan: ✓ {@link Unchanged}, ℹ {@link Change} (with its steps), ⚠ {@link Drift}.
 * {@code kind} and {@code object} use the same words as the DSL ("table public.users").
 * Drift of undeclared objects has no origin: no block mentions them.
 */
public sealed interface PlanItem {
    Origin origin();

    String kind();

    String object();

    record Unchanged(Origin origin, String kind, String object, String note) implements PlanItem {
    }

    record Change(Origin origin, String kind, String object, String summary, List<PlannedStep> steps)
            implements PlanItem {
        public Change {
            steps = List.copyOf(steps);
        }
    }

    /** Present but different (or undeclared): reported, not changed. {@code hazard} says why, may be null. */
    record Drift(Origin origin, String kind, String object, String message, HazardKind hazard)
            implements PlanItem {
    }

    /**
     * The declarations and the database disagree in a way the tool must not resolve by itself (a
     * rename whose old and new names both exist): reported like drift, and the apply refuses to run.
     */
    record Conflict(Origin origin, String kind, String object, String message) implements PlanItem {
    }

    /** A step with the hazards the classifier found for it. */
    record PlannedStep(Step step, List<Hazard> hazards) {
        public PlannedStep {
            hazards = List.copyOf(hazards);
        }
    }
}
