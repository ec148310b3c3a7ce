package schemasync.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import schemasync.db.PostgresBinaries;
import schemasync.report.Json;
import schemasync.report.PlanDocument;
import schemasync.verify.Verifier;
import schemasync.verify.Verifier.Check;
import schemasync.verify.Verifier.Report;

/** {@code verify}: prove the blocks sound on a throwaway embedded PostgreSQL. */
@Command(name = "verify", mixinStandardHelpOptions = true, version = "Schema Sync " + CliContext.VERSION,
        description = "Proves the change blocks sound without touching any real database: they load and validate;"
                + " on a throwaway embedded PostgreSQL they converge from an empty database and from one where only"
                + " the first half ran (apply, plan again: empty, apply again: nothing); docs/SCHEMA.md is current.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./jbang sync-production-schema.java verify",
                "  ./jbang sync-production-schema.java verify --postgres-version 15 --format json",
                "  scripts/verify-sync-script.sh                 the same, for teams that expect a script"})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--postgres-version", paramLabel = "MAJOR", defaultValue = "" + PostgresBinaries.DEFAULT_MAJOR,
            description = "Major version of the embedded PostgreSQL, to match production (13-18; default: ${DEFAULT-VALUE}).")
    int postgresVersion;

    @Option(names = "--schema-doc", paramLabel = "FILE", defaultValue = "docs/SCHEMA.md",
            description = "The generated schema documentation to check (default: ${DEFAULT-VALUE}).")
    Path schemaDoc;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;

    VerifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** JSON form of a verify run. */
    record VerifyDocument(int formatVersion, String tool, String toolVersion, String mode, String postgresVersion,
                          String outcome, int exitCode, List<CheckJson> checks, long totalMillis) {
    }

    record CheckJson(String name, boolean ok, long millis, String detail) {
    }

    @Override
    public Integer call() throws SQLException {
        ChangesFolder.requireAllListed(ctx.changesDir(), ctx.blocks());
        output.verbosity();
        if (output.chatty()) {
            ctx.out().println("Verifying " + ctx.blocks().size() + " change blocks on a throwaway embedded PostgreSQL "
                    + postgresVersion);
        }
        Report report = Verifier.run(ctx.blocks(), postgresVersion, schemaDoc, check -> {
            if (output.format == OutputOptions.Format.text) ctx.out().println(line(check));
        });
        int exit = report.ok() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
        long failed = report.checks().stream().filter(c -> !c.ok()).count();
        String summary = (report.ok() ? "Verified: all " + report.checks().size() + " checks held"
                : "Verify failed: " + failed + " of " + report.checks().size() + " checks did not hold")
                + " on PostgreSQL " + report.postgresVersion() + " (" + seconds(report.elapsed().toMillis()) + ")";
        switch (output.format) {
            case json -> ctx.out().println(Json.write(new VerifyDocument(PlanDocument.FORMAT_VERSION, "schema-sync",
                    CliContext.VERSION, "verify", report.postgresVersion(), report.ok() ? "verified" : "failed", exit,
                    report.checks().stream().map(c -> new CheckJson(c.name(), c.ok(), c.elapsed().toMillis(), c.detail())).toList(),
                    report.elapsed().toMillis())));
            case markdown -> {
                ctx.out().println("### Schema Sync — verify");
                ctx.out().println();
                report.checks().forEach(c -> ctx.out().println("- " + line(c).strip()));
                ctx.out().println();
                ctx.out().println("**" + summary + "**");
            }
            default -> ctx.out().println(summary);
        }
        return exit;
    }

    private static String line(Check c) {
        return "  " + (c.ok() ? "✓" : "✗") + " " + c.name() + " — " + c.detail() + " (" + seconds(c.elapsed().toMillis()) + ")";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
