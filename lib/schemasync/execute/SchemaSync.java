package schemasync.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import schemasync.SchemaSyncException;
import schemasync.SchemaSyncException.Code;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.CatalogVersion;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.PendingDeclarations;
import schemasync.normalize.Normalizer;
import java.util.Set;
import schemasync.normalize.DeclaredShapes;
import schemasync.model.HazardKind;
import schemasync.plan.HazardPolicy;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.plan.Planner;
import schemasync.step.Step;
import schemasync.step.StepLocks;
import schemasync.render.SqlRenderer;

/**
 * Runs the pipeline on one dedicated connection: read → normalize → plan, and for an apply:
 * advisory lock → plan under the lock → one transaction with lock_timeout / statement_timeout →
 * read and plan again, which must be empty.
 */
public final class SchemaSync {

    /**
     * @param lockWait              how long to wait for another apply's advisory lock
     * @param lockTimeout           lock_timeout of every statement: how long one try may queue for a lock
     * @param statementTimeout      statement_timeout of every statement but index builds
     * @param indexStatementTimeout statement_timeout of index builds (they read the whole table)
     * @param retryDeadline         how long lock timeouts are retried (with backoff) before the run fails
     * @param allowedHazards        hazard kinds allowed for the whole run beyond the defaults ({@code --allow-hazard})
     */
    public record Options(Duration lockWait, Duration lockTimeout, Duration statementTimeout,
                          Duration indexStatementTimeout, Duration retryDeadline, Set<HazardKind> allowedHazards) {
        public static final Duration DEFAULT_INDEX_STATEMENT_TIMEOUT = Duration.ofHours(1);
        public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofSeconds(60);

        public Options {
            allowedHazards = Set.copyOf(allowedHazards);
        }

        public Options(Duration lockWait, Duration lockTimeout, Duration statementTimeout) {
            this(lockWait, lockTimeout, statementTimeout, DEFAULT_INDEX_STATEMENT_TIMEOUT, DEFAULT_RETRY_DEADLINE, Set.of());
        }

        public Options withAllowedHazards(Set<HazardKind> kinds) {
            return new Options(lockWait, lockTimeout, statementTimeout, indexStatementTimeout, retryDeadline, kinds);
        }

        public HazardPolicy hazardPolicy() {
            return new HazardPolicy(allowedHazards);
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5));
        }

        public Options withRetryDeadline(Duration deadline) {
            return new Options(lockWait, lockTimeout, statementTimeout, indexStatementTimeout, deadline, allowedHazards);
        }

        public Options withIndexStatementTimeout(Duration timeout) {
            return new Options(lockWait, lockTimeout, statementTimeout, timeout, retryDeadline, allowedHazards);
        }
    }

    /** REFUSED: the plan holds hazards the policy does not allow; nothing was changed. */
    public enum Outcome { DRY_RUN, IN_SYNC, APPLIED, REFUSED }

    public record ExecutedStep(Change change, PlannedStep step, String sql, Duration elapsed) {
    }

    /**
     * {@code plan} is what was (or would be) applied; {@code after} is the re-plan after an apply;
     * {@code planned} holds the catalog the plan was computed against.
     */
    public record Result(Outcome outcome, Plan plan, List<ExecutedStep> executed, Plan after, Duration elapsed,
                         Planned planned, int retries, HazardPolicy.Review review, String catalogVersion) {
        public Result {
            executed = List.copyOf(executed);
        }

        /**
         * {@code catalogVersion}: the {@link schemasync.catalog.CatalogVersion} read in the snapshot of the check
         * that found nothing (more) to do, when asked for ({@link FastPath}); null otherwise.
         */
        public Result(Outcome outcome, Plan plan, List<ExecutedStep> executed, Plan after, Duration elapsed,
                      Planned planned, int retries, HazardPolicy.Review review) {
            this(outcome, plan, executed, after, elapsed, planned, retries, review, null);
        }

        public Result(Outcome outcome, Plan plan, List<ExecutedStep> executed, Plan after, Duration elapsed, Planned planned) {
            this(outcome, plan, executed, after, elapsed, planned, 0, null);
        }

        /** Computed on demand: hashing a large catalog is not free, and only plan files need it. */
        public String catalogFingerprint() {
            return planned.fingerprint();
        }
    }

    /** A plan and the catalog snapshot it was computed from. */
    public record Planned(Catalog catalog, Plan plan) {
        /** Of the schema only: statistics (reltuples) change with every ANALYZE and are not the schema. */
        public String fingerprint() {
            java.util.Map<schemasync.catalog.QualifiedName, schemasync.catalog.Table> tables = new java.util.LinkedHashMap<>();
            catalog.tables().forEach((name, table) -> tables.put(name, table.withoutStatistics()));
            return Fingerprint.of(catalog.withTables(tables));
        }
    }

    private SchemaSync() {
    }

    /** Reads in a READ ONLY transaction; the normalizer's temporary objects are always rolled back. */
    public static Result dryRun(Connection connection, DeclaredSchema declared) throws SQLException {
        return dryRun(connection, declared, HazardPolicy.defaults());
    }

    /** The review says, for every hazard, whether {@code --apply} with this policy would accept it. */
    public static Result dryRun(Connection connection, DeclaredSchema declared, HazardPolicy policy) throws SQLException {
        return dryRun(connection, PendingDeclarations.of(declared), policy);
    }

    /** As above, with declarations that may still be validating (see {@link PendingDeclarations}). */
    public static Result dryRun(Connection connection, PendingDeclarations declarations, HazardPolicy policy) throws SQLException {
        long start = System.nanoTime();
        Planned planned = plan(connection, declarations);
        return new Result(Outcome.DRY_RUN, planned.plan(), List.of(), null, since(start), planned, 0,
                policy.review(planned.plan(), declarations.validated()));
    }

    /** Catalog snapshot (READ ONLY, REPEATABLE READ) → normalized declarations → pure plan. */
    public static Planned plan(Connection connection, DeclaredSchema declared) throws SQLException {
        return plan(connection, PendingDeclarations.of(declared));
    }

    /**
     * The catalog read needs only the declared schemas; the declarations must be valid before
     * normalization sends any declared SQL fragment to the server.
     */
    public static Planned plan(Connection connection, PendingDeclarations declarations) throws SQLException {
        return plan(connection, declarations, null);
    }

    /** As above; {@code version[0]} gets the catalog version of the same snapshot when {@code version} is not null. */
    private static Planned plan(Connection connection, PendingDeclarations declarations, String[] version) throws SQLException {
        long t0 = System.nanoTime();
        Catalog catalog = readCatalog(connection, declarations.schemas(), version);
        long read = System.nanoTime() - t0;
        DeclaredSchema declared = declarations.validated();
        schemasync.normalize.NewerServerFeatures.refuseUnsupported(connection, declared);
        long t1 = System.nanoTime();
        DeclaredShapes shapes = Normalizer.normalize(connection, catalog, declared);
        long t2 = System.nanoTime();
        var guards = Guards.ask(connection, declared);
        long t3 = System.nanoTime();
        Planned planned = new Planned(catalog, Planner.plan(catalog, declared, shapes, guards, recordedDependencies(connection, declared)));
        if (System.getenv("SCHEMA_SYNC_TIMINGS") != null) {
            // For bench/bench.sh: where an every-deploy run spends its time, in-process.
            System.err.printf("timings: catalog read %d ms (then waited %d ms for validation), normalize %d ms,"
                            + " guards %d ms, plan %d ms (%d tables)%n",
                    read / 1_000_000, (t1 - t0 - read) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (System.nanoTime() - t3) / 1_000_000, catalog.tables().size());
        }
        return planned;
    }

    /**
     * pg_depend's graph of the managed schemas, read (two queries, READ ONLY) only for a run that removes a routine, a
     * type, an operator, an operator class or family ({@link Planner#needsRecordedDependencies}); empty otherwise, so the no-op run costs nothing more. Read after
     * the catalog, in a snapshot of its own: an apply holds the advisory lock across both.
     */
    private static schemasync.model.DependencyGraph<schemasync.model.ObjectId> recordedDependencies(Connection connection,
            DeclaredSchema declared) throws SQLException {
        if (!Planner.needsRecordedDependencies(declared)) return new schemasync.model.DependencyGraph<>();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            // Under the catalog reader's search_path, so format_type qualifies a cast's or operator's types as the
            // catalog's keys do (a cast is (public.money2 AS text) on both sides).
            st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            return schemasync.catalog.Dependencies.read(connection, declared.managedSchemas());
        } finally {
            if (!connection.isClosed()) connection.rollback();
        }
    }

    public static Catalog readCatalog(Connection connection, DeclaredSchema declared) throws SQLException {
        return readCatalog(connection, declared.managedSchemas());
    }

    public static Catalog readCatalog(Connection connection, Set<String> schemas) throws SQLException {
        return readCatalog(connection, schemas, null);
    }

    private static Catalog readCatalog(Connection connection, Set<String> schemas, String[] version) throws SQLException {
        connection.setAutoCommit(false);
        Catalog catalog;
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            catalog = CatalogReader.read(connection, schemas);
            // Same snapshot as the read: what a later fast path compares with is exactly what was verified.
            if (version != null) version[0] = CatalogVersion.read(connection, schemas).rows();
        } catch (SQLException e) {
            // A broken connection is closed by now: its rollback would only say so, hiding what broke it.
            if (!connection.isClosed()) connection.rollback();
            throw e;
        }
        connection.rollback();
        return catalog;
    }

    public static Result apply(Connection connection, DeclaredSchema declared, Options options) throws SQLException {
        return apply(connection, declared, options, null);
    }

    /**
     * Plans under the advisory lock and applies; a lock timeout anywhere rolls back what is in flight
     * and starts again from a new plan (made under the same lock, so it sees exactly what was
     * committed), after a backoff with jitter, until {@link Options#retryDeadline} has passed.
     *
     * @param reviewed a plan reviewed earlier ({@code --plan}): applied only if the catalog is still
     *                 the one it was computed against; null to plan and apply in one go
     */
    public static Result apply(Connection connection, DeclaredSchema declared, Options options,
                               ReviewedPlan reviewed) throws SQLException {
        return apply(connection, PendingDeclarations.of(declared), options, reviewed);
    }

    /** As above, with declarations that may still be validating (see {@link PendingDeclarations}). */
    public static Result apply(Connection connection, PendingDeclarations declarations, Options options,
                               ReviewedPlan reviewed) throws SQLException {
        return apply(connection, declarations, options, reviewed, false);
    }

    /**
     * @param versioned also read the catalog version in the snapshot of the check that finds nothing (more) to do
     *                  ({@link Result#catalogVersion()}), for {@link FastPath#record}
     */
    public static Result apply(Connection connection, PendingDeclarations declarations, Options options,
                               ReviewedPlan reviewed, boolean versioned) throws SQLException {
        long start = System.nanoTime();
        String[] version = versioned ? new String[1] : null;
        long deadline = start + options.retryDeadline().toNanos();
        connection.setAutoCommit(true);
        try (AdvisoryLock lock = AdvisoryLock.acquire(connection, options.lockWait())) {
            List<ExecutedStep> executed = new ArrayList<>();
            Planned applied = null;
            HazardPolicy.Review accepted = null;
            Backoff backoff = new Backoff();
            while (true) {
                // Planned under the lock: a concurrent deploy may already have converged the database.
                Planned planned = plan(connection, declarations, version);
                DeclaredSchema declared = declarations.validated();
                Plan plan = planned.plan();
                if (!plan.conflicts().isEmpty()) {
                    throw SchemaSyncException.badInput("the plan has conflicts that need a decision, nothing was changed:\n  - "
                            + String.join("\n  - ", plan.conflicts().stream().map(c -> c.origin() + ": " + c.kind() + " "
                            + c.object() + " — " + c.message()).toList()));
                }
                HazardPolicy.Review review = options.hazardPolicy().review(plan, declared);
                if (plan.isEmpty()) {
                    if (applied == null) {
                        return new Result(Outcome.IN_SYNC, plan, List.of(), plan, since(start), planned, backoff.retries(), review,
                                version == null ? null : version[0]);
                    }
                    break;
                }
                // Refused before anything runs; after a committed part, the rest was accepted already.
                if (review.refused() && applied == null) {
                    return new Result(Outcome.REFUSED, plan, List.of(), null, since(start), planned, backoff.retries(), review);
                }
                if (applied == null) accepted = review;
                // A retry after a committed part continues the reviewed plan: only the first attempt is compared.
                if (reviewed != null && executed.isEmpty()) reviewed.requireCurrent(planned.fingerprint(), sql(plan));
                if (applied == null) applied = planned;
                try {
                    Executor.run(connection, plan, options, executed);
                    break;
                } catch (Executor.LockTimedOut t) {
                    if (executed.isEmpty()) applied = null; // nothing committed: the next plan is the whole plan
                    Duration pause = backoff.next();
                    if (System.nanoTime() + pause.toNanos() >= deadline) {
                        throw gaveUp(connection, t, options, backoff.retries(), executed.size(), since(start));
                    }
                    backoff.sleep(pause);
                }
            }
            Plan after = plan(connection, declarations, version).plan();
            if (!after.isEmpty()) {
                throw new SchemaSyncException(Code.NOT_CONVERGED, "applied " + executed.size() + " statement(s), but"
                        + " planning again still finds " + after.steps().size() + " to run (first: "
                        + SqlRenderer.render(after.steps().get(0).step()) + "); the declarations and PostgreSQL's"
                        + " reading of them disagree — please report this with the block");
            }
            return new Result(Outcome.APPLIED, applied.plan(), executed, after, since(start), applied, backoff.retries(), accepted,
                    version == null ? null : version[0]);
        }
    }

    /** The run's last lock timeout, with which lock it waited on and who holds it now. */
    private static SchemaSyncException gaveUp(Connection connection, Executor.LockTimedOut t, Options options, int tries,
                                              int committed, Duration elapsed) {
        Step step = t.step.step();
        schemasync.catalog.QualifiedName relation = StepLocks.relation(step);
        String lockOn = relation == null ? "a lock" : "a " + StepLocks.mode(step) + " on " + relation;
        return new SchemaSyncException(Code.DATABASE, t.change.origin() + ": step " + t.number + "/" + t.total + " ("
                + Executor.describe(step) + ") waited for " + lockOn + " longer than the lock timeout ("
                + options.lockTimeout().toMillis() + " ms) on each of " + tries + " tries over "
                + elapsed.toMillis() + " ms (--retry-deadline " + options.retryDeadline().toMillis() + " ms); "
                + (committed == 0 ? "nothing was changed" : committed + " statement(s) committed before it are applied and"
                + " the rest is safe to re-run") + ". Nothing waited behind us for longer than the lock timeout."
                + LockHolders.describe(connection, relation) + "\n    " + t.sql, t.getCause());
    }

    /** The plan's statements, in order, as the apply runs them. */
    public static List<String> sql(Plan plan) {
        return plan.steps().stream().map(s -> SqlRenderer.render(s.step())).toList();
    }

    /** What to do about the failures a deploy commonly meets. */
    static String hint(SQLException e, Options options, Plan plan) {
        return switch (String.valueOf(e.getSQLState())) {
            case "53200" -> LockBudget.explain(plan);
            case "55P03" -> "\n    (another session held a conflicting lock for longer than the lock timeout of "
                    + options.lockTimeout().toMillis() + " ms; nothing waited behind us for longer. Retry, or look for"
                    + " long transactions in pg_stat_activity, or raise --lock-timeout)";
            case "42501" -> "\n    (this role lacks a privilege the step needs; docs/PRIVILEGES.md lists what --apply needs)";
            case "08006", "08003", "08001", "08000" -> "\n    (the connection to PostgreSQL broke; the server rolls back the"
                    + " transaction that was open, if any, when it notices the session is gone: run again, it plans from what is there)";
            case "57014" -> "\n    (the statement ran longer than --statement-timeout " + options.statementTimeout().toMillis() + " ms)";
            default -> "";
        };
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
