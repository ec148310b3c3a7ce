package schemasync.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.dsl.Origin;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.execute.SchemaSync.Result;
import schemasync.plan.Hazard;
import schemasync.plan.HazardPolicy;
import schemasync.plan.PlanItem;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.render.SqlRenderer;

/**
 * The JSON form of a run (--format json, --plan-out). Versioned: {@link #FORMAT_VERSION} changes
 * only when a field is removed or changes meaning; new fields may appear in any version.
 * Documented in docs/SCHEMA_SYNC_GUIDE.md.
 */
public record PlanDocument(int formatVersion, String tool, String toolVersion, String mode, String database,
                           String outcome, int exitCode, List<BlockJson> blocks, List<ItemJson> undeclared,
                           SummaryJson summary, Map<String, Long> timingsMillis, FingerprintJson fingerprint,
                           List<RefusalJson> refusals, String comparison) {

    /** comparison: how the run decided; FULL read and compared the catalog, FAST_PATH did not (see FastPath). */
    public static final String FULL = "full";
    public static final String FAST_PATH = "fast-path";

    /**
     * An {@code --apply} that took the fast path: in sync, nothing compared object by object, so no items; the
     * catalog fingerprint is not computed (it needs the full read).
     */
    public static PlanDocument fastPath(String database, String toolVersion, long totalMillis, String blocksFingerprint,
                                        int warnings) {
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("total", totalMillis);
        return new PlanDocument(FORMAT_VERSION, "schema-sync", toolVersion, "apply", database, "in-sync", 0, List.of(), List.of(),
                new SummaryJson(0, 0, 0, warnings, 0, true), timings, new FingerprintJson(blocksFingerprint, null), List.of(), FAST_PATH);
    }

    public static final int FORMAT_VERSION = 1;

    public record BlockJson(String id, String description, List<ItemJson> items) {
    }

    /**
     * status: unchanged | change | drift | conflict. state (added in format 1, same meaning kept for
     * status): unchanged | create | alter | drift | undeclared | conflict.
     */
    public record ItemJson(String status, String kind, String object, String message, String hazard, List<StepJson> steps,
                           String state) {
    }

    /**
     * status: planned | applied. phase: transaction (in the apply's one transaction) | own-transaction
     * | no-transaction (both after the commit).
     */
    public record StepJson(String type, String sql, String status, List<HazardJson> hazards, String phase) {
    }

    /** verdict: allowed-by-default | allowed-by-flag | allowed-by-block | refused; reason: the block's, if any. */
    public record HazardJson(String kind, String detail, String verdict, String reason) {
    }

    /** A hazard --apply refuses: the block, the step and the hazard. Empty when nothing is refused. */
    public record RefusalJson(String block, String step, String object, String kind, String detail) {
    }

    public record SummaryJson(long toAdd, long toAlter, long unchanged, long warnings, long statements, boolean inSync) {
    }

    /** What the plan was computed against; --apply --plan compares both. */
    public record FingerprintJson(String blocks, String catalog) {
    }

    public static PlanDocument of(Result result, String mode, String database, String toolVersion, int exitCode,
                                  String blocksFingerprint) {
        boolean applied = result.outcome() == Outcome.APPLIED;
        Map<Origin, List<ItemJson>> byBlock = new LinkedHashMap<>();
        List<ItemJson> undeclared = new ArrayList<>();
        for (PlanItem item : result.plan().items()) {
            ItemJson json = item(item, applied, result.review());
            if (item.origin() == null) undeclared.add(json);
            else byBlock.computeIfAbsent(item.origin(), o -> new ArrayList<>()).add(json);
        }
        List<BlockJson> blocks = new ArrayList<>();
        byBlock.forEach((origin, items) -> blocks.add(new BlockJson(origin.blockId(), origin.description(), items)));
        long creates = result.plan().changes().stream().filter(c -> c.status() == PlanItem.Status.CREATE).count();
        SummaryJson summary = new SummaryJson(creates, result.plan().changes().size() - creates,
                result.plan().unchangedCount(), result.plan().driftCount(), result.plan().steps().size(),
                result.plan().isEmpty() || applied);
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("total", result.elapsed().toMillis());
        long executing = result.executed().stream().mapToLong(e -> e.elapsed().toMillis()).sum();
        if (!result.executed().isEmpty()) timings.put("statements", executing);
        return new PlanDocument(FORMAT_VERSION, "schema-sync", toolVersion, mode, database,
                result.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), exitCode, blocks,
                undeclared, summary, timings, new FingerprintJson(blocksFingerprint, result.catalogFingerprint()),
                result.review() == null ? List.of() : result.review().refusals().stream().map(r -> new RefusalJson(
                        r.origin().blockId(), r.step().getClass().getSimpleName(), r.step().object(), r.hazard().kind().name(),
                        r.hazard().detail())).toList(), FULL);
    }

    private static ItemJson item(PlanItem item, boolean applied, HazardPolicy.Review review) {
        String state = item.status().name().toLowerCase(java.util.Locale.ROOT);
        if (item instanceof Change c) {
            List<StepJson> steps = new ArrayList<>();
            for (PlannedStep s : c.steps()) {
                steps.add(new StepJson(s.step().getClass().getSimpleName(), SqlRenderer.render(s.step()),
                        applied ? "applied" : "planned", s.hazards().stream().map(h -> hazard(h, c, review)).toList(),
                        s.step().phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            }
            return new ItemJson("change", c.kind(), c.object(), applied ? c.wording().past() : c.summary(), null, steps, state);
        }
        if (item instanceof Drift d) {
            return new ItemJson("drift", d.kind(), d.object(), d.message(), d.hazard() == null ? null : d.hazard().name(),
                    List.of(), state);
        }
        if (item instanceof PlanItem.Conflict c) {
            return new ItemJson("conflict", c.kind(), c.object(), c.message(), null, List.of(), state);
        }
        PlanItem.Unchanged u = (PlanItem.Unchanged) item;
        return new ItemJson("unchanged", u.kind(), u.object(), u.note(), null, List.of(), state);
    }

    private static HazardJson hazard(Hazard h, Change c, HazardPolicy.Review review) {
        if (review == null) return new HazardJson(h.kind().name(), h.detail(), null, null);
        return new HazardJson(h.kind().name(), h.detail(), review.verdict(c.origin(), h.kind()).name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', '-'), review.reason(c.origin(), h.kind()));
    }

    /** Statements of the plan in order: what --apply --plan must run again. */
    public List<String> sql() {
        List<String> sql = new ArrayList<>();
        for (BlockJson b : blocks) for (ItemJson i : b.items()) for (StepJson s : i.steps()) sql.add(s.sql());
        return sql;
    }
}
