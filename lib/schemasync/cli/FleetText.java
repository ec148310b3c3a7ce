package schemasync.cli;

import java.io.PrintStream;
import java.util.List;
import schemasync.fleet.FleetSummary;
import schemasync.fleet.UnitResult;

/** A fleet's results as text lines and as a markdown table (for a pull request). */
final class FleetText {
    private FleetText() {
    }

    /** {@code ✓ db1/tenant_001 — in-sync (12 ms)}, {@code ✗ db3 — unreachable: cannot connect to target db3: ...}. */
    static String line(UnitResult r) {
        String mark = r.status() == UnitResult.Status.SKIPPED ? "-" : r.ok() ? "✓" : "✗";
        String what = switch (r.status()) {
            case APPLIED -> "applied " + r.statements() + " statement(s)";
            case PENDING -> r.statements() + " statement(s) to apply";
            default -> r.status().word();
        };
        String why = r.message() == null ? "" : ": " + r.message().replace("\n", "\n    ");
        return mark + " " + r.unit() + " — " + what + why + " (" + r.elapsedMs() + " ms)";
    }

    static void markdown(PrintStream out, String mode, List<UnitResult> all, FleetSummary summary) {
        out.println("### Schema Sync fleet " + mode);
        out.println();
        out.println(summary.line());
        out.println();
        out.println("| unit | status | statements | detail |");
        out.println("| --- | --- | ---: | --- |");
        for (UnitResult r : all) {
            if (r.ok() && r.status() == UnitResult.Status.IN_SYNC) continue;
            String detail = r.message() == null ? "" : r.message().replace("|", "\\|").replace("\n", " ");
            out.println("| " + r.unit() + " | " + r.status().word() + " | " + r.statements() + " | " + detail + " |");
        }
    }
}
