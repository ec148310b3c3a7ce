package schemasync.plan;

import schemasync.step.Step;
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

    /** What the plan says about the object, as data (the reporters choose the words). */
    Status status();

    /**
     * {@link #CREATE}: a change whose first statement adds the object; {@link #ALTER}: any other change;
     * {@link #UNDECLARED}: drift of an object no block declares.
     */
    enum Status { UNCHANGED, CREATE, ALTER, DRIFT, UNDECLARED, CONFLICT }

    record Unchanged(Origin origin, String kind, String object, String note) implements PlanItem {
        public Status status() {
            return Status.UNCHANGED;
        }
    }

    /** {@code wording}: what it will do, verbs apart from text so it can be told before or after the apply. */
    record Change(Origin origin, String kind, String object, Summary wording, List<PlannedStep> steps)
            implements PlanItem {
        public Change {
            steps = List.copyOf(steps);
        }

        /** The summary before the apply: "will create concurrently, after the commit". */
        public String summary() {
            return wording.future();
        }

        public Status status() {
            return steps.get(0).step().creates() ? Status.CREATE : Status.ALTER;
        }
    }

    /** Present but different (or undeclared): reported, not changed. {@code hazard} says why, may be null. */
    record Drift(Origin origin, String kind, String object, String message, HazardKind hazard)
            implements PlanItem {
        public Status status() {
            return origin == null ? Status.UNDECLARED : Status.DRIFT;
        }
    }

    /**
     * The declarations and the database disagree in a way the tool must not resolve by itself (a
     * rename whose old and new names both exist): reported like drift, and the apply refuses to run.
     */
    record Conflict(Origin origin, String kind, String object, String message) implements PlanItem {
        public Status status() {
            return Status.CONFLICT;
        }
    }

    /** A step with the hazards the classifier found for it. */
    record PlannedStep(Step step, List<Hazard> hazards) {
        public PlannedStep {
            hazards = List.copyOf(hazards);
        }
    }
}
