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
import schemasync.dsl.DeclaredSchema;
import schemasync.normalize.Normalizer;
import schemasync.plan.DeclaredShapes;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.plan.Planner;
import schemasync.plan.Step;
import schemasync.render.SqlRenderer;

/**
 * Runs the pipeline on one dedicated connection: read → normalize → plan, and for an apply:
 * advisory lock → plan under the lock → one transaction with lock_timeout / statement_timeout →
 * read and plan again, which must be empty.
 */
public final class SchemaSync {

    public record Options(Duration lockWait, Duration lockTimeout, Duration statementTimeout) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5));
        }
    }

    public enum Outcome { DRY_RUN, IN_SYNC, APPLIED }

    public record ExecutedStep(Change change, PlannedStep step, String sql, Duration elapsed) {
    }

    /**
     * {@code plan} is what was (or would be) applied; {@code after} is the re-plan after an apply;
     * {@code planned} holds the catalog the plan was computed against.
     */
    public record Result(Outcome outcome, Plan plan, List<ExecutedStep> executed, Plan after, Duration elapsed,
                         Planned planned) {
        public Result {
            executed = List.copyOf(executed);
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
            return Fingerprint.of(new Catalog(catalog.schemas(), tables, catalog.indexes(), catalog.enums(), catalog.views(), catalog.functions(),
                    catalog.extensions(), catalog.domains(), catalog.grants(), catalog.defaultPrivileges(),
                    catalog.aggregates(), catalog.composites()));
        }
    }

    private SchemaSync() {
    }

    /** Reads in a READ ONLY transaction; the normalizer's temporary objects are always rolled back. */
    public static Result dryRun(Connection connection, DeclaredSchema declared) throws SQLException {
        long start = System.nanoTime();
        Planned planned = plan(connection, declared);
        return new Result(Outcome.DRY_RUN, planned.plan(), List.of(), null, since(start), planned);
    }

    /** Catalog snapshot (READ ONLY, REPEATABLE READ) → normalized declarations → pure plan. */
    public static Planned plan(Connection connection, DeclaredSchema declared) throws SQLException {
        Catalog catalog = readCatalog(connection, declared);
        DeclaredShapes shapes = Normalizer.normalize(connection, catalog, declared);
        return new Planned(catalog, Planner.plan(catalog, declared, shapes, Guards.ask(connection, declared)));
    }

    public static Catalog readCatalog(Connection connection, DeclaredSchema declared) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return CatalogReader.read(connection, declared.managedSchemas());
        } finally {
            connection.rollback();
        }
    }

    public static Result apply(Connection connection, DeclaredSchema declared, Options options) throws SQLException {
        return apply(connection, declared, options, null);
    }

    /**
     * @param reviewed a plan reviewed earlier ({@code --plan}): applied only if the catalog is still
     *                 the one it was computed against; null to plan and apply in one go
     */
    public static Result apply(Connection connection, DeclaredSchema declared, Options options,
                               ReviewedPlan reviewed) throws SQLException {
        long start = System.nanoTime();
        connection.setAutoCommit(true);
        try (AdvisoryLock lock = AdvisoryLock.acquire(connection, options.lockWait())) {
            // Planned under the lock: a concurrent deploy may already have converged the database.
            Planned planned = plan(connection, declared);
            Plan plan = planned.plan();
            if (!plan.conflicts().isEmpty()) {
                throw SchemaSyncException.badInput("the plan has conflicts that need a decision, nothing was changed:\n  - "
                        + String.join("\n  - ", plan.conflicts().stream().map(c -> c.origin() + ": " + c.kind() + " "
                        + c.object() + " — " + c.message()).toList()));
            }
            if (plan.isEmpty()) {
                return new Result(Outcome.IN_SYNC, plan, List.of(), plan, since(start), planned);
            }
            if (reviewed != null) reviewed.requireCurrent(planned.fingerprint(), sql(plan));
            List<ExecutedStep> executed = execute(connection, plan, options);
            Plan after = plan(connection, declared).plan();
            if (!after.isEmpty()) {
                throw new SchemaSyncException(Code.NOT_CONVERGED, "applied " + executed.size() + " statement(s), but"
                        + " planning again still finds " + after.steps().size() + " to run (first: "
                        + SqlRenderer.render(after.steps().get(0).step()) + "); the declarations and PostgreSQL's"
                        + " reading of them disagree — please report this with the block");
            }
            return new Result(Outcome.APPLIED, plan, executed, after, since(start), planned);
        }
    }

    /** All steps in one transaction: any failure rolls back everything and names block, step and SQL. */
    private static List<ExecutedStep> execute(Connection connection, Plan plan, Options options) throws SQLException {
        List<ExecutedStep> executed = new ArrayList<>();
        connection.setAutoCommit(false);
        int total = plan.steps().size();
        try (Statement st = connection.createStatement()) {
            // SET LOCAL: scoped to this transaction. lock_timeout keeps a queued ACCESS EXCLUSIVE
            // request from stalling every query on a busy table behind it.
            st.execute("SET LOCAL lock_timeout = " + options.lockTimeout().toMillis()
                    + "; SET LOCAL statement_timeout = " + options.statementTimeout().toMillis());
            int n = 0;
            for (Change change : plan.changes()) {
                for (PlannedStep step : change.steps()) {
                    n++;
                    String sql = SqlRenderer.render(step.step());
                    long t0 = System.nanoTime();
                    try {
                        // A custom step's guard is asked again here: earlier steps of this very
                        // transaction may have done its work, or created what it refers to.
                        if (step.step() instanceof Step.CustomSql custom && !Guards.ask(st, custom.id(), custom.guardSql())) {
                            continue;
                        }
                        st.execute(sql);
                    } catch (SQLException e) {
                        connection.rollback();
                        throw new SchemaSyncException(Code.DATABASE, change.origin() + ": step " + n + "/" + total
                                + " (" + step.step().getClass().getSimpleName() + " " + step.step().object()
                                + ") failed, everything was rolled back: " + e.getMessage().strip()
                                + hint(e, options, plan) + "\n    " + sql, e);
                    }
                    executed.add(new ExecutedStep(change, step, sql, since(t0)));
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            if (!connection.isClosed()) connection.rollback();
            throw e;
        } finally {
            if (!connection.isClosed()) connection.setAutoCommit(true);
        }
        return executed;
    }

    /** The plan's statements, in order, as the apply runs them. */
    public static List<String> sql(Plan plan) {
        return plan.steps().stream().map(s -> SqlRenderer.render(s.step())).toList();
    }

    /** What to do about the failures a deploy commonly meets. */
    private static String hint(SQLException e, Options options, Plan plan) {
        return switch (String.valueOf(e.getSQLState())) {
            case "53200" -> LockBudget.explain(plan);
            case "55P03" -> "\n    (another session held a conflicting lock for longer than the lock timeout of "
                    + options.lockTimeout().toMillis() + " ms; nothing waited behind us for longer. Retry, or look for"
                    + " long transactions in pg_stat_activity, or raise --lock-timeout)";
            case "57014" -> "\n    (the statement ran longer than --statement-timeout " + options.statementTimeout().toMillis() + " ms)";
            default -> "";
        };
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
