package schemasync.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.db.EmbeddedDatabase;
import schemasync.db.PostgresBinaries;
import schemasync.verify.RoundTrip;

/** {@code roundtrip}: prove generation exact on a team's own database before adopting the tool. */
@Command(name = "roundtrip", mixinStandardHelpOptions = true, version = "Schema Sync " + CliContext.VERSION,
        description = "Generates change blocks from the database (in memory, no files written), applies them to an empty"
                + " database on a throwaway embedded PostgreSQL, and compares both catalogs object by object; then plans"
                + " the blocks against your database (must be empty) and against the rebuilt one (must be empty)."
                + " Reads your database only.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./jbang sync-production-schema.java roundtrip --database-url \"$DATABASE_URL\"",
                "  ./jbang sync-production-schema.java roundtrip --schema public --schema audit --postgres-version 16"})
final class RoundTripCommand implements Callable<Integer> {

    @Mixin
    SourceDatabaseOption source;

    @Mixin
    SchemaSelectionOptions schemaOptions;

    @Option(names = "--postgres-version", paramLabel = "MAJOR", defaultValue = "" + PostgresBinaries.DEFAULT_MAJOR,
            description = "Major version of the throwaway PostgreSQL; match your server (13-18; default: ${DEFAULT-VALUE}).")
    int postgresVersion;

    private final CliContext ctx;

    RoundTripCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws SQLException {
        DatabaseUrl url = source.url(ctx);
        ctx.out().println("Round trip: " + url.display() + " → generated blocks → empty database on a throwaway PostgreSQL "
                + postgresVersion);
        RoundTrip.Report report;
        try (EmbeddedDatabase server = EmbeddedDatabase.startThrowaway(postgresVersion);
             Connection source = Connections.open(url)) {
            try (Connection admin = Connections.open(server.url("postgres")); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE roundtrip");
            }
            try (Connection target = Connections.open(server.url("roundtrip"))) {
                // The source is only read: generation and both plans are read-only.
                report = RoundTrip.run(source, schemaOptions.selection().resolve(source), target);
            }
        } catch (SQLException e) {
            throw new SchemaSyncException(SchemaSyncException.Code.DATABASE, Connections.redact(e.getMessage(), url.properties()), e);
        }
        GenerateCommand.summary(ctx, report.generated(), report.generated().blocks().size());
        ctx.out().println();
        StringBuilder compared = new StringBuilder();
        report.diff().compared().forEach((kind, n) -> {
            if (n > 0) compared.append(compared.length() == 0 ? "" : ", ").append(kind).append(' ').append(n);
        });
        ctx.out().println("Compared: " + compared);
        line(report.diff().equal(), "catalogs equal", report.diff().differences());
        line(report.sourcePlan().isEmpty(), "plan against your database is empty", report.sourcePlan());
        line(report.targetPlan().isEmpty(), "plan against the rebuilt database is empty", report.targetPlan());
        // A warning is never applied, but --dry-run --check would report it as drift: the blocks do not say the database.
        line(report.sourceDrift().isEmpty(), "no warnings in the plan against your database", report.sourceDrift());
        line(report.targetDrift().isEmpty(), "no warnings in the plan against the rebuilt database", report.targetDrift());
        ctx.out().println((report.ok() ? "Round trip exact" : "Round trip NOT exact") + ": " + report.statementsApplied()
                + " statements applied to the empty database; generated in "
                + String.format(Locale.ROOT, "%.2f s", report.generateTime().toMillis() / 1000.0) + ", total "
                + String.format(Locale.ROOT, "%.2f s", report.total().toMillis() / 1000.0));
        return report.ok() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }

    private void line(boolean ok, String what, List<String> problems) {
        ctx.out().println("  " + (ok ? "✓ " : "✗ ") + what + (ok ? "" : " — " + problems.size() + ":"));
        problems.forEach(p -> ctx.out().println("      " + p));
    }
}
