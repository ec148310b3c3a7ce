package schemasync.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Set;
import schemasync.SchemaSyncException;
import schemasync.cli.OutputOptions.Format;
import schemasync.db.Connections;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.TenantScope;
import schemasync.execute.SchemaSync;
import schemasync.fleet.ConnectionBudget;
import schemasync.fleet.FleetFastPath;
import schemasync.fleet.FleetRun;
import schemasync.fleet.FleetSummary;
import schemasync.fleet.FleetTarget;
import schemasync.fleet.Progress;
import schemasync.fleet.ResultsFile;
import schemasync.fleet.Shard;
import schemasync.fleet.SyncWork;
import schemasync.fleet.TargetsFile;
import schemasync.fleet.TenantCatalogs;
import schemasync.fleet.Tenants;
import schemasync.fleet.Unit;
import schemasync.fleet.UnitResult;

/** The CLI side of a fleet run: flags in, {@link schemasync.fleet} does the work, results and exit status out. */
final class FleetCommand {
    private final SchemaSyncCli cli;
    private final FleetOptions fleet;
    private final CliContext ctx;
    private final String mode;

    private FleetCommand(SchemaSyncCli cli, CliContext ctx) {
        this.cli = cli;
        this.fleet = cli.fleet;
        this.ctx = ctx;
        this.mode = cli.mode.apply ? "apply" : cli.mode.check ? "check" : "dry-run";
    }

    static int run(SchemaSyncCli cli, CliContext ctx) {
        return new FleetCommand(cli, ctx).run();
    }

    private int run() {
        long start = System.nanoTime();
        cli.output.verbosity();
        if (cli.planIn != null || cli.planOut != null) throw SchemaSyncException.badInput("--plan and --plan-out take one database, not a fleet");
        if (fleet.targets != null && (cli.databaseUrl != null || cli.embedded)) {
            throw SchemaSyncException.badInput("--targets names the databases: it cannot be used with --database-url or --embedded");
        }
        Shard shard = Shard.parse(fleet.shard);
        Set<String> onlyFailed = fleet.onlyFailed == null ? null : ResultsFile.notOk(fleet.onlyFailed);
        ChangesFolder.requireAllListed(ctx.changesDir(), ctx.blocks());
        // Folded as written (db.tenantSchema() is the placeholder); an empty placeholder is refused below if tenants need it.
        DeclaredSchema declared = fleet.placeholder == null || fleet.placeholder.isEmpty() ? DeclaredSchema.of(ctx.blocks())
                : DeclaredSchema.of(ctx.blocks(), TenantScope.template(fleet.placeholder));
        timing("folded and validated " + ctx.blocks().size() + " block(s)", start);
        boolean tenants = fleet.tenantSchemas != null || !fleet.tenants.isEmpty();
        if (tenants && !Tenants.declaresPlaceholder(declared, fleet.placeholder)) {
            throw SchemaSyncException.badInput("--tenant-schemas: no block declares anything in the placeholder schema \""
                    + fleet.placeholder + "\" (e.g. db.ensureTable(\"" + fleet.placeholder + ".accounts\", ...)), so there"
                    + " is nothing per tenant; see the guide's Fleets");
        }
        fleet.tenants.forEach(Tenants::requireTenantName);
        Target single = null;
        try {
            List<FleetTarget> targets;
            if (fleet.targets != null) {
                targets = select(TargetsFile.read(fleet.targets, ctx.env(), this::warn));
            } else if (!fleet.only.isEmpty()) {
                targets = fleet.only.stream().distinct().map(n -> TargetsFile.named(n, ctx.env(), this::warn)).toList();
            } else {
                single = Target.choose(cli.databaseUrl, cli.passwordCommand, cli.embedded, cli.embeddedDir, ctx, cli.output);
                targets = List.of(new FleetTarget("database", single.url()));
            }
            refuseSamples(single != null && single.embedded() != null);
            timing("chose " + targets.size() + " target(s)", start);
            List<UnitResult> early = new ArrayList<>();
            Tenancy tenancy = new Tenancy(onlyFailed == null && fleet.tenants.isEmpty() && fleet.tenantSchemas != null);
            List<Unit> units = units(targets, tenants, declared, u -> wanted(u, shard, onlyFailed), early, tenancy);
            early.removeIf(r -> !shard.owns(r.unit()) || (onlyFailed != null && !onlyFailed.contains(r.unit())));
            timing("listed " + units.size() + " unit(s), " + new HashSet<>(tenancy.fingerprints.values()).size() + " distinct catalog(s)", start);
            return execute(declared, targets, units, early, tenancy, start);
        } finally {
            if (single != null) single.close();
        }
    }

    private List<FleetTarget> select(List<FleetTarget> all) {
        if (fleet.only.isEmpty()) return all;
        List<FleetTarget> chosen = new ArrayList<>();
        for (String name : new LinkedHashSet<>(fleet.only)) {
            FleetTarget t = all.stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> SchemaSyncException.badInput("--target " + name + ": no such target in " + fleet.targets));
            chosen.add(t);
        }
        return chosen;
    }

    private static boolean wanted(Unit u, Shard shard, Set<String> onlyFailed) {
        if (!shard.owns(u.name())) return false;
        // A database whose tenants could not be listed failed as a whole: all its tenants run again.
        return onlyFailed == null || onlyFailed.contains(u.name()) || onlyFailed.contains(u.target().name());
    }

    /**
     * What the tenant listing learnt per database: fingerprints (unit → target + fingerprint), the snapshot they come
     * from, and, when the run may record the fleet fast path (a whole --tenant-schemas selection), its key and units.
     */
    private record Tenancy(boolean recordable, Map<String, String> fingerprints, Map<String, TenantCatalogs.Snapshot> snapshots,
                           Map<String, FleetFastPath.Key> keys, Map<String, List<Unit>> units) {
        Tenancy(boolean recordable) {
            this(recordable, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }
    }

    /** Databases, or the tenants of each database (a database whose tenants cannot be listed fails as a unit). */
    private List<Unit> units(List<FleetTarget> targets, boolean tenants, DeclaredSchema declared, Predicate<Unit> wanted,
                             List<UnitResult> early, Tenancy tenancy) {
        List<Unit> units = new ArrayList<>();
        for (FleetTarget t : targets) {
            if (!tenants) {
                if (wanted.test(Unit.database(t))) units.add(Unit.database(t));
                continue;
            }
            long start = System.nanoTime();
            Connection c;
            try {
                c = Connections.open(t.url(), cli.statementTimeout);
            } catch (SchemaSyncException e) {
                early.add(listingFailed(t, UnitResult.Status.UNREACHABLE, e.code().name(), ExitCodes.of(e.code()), e.getMessage(), start));
                continue;
            }
            try (c) {
                Set<String> schemas = new LinkedHashSet<>();
                if (fleet.tenantSchemas != null) schemas.addAll(Tenants.list(c, fleet.tenantSchemas, fleet.placeholder));
                schemas.addAll(fleet.tenants);
                List<Unit> mine = schemas.stream().map(s -> Unit.tenant(t, s)).filter(wanted).toList();
                timing(t.name() + ": connected and listed " + schemas.size() + " tenant schema(s)", start);
                List<String> names = mine.stream().map(Unit::tenant).toList();
                boolean recordable = tenancy.recordable() && !mine.isEmpty() && TenantCatalogs.shareable(declared);
                FleetFastPath.Key key = recordable ? FleetFastPath.key(CliContext.VERSION, declared, fleet.placeholder,
                        fleet.tenantSchemas + "\n" + (fleet.shard == null ? "" : fleet.shard), names) : null;
                // --full-check: compare every tenant (the run still records, for the next one).
                String recorded = key == null || cli.fullCheck ? null : FleetFastPath.recorded(c, key);
                // One catalog read for all of this database's tenants (none when the recorded version is current);
                // equal catalogs share one plan.
                TenantCatalogs.Snapshot snapshot = TenantCatalogs.read(c, declared, fleet.placeholder, names,
                        version -> key != null && key.matches(recorded, version));
                if (snapshot.unchanged()) {
                    timing(t.name() + ": fast path, catalog version unchanged since a verified fleet run", start);
                    for (Unit u : mine) early.add(new UnitResult(u.name(), t.name(), u.tenant(), UnitResult.Status.IN_SYNC,
                            ExitCodes.OK, true, 0, null, null, (System.nanoTime() - start) / 1_000_000));
                    continue;
                }
                snapshot.tenants().forEach((tenant, fp) -> tenancy.fingerprints().put(Unit.tenant(t, tenant).name(), t.name() + " " + fp));
                tenancy.snapshots().put(t.name(), snapshot);
                if (key != null) {
                    tenancy.keys().put(t.name(), key);
                    tenancy.units().put(t.name(), mine);
                }
                units.addAll(mine);
            } catch (SchemaSyncException e) {
                early.add(listingFailed(t, UnitResult.Status.FAILED, e.code().name(), ExitCodes.of(e.code()),
                        "cannot list the tenant schemas: " + e.getMessage(), start));
            } catch (SQLException e) {
                early.add(listingFailed(t, UnitResult.Status.FAILED, "DATABASE", ExitCodes.FAILURE,
                        "cannot list the tenant schemas: " + e.getMessage(), start));
            }
        }
        return units;
    }

    /** The database as a whole failed: its tenants could not be listed (all of them run again with --only-failed). */
    private static UnitResult listingFailed(FleetTarget t, UnitResult.Status status, String code, int exit, String message, long start) {
        return new UnitResult(t.name(), t.name(), null, status, exit, false, 0, code, t.hide(message),
                (System.nanoTime() - start) / 1_000_000);
    }

    private int execute(DeclaredSchema declared, List<FleetTarget> targets, List<Unit> units, List<UnitResult> early,
                        Tenancy tenancy, long start) {
        SchemaSync.Options options = new SchemaSync.Options(cli.lockWait, cli.lockTimeout, cli.statementTimeout,
                cli.indexStatementTimeout, cli.retryDeadline, Set.copyOf(cli.allowHazards));
        SyncWork.Mode workMode = cli.mode.apply ? SyncWork.Mode.APPLY : cli.mode.check ? SyncWork.Mode.CHECK : SyncWork.Mode.DRY_RUN;
        int parallel = ConnectionBudget.cap(fleet.parallel, targets, cli.statementTimeout, this::note);
        FleetRun.Settings settings = new FleetRun.Settings(parallel, fleet.canary, fleet.failFast);
        if (cli.output.chatty()) {
            ctx.out().println(capitalized(mode) + " over " + units.size() + " unit(s) in " + targets.size() + " database(s)"
                    + (Shard.parse(fleet.shard).count() > 1 ? ", shard " + fleet.shard : "") + ", " + parallel + " at a time — "
                    + ctx.blocks().size() + " change blocks");
        }
        List<UnitResult> all = new ArrayList<>(early);
        try (Writer file = resultsFile(); Progress progress = Progress.start(units.size(),
                ctx.interactive() && cli.output.format == Format.text, ctx.err());
             SyncWork work = new SyncWork(new SyncWork.Config(workMode, options, ctx.blocks(), declared, fleet.placeholder, exits(),
                     tenancy.fingerprints(), tenancy.snapshots(), TenantCatalogs.sharedSchemas(declared, fleet.placeholder)))) {
            early.forEach(r -> show(r, file));
            all.addAll(FleetRun.run(units, settings, work, r -> {
                show(r, file);
                progress.step();
            }));
            timing("ran the units", start);
            // A dry run or a check changes nothing, not even a setting: only --apply records.
            if (cli.mode.apply) record(targets, tenancy, all, work);
            int exit = ExitCodes.fleet(all, cli.mode.check);
            FleetSummary summary = FleetSummary.of(all, (System.nanoTime() - start) / 1_000_000, exit);
            summarize(summary, all, file);
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --results " + fleet.results, e);
        }
    }

    private SyncWork.Exits exits() {
        return new SyncWork.Exits() {
            public int of(SchemaSync.Result result, boolean check) {
                return ExitCodes.of(result, check);
            }

            public int of(SchemaSyncException.Code code) {
                return ExitCodes.of(code);
            }

            public int okExit() {
                return ExitCodes.OK;
            }

            public int unexpected() {
                return ExitCodes.FAILURE;
            }
        };
    }

    /**
     * The fleet fast path's record, for each database whose every tenant was found in sync, without drift, on the
     * state of the listing's snapshot: the next run with the same blocks and tenants reads one catalog version.
     */
    private void record(List<FleetTarget> targets, Tenancy tenancy, List<UnitResult> all, SyncWork work) {
        Map<String, UnitResult> byUnit = new HashMap<>();
        for (UnitResult r : all) byUnit.put(r.unit(), r);
        for (FleetTarget t : targets) {
            FleetFastPath.Key key = tenancy.keys().get(t.name());
            if (key == null) continue;
            boolean clean = tenancy.units().get(t.name()).stream().allMatch(u -> {
                UnitResult r = byUnit.get(u.name());
                return r != null && r.ok() && r.status() == UnitResult.Status.IN_SYNC && work.inSyncInSnapshot(u);
            });
            if (!clean) continue;
            try (Connection c = Connections.open(t.url(), cli.statementTimeout)) {
                String why = FleetFastPath.record(c, key, tenancy.snapshots().get(t.name()).version());
                if (why != null && cli.output.verbose) warn(t.name() + ": " + why);
            } catch (SchemaSyncException | SQLException e) {
                if (cli.output.verbose) warn(t.name() + ": the fleet fast path was not recorded: " + t.hide(e.getMessage()));
            }
        }
    }

    private Writer resultsFile() throws IOException {
        if (fleet.results == null) return Writer.nullWriter();
        java.nio.file.Path parent = fleet.results.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        return Files.newBufferedWriter(fleet.results, StandardCharsets.UTF_8);
    }

    private void show(UnitResult r, Writer file) {
        String line = ResultsFile.line(r, mode);
        try {
            file.write(line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --results " + fleet.results, e);
        }
        PrintStream out = ctx.out();
        switch (cli.output.format) {
            case json -> out.println(line);
            case markdown -> { }
            default -> {
                boolean failed = !r.ok();
                if (cli.output.quiet && !failed && r.status() == UnitResult.Status.IN_SYNC) return;
                out.println(FleetText.line(r));
            }
        }
    }

    private void summarize(FleetSummary summary, List<UnitResult> all, Writer file) throws IOException {
        String json = ResultsFile.summary(summary, mode);
        file.write(json + "\n");
        switch (cli.output.format) {
            case json -> ctx.out().println(json);
            case markdown -> FleetText.markdown(ctx.out(), mode, all, summary);
            default -> {
                ctx.out().println("Fleet " + mode + ": " + summary.line());
                if (!summary.notOk().isEmpty()) {
                    ctx.out().println("Not done: " + String.join(", ", summary.notOk().subList(0, Math.min(20, summary.notOk().size())))
                            + (summary.notOk().size() > 20 ? " and " + (summary.notOk().size() - 20) + " more" : "")
                            + (fleet.results != null ? " — re-run them with --only-failed " + fleet.results : ""));
                }
            }
        }
    }

    private void refuseSamples(boolean embedded) {
        Set<String> samples = ChangesFolder.samples(ctx.blocks());
        if (samples.isEmpty() || embedded || "1".equals(ctx.env().get(CliContext.ALLOW_SAMPLE))) return;
        throw SchemaSyncException.badInput("Changes.ALL still holds the sample blocks (" + String.join(", ", samples)
                + ", marked @SampleBlock); they are not run against a fleet. Nothing was changed.");
    }

    /** SCHEMA_SYNC_TIMINGS: where a fleet run spends its time (bench/fleet-bench.sh). */
    private void timing(String what, long start) {
        if (ctx.env().get("SCHEMA_SYNC_TIMINGS") == null) return;
        ctx.err().println("timings: fleet " + what + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void warn(String warning) {
        ctx.err().println("warning: " + warning);
    }

    private void note(String note) {
        if (cli.output.format != Format.json) ctx.err().println("note: " + note);
    }

    private static String capitalized(String mode) {
        return Character.toUpperCase(mode.charAt(0)) + mode.substring(1);
    }
}
