package schemasync.plan;

import schemasync.step.LineageSteps;
import schemasync.step.OptionSteps;
import schemasync.step.Step;
import schemasync.step.StepVisitor;
import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;

/**
 * What each step does to the catalog: {@code apply(step, catalog) → catalog}, so a plan can be replayed
 * on the catalog it was computed from and compared with what PostgreSQL reports after the apply (the
 * scenario harness does, through {@link CatalogOutline}). A {@link StepVisitor}: a new step kind does not
 * compile until its effect is written. Texts PostgreSQL rewrites (types, defaults, expressions, bodies)
 * are kept as the step spells them; {@link CatalogOutline} says which facts are compared.
 */
public final class Effects extends ObjectKindEffects {
    private Effects(CatalogEdit c) {
        super(c);
    }

    public static Catalog apply(Step step, Catalog catalog) {
        return replay(List.of(step), catalog);
    }

    /** The steps in order on the catalog, with no spelling from the declared side (what a replay knows). */
    public static Catalog replay(List<? extends Step> steps, Catalog catalog) {
        CatalogEdit edit = new CatalogEdit(new PlanState(catalog), Spelled.NONE);
        steps.forEach(step -> effectOf(step, edit));
        return edit.build();
    }

    /**
     * The state the steps leave, from {@code state}, which does not change: the one way the planner's working copy
     * moves on ({@link Planner#record} keeps what this returns), so no planner writes by hand what its steps do.
     * {@code spelled}: PostgreSQL's spelling of what the steps create, from the declared side ({@link Spelled} says why).
     */
    static PlanState apply(PlanState state, Spelled spelled, Step... steps) {
        if (steps.length == 0) return state;
        CatalogEdit edit = new CatalogEdit(state, spelled);
        for (Step step : steps) effectOf(step, edit);
        return edit.state();
    }

    /** The state every change of {@code decisions} leaves, in their order, from {@code state}, which does not change. */
    static PlanState apply(PlanState state, Decisions decisions) {
        for (Decisions.Decision d : decisions.list()) state = apply(state, d.spelled(), d.steps().toArray(Step[]::new));
        return state;
    }

    private static void effectOf(Step step, CatalogEdit edit) {
        java.util.Set<QualifiedName> before = edit.relations();
        step.accept(new Effects(edit));
        edit.forgetOptionsOfDropped(before);
        NotNullNameEffects.forgetGone(edit);
    }

    public Void createSchema(Step.CreateSchema s) {
        c.schemas.add(s.schema());
        return null;
    }

    public Void createExtension(Step.CreateExtension x) {
        // Without WITH SCHEMA, CREATE EXTENSION installs into the first schema of search_path: public here.
        c.extensions.put(x.name(), new Catalog.Extension(x.name(), x.schema() == null ? "public" : x.schema(), x.version()));
        return null;
    }

    public Void createEnum(Step.CreateEnum e) {
        ObjectEffects.createEnum(c, e);
        return null;
    }

    public Void addEnumValue(Step.AddEnumValue a) {
        ObjectEffects.addEnumValue(c, a);
        return null;
    }

    public Void commentOnObject(Step.CommentOnObject s) {
        ObjectEffects.commentOnObject(c, s);
        return null;
    }

    public Void createSequence(Step.CreateSequence q) {
        ObjectEffects.createSequence(c, q);
        return null;
    }

    public Void setSequenceOwner(Step.SetSequenceOwner o) {
        ObjectEffects.setSequenceOwner(c, o);
        return null;
    }

    public Void createCompositeType(Step.CreateCompositeType t) {
        c.composites.put(t.type().name(), c.spelled.of(schemasync.catalog.CompositeType.class).orElse(t.type()));
        return null;
    }

    public Void createCollation(Step.CreateCollation s) {
        c.collations.put(s.collation().name(), s.collation());
        return null;
    }

    public Void createRangeType(Step.CreateRangeType s) {
        c.rangeTypes.put(s.type().name(), c.spelled.of(schemasync.catalog.RangeType.class).orElse(s.type()));
        return null;
    }

    public Void createTextSearchDictionary(Step.CreateTextSearchDictionary s) {
        TextSearchEffects.createDictionary(c, s);
        return null;
    }

    public Void createTextSearchConfiguration(Step.CreateTextSearchConfiguration s) {
        TextSearchEffects.createConfiguration(c, s);
        return null;
    }

    public Void addTextSearchMapping(Step.AddTextSearchMapping s) {
        TextSearchEffects.addMapping(c, s);
        return null;
    }

    public Void createDomain(Step.CreateDomain d) {
        ObjectEffects.createDomain(c, d);
        return null;
    }

    public Void addDomainConstraint(Step.AddDomainConstraint a) {
        ObjectEffects.addDomainConstraint(c, a);
        return null;
    }

    public Void validateDomainConstraint(Step.ValidateDomainConstraint v) {
        ObjectEffects.validateDomainConstraint(c, v);
        return null;
    }

    public Void createTable(Step.CreateTable s) {
        TableEffects.create(c, s.table(), c.spelled.of(Table.class).orElse(null), c.spelled.of(Catalog.Partitioning.class).orElse(null));
        NotNullNameEffects.created(c, s.table().name(), s.table().columns());
        return null;
    }

    public Void addColumn(Step.AddColumn a) {
        Column column = c.spelled.of(Column.class).filter(k -> k.name().equals(a.column().name())).orElseGet(() -> TableEffects.column(a.column()));
        c.table(a.table(), t -> t.withColumn(column));
        TableEffects.ownedSequence(c, a.table(), a.column());
        NotNullNameEffects.created(c, a.table(), List.of(a.column()));
        return null;
    }

    public Void setColumnDefault(Step.SetColumnDefault d) {
        TableEffects.setDefault(c, d.table(), d.column(), c.spelled.of(Column.class).map(Column::defaultExpr).orElse(d.defaultSql()), true);
        return null;
    }

    public Void alterColumnType(Step.AlterColumnType a) {
        // ALTER COLUMN TYPE without COLLATE gives the column its new type's default collation.
        String type = a.to() != null ? a.to() : a.type();
        TableEffects.column(c, a.table(), a.column(), k -> new Column(k.name(), type, k.notNull(), k.defaultExpr(), k.identity(),
                k.comment(), k.generated(), type.equals(k.type()) ? k.collation() : null, k.virtual()));
        return null;
    }

    public Void setNotNull(Step.SetNotNull n) {
        TableEffects.column(c, n.table(), n.column(), k -> TableEffects.notNull(k, true));
        NotNullNameEffects.named(c, n.table(), n.column(), n.constraintName());
        return null;
    }

    public Void dropProvingCheck(Step.DropProvingCheck d) {
        TableEffects.dropConstraint(c, d.table(), d.name());
        return null;
    }

    public Void dropNotNull(Step.DropNotNull n) {
        TableEffects.column(c, n.table(), n.column(), k -> TableEffects.notNull(k, false));
        return null;
    }

    public Void addIdentity(Step.AddIdentity i) {
        TableEffects.column(c, i.table(), i.column(), k -> k.withIdentity(i.kind()));
        TableEffects.identitySequence(c, i.table(), i.column());
        return null;
    }

    public Void setIdentity(Step.SetIdentity i) {
        if (i.kind() != null) TableEffects.column(c, i.table(), i.column(), k -> k.withIdentity(i.kind()));
        // SET INCREMENT BY, START WITH, ...: the identity's sequence takes the options (START WITH only for a RESTART).
        Sequence sequence = IdentityPlanner.sequenceOf(c.sequences, i.table(), i.column());
        if (sequence != null && !i.options().isEmpty()) c.sequences.put(sequence.name(), IdentityPlanner.applied(sequence, i.options()));
        return null;
    }

    public Void dropColumnDefault(Step.DropColumnDefault d) {
        TableEffects.setDefault(c, d.table(), d.column(), null, true);
        return null;
    }

    public Void commentOnTable(Step.CommentOnTable s) {
        c.table(s.table(), t -> t.withComment(s.comment()));
        return null;
    }

    public Void commentOnColumn(Step.CommentOnColumn s) {
        TableEffects.column(c, s.table(), s.column(), k -> k.withDefaultAndComment(k.defaultExpr(), s.comment()));
        return null;
    }

    public Void renameTable(Step.RenameTable r) {
        TableEffects.rename(c, r.table(), r.table().sibling(r.to()));
        OwnerEffects.renameTable(c, r.table(), r.table().sibling(r.to()));
        NotNullNameEffects.renamedTable(c, r.table(), r.table().sibling(r.to()));
        return null;
    }

    public Void renameColumn(Step.RenameColumn r) {
        TableEffects.renameColumn(c, r.table(), r.from(), r.to());
        OptionEffects.renameColumn(c, r.table(), r.from(), r.to());
        NotNullNameEffects.renamedColumn(c, r.table(), r.from(), r.to());
        return null;
    }

    public Void dropTable(Step.DropTable d) {
        TableEffects.drop(c, d.table());
        OwnerEffects.droppedTable(c);
        return null;
    }

    public Void dropColumn(Step.DropColumn d) {
        TableEffects.dropColumn(c, d.table(), d.column());
        OptionEffects.renameColumn(c, d.table(), d.column(), null);
        return null;
    }

    public Void addConstraint(Step.AddConstraint a) {
        TableEffects.addConstraint(c, a.table(), a.constraint(), !a.notValid(), c.spelled.constraint(a.constraint().name()).orElse(null));
        return null;
    }

    public Void validateConstraint(Step.ValidateConstraint v) {
        c.table(v.table(), t -> t.withConstraints(t.constraints().stream().map(k -> !k.name().equals(v.name())
                ? k : new Constraint(k.name(), k.kind(), k.columns(), k.check(), k.foreignKey(), k.nullsNotDistinct(), true,
                k.definition(), k.keyOptions())).toList()));
        return null;
    }

    public Void createIndex(Step.CreateIndex i) {
        QualifiedName name = i.index().name().sibling(i.name());
        String definition = c.spelled.of(Index.class).map(Index::definition).orElse(null);
        c.indexes.put(name, new Index(name, i.index().table(), i.index().unique(), i.index().method(), definition, true, false));
        return null;
    }

    public Void dropIndex(Step.DropIndex d) {
        c.indexes.remove(d.index());
        return null;
    }

    public Void retireIndex(Step.RetireIndex r) {
        TableEffects.renameIndex(c, r.index(), r.retired());
        return null;
    }

    public Void swapIndex(Step.SwapIndex s) {
        TableEffects.renameIndex(c, s.index().sibling(s.replacement()), s.index().name());
        return null;
    }

    public Void renameIndex(Step.RenameIndex r) {
        TableEffects.renameIndex(c, r.index(), r.to());
        return null;
    }

    public Void createFunction(Step.CreateFunction f) {
        ObjectEffects.createFunction(c, f);
        return null;
    }

    public Void createTrigger(Step.CreateTrigger t) {
        String definition = c.spelled.of(String.class).orElse(null);
        c.table(t.table(), table -> table.withTrigger(new Table.Trigger(t.trigger().name(), definition)));
        return null;
    }

    public Void grantPrivileges(Step.GrantPrivileges g) {
        ObjectEffects.grantPrivileges(c, g);
        return null;
    }

    public Void alterDefaultPrivileges(Step.AlterDefaultPrivileges a) {
        ObjectEffects.alterDefaultPrivileges(c, a);
        return null;
    }

    public Void createAggregate(Step.CreateAggregate a) {
        ObjectEffects.createAggregate(c, a);
        return null;
    }

    public Void setRowSecurity(Step.SetRowSecurity r) {
        // ENABLE ROW LEVEL SECURITY leaves FORCE as it was; only FORCE sets it.
        c.table(r.table(), t -> t.withRowSecurity(r.force() || t.rowSecurity() == Table.RowSecurity.FORCED
                ? Table.RowSecurity.FORCED : Table.RowSecurity.ENABLED));
        return null;
    }

    public Void createPolicy(Step.CreatePolicy p) {
        Table.Policy policy = c.spelled.of(Table.Policy.class).orElse(p.policy());
        c.table(p.table(), t -> t.withPolicy(policy));
        return null;
    }

    public Void createView(Step.CreateView v) {
        c.views.put(v.name(), c.spelled.of(String.class).orElse(v.sql()));
        return null;
    }

    public Void createPartition(Step.CreatePartition p) {
        TableEffects.createPartition(c, p.name(), p.parent(), p.bound(), p.partitionBy(), c.spelled.of(Catalog.Partitioning.class).orElse(null));
        return null;
    }

    public Void createMaterializedView(Step.CreateMaterializedView m) {
        c.materializedViews.put(m.name(), new Catalog.MaterializedView(m.name(), m.sql(), m.withData(), List.of()));
        return null;
    }

    public Void dropObject(Step.DropObject d) {
        DropEffects.drop(c, d);
        OwnerEffects.droppedObject(c, d.kind());
        return null;
    }

    /** The user's own SQL: its effect is unknown here; {@link CatalogOutline#predictable} excludes such plans. */
    public Void customSql(Step.CustomSql s) {
        return null;
    }

    public Void setStorageParameters(OptionSteps.SetStorageParameters s) {
        OptionEffects.storage(c, s);
        return null;
    }

    public Void clusterOn(OptionSteps.ClusterOn s) {
        OptionEffects.clusterOn(c, s);
        return null;
    }

    public Void setPersistence(OptionSteps.SetPersistence s) {
        OptionEffects.persistence(c, s);
        return null;
    }

    public Void setColumnOption(OptionSteps.SetColumnOption s) {
        OptionEffects.columnOption(c, s);
        return null;
    }

    /** The table's columns and CHECKs stay its own (merged, still attislocal): only the lineage changes. */
    public Void onlyThisTable(LineageSteps.OnlyThisTable s) { // ONLY: this table alone
        if (s.step() instanceof Step.SetColumnDefault d) {
            TableEffects.setDefault(c, d.table(), d.column(), c.spelled.of(Column.class).map(Column::defaultExpr).orElse(d.defaultSql()), false);
        } else if (s.step() instanceof Step.DropColumnDefault d) {
            TableEffects.setDefault(c, d.table(), d.column(), null, false);
        } else {
            s.step().accept(this);
        }
        return null;
    }

    public Void inheritParent(OptionSteps.InheritParent s) {
        schemasync.catalog.TableLineage had = c.lineage.get(s.table());
        List<QualifiedName> parents = new java.util.ArrayList<>(had == null ? List.of() : had.inherits());
        parents.add(s.parent());
        c.lineage.put(s.table(), new schemasync.catalog.TableLineage(parents, had == null ? null : had.ofType()));
        return null;
    }
}
