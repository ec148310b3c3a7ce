package schemasync.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.Collation;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.CompositeType;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.Domain;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Index;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RangeType;
import schemasync.catalog.RelationOptions;
import schemasync.catalog.Rule;
import schemasync.catalog.Sequence;
import schemasync.catalog.Statistics;
import schemasync.catalog.Table;
import schemasync.catalog.TableLineage;

/**
 * The planner's working copy, a value: the catalog as the steps recorded so far leave it. Nothing changes a state;
 * {@link Effects#apply(PlanState, schemasync.step.Step, Spelled)} returns the next one, one step at a time ({@link Planner#record} keeps
 * it), so a kind planner can hold a state, compute on the state its earlier parts leave, and the state it was handed
 * still answers as before. The maps are persistent ({@link OrderedMap}, over pcollections): the next state shares all
 * but what the step's effect touches, so a step costs what its effect costs, not a copy of the catalog. The maps
 * handed out are read only (their {@code put} throws).
 */
public final class PlanState {
    private final OrderedMap<String, Boolean> schemas;
    private final OrderedMap<QualifiedName, Table> tables;
    private final OrderedMap<QualifiedName, Index> indexes;
    private final OrderedMap<QualifiedName, List<String>> enums;
    private final OrderedMap<QualifiedName, String> views;
    private final OrderedMap<String, Catalog.Function> functions;
    private final OrderedMap<String, Catalog.Extension> extensions;
    private final OrderedMap<QualifiedName, Domain> domains;
    private final OrderedMap<GrantTarget, Set<Grant>> grants;
    private final OrderedMap<DefaultTarget, Set<Grant>> defaultPrivileges;
    private final OrderedMap<String, Catalog.Function> aggregates;
    private final OrderedMap<QualifiedName, CompositeType> composites;
    private final OrderedMap<QualifiedName, Sequence> sequences;
    private final OrderedMap<CommentTarget, String> comments;
    private final OrderedMap<QualifiedName, Catalog.Partitioning> partitioning;
    private final OrderedMap<QualifiedName, Catalog.MaterializedView> materializedViews;
    /** No step changes them: carried as read. */
    private final List<Catalog.ViewDependency> viewDependencies;
    private final OrderedMap<QualifiedName, RelationOptions> relationOptions;
    private final OrderedMap<QualifiedName, TableLineage> lineage;
    private final ExternalEffects.State externals;
    private final OrderedMap<QualifiedName, Collation> collations;
    private final OrderedMap<QualifiedName, RangeType> rangeTypes;
    private final OrderedMap<QualifiedName, Statistics> statistics;
    private final OrderedMap<String, Rule> rules;
    private final OrderedMap<OwnerTarget, String> owners;
    private final OrderedMap<String, schemasync.catalog.Operator> operators;
    private final OrderedMap<String, schemasync.catalog.Cast> casts;
    /** Operator families and classes by {@code schema.name USING method} ({@link OperatorClassEffects}). */
    private final OrderedMap<String, schemasync.catalog.OperatorFamily> operatorFamilies;
    private final OrderedMap<String, schemasync.catalog.OperatorClass> operatorClasses;
    /** Text search dictionaries and configurations, persistent like every other kind ({@link TextSearchEffects}). */
    private final OrderedMap<QualifiedName, schemasync.catalog.TextSearch.Dictionary> textSearchDictionaries;
    private final OrderedMap<QualifiedName, schemasync.catalog.TextSearch.Configuration> textSearchConfigurations;
    /** Encoding conversions ({@code ObjectKindEffects#createConversion}, {@link DropEffects}). */
    private final OrderedMap<QualifiedName, schemasync.catalog.Conversion> conversions;
    /** Security labels ({@code ObjectKindEffects#setSecurityLabel}). */
    private final OrderedMap<schemasync.catalog.SecurityLabelTarget, String> securityLabels;
    /** The two as the catalog's value, made when first asked (a state never changes). */
    private schemasync.catalog.TextSearch textSearch;
    /** PostgreSQL 18's NOT NULL constraint names of their own ({@link NotNullNameEffects}). */
    private final OrderedMap<schemasync.catalog.NotNullNames.Key, String> notNullNames;
    /** Whether the server names NOT NULL constraints at all (18+): below, a rename leaves no name to keep. */
    private final boolean notNullNamesKept;

    /** The state before any step: the catalog as read (each of its maps copied once, in its order). */
    public PlanState(Catalog c) {
        OrderedMap<String, Boolean> names = OrderedMap.empty();
        for (String schema : c.schemas()) names = names.plus(schema, Boolean.TRUE);
        schemas = names;
        tables = OrderedMap.from(c.tables());
        indexes = OrderedMap.from(c.indexes());
        enums = OrderedMap.from(c.enums());
        views = OrderedMap.from(c.views());
        functions = OrderedMap.from(c.functions());
        extensions = OrderedMap.from(c.extensions());
        domains = OrderedMap.from(c.domains());
        grants = OrderedMap.from(c.grants());
        defaultPrivileges = OrderedMap.from(c.defaultPrivileges());
        aggregates = OrderedMap.from(c.aggregates());
        composites = OrderedMap.from(c.composites());
        sequences = OrderedMap.from(c.sequences());
        comments = OrderedMap.from(c.comments());
        partitioning = OrderedMap.from(c.partitioning());
        materializedViews = OrderedMap.from(c.materializedViews());
        viewDependencies = List.copyOf(c.viewDependencies());
        relationOptions = OrderedMap.from(c.relationOptions());
        lineage = OrderedMap.from(c.lineage());
        externals = new ExternalEffects.State(c.externals());
        collations = OrderedMap.from(c.collations());
        rangeTypes = OrderedMap.from(c.rangeTypes());
        statistics = OrderedMap.from(c.statistics());
        rules = OrderedMap.from(c.rules());
        owners = OrderedMap.from(c.owners());
        operators = OrderedMap.from(c.operators().operators());
        casts = OrderedMap.from(c.operators().casts());
        operatorFamilies = OrderedMap.from(c.operators().families());
        operatorClasses = OrderedMap.from(c.operators().classes());
        textSearchDictionaries = OrderedMap.from(c.textSearch().dictionaries());
        textSearchConfigurations = OrderedMap.from(c.textSearch().configurations());
        conversions = OrderedMap.from(c.conversions());
        securityLabels = OrderedMap.from(c.securityLabels());
        notNullNames = OrderedMap.from(c.notNullNames());
        notNullNamesKept = c.notNullNamesKept();
    }

    /** The state an edit leaves ({@link CatalogEdit#state}): each map as the effects left it. */
    PlanState(CatalogEdit e) {
        schemas = e.schemaNames.frozen();
        tables = e.tables.frozen();
        indexes = e.indexes.frozen();
        enums = e.enums.frozen();
        views = e.views.frozen();
        functions = e.functions.frozen();
        extensions = e.extensions.frozen();
        domains = e.domains.frozen();
        grants = e.grants.frozen();
        defaultPrivileges = e.defaultPrivileges.frozen();
        aggregates = e.aggregates.frozen();
        composites = e.composites.frozen();
        sequences = e.sequences.frozen();
        comments = e.comments.frozen();
        partitioning = e.partitioning.frozen();
        materializedViews = e.materializedViews.frozen();
        viewDependencies = e.viewDependencies;
        relationOptions = e.relationOptions.frozen();
        lineage = e.lineage.frozen();
        externals = e.externals.state();
        collations = e.collations.frozen();
        rangeTypes = e.rangeTypes.frozen();
        statistics = e.statistics.frozen();
        rules = e.rules.frozen();
        owners = e.owners.frozen();
        operators = e.operators.frozen();
        casts = e.casts.frozen();
        operatorFamilies = e.operatorFamilies.frozen();
        operatorClasses = e.operatorClasses.frozen();
        textSearchDictionaries = e.textSearchDictionaries.frozen();
        textSearchConfigurations = e.textSearchConfigurations.frozen();
        conversions = e.conversions.frozen();
        securityLabels = e.securityLabels.frozen();
        notNullNames = e.notNullNames.frozen();
        notNullNamesKept = e.notNullNamesKept;
    }

    Set<String> schemas() { return schemas.keySet(); }
    /** The schema names as a map (to a placeholder), for {@link CatalogEdit}. */
    OrderedMap<String, Boolean> schemaNames() { return schemas; }
    List<Catalog.ViewDependency> viewDependencies() { return viewDependencies; }
    OrderedMap<QualifiedName, TableLineage> lineage() { return lineage; }
    OrderedMap<QualifiedName, Table> tables() { return tables; }
    OrderedMap<QualifiedName, Index> indexes() { return indexes; }
    OrderedMap<QualifiedName, List<String>> enums() { return enums; }
    OrderedMap<QualifiedName, String> views() { return views; }
    OrderedMap<String, Catalog.Function> functions() { return functions; }
    OrderedMap<String, Catalog.Function> aggregates() { return aggregates; }
    OrderedMap<String, Catalog.Extension> extensions() { return extensions; }
    OrderedMap<QualifiedName, Domain> domains() { return domains; }
    OrderedMap<QualifiedName, CompositeType> composites() { return composites; }
    OrderedMap<QualifiedName, Sequence> sequences() { return sequences; }
    OrderedMap<CommentTarget, String> comments() { return comments; }
    OrderedMap<QualifiedName, Catalog.Partitioning> partitioning() { return partitioning; }
    OrderedMap<QualifiedName, Catalog.MaterializedView> materializedViews() { return materializedViews; }
    OrderedMap<GrantTarget, Set<Grant>> grants() { return grants; }
    OrderedMap<DefaultTarget, Set<Grant>> defaultPrivileges() { return defaultPrivileges; }
    OrderedMap<QualifiedName, RelationOptions> relationOptions() { return relationOptions; }
    OrderedMap<QualifiedName, Collation> collations() { return collations; }
    OrderedMap<QualifiedName, RangeType> rangeTypes() { return rangeTypes; }
    OrderedMap<String, schemasync.catalog.Operator> operators() { return operators; }
    OrderedMap<String, schemasync.catalog.Cast> casts() { return casts; }
    OrderedMap<String, schemasync.catalog.OperatorFamily> operatorFamilies() { return operatorFamilies; }
    OrderedMap<String, schemasync.catalog.OperatorClass> operatorClasses() { return operatorClasses; }

    OrderedMap<OwnerTarget, String> owners() { return owners; }
    OrderedMap<QualifiedName, Statistics> statistics() { return statistics; }
    OrderedMap<String, Rule> rules() { return rules; }
    OrderedMap<QualifiedName, schemasync.catalog.TextSearch.Dictionary> textSearchDictionaries() { return textSearchDictionaries; }
    OrderedMap<QualifiedName, schemasync.catalog.TextSearch.Configuration> textSearchConfigurations() { return textSearchConfigurations; }
    OrderedMap<QualifiedName, schemasync.catalog.Conversion> conversions() { return conversions; }
    OrderedMap<schemasync.catalog.SecurityLabelTarget, String> securityLabels() { return securityLabels; }
    OrderedMap<schemasync.catalog.NotNullNames.Key, String> notNullNames() { return notNullNames; }
    boolean notNullNamesKept() { return notNullNamesKept; }

    schemasync.catalog.TextSearch textSearch() {
        if (textSearch == null) textSearch = new schemasync.catalog.TextSearch(textSearchDictionaries, textSearchConfigurations);
        return textSearch;
    }

    /** Foreign servers, user mappings, foreign tables, publications and event triggers ({@link ExternalEffects}). */
    ExternalEffects.State externals() { return externals; }

    /** This state as a catalog snapshot (a replay's result): each persistent map copied once. */
    public Catalog catalog() {
        return new CatalogEdit(this, Spelled.NONE).build();
    }
}
