package schemasync.cli;

import java.sql.Connection;
import java.sql.SQLException;
import schemasync.catalog.CatalogVersion;
import schemasync.cli.OutputOptions.Format;
import schemasync.dsl.PendingDeclarations;
import schemasync.execute.FastPath;
import schemasync.execute.SchemaSync;
import schemasync.execute.SchemaSync.Result;
import schemasync.report.Json;
import schemasync.report.PlanDocument;

/**
 * The fast path of a no-op {@code --apply} as the command line shows it: one line instead of the plan,
 * the reasons under {@code --verbose} (on standard error, so JSON output stays one document), and the
 * record after a verified apply. Off for {@code --dry-run} and {@code --check} (they show the whole plan,
 * ✓ lines included), for {@code --plan} (a reviewed plan is compared with the catalog, not skipped) and
 * with {@code --full-check}.
 */
final class FastPathRun {
    private final CliContext ctx;
    private final OutputOptions output;
    private final boolean enabled;
    private final String database;
    private final long start = System.nanoTime();
    private final java.util.List<schemasync.model.HazardKind> allowedHazards;
    private FastPath.Decision decision;

    FastPathRun(CliContext ctx, OutputOptions output, boolean enabled, String database,
                java.util.List<schemasync.model.HazardKind> allowedHazards) {
        this.ctx = ctx;
        this.output = output;
        this.enabled = enabled;
        this.database = database;
        this.allowedHazards = allowedHazards;
    }

    /** Before picocli reads the command line: whether this run may take the fast path (the blocks hash first then). */
    static boolean mayTake(String[] args) {
        java.util.List<String> list = java.util.Arrays.asList(args);
        return list.contains("--apply") && !list.contains("--full-check")
                && list.stream().noneMatch(a -> a.startsWith("--plan"));
    }

    /**
     * True when the run is done: the catalog is the one the last verified apply left, and that was reported.
     *
     * @param prefetched the catalog version read by the connecting thread (HeadStart), or null to read it now
     */
    boolean taken(Connection connection, PendingDeclarations declarations, CatalogVersion.Reading prefetched)
            throws SQLException {
        if (!enabled) return false;
        long t0 = System.nanoTime();
        CatalogVersion.Reading reading;
        try {
            // The schemas the recorded setting names: the blocks need not have run (see CatalogVersion.read).
            reading = prefetched != null ? prefetched : CatalogVersion.read(connection, null);
        } catch (SQLException e) {
            // Never a reason to fail the run: the full comparison meets a broken connection where it would have.
            verbose("fast path not taken: the catalog version could not be read ("
                    + e.getMessage().lines().findFirst().orElse("") + "); comparing the full catalog");
            return false;
        }
        long t1 = System.nanoTime();
        PendingDeclarations.Folded folded = declarations.unvalidatedFingerprint();
        if (ctx.env().get("SCHEMA_SYNC_TIMINGS") != null) {
            // For bench/bench.sh: where a fast-path run waits, in-process.
            ctx.err().printf("timings: fast path: catalog version %s, then waited %d ms for the blocks' fingerprint%n",
                    prefetched != null ? "read ahead" : (t1 - t0) / 1_000_000 + " ms", (System.nanoTime() - t1) / 1_000_000);
        }
        decision = FastPath.check(reading, folded, CliContext.VERSION, allowedHazards);
        verbose("fast path: the blocks' fingerprint is of " + folded.basis());
        if (!decision.inSync()) {
            verbose("fast path not taken: " + decision.why() + "; comparing the full catalog");
            return false;
        }
        verbose("fast path taken: " + decision.why() + " (--full-check compares everything)");
        long millis = (System.nanoTime() - start) / 1_000_000;
        switch (output.format) {
            case json -> ctx.out().println(Json.write(PlanDocument.fastPath(database, CliContext.VERSION, millis,
                    declarations.unvalidatedFingerprint().fingerprint(), decision.warnings())));
            case markdown -> ctx.out().println("**Schema Sync**: ✓ already in sync, nothing was changed — catalog unchanged"
                    + " since the last verified apply (" + decision.recordedAt() + "); `--full-check` compares everything.");
            default -> ctx.out().println("✓ already in sync, nothing was changed (catalog unchanged since the last verified"
                    + " apply, " + decision.recordedAt() + (decision.warnings() == 0 ? "" : ", which reported "
                    + decision.warnings() + " warning(s)") + "; --full-check compares everything)");
        }
        return true;
    }

    /** After a verified apply (or one that found nothing to do): record it for the next run's fast path. */
    void record(Connection connection, PendingDeclarations declarations, Result result) {
        if (result.catalogVersion() == null || !FastPath.eligible(declarations.validated())) return;
        if (result.outcome() != SchemaSync.Outcome.IN_SYNC && result.outcome() != SchemaSync.Outcome.APPLIED) return;
        int warnings = (int) result.after().driftCount();
        String problem = FastPath.record(connection, CliContext.VERSION, declarations, allowedHazards, result.catalogVersion(),
                decision == null ? null : decision.recorded(), warnings);
        verbose(problem != null ? problem : "fast path: recorded this verified state for the next no-op --apply");
    }

    private void verbose(String line) {
        if (output.verbose) ctx.err().println(line);
    }
}
