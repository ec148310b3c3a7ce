package schemasync.plan;

import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.step.OptionSteps;
import schemasync.step.Step;
import schemasync.step.StepVisitor;

/**
 * What each step does to the catalog: {@code apply(state, step, spelled) → state}, one step at a time, so a plan can be
 * replayed on the catalog it was computed from and compared with what PostgreSQL reports after the apply (the scenario
 * harness does, through {@link CatalogOutline}), and the planner's working copy is the fold of the same function over the
 * steps it records. A {@link StepVisitor}: a new step kind does not compile until its effect is written (the table
 * steps' half is {@link TableStepEffects}, the other kinds' {@link ObjectKindEffects}). Texts PostgreSQL rewrites
 * (types, defaults, expressions, bodies) are kept as the step spells them; {@link CatalogOutline} says which facts are
 * compared.
 */
public final class Effects extends TableStepEffects {
    private Effects(CatalogEdit c) {
        super(c);
    }

    /**
     * The state one step leaves, from {@code state}, which does not change: the one transition of the planner's working
     * copy and of a replay. {@code spelled}: PostgreSQL's spelling of what the step creates, from the declared side
     * ({@link Spelled} says why; {@link Spelled#NONE} in a replay). One {@link CatalogEdit} per step: its maps are views
     * over the state's persistent maps, so a step costs what its effect writes, not a copy of the catalog.
     */
    public static PlanState apply(PlanState state, Step step, Spelled spelled) {
        CatalogEdit edit = new CatalogEdit(state, spelled);
        java.util.Set<QualifiedName> before = edit.relations();
        step.accept(new Effects(edit));
        edit.forgetOptionsOfDropped(before);
        NotNullNameEffects.forgetGone(edit);
        return edit.state();
    }

    /** The state every change of {@code decisions} leaves, step by step in their order, from {@code state}, which does not change. */
    static PlanState apply(PlanState state, Decisions decisions) {
        for (Decisions.Decision d : decisions.list()) {
            for (Step step : d.steps()) state = apply(state, step, d.spelled());
        }
        return state;
    }

    /** One step on a catalog, with no spelling from the declared side. */
    public static Catalog apply(Step step, Catalog catalog) {
        return apply(new PlanState(catalog), step, Spelled.NONE).catalog();
    }

    /** The steps in order on the catalog, with no spelling from the declared side (what a replay knows): a fold of {@link #apply}. */
    public static Catalog replay(List<? extends Step> steps, Catalog catalog) {
        PlanState state = new PlanState(catalog);
        for (Step step : steps) state = apply(state, step, Spelled.NONE);
        return state.catalog();
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

    public Void createFunction(Step.CreateFunction f) {
        ObjectEffects.createFunction(c, f);
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

    public Void createView(Step.CreateView v) {
        c.views.put(v.name(), c.spelled.of(String.class).orElse(v.sql()));
        return null;
    }

    public Void createMaterializedView(Step.CreateMaterializedView m) {
        c.materializedViews.put(m.name(), new Catalog.MaterializedView(m.name(), m.sql(), m.withData(), List.of()));
        return null;
    }

    public Void dropObject(Step.DropObject d) {
        DropEffects.drop(c, d);
        OwnerEffects.droppedObject(c, d);
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
}
