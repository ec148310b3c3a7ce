package schemasync.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.PendingDeclarations;
import schemasync.execute.SchemaSync;
import schemasync.fleet.UnitResult.Status;

/**
 * One unit's run, exactly as a single run does it ({@link SchemaSync#dryRun} or {@link SchemaSync#apply}:
 * advisory lock, plan under the lock, one transaction, re-plan must be empty), on a connection of its
 * own. Connections are kept per target and reused by the next unit of the same database (tenants);
 * one that failed is closed, never reused. Failures become results that name the target, not its URL.
 */
public final class SyncWork implements FleetRun.UnitWork, AutoCloseable {

    public enum Mode { DRY_RUN, CHECK, APPLY }

    /** The single run's exit statuses (the CLI's one mapping), so a unit's exit means what a run's does. */
    public interface Exits {
        int of(SchemaSync.Result result, boolean check);

        /** A unit that converged (or was found in sync). */
        int okExit();

        int of(SchemaSyncException.Code code);

        int unexpected();
    }

    /**
     * @param fingerprints unit name → its catalog's fingerprint ({@link TenantCatalogs}, prefixed by
     *                     the target): units with the same one share the verdict of the first of them
     * @param snapshots    target name → the snapshot its tenants' fingerprints come from
     * @param blocks       the change blocks, folded again for each tenant that runs the ordinary pipeline
     * @param declared     the blocks folded as written (per-tenant objects in the placeholder schema)
     * @param shared       the schemas the blocks declare in besides the placeholder
     */
    public record Config(Mode mode, SchemaSync.Options options, List<? extends ChangeBlock> blocks, DeclaredSchema declared,
                         String placeholder, Exits exits,
                         Map<String, String> fingerprints, Map<String, TenantCatalogs.Snapshot> snapshots, Set<String> shared) {
        public Config {
            blocks = List.copyOf(blocks);
            fingerprints = Map.copyOf(fingerprints);
            snapshots = Map.copyOf(snapshots);
            shared = Set.copyOf(shared);
        }
    }

    /** The units of one fingerprint: the first one's verdict, and the template of a fresh apply once there is one. */
    private static final class Group {
        UnitResult verdict;
        /** The verdict was planned on exactly the snapshot's state (own and shared part): in sync, no drift. */
        boolean inSyncInSnapshot;
        FreshTenants.Template template;
        boolean building;
        int builders;
    }

    /** What the ordinary run of a unit left: its result, and what its group may reuse. */
    private record Alone(UnitResult result, boolean inSyncInSnapshot, FreshTenants.Template template) {
    }

    /** How many fresh tenants try to make a template (the first one usually creates the shared objects too). */
    private static final int TEMPLATE_TRIES = 3;

    private final Config config;
    private final Map<String, Queue<Connection>> idle = new ConcurrentHashMap<>();
    private final Map<String, DeclaredSchema> perTenant = new ConcurrentHashMap<>();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    /** Per target: ordinary applies (write) exclude each other and fresh-tenant transactions (read), in arrival order. */
    private final Map<String, ReadWriteLock> applies = new ConcurrentHashMap<>();
    /** Per target and template: the fresh tenants waiting for the running batch. */
    private final Map<String, FreshBatches> batches = new ConcurrentHashMap<>();

    public SyncWork(Config config) {
        this.config = config;
    }

    /**
     * The first unit of a fingerprint runs; the others take its verdict when it planned nothing to
     * do, or, short of an apply, whatever it planned: their catalogs are the same modulo the schema
     * name, so their plans are too. An apply of fresh tenants repeats the statements verified on the
     * first of them ({@link FreshTenants}). Otherwise (an apply with work, a failure) each runs on its own.
     */
    @Override
    public UnitResult run(Unit unit) {
        long start = System.nanoTime();
        String fingerprint = config.fingerprints().get(unit.name());
        if (fingerprint == null) return runAlone(unit, start, false).result();
        Group group = groups.computeIfAbsent(fingerprint, k -> new Group());
        boolean fresh = config.mode() == Mode.APPLY && snapshot(unit).fresh().contains(unit.tenant());
        FreshTenants.Template template = null;
        boolean builder = false;
        synchronized (group) {
            while (group.building) {
                try {
                    group.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return runAlone(unit, start, false).result();
                }
            }
            UnitResult verdict = group.verdict;
            if (verdict != null && verdict.ok() && (config.mode() != Mode.APPLY || verdict.status() == Status.IN_SYNC)) {
                return verdict.sharedBy(unit, millis(start));
            }
            if (fresh && group.template != null) {
                template = group.template;
            } else if (verdict == null || (fresh && group.builders < TEMPLATE_TRIES)) {
                builder = true;
                group.building = true;
                group.builders++;
            }
        }
        if (template != null) {
            UnitResult result = fromTemplate(unit, template, start);
            return result != null ? result : runAlone(unit, start, false).result();
        }
        if (!builder) return runAlone(unit, start, false).result();
        Alone alone = null;
        try {
            alone = runAlone(unit, start, fresh);
            return alone.result();
        } finally {
            synchronized (group) {
                if (alone != null && group.verdict == null) {
                    group.verdict = alone.result();
                    group.inSyncInSnapshot = alone.inSyncInSnapshot();
                }
                if (alone != null && alone.template() != null) group.template = alone.template();
                group.building = false;
                group.notifyAll();
            }
        }
    }

    /**
     * Whether the unit's verdict was planned on the state its database's snapshot shows (its group's first unit
     * read the same own part and the same shared part), in sync and without drift: the fleet fast path may then
     * record the snapshot's catalog version ({@link FleetFastPath}).
     */
    public boolean inSyncInSnapshot(Unit unit) {
        String fingerprint = config.fingerprints().get(unit.name());
        Group group = fingerprint == null ? null : groups.get(fingerprint);
        if (group == null) return false;
        synchronized (group) {
            return group.inSyncInSnapshot;
        }
    }

    private TenantCatalogs.Snapshot snapshot(Unit unit) {
        return config.snapshots().getOrDefault(unit.target().name(), TenantCatalogs.Snapshot.NONE);
    }

    /**
     * A fresh tenant through the template, in a batch with the other fresh tenants of its database that arrive
     * meanwhile ({@link FreshBatches}); null when it must take the ordinary apply (nothing of it was changed, or it was
     * changed meanwhile: the ordinary apply plans from what is there).
     */
    private UnitResult fromTemplate(Unit unit, FreshTenants.Template template, long start) {
        FreshBatches batches = this.batches.computeIfAbsent(unit.target().name() + "\n" + template.tenant(), k -> new FreshBatches());
        boolean done = batches.apply(unit.tenant(), tenants -> commitBatch(unit.target(), template, tenants),
                tenants -> check(unit.target(), template, tenants));
        if (!done) return null;
        return new UnitResult(unit.name(), unit.target().name(), unit.tenant(), Status.APPLIED, config.exits().okExit(), true,
                template.statements().size(), null, null, millis(start),
                Unit.tenant(unit.target(), template.tenant()).name());
    }

    /** One transaction for {@code tenants}; if it fails, each alone (one broken tenant does not cost the others). */
    private Set<String> commitBatch(FleetTarget target, FreshTenants.Template template, List<String> tenants) {
        Set<String> committed = onConnection(target, c -> Set.copyOf(FreshTenants.commit(c, template, tenants, config.options())));
        if (committed != null) return committed;
        if (tenants.size() == 1) return Set.of();
        Set<String> each = new HashSet<>();
        for (String tenant : tenants) {
            Set<String> one = onConnection(target, c -> Set.copyOf(FreshTenants.commit(c, template, List.of(tenant), config.options())));
            if (one != null) each.addAll(one);
        }
        return each;
    }

    /** The committed tenants that converged, in one catalog read; none when the read failed (they take the ordinary apply). */
    private Set<String> check(FleetTarget target, FreshTenants.Template template, List<String> tenants) {
        Set<String> converged = onConnection(target, c -> FreshTenants.converged(c, template, tenants, config.shared(),
                config.placeholder()));
        return converged != null ? converged : Set.of();
    }

    @FunctionalInterface
    private interface OnConnection {
        Set<String> run(Connection connection) throws SQLException;
    }

    /**
     * {@code work} on a connection of {@code target}, beside the other fresh-tenant work and never beside an ordinary
     * apply of the database (the read side of its lock); null when it failed (the connection is closed, not reused).
     */
    private Set<String> onConnection(FleetTarget target, OnConnection work) {
        Connection connection;
        try {
            connection = borrow(target);
        } catch (SchemaSyncException e) {
            return null;
        }
        Lock lock = applies.computeIfAbsent(target.name(), k -> new ReentrantReadWriteLock(true)).readLock();
        lock.lock();
        try {
            Set<String> answer = work.run(connection);
            giveBack(target, connection);
            return answer;
        } catch (SQLException | RuntimeException e) {
            close(connection);
            return null;
        } finally {
            lock.unlock();
        }
    }

    private ReadWriteLock applies(Unit unit) {
        return this.applies.computeIfAbsent(unit.target().name(), k -> new ReentrantReadWriteLock(true));
    }

    private Alone runAlone(Unit unit, long start, boolean wantTemplate) {
        Connection connection;
        try {
            connection = borrow(unit.target());
        } catch (SchemaSyncException e) {
            return new Alone(failure(unit, Status.UNREACHABLE, e.code().name(), config.exits().of(e.code()), e.getMessage(), start),
                    false, null);
        }
        // Applies of one database queue here rather than poll the advisory lock (which they still take).
        Lock lock = config.mode() == Mode.APPLY ? applies(unit).writeLock() : null;
        if (lock != null) lock.lock();
        try {
            DeclaredSchema declared = declarations(unit);
            PendingDeclarations pending = PendingDeclarations.of(declared);
            SchemaSync.Result result = config.mode() == Mode.APPLY
                    ? SchemaSync.apply(connection, pending, config.options(), null)
                    : SchemaSync.dryRun(connection, pending, config.options().hazardPolicy());
            FreshTenants.Template template = null;
            if (wantTemplate && result.outcome() == SchemaSync.Outcome.APPLIED) {
                SchemaSync.Result verified = SchemaSync.dryRun(connection, pending, config.options().hazardPolicy());
                template = FreshTenants.of(unit.tenant(), result, verified, config.shared(), config.placeholder());
            }
            giveBack(unit.target(), connection);
            return new Alone(of(unit, result, start), inSyncInSnapshot(unit, result), template);
        } catch (SQLException e) {
            close(connection);
            String broken = String.valueOf(e.getSQLState()).startsWith("08") || "57P01".equals(e.getSQLState())
                    ? " (the connection broke or the server ended the session; run again, it plans from what is there)" : "";
            return new Alone(failure(unit, Status.FAILED, SchemaSyncException.Code.DATABASE.name(),
                    config.exits().of(SchemaSyncException.Code.DATABASE), e.getMessage() + broken, start), false, null);
        } catch (SchemaSyncException e) {
            close(connection);
            return new Alone(failure(unit, Status.FAILED, e.code().name(), config.exits().of(e.code()), e.getMessage(), start),
                    false, null);
        } catch (RuntimeException e) {
            close(connection);
            return new Alone(failure(unit, Status.FAILED, "INTERNAL", config.exits().unexpected(), "unexpected " + e, start),
                    false, null);
        } finally {
            if (lock != null) lock.unlock();
        }
    }

    /** In sync without drift, planned on the catalog the snapshot shows for this tenant and the shared part. */
    private boolean inSyncInSnapshot(Unit unit, SchemaSync.Result result) {
        if (unit.tenant() == null || result.planned() == null || !result.plan().isEmpty() || result.plan().driftCount() > 0) return false;
        if (result.outcome() != SchemaSync.Outcome.IN_SYNC && result.outcome() != SchemaSync.Outcome.DRY_RUN) return false;
        TenantCatalogs.Snapshot snapshot = snapshot(unit);
        String expected = snapshot.tenants().get(unit.tenant());
        if (expected == null || snapshot.shared() == null) return false;
        TenantCatalogs.Slices slices = TenantCatalogs.slices(result.planned().catalog(), Set.of(unit.tenant()), config.shared(),
                config.placeholder());
        return expected.equals(slices.tenants().get(unit.tenant())) && snapshot.shared().equals(slices.shared());
    }

    private DeclaredSchema declarations(Unit unit) {
        if (unit.tenant() == null) return config.declared();
        return perTenant.computeIfAbsent(unit.tenant(), t -> Tenants.declarations(config.blocks(), config.placeholder(), t));
    }

    private UnitResult of(Unit unit, SchemaSync.Result result, long start) {
        boolean check = config.mode() == Mode.CHECK;
        int exit = config.exits().of(result, check);
        Status status = switch (result.outcome()) {
            case APPLIED -> Status.APPLIED;
            case IN_SYNC -> Status.IN_SYNC;
            case REFUSED -> Status.REFUSED;
            case DRY_RUN -> check && result.review() != null && result.review().refused() ? Status.REFUSED
                    : !result.plan().isEmpty() ? Status.PENDING
                    : result.plan().driftCount() > 0 ? Status.DRIFT : Status.IN_SYNC;
        };
        int statements = result.outcome() == SchemaSync.Outcome.APPLIED ? result.executed().size() : result.plan().steps().size();
        // A dry run or a check that answered has done its job; an apply is done when it converged.
        boolean ok = config.mode() != Mode.APPLY || status == Status.APPLIED || status == Status.IN_SYNC;
        String message = status == Status.REFUSED ? "the plan has hazards that are not allowed (see --allow-hazard): "
                + String.join("; ", result.review().refusals().stream().map(r -> r.describe()).toList()) : null;
        return new UnitResult(unit.name(), unit.target().name(), unit.tenant(), status, exit, ok, statements,
                status == Status.REFUSED ? "HAZARD_REFUSED" : null, message, millis(start));
    }

    private UnitResult failure(Unit unit, Status status, String code, int exit, String message, long start) {
        return new UnitResult(unit.name(), unit.target().name(), unit.tenant(), status, exit, false, 0, code,
                unit.target().hide(message), millis(start));
    }

    private Connection borrow(FleetTarget target) {
        Queue<Connection> queue = idle.get(target.name());
        Connection c = queue == null ? null : queue.poll();
        return c != null ? c : Connections.open(target.url(), config.options().statementTimeout());
    }

    private void giveBack(FleetTarget target, Connection connection) {
        idle.computeIfAbsent(target.name(), k -> new ConcurrentLinkedQueue<>()).add(connection);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already broken: the failure is what gets reported.
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        idle.values().forEach(q -> q.forEach(SyncWork::close));
        idle.clear();
    }
}
