package schemasync.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.db.EmbeddedDatabase;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.report.TextReporter;
import schemasync.report.TextReporter.Verbosity;

/**
 * The command line: a thin layer over the library. Declarations are validated before any
 * connection is opened; exit statuses come from {@link ExitCodes} only.
 */
@Command(name = "sync-production-schema", mixinStandardHelpOptions = true, version = "Schema Sync 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Makes the PostgreSQL schema match the change blocks in changes/, idempotently.%n"
                + "Shows the plan by default (--dry-run); --apply applies only what is missing, in one transaction.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, or already in sync", "1:failure (rolled back)", "2:bad input or usage",
                "3:lock busy (another apply is running)", "4:not converged after apply"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  DATABASE_URL   target database (postgres://user:pass@host:5432/db?sslmode=require or jdbc:postgresql://...)",
                "  NO_COLOR       disable colours"})
public final class SchemaSyncCli implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--dry-run", description = "Show what would change; change nothing (the default).")
        boolean dryRun;
        @Option(names = "--apply", description = "Apply what is missing in one transaction, then verify.")
        boolean apply;
    }

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Target database; default: the DATABASE_URL environment variable.")
    String databaseUrl;

    @Option(names = "--embedded", description = "Use the local embedded PostgreSQL (data in --embedded-dir).")
    boolean embedded;

    @Option(names = "--embedded-dir", paramLabel = "DIR", defaultValue = ".schema-sync/embedded",
            description = "Data folder of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    Path embeddedDir;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for another apply to finish (default: ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "lock_timeout for each statement of the apply (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "5m",
            converter = DurationConverter.class,
            description = "statement_timeout for each statement of the apply (default: ${DEFAULT-VALUE}).")
    Duration statementTimeout;

    @Option(names = {"-q", "--quiet"}, description = "Only changes, warnings and the summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also list unchanged columns; stack traces on failure.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    private final List<? extends ChangeBlock> blocks;
    private final Map<String, String> env;
    private final boolean interactive;
    private final PrintStream out;
    private final PrintStream err;

    SchemaSyncCli(List<? extends ChangeBlock> blocks, Map<String, String> env, boolean interactive,
                  PrintStream out, PrintStream err) {
        this.blocks = blocks;
        this.env = env;
        this.interactive = interactive;
        this.out = out;
        this.err = err;
    }

    /** Entry point for {@code sync-production-schema.java}. */
    public static void main(String[] args, List<? extends ChangeBlock> blocks) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, blocks, System.getenv(), System.console() != null, out, err));
    }

    public static int run(String[] args, List<? extends ChangeBlock> blocks, Map<String, String> env,
                          boolean interactive, PrintStream out, PrintStream err) {
        SchemaSyncCli cli = new SchemaSyncCli(blocks, env, interactive, out, err);
        CommandLine cmd = new CommandLine(cli);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExitCodeExceptionMapper(e -> e instanceof SchemaSyncException s ? ExitCodes.of(s.code()) : ExitCodes.FAILURE);
        cmd.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage().replaceFirst("^Error: ", ""));
            err.println("Try --help.");
            return ExitCodes.BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof SchemaSyncException s) {
                err.println("error: " + s.getMessage());
                if (cli.verbose && s.getCause() != null) s.getCause().printStackTrace(err);
                return ExitCodes.of(s.code());
            }
            err.println("error: unexpected " + e);
            if (cli.verbose) e.printStackTrace(err);
            return ExitCodes.FAILURE;
        });
        return cmd.execute(args);
    }

    @Override
    public Integer call() throws SQLException {
        if (quiet && verbose) throw SchemaSyncException.badInput("--quiet and --verbose cannot be used together");
        DeclaredSchema declared = DeclaredSchema.of(blocks);
        Target target = target();
        try (target; Connection connection = Connections.open(target.url())) {
            boolean color = interactive && !noColor && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
            TextReporter reporter = new TextReporter(out, color, quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL);
            if (!quiet) out.println((mode.apply ? "Applying to " : "Dry run against ") + target.url().display()
                    + " — " + blocks.size() + " change blocks");
            SchemaSync.Result result;
            try {
                result = mode.apply
                        ? SchemaSync.apply(connection, declared, new SchemaSync.Options(lockWait, lockTimeout, statementTimeout), sql -> { })
                        : SchemaSync.dryRun(connection, declared);
            } catch (SQLException e) {
                throw new SchemaSyncException(SchemaSyncException.Code.DATABASE,
                        Connections.redact(e.getMessage(), target.url().properties()), e);
            }
            reporter.report(result);
            return ExitCodes.OK;
        }
    }

    /** The database to talk to, and the embedded server to stop afterwards if we started one. */
    private record Target(DatabaseUrl url, EmbeddedDatabase embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) embedded.close();
        }
    }

    private Target target() {
        String url = databaseUrl != null ? databaseUrl : env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            if (embedded) throw SchemaSyncException.badInput("--embedded and a database URL cannot be used together");
            return new Target(DatabaseUrl.parse(url), null);
        }
        if (!embedded && !interactive) {
            // A release phase must never "succeed" against a throwaway database.
            throw SchemaSyncException.badInput("no database: set DATABASE_URL or pass --database-url"
                    + " (this run has no terminal, e.g. CI, a release phase or a pipe, so the local embedded"
                    + " PostgreSQL is used only when asked for with --embedded)");
        }
        if (!quiet) {
            out.println("No DATABASE_URL: using the embedded PostgreSQL in " + embeddedDir
                    + " (a local development database; set DATABASE_URL to target a real one)");
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(embeddedDir.toAbsolutePath());
        return new Target(db.url("postgres"), db);
    }
}
