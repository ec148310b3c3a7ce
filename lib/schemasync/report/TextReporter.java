package schemasync.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import schemasync.dsl.Origin;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.execute.SchemaSync.Result;
import schemasync.plan.Hazard;
import schemasync.plan.HazardPolicy;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.step.Step;
import schemasync.render.SqlRenderer;

/**
 * The text form of a plan: one line per object, ✓ exists, ℹ will change (SQL underneath), ⚠ drift
 * or risky, grouped by block, then undeclared objects, then one summary line. Colours only when
 * asked (the CLI decides: a TTY and no NO_COLOR).
 */
public final class TextReporter {
    public enum Verbosity { QUIET, NORMAL, VERBOSE }

    private final PrintStream out;
    private final boolean color;
    private final Verbosity verbosity;
    private boolean applied;
    private HazardPolicy.Review review;

    public TextReporter(PrintStream out, boolean color, Verbosity verbosity) {
        this.out = out;
        this.color = color;
        this.verbosity = verbosity;
    }

    public void report(Result result) {
        applied = result.outcome() == Outcome.APPLIED;
        review = result.review();
        Plan plan = result.plan();
        Origin block = null;
        List<PlanItem> undeclared = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            if (item.origin() == null) {
                undeclared.add(item);
                continue;
            }
            if (!shown(item)) continue;
            if (!Objects.equals(item.origin(), block)) {
                block = item.origin();
                if (verbosity != Verbosity.QUIET) out.println(style("1", block.blockId() + " — " + block.description()));
            }
            line(item);
        }
        if (!undeclared.isEmpty()) {
            if (verbosity != Verbosity.QUIET) {
                out.println(style("1", "Not declared by any block (left alone; ignore them with db.ignore(...))"));
            }
            undeclared.forEach(this::line);
        }
        out.println(summary(result));
    }

    private boolean shown(PlanItem item) {
        if (item instanceof Unchanged u) {
            return verbosity == Verbosity.VERBOSE || (verbosity == Verbosity.NORMAL && !u.kind().equals("column"));
        }
        return true;
    }

    private void line(PlanItem item) {
        String indent = "  ";
        if (item instanceof Unchanged u) {
            out.println(indent + style("32", "✓") + " " + u.kind() + " " + u.object() + " — " + u.note());
        } else if (item instanceof Change c) {
            out.println(indent + style("36", "ℹ") + " " + c.kind() + " " + c.object() + " — "
                    + (applied ? c.wording().past() : c.summary()));
            for (PlannedStep s : c.steps()) {
                out.println(indent + "    " + style("2", SqlRenderer.render(s.step())) + phase(s.step()));
                for (Hazard h : s.hazards()) out.println(indent + "      " + hazardLine(c, h));
            }
        } else if (item instanceof PlanItem.Conflict c) {
            out.println(indent + style("31", "⚠") + " " + c.kind() + " " + c.object() + " — " + c.message() + " (conflict)");
        } else if (item instanceof Drift d) {
            out.println(indent + style("33", "⚠") + " " + d.kind() + " " + d.object() + " — " + d.message()
                    + (d.hazard() == null ? "" : " (hazard " + d.hazard() + ")"));
        }
    }

    public String summary(Result result) {
        Plan plan = result.plan();
        long creates = plan.changes().stream().filter(c -> c.status() == PlanItem.Status.CREATE).count();
        long alters = plan.changes().size() - creates;
        long warnings = plan.driftCount();
        StringBuilder s = new StringBuilder("Summary: ");
        String verb = result.outcome() == Outcome.APPLIED ? "added" : "to add";
        String alterVerb = result.outcome() == Outcome.APPLIED ? "altered" : "to alter";
        s.append(creates).append(' ').append(verb);
        if (alters > 0) s.append(", ").append(alters).append(' ').append(alterVerb);
        s.append(", ").append(plan.unchangedCount()).append(" unchanged, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings").append(" — ");
        if (!plan.conflicts().isEmpty()) {
            s.append(plan.conflicts().size()).append(" conflict(s) to resolve first: --apply refuses to run — ");
        }
        if (result.review() != null && result.review().refused() && result.outcome() != Outcome.APPLIED) {
            long steps = result.review().refusals().stream().map(r -> r.step()).distinct().count();
            s.append(steps).append(" step(s) with hazards --apply refuses — ");
        }
        s.append(switch (result.outcome()) {
            case DRY_RUN -> plan.isEmpty() && plan.conflicts().isEmpty() ? "in sync, nothing to do (dry run)"
                    : "dry run, nothing was changed";
            case IN_SYNC -> "already in sync, nothing was changed";
            case REFUSED -> "--apply refused, nothing was changed";
            case APPLIED -> applied(result);
        });
        s.append(" (").append(seconds(result.elapsed())).append(')');
        return s.toString();
    }

    /** {@code hazard KIND (detail)}, and unless allowed by default, whether --apply accepts it and why. */
    private String hazardLine(Change c, Hazard h) {
        String line = "hazard " + h;
        if (review == null || applied) return style("33", line);
        return switch (review.verdict(c.origin(), h.kind())) {
            case ALLOWED_BY_DEFAULT -> style("33", line);
            case ALLOWED_BY_FLAG -> style("33", line + " — allowed by --allow-hazard " + h.kind());
            case ALLOWED_BY_BLOCK -> style("33", line + " — allowed by " + c.origin().blockId() + ": "
                    + review.reason(c.origin(), h.kind()));
            case REFUSED -> style("31", line + " — REFUSED by --apply: allow with --allow-hazard " + h.kind()
                    + " or db.allowHazard(HazardKind." + h.kind() + ", \"why\") in " + c.origin().blockId());
        };
    }

    /** Steps that run after the commit say so: they are not rolled back with the transaction. */
    private String phase(Step step) {
        return switch (step.phase()) {
            case TRANSACTION -> "";
            case OWN_TRANSACTION -> style("2", "   -- after the commit, in its own transaction");
            case NO_TRANSACTION -> style("2", "   -- after the commit, outside any transaction");
        };
    }

    private static String applied(Result result) {
        long later = result.executed().stream().filter(e -> e.step().step().phase() != Step.Phase.TRANSACTION).count();
        long inTransaction = result.executed().size() - later;
        StringBuilder s = new StringBuilder("applied ");
        if (later == 0) s.append(inTransaction).append(" statement(s) in one transaction");
        else if (inTransaction == 0) s.append(later).append(" statement(s) outside the transaction");
        else s.append(inTransaction).append(" statement(s) in one transaction and ").append(later).append(" after it");
        if (result.retries() > 0) s.append(" (").append(result.retries()).append(" retry(ies) after lock timeouts)");
        return s.append(", verified in sync").toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    private String style(String ansi, String text) {
        return color ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }
}
