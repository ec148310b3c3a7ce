package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import schemasync.step.Step;
import schemasync.dsl.AccessDecl;
import schemasync.dsl.TypeDecl;
import schemasync.plan.Summary.Verb;
import java.util.*;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.SchemaDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.DesiredState;

/**
 * (catalog, declarations, normalized shapes) → plan. Pure: no JDBC, no clock, no randomness. Walks
 * the declarations in block order over a working copy of the catalog and applies each step's effect
 * to it, so a later block sees what an earlier one creates and a dry run predicts the apply exactly.
 *
 * Semantics: missing → create (ℹ); present and equal → skip (✓); present but different → ⚠ with
 * both sides. Only metadata-only changes (defaults, comments) are applied to existing objects;
 * anything that rewrites, scans or long-locks a table is reported with its hazard and left alone.
 */
public final class Planner {
    private final Catalog before;
    private final DeclaredSchema declared;
    private final DeclaredShapes shapes;
    /** What the blocks declare, folded once: declared objects, columns, column changes, reshaped and touched tables. */
    private final DesiredState desired;
    private final Map<String, GuardAnswer> guards;
    /** Tables some ensureIndex marks {@code .clustered()}: found once, read by every {@link OptionsPlanner}. */
    private final Set<QualifiedName> clusteredIndexTables;
    /**
     * The working copy, a value: the catalog as the steps recorded so far leave it. Only {@link #record} moves it on;
     * kind planners read it through the {@link PlanContext} they are given.
     */
    private PlanState state;
    /** The plan so far, persistent: only {@link #record} adds to it; a context hands out the value it holds then. */
    private PVector<PlanItem> items = TreePVector.empty();
    /** Tables an earlier block of this run renamed (new name → name before this run): derived from the recorded RENAME steps. */
    private PMap<QualifiedName, QualifiedName> renamedFrom = HashTreePMap.empty();
    /** What this run's recorded changes create and grant on, for grants: derived from the recorded steps as they are recorded. */
    private GrantHistory grantHistory = GrantHistory.EMPTY;
    /** The positions of the index removals a later removal of the run waits for: dropped in the transaction, not concurrently. */
    private Set<Integer> awaitedIndexDrops = Set.of();

    private Planner(Catalog catalog, DeclaredSchema declared, DeclaredShapes shapes, Map<String, GuardAnswer> guards) {
        this.before = catalog;
        this.guards = Collections.unmodifiableMap(new HashMap<>(guards));
        this.declared = declared;
        this.shapes = shapes;
        this.state = new PlanState(catalog);
        this.clusteredIndexTables = OptionsPlanner.clusteredIndexTables(declared.declarations());
        this.desired = DesiredState.fold(declared.declarations(), catalog, new DesiredState.Spelling(
                signature -> shapes.functions().keys().getOrDefault(signature, signature),
                signature -> shapes.access().aggregates().keys().getOrDefault(signature, signature),
                routine -> shapes.access().routineKeys().getOrDefault(routine, routine), shapes.access().currentUser()));
    }

    /** A planner before any declaration is planned (tests drive {@link #record} and {@link #context} with it). */
    static Planner start(Catalog catalog, DeclaredSchema declared, DeclaredShapes shapes, Map<String, GuardAnswer> guards) {
        return new Planner(catalog, declared, shapes, guards);
    }

    /** @param guards each custom step's guard, asked of the database before planning */
    public static Plan plan(Catalog catalog, DeclaredSchema declared, DeclaredShapes shapes, Map<String, GuardAnswer> guards) {
        return plan(catalog, declared, shapes, guards, new schemasync.model.DependencyGraph<>());
    }

    /**
     * Whether the plan needs pg_depend's graph ({@code catalog.Dependencies.read}) besides the catalog: only a run that
     * removes a routine, a type, an operator, an operator class or family, whose users pg_depend alone knows
     * ({@link RecordedUsers}); every other run, the every-deploy no-op first of all, is planned without reading it.
     */
    public static boolean needsRecordedDependencies(DeclaredSchema declared) {
        return declared.declarations().stream().map(RemovalOrder::id).anyMatch(id -> id != null && RecordedUsers.KINDS.contains(id.kind()));
    }

    /** @param recorded pg_depend's graph when {@link #needsRecordedDependencies}, else an empty one */
    public static Plan plan(Catalog catalog, DeclaredSchema declared, DeclaredShapes shapes, Map<String, GuardAnswer> guards,
                            schemasync.model.DependencyGraph<schemasync.model.ObjectId> recorded) {
        Planner planner = new Planner(catalog, declared, shapes, guards);
        List<Declaration> all = declared.declarations();
        List<TypeDecl.SequenceDecl> owned = new ArrayList<>(); // OWNED BY: settled once every table the blocks declare exists
        int last = 0; // what follows the walk is planned at the last declaration's position, renames after it being later
        List<Integer> ordered = schemasync.dsl.DependencyOrder.of(catalog, all);
        // The plan's dependency graph orders and checks removals only (RemovalOrder, RemovalUsers): its table uses read
        // every column's type and every default, CHECK, index and policy text, so it is built only when the run removes.
        if (all.stream().anyMatch(d -> RemovalOrder.id(d) != null)) {
            schemasync.model.DependencyGraph<schemasync.model.ObjectId> graph = PlanGraph.of(catalog, all);
            schemasync.normalize.OperatorSpellings spelled = shapes.types().kinds().operators();
            ordered = RemovalUsers.checked(graph, recorded, catalog, planner.desired, all,
                    RemovalOrder.of(RecordedUsers.withRecorded(graph, recorded), all, ordered, spelled), spelled);
            planner.awaitedIndexDrops = RemovalOrder.awaitedIndexDrops(RecordedUsers.withRecorded(graph, recorded), all, spelled);
        }
        for (int next : DeclaredCallOrder.checked(catalog, all, ordered)) {
            Declaration d = all.get(next);
            last = next;
            if (d instanceof TypeDecl.SequenceDecl q && q.ownedColumn() != null) owned.add(q);
            planner.record(planner.decide(planner.context(next), d));
        }
        for (TypeDecl.SequenceDecl q : owned) planner.record(new SequencePlanner(planner.context(last)).settleOwner(q));
        planner.record(new UndeclaredObjects(planner.context(last)).report());
        return new Plan(planner.items);
    }

    /** The kind planner of one declaration, given a context over the recorded state: its decisions, nothing recorded. */
    private Decisions decide(PlanContext context, Declaration d) {
        ChangesToExisting existing = new ChangesToExisting(context);
        TablePlanner tables = new TablePlanner(context);
        KindPlanner kinds = new KindPlanner(context);
        if (d instanceof SchemaDecl s) return schema(context, s);
        if (d instanceof TableDecl t) return tables.table(t);
        if (d instanceof Declaration.ConstraintsDecl k) return tables.laterConstraints(k);
        if (d instanceof ColumnDecl c) return tables.addedColumn(c);
        if (d instanceof IndexDecl i) return new IndexPlanner(context).plan(i);
        if (d instanceof Declaration.TableOptionsDecl || d instanceof Declaration.IndexOptionsDecl) return new OptionsPlanner(context, clusteredIndexTables).plan(d);
        if (d instanceof Declaration.ColumnChangeDecl c) return new ColumnChangePlanner(context).plan(c);
        if (ExternalPlanner.handles(d)) return new ExternalPlanner(context).plan(d);
        if (kinds.handles(d)) return kinds.plan(d);
        if (d instanceof Declaration.RenameDecl r) return existing.rename(r);
        if (d instanceof Declaration.RemovalDecl r) return existing.removal(r, awaitedIndexDrops.contains(context.position()));
        if (d instanceof Declaration.CustomStepDecl c) return existing.custom(c);
        if (d instanceof Declaration.ExtensionDecl x) return new EnumPlanner(context).extension(x);
        if (d instanceof AccessDecl.RowSecurityDecl r) return new PolicyPlanner(context).rowSecurity(r);
        if (d instanceof TypeDecl.DomainDecl t) return new TypePlanner(context).domain(t);
        if (d instanceof Declaration.PartitionDecl p) return new PartitionPlanner(context).plan(p);
        if (d instanceof Declaration.MaterializedViewDecl m) return new MaterializedViewPlanner(context).plan(m);
        if (d instanceof TypeDecl.CompositeTypeDecl t) return new TypePlanner(context).composite(t);
        if (d instanceof TypeDecl.SequenceDecl q) return new SequencePlanner(context).plan(q);
        if (d instanceof Declaration.CommentDecl c) return new CommentPlanner(context).plan(c);
        if (d instanceof AccessDecl.GrantDecl g) return new GrantPlanner(context).plan(g);
        if (d instanceof AccessDecl.DefaultPrivilegesDecl p) return new GrantPlanner(context).plan(p);
        if (d instanceof Declaration.AggregateDecl a) return new FunctionPlanner(context).plan(a);
        if (d instanceof AccessDecl.PolicyDecl p) return new PolicyPlanner(context).policy(p);
        if (d instanceof Declaration.TriggerDecl g) return new TriggerPlanner(context).plan(g);
        if (d instanceof Declaration.FunctionDecl f) return new FunctionPlanner(context).plan(f);
        if (d instanceof Declaration.ViewDecl v) return new ViewPlanner(context).plan(v);
        if (d instanceof TypeDecl.EnumDecl e) return new EnumPlanner(context).plan(e);
        return new Decisions();
    }

    private static Decisions schema(PlanContext context, SchemaDecl s) {
        if (context.state().schemas().contains(s.name())) {
            return new Decisions().unchanged(s.origin(), "schema", s.name(), "exists, skipped");
        }
        Step create = new Step.CreateSchema(s.name());
        return new Decisions().change(s.origin(), "schema", s.name(), Summary.will(Verb.CREATE), null, create);
    }

    /** What a kind planner reads to plan the declaration at {@code position}, over the state recorded so far: a value. */
    PlanContext context(int position) {
        return new PlanContext(state, position, before, declared, shapes, desired, renamedFrom, grantHistory, items, guards);
    }

    /** The working copy, a value: what the steps recorded so far leave. */
    PlanState state() {
        return state;
    }

    /** The plan as recorded so far (a persistent list: later records do not change it). */
    List<PlanItem> recorded() {
        return items;
    }

    /**
     * The one emission point: a kind planner's decisions go into the plan in order, and the working copy becomes the
     * state each change's steps leave ({@link Decisions#applyTo}: computed once, while planning a declaration's parts,
     * or here), so a later block sees what this one does. The state replaced is not changed: a context holding it
     * reads it as before. A table rename is remembered with the name the table had before this run.
     */
    void record(Decisions decisions) {
        for (Decisions.Decision d : decisions.list()) {
            items = items.plus(d.item());
            if (d.item() instanceof PlanItem.Change c) {
                for (PlanItem.PlannedStep p : c.steps()) grantHistory = grantHistory.after(c, p.step());
            }
            for (Step step : d.steps()) {
                if (step instanceof Step.RenameTable r) {
                    renamedFrom = renamedFrom.plus(r.table().sibling(r.to()), renamedFrom.getOrDefault(r.table(), r.table()));
                }
            }
        }
        state = decisions.applyTo(state);
    }
}
