package schemasync.report;

import java.io.PrintStream;
import java.util.List;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.execute.SchemaSync.Result;
import schemasync.plan.PlanItem;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.render.SqlRenderer;

/**
 * A compact plan for a pull-request comment or $GITHUB_STEP_SUMMARY: changes and warnings in one
 * table (unchanged objects only counted), the SQL folded in a details element.
 */
public final class MarkdownReporter {
    private final PrintStream out;

    public MarkdownReporter(PrintStream out) {
        this.out = out;
    }

    public void report(Result result, String database, String summaryLine) {
        boolean applied = result.outcome() == Outcome.APPLIED;
        out.println("### Schema Sync — " + (applied ? "applied to " : "plan for ") + cell(database));
        out.println();
        List<PlanItem> shown = result.plan().items().stream().filter(i -> !(i instanceof PlanItem.Unchanged)).toList();
        if (shown.isEmpty()) {
            out.println("✓ In sync: every declared object exists as declared.");
        } else {
            out.println("| | Block | Object | What |");
            out.println("|---|---|---|---|");
            for (PlanItem item : shown) {
                String block = item.origin() == null ? "(undeclared)" : item.origin().blockId();
                String what;
                if (item instanceof Change c) what = applied ? c.wording().past() : c.summary();
                else if (item instanceof Drift d) what = d.message() + (d.hazard() == null ? "" : " (hazard " + d.hazard() + ")");
                else what = ((PlanItem.Conflict) item).message() + " (conflict)";
                out.println("| " + (item instanceof Change ? "ℹ" : "⚠") + " | " + cell(block) + " | " + cell(item.kind() + " "
                        + item.object()) + " | " + cell(what) + " |");
            }
        }
        List<PlannedStep> steps = result.plan().steps();
        if (!steps.isEmpty()) {
            out.println();
            out.println("<details><summary>SQL (" + steps.size() + " statement" + (steps.size() == 1 ? "" : "s") + ")</summary>");
            out.println();
            out.println("```sql");
            for (PlannedStep s : steps) {
                out.println(SqlRenderer.render(s.step()) + ";");
                s.hazards().forEach(h -> out.println("-- hazard " + h));
            }
            out.println("```");
            out.println();
            out.println("</details>");
        }
        out.println();
        out.println("**" + cell(summaryLine) + "**");
    }

    /** Table cells: no line breaks, and a literal pipe must not end the cell. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
