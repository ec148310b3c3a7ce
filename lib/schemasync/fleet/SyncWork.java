package schemasync.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;
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

        int of(SchemaSyncException.Code code);

        int unexpected();
    }

    /**
     * @param fingerprints unit name → its catalog's fingerprint ({@link TenantCatalogs}, prefixed by
     *                     the target): units with the same one share the verdict of the first of them
     */
    public record Config(Mode mode, SchemaSync.Options options, DeclaredSchema declared, String placeholder, Exits exits,
                         Map<String, String> fingerprints) {
        public Config {
            fingerprints = Map.copyOf(fingerprints);
        }
    }

    private final Config config;
    private final Map<String, Queue<Connection>> idle = new ConcurrentHashMap<>();
    private final Map<String, DeclaredSchema> perTenant = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<UnitResult>> verdicts = new ConcurrentHashMap<>();

    public SyncWork(Config config) {
        this.config = config;
    }

    /**
     * The first unit of a fingerprint runs; the others take its verdict when it planned nothing to
     * do, or, short of an apply, whatever it planned: their catalogs are the same modulo the schema
     * name, so their plans are too. Otherwise (an apply with work, a failure) each runs on its own.
     */
    @Override
    public UnitResult run(Unit unit) {
        long start = System.nanoTime();
        String fingerprint = config.fingerprints().get(unit.name());
        if (fingerprint == null) return runAlone(unit, start);
        CompletableFuture<UnitResult> mine = new CompletableFuture<>();
        CompletableFuture<UnitResult> first = verdicts.putIfAbsent(fingerprint, mine);
        if (first == null) {
            UnitResult result = runAlone(unit, start);
            mine.complete(result);
            return result;
        }
        UnitResult verdict = first.join();
        boolean shareable = verdict.ok() && (config.mode() != Mode.APPLY || verdict.status() == Status.IN_SYNC);
        return shareable ? verdict.sharedBy(unit, millis(start)) : runAlone(unit, start);
    }

    private UnitResult runAlone(Unit unit, long start) {
        Connection connection;
        try {
            connection = borrow(unit.target());
        } catch (SchemaSyncException e) {
            return failure(unit, Status.UNREACHABLE, e.code().name(), config.exits().of(e.code()), e.getMessage(), start);
        }
        try {
            DeclaredSchema declared = declarations(unit);
            PendingDeclarations pending = PendingDeclarations.of(declared);
            SchemaSync.Result result = config.mode() == Mode.APPLY
                    ? SchemaSync.apply(connection, pending, config.options(), null)
                    : SchemaSync.dryRun(connection, pending, config.options().hazardPolicy());
            giveBack(unit.target(), connection);
            return of(unit, result, start);
        } catch (SQLException e) {
            close(connection);
            String broken = String.valueOf(e.getSQLState()).startsWith("08") || "57P01".equals(e.getSQLState())
                    ? " (the connection broke or the server ended the session; run again, it plans from what is there)" : "";
            return failure(unit, Status.FAILED, SchemaSyncException.Code.DATABASE.name(),
                    config.exits().of(SchemaSyncException.Code.DATABASE), e.getMessage() + broken, start);
        } catch (SchemaSyncException e) {
            close(connection);
            return failure(unit, Status.FAILED, e.code().name(), config.exits().of(e.code()), e.getMessage(), start);
        } catch (RuntimeException e) {
            close(connection);
            return failure(unit, Status.FAILED, "INTERNAL", config.exits().unexpected(), "unexpected " + e, start);
        }
    }

    private DeclaredSchema declarations(Unit unit) {
        if (unit.tenant() == null) return config.declared();
        return perTenant.computeIfAbsent(unit.tenant(),
                t -> TenantDeclarations.forTenant(config.declared(), config.placeholder(), t));
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
