package schemasync.plan;

import schemasync.step.Step;
import schemasync.model.HazardKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.Origin;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.PlannedStep;

/**
 * Which hazards {@code --apply} accepts. Allowed without being told: brief locks under lock_timeout,
 * work after the commit that is re-runnable, validation scans that let reads and writes go on,
 * custom steps and authorization changes (both written out by the blocks' author). Never allowed
 * implicitly: deleting data, rewriting or scanning a table that is not small under a lock, a plain
 * index build on such a table. Those need {@code --allow-hazard KIND} (the whole run) or
 * {@code db.allowHazard(KIND, "why")} (that block's steps only).
 *
 * @param allowed kinds allowed for the whole run on top of {@link #ALLOWED_BY_DEFAULT}
 */
public record HazardPolicy(Set<HazardKind> allowed) {

    public static final Set<HazardKind> ALLOWED_BY_DEFAULT = Collections.unmodifiableSet(EnumSet.of(
            HazardKind.ACCESS_EXCLUSIVE_LOCK, HazardKind.WRITE_LOCK, HazardKind.VALIDATION_SCAN,
            HazardKind.NOT_TRANSACTIONAL, HazardKind.CUSTOM_SQL, HazardKind.CHANGES_AUTHORIZATION));

    public HazardPolicy {
        allowed = allowed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    public static HazardPolicy defaults() {
        return new HazardPolicy(Set.of());
    }

    /** Every kind allowed: for throwaway databases (verify). */
    public static HazardPolicy allowingAll() {
        return new HazardPolicy(EnumSet.allOf(HazardKind.class));
    }

    /** Why a hazard is accepted, or that it is not. */
    public enum Verdict { ALLOWED_BY_DEFAULT, ALLOWED_BY_FLAG, ALLOWED_BY_BLOCK, REFUSED }

    /** A hazard {@code --apply} refuses, with the step and the block that planned it. */
    public record Refusal(Origin origin, Step step, Hazard hazard) {
        public String describe() {
            return origin + ": " + step.getClass().getSimpleName() + " " + step.object() + " — " + hazard;
        }
    }

    /**
     * The policy applied to one plan: every refused hazard in plan order, and each block's allowances
     * (kind → the reason the block gave).
     */
    public record Review(HazardPolicy policy, Map<String, Map<HazardKind, String>> blockAllowances, List<Refusal> refusals) {
        public Review {
            blockAllowances = Map.copyOf(blockAllowances);
            refusals = List.copyOf(refusals);
        }

        public Verdict verdict(Origin origin, HazardKind kind) {
            if (ALLOWED_BY_DEFAULT.contains(kind)) return Verdict.ALLOWED_BY_DEFAULT;
            if (policy.allowed().contains(kind)) return Verdict.ALLOWED_BY_FLAG;
            if (origin != null && blockAllowances.getOrDefault(origin.blockId(), Map.of()).containsKey(kind)) {
                return Verdict.ALLOWED_BY_BLOCK;
            }
            return Verdict.REFUSED;
        }

        /** The reason a block gave for allowing a kind, or null. */
        public String reason(Origin origin, HazardKind kind) {
            return origin == null ? null : blockAllowances.getOrDefault(origin.blockId(), Map.of()).get(kind);
        }

        public boolean refused() {
            return !refusals.isEmpty();
        }
    }

    public Review review(Plan plan, DeclaredSchema declared) {
        Map<String, Map<HazardKind, String>> blocks = new HashMap<>();
        for (Declaration d : declared.declarations()) {
            if (d instanceof Declaration.AllowHazardDecl a) {
                blocks.computeIfAbsent(a.origin().blockId(), k -> new LinkedHashMap<>()).put(a.kind(), a.reason());
            }
        }
        Review empty = new Review(this, blocks, List.of());
        List<Refusal> refusals = new ArrayList<>();
        for (Change change : plan.changes()) {
            for (PlannedStep step : change.steps()) {
                for (Hazard hazard : step.hazards()) {
                    if (empty.verdict(change.origin(), hazard.kind()) == Verdict.REFUSED) {
                        refusals.add(new Refusal(change.origin(), step.step(), hazard));
                    }
                }
            }
        }
        return new Review(this, blocks, refusals);
    }
}
