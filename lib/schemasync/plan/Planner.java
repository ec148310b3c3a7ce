package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import schemasync.step.Step;
import schemasync.dsl.AccessDecl;
import schemasync.dsl.TypeDecl;
import schemasync.plan.Summary.Verb;
import java.util.*;
import schemasync.catalog.Catalog;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
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
    final Catalog before;
    final DeclaredSchema declared;
    final DeclaredShapes shapes;
    /**
     * The working copy, a value: the catalog as the steps recorded so far leave it. {@link #record} replaces it with the
     * next state ({@link Effects#apply}); {@link #planOn} shows a declaration's later parts the state its earlier parts leave.
     */
    private PlanState state;
    /** What the blocks declare, folded once: declared objects, columns, column changes, reshaped and touched tables. */
    final DesiredState desired;
    /** The plan so far: only {@link #record} adds to it; kind planners read it through {@link #recorded}. */
    private final List<PlanItem> items = new ArrayList<>();
    final KindPlanner kinds = new KindPlanner(this);
    final ConstraintPlanner constraints = new ConstraintPlanner(this);
    final PartitionPlanner partitions = new PartitionPlanner(this, constraints);
    final IdentityPlanner identities = new IdentityPlanner(this);
    final ColumnPlanner columns = new ColumnPlanner(this);
    private final TablePlanner tablePlanner = new TablePlanner(this);
    final Map<String, GuardAnswer> guards;
    /** Tables an earlier block of this run renamed: new name → name before this run. */
    final Map<QualifiedName, QualifiedName> renamedFrom = new HashMap<>();
    /** Index of the declaration being planned: renames declared after it count as "later". */
    int position;

    private Planner(Catalog catalog, DeclaredSchema declared, DeclaredShapes shapes, Map<String, GuardAnswer> guards) {
        this.before = catalog;
        this.guards = guards;
        this.declared = declared;
        this.shapes = shapes;
        this.state = new PlanState(catalog);
        this.desired = DesiredState.fold(declared.declarations(), catalog, new DesiredState.Spelling(
                signature -> shapes.functions().keys().getOrDefault(signature, signature),
                signature -> shapes.access().aggregates().keys().getOrDefault(signature, signature),
                routine -> shapes.access().routineKeys().getOrDefault(routine, routine), shapes.access().currentUser()));
    }

    /** A planner before any declaration is planned (tests drive {@link #record} and {@link #planOn} with it). */
    static Planner start(Catalog catalog, DeclaredSchema declared, DeclaredShapes shapes, Map<String, GuardAnswer> guards) {
        return new Planner(catalog, declared, shapes, guards);
    }

    /** @param guards each custom step's guard, asked of the database before planning */
    public static Plan plan(Catalog catalog, DeclaredSchema declared, DeclaredShapes shapes, Map<String, GuardAnswer> guards) {
        Planner planner = new Planner(catalog, declared, shapes, guards);
        ChangesToExisting existing = new ChangesToExisting(planner);
        IndexPlanner indexPlanner = new IndexPlanner(planner);
        ColumnChangePlanner columnChanges = new ColumnChangePlanner(planner);
        EnumPlanner enumPlanner = new EnumPlanner(planner);
        ViewPlanner viewPlanner = new ViewPlanner(planner);
        FunctionPlanner functionPlanner = new FunctionPlanner(planner);
        TriggerPlanner triggerPlanner = new TriggerPlanner(planner);
        PolicyPlanner policyPlanner = new PolicyPlanner(planner);
        TypePlanner typePlanner = new TypePlanner(planner);
        GrantPlanner grantPlanner = new GrantPlanner(planner);
        SequencePlanner sequencePlanner = new SequencePlanner(planner);
        CommentPlanner commentPlanner = new CommentPlanner(planner);
        MaterializedViewPlanner materializedViewPlanner = new MaterializedViewPlanner(planner);
        OptionsPlanner optionsPlanner = new OptionsPlanner(planner);
        ExternalPlanner externals = new ExternalPlanner(planner);
        List<Declaration> all = declared.declarations();
        schemasync.model.DependencyGraph<schemasync.model.ObjectId> graph = PlanGraph.of(catalog, all);
        List<Integer> ordered = RemovalUsers.checked(graph, catalog, planner.desired, all, RemovalOrder.of(graph, all, DependencyOrder.of(all)));
        for (int next : DeclaredCallOrder.checked(catalog, all, ordered)) {
            planner.position = next;
            Declaration d = all.get(planner.position);
            if (d instanceof SchemaDecl s) planner.record(planner.schema(s));
            else if (d instanceof TableDecl t) planner.record(planner.tablePlanner.table(t));
            else if (d instanceof Declaration.ConstraintsDecl k) planner.record(planner.tablePlanner.laterConstraints(k));
            else if (d instanceof ColumnDecl c) planner.record(planner.tablePlanner.addedColumn(c));
            else if (d instanceof IndexDecl i) planner.record(indexPlanner.plan(i));
            else if (d instanceof Declaration.TableOptionsDecl || d instanceof Declaration.IndexOptionsDecl) planner.record(optionsPlanner.plan(d));
            else if (d instanceof Declaration.ColumnChangeDecl c) planner.record(columnChanges.plan(c));
            else if (ExternalPlanner.handles(d)) planner.record(externals.plan(d));
            else if (planner.kinds.handles(d)) planner.record(planner.kinds.plan(d));
            else if (d instanceof Declaration.RenameDecl r) planner.record(existing.rename(r));
            else if (d instanceof Declaration.RemovalDecl r) planner.record(existing.removal(r));
            else if (d instanceof Declaration.CustomStepDecl c) planner.record(existing.custom(c));
            else if (d instanceof Declaration.ExtensionDecl x) planner.record(enumPlanner.extension(x));
            else if (d instanceof AccessDecl.RowSecurityDecl r) planner.record(policyPlanner.rowSecurity(r));
            else if (d instanceof TypeDecl.DomainDecl t) planner.record(typePlanner.domain(t));
            else if (d instanceof Declaration.PartitionDecl p) planner.record(planner.partitions.plan(p));
            else if (d instanceof Declaration.MaterializedViewDecl m) planner.record(materializedViewPlanner.plan(m));
            else if (d instanceof TypeDecl.CompositeTypeDecl t) planner.record(typePlanner.composite(t));
            else if (d instanceof TypeDecl.SequenceDecl q) planner.record(sequencePlanner.plan(q));
            else if (d instanceof Declaration.CommentDecl c) planner.record(commentPlanner.plan(c));
            else if (d instanceof AccessDecl.GrantDecl g) planner.record(grantPlanner.plan(g));
            else if (d instanceof AccessDecl.DefaultPrivilegesDecl p) planner.record(grantPlanner.plan(p));
            else if (d instanceof Declaration.AggregateDecl a) planner.record(functionPlanner.plan(a));
            else if (d instanceof AccessDecl.PolicyDecl p) planner.record(policyPlanner.policy(p));
            else if (d instanceof Declaration.TriggerDecl g) planner.record(triggerPlanner.plan(g));
            else if (d instanceof Declaration.FunctionDecl f) planner.record(functionPlanner.plan(f));
            else if (d instanceof Declaration.ViewDecl v) planner.record(viewPlanner.plan(v));
            else if (d instanceof TypeDecl.EnumDecl e) planner.record(enumPlanner.plan(e));
        }
        for (TypeDecl.SequenceDecl q : sequencePlanner.owned()) planner.record(sequencePlanner.settleOwner(q));
        planner.record(new UndeclaredObjects(planner, grantPlanner, externals).report());
        return new Plan(planner.items);
    }

    private Decisions schema(SchemaDecl s) {
        if (state.schemas().contains(s.name())) {
            return new Decisions().unchanged(s.origin(), "schema", s.name(), "exists, skipped");
        }
        Step create = new Step.CreateSchema(s.name());
        return new Decisions().change(s.origin(), "schema", s.name(), Summary.will(Verb.CREATE), null, create);
    }

    /**
     * The table as it was before this run (its size decides the hazards), found under the name it had
     * then when an earlier block renamed it; null when this run creates it. A drop after a rename
     * must still say it deletes data.
     */
    Table original(QualifiedName current) {
        Table table = before.tables().get(renamedFrom.getOrDefault(current, current));
        return table == null || table.name().equals(current) ? table : table.withName(current);
    }

    /** A table's current name, through renames declared after the current declaration (the fold answers: {@link DesiredState#currentTable}). */
    QualifiedName renamesTable(QualifiedName table) {
        return desired.currentTable(position, table);
    }

    /** The block of an ensureColumnChanged of this column declared after the current declaration, or null. */
    String laterChange(QualifiedName table, String column) {
        return desired.laterChange(table, column, position);
    }

    /** A declared column's name in the database, through renames declared after the current declaration. */
    String renamesColumn(QualifiedName declaredTable, String column) {
        return desired.currentColumn(position, declaredTable, column);
    }

    QualifiedName renamesIndex(QualifiedName index) {
        return desired.currentIndex(position, index);
    }

    String renamesColumnsInDefinition(String definition, QualifiedName declaredTable) {
        return desired.currentColumnsIn(position, declaredTable, definition);
    }

    /**
     * Whether steps on this table may run after the commit, outside the apply's transaction
     * (CONCURRENTLY, VALIDATE in its own transaction): only for a table that existed before this
     * run (one this run creates is invisible to others until the commit, so plain statements in the
     * transaction cost nothing) and that no block renames or drops (after the commit the table, or
     * a column, would not have the name the step was planned with).
     */
    boolean online(QualifiedName table) {
        return before.tables().containsKey(table) && !desired.reshapes(table);
    }

    /** The working copy, a value: what the steps recorded so far leave (or, inside {@link #planOn}, a declaration's earlier parts). */
    PlanState state() {
        return state;
    }

    /**
     * One part of a declaration planned against {@code earlier}, the state its earlier parts leave (computed with
     * {@link Effects#apply} and not recorded): the kind planners read the working copy through {@link #state()}, and
     * a later part (a table's constraints after the columns it adds) must see those parts done. Nothing is recorded
     * here; the declaration's decisions, all parts together, are recorded once by the dispatch.
     */
    Decisions planOn(PlanState earlier, java.util.function.Supplier<Decisions> part) {
        PlanState recorded = state;
        state = earlier;
        try {
            return part.get();
        } finally {
            state = recorded;
        }
    }

    /** The plan as recorded so far, read only (a custom step asks whether an earlier block changes anything). */
    List<PlanItem> recorded() {
        return Collections.unmodifiableList(items);
    }

    /**
     * The one emission point: a kind planner's decisions go into the plan in order, and the working copy becomes the
     * state each change's steps leave ({@link Effects#apply}), so a later block sees what this one does. The state
     * replaced is not changed: a planner still holding it reads it as before.
     */
    void record(Decisions decisions) {
        for (Decisions.Decision d : decisions.list()) items.add(d.item());
        state = Effects.apply(state, decisions);
    }
}
