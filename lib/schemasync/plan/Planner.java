package schemasync.plan;

import schemasync.dsl.AccessDecl;
import schemasync.dsl.TypeDecl;
import schemasync.model.HazardKind;
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
import schemasync.dsl.Origin;
import schemasync.plan.PlanItem.Change;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.PlannedStep;
import schemasync.plan.PlanItem.Unchanged;

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
    /** The working copy: the catalog as the steps emitted so far leave it ({@link #change} is its only way to change). */
    private final PlanState state;
    /** What the blocks declare, folded once: declared objects, columns, column changes, reshaped and touched tables. */
    final DesiredState desired;
    final List<PlanItem> items = new ArrayList<>();
    final KindPlanner kinds = new KindPlanner(this);
    final Renames renames;
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
        this.renames = new Renames(declared.declarations());
        this.guards = guards;
        this.declared = declared;
        this.shapes = shapes;
        this.state = new PlanState(catalog);
        this.desired = DesiredState.fold(declared.declarations(), catalog,
                signature -> shapes.functions().keys().getOrDefault(signature, signature),
                signature -> shapes.access().aggregates().keys().getOrDefault(signature, signature));
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
        for (int next : DeclaredCallOrder.checked(catalog, all, RemovalOrder.of(PlanGraph.of(catalog, all), all, DependencyOrder.of(all)))) {
            planner.position = next;
            Declaration d = all.get(planner.position);
            if (d instanceof SchemaDecl s) planner.schema(s);
            else if (d instanceof TableDecl t) planner.tablePlanner.table(t);
            else if (d instanceof Declaration.ConstraintsDecl k) planner.tablePlanner.laterConstraints(k);
            else if (d instanceof ColumnDecl c) planner.tablePlanner.addedColumn(c);
            else if (d instanceof IndexDecl i) indexPlanner.plan(i);
            else if (d instanceof Declaration.TableOptionsDecl || d instanceof Declaration.IndexOptionsDecl) optionsPlanner.plan(d);
            else if (d instanceof Declaration.ColumnChangeDecl c) columnChanges.plan(c);
            else if (ExternalPlanner.handles(d)) externals.plan(d);
            else if (planner.kinds.handles(d)) planner.kinds.plan(d);
            else if (d instanceof Declaration.RenameDecl r) existing.rename(r);
            else if (d instanceof Declaration.RemovalDecl r) existing.removal(r);
            else if (d instanceof Declaration.CustomStepDecl c) existing.custom(c);
            else if (d instanceof Declaration.ExtensionDecl x) enumPlanner.extension(x);
            else if (d instanceof AccessDecl.RowSecurityDecl r) policyPlanner.rowSecurity(r);
            else if (d instanceof TypeDecl.DomainDecl t) typePlanner.domain(t);
            else if (d instanceof Declaration.PartitionDecl p) planner.partitions.plan(p);
            else if (d instanceof Declaration.MaterializedViewDecl m) materializedViewPlanner.plan(m);
            else if (d instanceof TypeDecl.CompositeTypeDecl t) typePlanner.composite(t);
            else if (d instanceof TypeDecl.SequenceDecl q) sequencePlanner.plan(q);
            else if (d instanceof Declaration.CommentDecl c) commentPlanner.plan(c);
            else if (d instanceof AccessDecl.GrantDecl g) grantPlanner.plan(g);
            else if (d instanceof AccessDecl.DefaultPrivilegesDecl p) grantPlanner.plan(p);
            else if (d instanceof Declaration.AggregateDecl a) functionPlanner.plan(a);
            else if (d instanceof AccessDecl.PolicyDecl p) policyPlanner.policy(p);
            else if (d instanceof Declaration.TriggerDecl g) triggerPlanner.plan(g);
            else if (d instanceof Declaration.FunctionDecl f) functionPlanner.plan(f);
            else if (d instanceof Declaration.ViewDecl v) viewPlanner.plan(v);
            else if (d instanceof TypeDecl.EnumDecl e) enumPlanner.plan(e);
        }
        sequencePlanner.settleOwners();
        new UndeclaredObjects(planner, grantPlanner, externals).report();
        return new Plan(planner.items);
    }

    private void schema(SchemaDecl s) {
        if (state.schemas().contains(s.name())) {
            items.add(new Unchanged(s.origin(), "schema", s.name(), "exists, skipped"));
        } else {
            Step create = new Step.CreateSchema(s.name());
            change(s.origin(), "schema", s.name(), Summary.will(Verb.CREATE), null, create);
        }
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

    /** A table's current name, through renames declared after the current declaration. */
    QualifiedName renamesTable(QualifiedName table) {
        return renames.table(table, position, state.tables());
    }

    /** The block of an ensureColumnChanged of this column declared after the current declaration, or null. */
    String laterChange(QualifiedName table, String column) {
        return desired.laterChange(table, column, position);
    }

    /** A column's name in the working copy of {@code table}, through renames declared after the current declaration. */
    String renamesColumn(QualifiedName declaredTable, Table table, String column) {
        return renames.column(declaredTable, table, column, position);
    }

    QualifiedName renamesIndex(QualifiedName index) {
        return renames.index(index, position, state.indexes());
    }

    String renamesColumnsInDefinition(String definition, QualifiedName declaredTable, QualifiedName table) {
        return renames.columnsInDefinition(definition, declaredTable, table, position);
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

    /** The working copy, read only: what the steps emitted so far leave. */
    PlanState state() {
        return state;
    }

    void drift(Origin origin, String kind, String object, String message, HazardKind hazard) {
        items.add(new Drift(origin, kind, object, message, hazard));
    }

    void change(Origin origin, String kind, String object, Summary summary, Table original, Step... steps) {
        change(origin, kind, object, summary, original, Spelled.NONE, steps);
    }

    /**
     * The one emission point: the item with its steps goes into the plan, and the steps' effects ({@link Effects})
     * into the working copy, so a later block sees what this one does; no planner edits the working copy by hand.
     * {@code spelled}: PostgreSQL's spelling of what the steps create, from the declared side.
     */
    void change(Origin origin, String kind, String object, Summary summary, Table original, Spelled spelled, Step... steps) {
        List<PlannedStep> planned = new ArrayList<>();
        for (Step s : steps) planned.add(new PlannedStep(s, HazardClassifier.classify(s, original)));
        items.add(new Change(origin, kind, object, summary, planned));
        Effects.applyTo(this, spelled, steps);
    }
}
