package schemasync.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import schemasync.SchemaSyncException;
import schemasync.cli.OutputOptions.Format;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.db.EmbeddedDatabase;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.PendingDeclarations;
import schemasync.execute.Fingerprint;
import schemasync.execute.ReviewedPlan;
import schemasync.execute.SchemaSync;
import schemasync.execute.SchemaSync.Result;
import schemasync.report.Json;
import schemasync.report.MarkdownReporter;
import schemasync.report.PlanDocument;
import schemasync.report.TextReporter;

/**
 * The command line: a thin layer over the library. Declarations are validated before any
 * connection is opened; exit statuses come from {@link ExitCodes} only.
 */
@Command(name = "sync-production-schema", mixinStandardHelpOptions = true, version = "Schema Sync " + CliContext.VERSION,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Makes the PostgreSQL schema match the change blocks in changes/, idempotently.%n"
                + "Shows the plan by default (--dry-run); --apply applies only what is missing, in one transaction.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, or in sync", "1:failure (rolled back)", "2:bad input or usage",
                "3:lock busy (another apply is running)", "4:not converged after apply",
                "5:--check: changes pending", "6:--check: drift or undeclared objects only",
                "7:--plan: the reviewed plan is stale", "8:verify or roundtrip: a check failed",
                "9:--apply refused, or --check: a step --apply would refuse (hazards not allowed, see --allow-hazard)",
                "10:fleet (--targets, --tenant-schemas): a unit failed, was refused or skipped; the others ran"},
        footerHeading = "%nExamples:%n",
        footer = {"  ./jbang sync-production-schema.java --dry-run                 plan against $DATABASE_URL (or the embedded database)",
                "  ./jbang sync-production-schema.java --apply                   apply what is missing, verify it converged",
                "  ./jbang sync-production-schema.java --check --format json     CI gate: 0 in sync, 5 pending, 6 drift, 9 refused",
                "  ./jbang sync-production-schema.java --dry-run --plan-out plan.json   then: --apply --plan plan.json",
                "  ./jbang sync-production-schema.java verify                    prove the blocks idempotent on a throwaway PostgreSQL",
                "",
                "Environment:",
                "  DATABASE_URL   target database (postgres://user:pass@host:5432/db?sslmode=require or jdbc:postgresql://...)",
                "  DATABASE_URL_FILE  a file holding the URL (a mounted secret); else libpq's PGHOST, PGPORT, PGUSER,",
                "                 PGPASSWORD, PGDATABASE, PGSSLMODE, PGSERVICE, ~/.pgpass (see docs/SCHEMA_SYNC_GUIDE.md)",
                "  SCHEMA_SYNC_PASSWORD_COMMAND  like --password-command",
                "  NO_COLOR       disable colours"})
public final class SchemaSyncCli implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--dry-run", description = "Show what would change; change nothing (the default).")
        boolean dryRun;
        @Option(names = "--apply", description = "Apply what is missing in one transaction, then verify.")
        boolean apply;
        @Option(names = "--check", description = "Like --dry-run; exit 0 in sync, 5 changes pending, 6 drift only,"
                + " 9 a step --apply would refuse (a pull request's gate).")
        boolean check;
    }

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Target database; default: the DATABASE_URL environment variable.")
    String databaseUrl;

    @Option(names = "--password-command", paramLabel = "COMMAND",
            description = "A shell command that prints the password on its first line (a short-lived token, e.g."
                    + " aws rds generate-db-auth-token ...); default: SCHEMA_SYNC_PASSWORD_COMMAND.")
    String passwordCommand;

    @Option(names = "--embedded", description = "Use the local embedded PostgreSQL (data in --embedded-dir).")
    boolean embedded;

    @Option(names = "--embedded-dir", paramLabel = "DIR", defaultValue = ".schema-sync/embedded",
            description = "Data folder of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    Path embeddedDir;

    @Option(names = "--plan-out", paramLabel = "FILE",
            description = "With --dry-run: write the plan (JSON, with fingerprints of the database and the blocks) for review.")
    Path planOut;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "With --apply: apply exactly this reviewed plan; refused (exit 7) if the database or blocks changed.")
    Path planIn;

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

    @Option(names = "--index-statement-timeout", paramLabel = "DURATION", defaultValue = "1h",
            converter = DurationConverter.class,
            description = "statement_timeout for index builds, which read the whole table (default: ${DEFAULT-VALUE}).")
    Duration indexStatementTimeout;

    @Option(names = "--retry-deadline", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to retry, with backoff, a statement that hit the lock timeout, re-planning each time"
                    + " (default: ${DEFAULT-VALUE}; 0 to fail at the first lock timeout).")
    Duration retryDeadline;

    @Option(names = "--allow-hazard", paramLabel = "KIND",
            description = "Let --apply run steps with this kind of hazard (repeatable): TABLE_REWRITE, FULL_SCAN_UNDER_LOCK,"
                    + " INDEX_BUILD, DELETES_DATA are refused unless allowed here or by db.allowHazard(...) in the block."
                    + " See docs/SAFETY.md.")
    java.util.List<schemasync.model.HazardKind> allowHazards = new java.util.ArrayList<>();

    @Option(names = "--full-check", description = "With --apply: always read and compare the whole catalog, even when"
            + " nothing changed since the last verified apply (the fast path; see docs/DEPLOYING.md).")
    boolean fullCheck;

    @Mixin
    OutputOptions output;

    @Mixin
    FleetOptions fleet;

    private final CliContext ctx;
    /** Connecting and the blocks, started before the command line was read; null when not. */
    private final HeadStart head;

    SchemaSyncCli(CliContext ctx, HeadStart head) {
        this.ctx = ctx;
        this.head = head;
    }

    /** Entry point for {@code sync-production-schema.java}. */
    public static void main(String[] args, List<? extends ChangeBlock> blocks) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // The folder the script compiled, seen from where it runs: its sources are checked against the list.
        Path changesDir = ChangesFolder.visible(Path.of("changes"), blocks);
        // The script's main class builds the list (Changes.ALL): its code is part of the blocks' fingerprint.
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        System.exit(run(args, blocks, System.getenv(), System.console() != null, out, err, changesDir, caller));
    }

    public static int run(String[] args, List<? extends ChangeBlock> blocks, Map<String, String> env,
                          boolean interactive, PrintStream out, PrintStream err) {
        return run(args, blocks, env, interactive, out, err, null);
    }

    /** As the entry script runs it: {@code changesDir} is the blocks' source folder, or null when not visible. */
    public static int run(String[] args, List<? extends ChangeBlock> blocks, Map<String, String> env,
                          boolean interactive, PrintStream out, PrintStream err, Path changesDir) {
        return run(args, blocks, env, interactive, out, err, changesDir, null);
    }

    /** As above; {@code caller}: the class that built the block list (hashed with the blocks for the fast path), or null. */
    public static int run(String[] args, List<? extends ChangeBlock> blocks, Map<String, String> env,
                          boolean interactive, PrintStream out, PrintStream err, Path changesDir, Class<?> caller) {
        CliContext ctx = new CliContext(blocks, env, interactive, out, err, changesDir, caller);
        try (HeadStart head = HeadStart.begin(args, ctx)) {
            return run(args, ctx, head);
        }
    }

    private static int run(String[] args, CliContext ctx, HeadStart head) {
        return commandLine(ctx, head).execute(args);
    }

    /** The whole command line: options, subcommands and handlers (the docs are checked against its model). */
    static CommandLine commandLine(CliContext ctx, HeadStart head) {
        PrintStream err = ctx.err();
        CommandLine cmd = new CommandLine(new SchemaSyncCli(ctx, head));
        cmd.addSubcommand("init", new InitCommand(ctx));
        cmd.addSubcommand("verify", new VerifyCommand(ctx));
        cmd.addSubcommand("docs", new DocsCommand(ctx));
        cmd.addSubcommand("generate", new GenerateCommand(ctx));
        cmd.addSubcommand("roundtrip", new RoundTripCommand(ctx));
        cmd.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(ctx.out(), true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage().replaceFirst("^Error: ", ""));
            err.println("Try --help.");
            return ExitCodes.BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((e, c, p) -> {
            Object command = c.getCommand();
            OutputOptions options = command instanceof SchemaSyncCli s ? s.output
                    : command instanceof VerifyCommand v ? v.output : null;
            return failure(ctx, options, c.getCommandName(), e);
        });
        return cmd;
    }

    /** Prints a failure (JSON envelope in json mode, "error: ..." otherwise) and maps it to its exit code. */
    static int failure(CliContext ctx, OutputOptions options, String mode, Exception e) {
        int exit = e instanceof SchemaSyncException s ? ExitCodes.of(s.code()) : ExitCodes.FAILURE;
        String message = e instanceof SchemaSyncException ? e.getMessage() : "unexpected " + e;
        if (options != null && options.format == Format.json) {
            String code = e instanceof SchemaSyncException s ? s.code().name() : "INTERNAL";
            ctx.out().println(Json.write(new Json.ErrorDocument(PlanDocument.FORMAT_VERSION, "schema-sync",
                    CliContext.VERSION, mode, "failed", exit, new Json.ErrorJson(code, message))));
        } else {
            ctx.err().println("error: " + message);
        }
        if (options != null && options.verbose) {
            Throwable shown = e instanceof SchemaSyncException && e.getCause() != null ? e.getCause() : e;
            shown.printStackTrace(ctx.err());
        }
        return exit;
    }

    @Override
    public Integer call() throws SQLException {
        timing("started");
        if (fleet.active()) return FleetCommand.run(this, ctx);
        output.verbosity();
        if (planOut != null && (mode.apply || mode.check)) throw SchemaSyncException.badInput("--plan-out goes with --dry-run");
        if (planIn != null && !mode.apply) throw SchemaSyncException.badInput("--plan goes with --apply");
        ChangesFolder.requireAllListed(ctx.changesDir(), ctx.blocks());
        // The blocks run and are validated beside connecting and reading the catalog (PendingDeclarations);
        // a reviewed plan is checked against the blocks before anything else, so it needs them first.
        PendingDeclarations declarations = head != null ? head.declarations()
                : planIn != null ? PendingDeclarations.of(DeclaredSchema.of(ctx.blocks()))
                : PendingDeclarations.start(ctx.blocks(), mode.apply && !fullCheck && !fleet.active(), ctx.caller());
        ReviewedPlan reviewed = null;
        if (planIn != null) {
            PlanDocument doc = Json.readPlan(planIn);
            reviewed = new ReviewedPlan(doc.toolVersion(), doc.fingerprint().blocks(), doc.fingerprint().catalog(), doc.sql());
            reviewed.requireSameInputs(CliContext.VERSION, blocksFingerprint(declarations.validated()));
        }
        String modeName = mode.apply ? "apply" : mode.check ? "check" : "dry-run";
        try (Target target = Target.choose(databaseUrl, passwordCommand, embedded, embeddedDir, ctx, output);
             Connection connection = head != null ? head.connection(target.url(), statementTimeout)
                     : Connections.open(target.url(), statementTimeout)) {
            timing("connected");
            refuseSampleOnARealDatabase(target);
            if (output.chatty()) {
                ctx.out().println((mode.apply ? "Applying to " : mode.check ? "Checking " : "Dry run against ")
                        + target.url().display() + " — " + ctx.blocks().size() + " change blocks");
            }
            Result result;
            FastPathRun fast = new FastPathRun(ctx, output, mode.apply && planIn == null && !fullCheck, target.url().display(),
                    allowHazards);
            try {
                if (fast.taken(connection, declarations, head != null ? head.catalogVersion(target.url()) : null)) {
                    timing("reported");
                    return ExitCodes.OK;
                }
                result = mode.apply
                        ? SchemaSync.apply(connection, declarations, new SchemaSync.Options(lockWait, lockTimeout, statementTimeout,
                                indexStatementTimeout, retryDeadline, java.util.Set.copyOf(allowHazards)), reviewed, true)
                        : SchemaSync.dryRun(connection, declarations, new schemasync.plan.HazardPolicy(java.util.Set.copyOf(allowHazards)));
            } catch (SQLException e) {
                String broken = String.valueOf(e.getSQLState()).startsWith("08")
                        ? " (the connection to PostgreSQL broke, or the server stayed silent for --statement-timeout + "
                        + Connections.NETWORK_MARGIN_SECONDS + " s; run again: it plans from what is there)" : "";
                throw new SchemaSyncException(SchemaSyncException.Code.DATABASE,
                        Connections.redact(e.getMessage(), target.url().properties()) + broken, e);
            }
            // Hashing every declaration is not free on big schemas: only plan files and JSON carry it.
            String blocksFingerprint = planIn != null || planOut != null || output.format == Format.json
                    ? blocksFingerprint(declarations.validated()) : null;
            int exit = ExitCodes.of(result, mode.check);
            if (planOut != null) writePlan(document(result, modeName, target, exit, blocksFingerprint));
            report(result, modeName, target, exit, blocksFingerprint);
            timing("reported");
            if (mode.apply) fast.record(connection, declarations, result);
            if (exit == ExitCodes.HAZARD_REFUSED && output.format != Format.json) {
                ctx.err().println("error: " + (mode.check ? "--check: --apply would refuse this plan" : "--apply refused, nothing was changed")
                        + ": the plan has hazards that are not allowed:\n  - "
                        + String.join("\n  - ", result.review().refusals().stream().map(r -> r.describe()).toList())
                        + "\n  Allow a kind for the whole run with --allow-hazard KIND, or in the block with"
                        + " db.allowHazard(HazardKind.KIND, \"why\"). See docs/SAFETY.md.");
            }
            return exit;
        } catch (RuntimeException e) {
            throw declarations.preferValidationFailure(e);
        }
    }

    /**
     * The sample blocks create demo tables and rename projects.name: on a real database that would touch
     * tables nobody declared for it. Only the embedded database (or an explicit opt-in) gets them.
     */
    private void refuseSampleOnARealDatabase(Target target) {
        java.util.Set<String> samples = ChangesFolder.samples(ctx.blocks());
        if (samples.isEmpty() || target.embedded() != null || "1".equals(ctx.env().get(CliContext.ALLOW_SAMPLE))) return;
        throw SchemaSyncException.badInput("Changes.ALL still holds the sample blocks (" + String.join(", ", samples)
                + ", marked @SampleBlock); they create demo tables and rename columns, so they are not run against "
                + target.url().display() + ". Start your own schema with `./jbang sync-production-schema.java init`"
                + " (an empty Changes.ALL), or try the sample on the embedded database with --embedded."
                + " Nothing was changed.");
    }

    /** SCHEMA_SYNC_TIMINGS: milliseconds since the JVM started (bench/bench.sh quotes them). */
    private void timing(String what) {
        if (ctx.env().get("SCHEMA_SYNC_TIMINGS") == null) return;
        ctx.err().println("timings: " + what + " " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms after the JVM started");
    }

    private static String blocksFingerprint(DeclaredSchema declared) {
        return Fingerprint.of(declared.declarations());
    }

    private static PlanDocument document(Result result, String mode, Target target, int exit, String blocksFingerprint) {
        return PlanDocument.of(result, mode, target.url().display(), CliContext.VERSION, exit, blocksFingerprint);
    }

    private void report(Result result, String mode, Target target, int exit, String blocksFingerprint) {
        // One write per 64 KiB instead of one flush per line: a no-op run of 2,000 tables prints ~8,000 lines.
        PrintStream buffered = new PrintStream(new java.io.BufferedOutputStream(ctx.out(), 1 << 16), false, StandardCharsets.UTF_8);
        try {
            report(result, mode, target, exit, blocksFingerprint, buffered);
        } finally {
            buffered.flush();
        }
    }

    private void report(Result result, String mode, Target target, int exit, String blocksFingerprint, PrintStream out) {
        TextReporter text = new TextReporter(out, ctx.colorAllowed(output.noColor), output.verbosity());
        switch (output.format) {
            case json -> out.println(Json.write(document(result, mode, target, exit, blocksFingerprint)));
            case markdown -> new MarkdownReporter(out).report(result, target.url().display(), text.summary(result));
            default -> {
                text.report(result);
                if (planIn != null && result.outcome() == SchemaSync.Outcome.IN_SYNC && output.chatty()) {
                    out.println("The reviewed plan was already applied: the database is in sync.");
                }
                if (planOut != null && output.chatty()) out.println("Plan written to " + planOut + " — apply it with --apply --plan " + planOut);
            }
        }
    }

    private void writePlan(PlanDocument document) {
        try {
            Path parent = planOut.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(planOut, Json.write(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan to " + planOut, e);
        }
    }
}
