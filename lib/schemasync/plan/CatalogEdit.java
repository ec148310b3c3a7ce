package schemasync.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.CompositeType;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.Domain;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RelationOptions;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;

/**
 * One step's edit of a {@link PlanState} ({@link Effects} writes through it): the maps are {@link EditedMap}s over the
 * state's persistent maps, so the state it started from never changes and {@link #state()} is the next one; an edit
 * costs what the effects write, not a copy. {@link #build()} makes a {@link Catalog} of it again (a replay's result).
 */
final class CatalogEdit {
    /** The schema names (to a placeholder value): {@code schemas} reads and adds them as a set. */
    final EditedMap<String, Boolean> schemaNames;
    final Set<String> schemas;
    final EditedMap<QualifiedName, Table> tables;
    final EditedMap<QualifiedName, Index> indexes;
    final EditedMap<QualifiedName, List<String>> enums;
    final EditedMap<QualifiedName, String> views;
    final EditedMap<String, Catalog.Function> functions;
    final EditedMap<String, Catalog.Extension> extensions;
    final EditedMap<QualifiedName, Domain> domains;
    final EditedMap<GrantTarget, Set<Grant>> grants;
    final EditedMap<DefaultTarget, Set<Grant>> defaultPrivileges;
    final EditedMap<String, Catalog.Function> aggregates;
    final EditedMap<QualifiedName, CompositeType> composites;
    final EditedMap<QualifiedName, Sequence> sequences;
    final EditedMap<CommentTarget, String> comments;
    final EditedMap<QualifiedName, Catalog.Partitioning> partitioning;
    final EditedMap<QualifiedName, Catalog.MaterializedView> materializedViews;
    final List<Catalog.ViewDependency> viewDependencies;
    /** Storage parameters, UNLOGGED and CLUSTER ON by relation (tables and indexes with any: most have none). */
    final EditedMap<QualifiedName, RelationOptions> relationOptions;
    /** The parents and type of tables: a created table's from its CREATE TABLE ({@link TableEffects#create}). */
    final EditedMap<QualifiedName, schemasync.catalog.TableLineage> lineage;
    /** Foreign servers, user mappings, foreign tables, publications, event triggers ({@link ExternalEffects}). */
    final ExternalEffects.Edit externals;
    final EditedMap<QualifiedName, schemasync.catalog.Collation> collations;
    final EditedMap<QualifiedName, schemasync.catalog.RangeType> rangeTypes;
    /** PostgreSQL's spelling of what the steps create, in the planner's working copy; none in a replay. */
    final Spelled spelled;
    final EditedMap<QualifiedName, schemasync.catalog.Statistics> statistics;
    final EditedMap<String, schemasync.catalog.Rule> rules;
    /** Object owners by role name ({@link ObjectEffects#setOwner}); a created object's is not known (the applying role). */
    final EditedMap<schemasync.catalog.OwnerTarget, String> owners;
    /** Operators and casts by their keys ({@link OperatorEffects}). */
    final EditedMap<String, schemasync.catalog.Operator> operators;
    final EditedMap<String, schemasync.catalog.Cast> casts;
    /** Operator families and classes by {@code schema.name USING method} ({@link OperatorClassEffects}). */
    final EditedMap<String, schemasync.catalog.OperatorFamily> operatorFamilies;
    final EditedMap<String, schemasync.catalog.OperatorClass> operatorClasses;
    /** Text search dictionaries and configurations ({@link TextSearchEffects}). */
    final EditedMap<QualifiedName, schemasync.catalog.TextSearch.Dictionary> textSearchDictionaries;
    final EditedMap<QualifiedName, schemasync.catalog.TextSearch.Configuration> textSearchConfigurations;
    /** Encoding conversions by name. */
    final EditedMap<QualifiedName, schemasync.catalog.Conversion> conversions;
    /** Security labels by provider and object (pg_seclabels' objtype and objname). */
    final EditedMap<schemasync.catalog.SecurityLabelTarget, String> securityLabels;
    /** NOT NULL constraint names of their own, PostgreSQL 18 ({@link NotNullNameEffects}). */
    final EditedMap<schemasync.catalog.NotNullNames.Key, String> notNullNames;
    final boolean notNullNamesKept;

    CatalogEdit(PlanState s, Spelled spelled) {
        this.spelled = spelled;
        schemaNames = edit(s.schemaNames());
        schemas = new java.util.AbstractSet<>() {
            @Override public boolean add(String schema) { return schemaNames.put(schema, Boolean.TRUE) == null; }
            @Override public boolean contains(Object schema) { return schemaNames.containsKey(schema); }
            @Override public java.util.Iterator<String> iterator() { return schemaNames.keySet().iterator(); }
            @Override public int size() { return schemaNames.size(); }
        };
        tables = edit(s.tables());
        indexes = edit(s.indexes());
        enums = edit(s.enums());
        views = edit(s.views());
        functions = edit(s.functions());
        extensions = edit(s.extensions());
        domains = edit(s.domains());
        grants = edit(s.grants());
        defaultPrivileges = edit(s.defaultPrivileges());
        aggregates = edit(s.aggregates());
        composites = edit(s.composites());
        sequences = edit(s.sequences());
        comments = edit(s.comments());
        partitioning = edit(s.partitioning());
        materializedViews = edit(s.materializedViews());
        viewDependencies = s.viewDependencies();
        relationOptions = edit(s.relationOptions());
        lineage = edit(s.lineage());
        externals = new ExternalEffects.Edit(s.externals());
        collations = edit(s.collations());
        rangeTypes = edit(s.rangeTypes());
        statistics = edit(s.statistics());
        rules = edit(s.rules());
        owners = edit(s.owners());
        operators = edit(s.operators());
        casts = edit(s.casts());
        operatorFamilies = edit(s.operatorFamilies());
        operatorClasses = edit(s.operatorClasses());
        textSearchDictionaries = edit(s.textSearchDictionaries());
        textSearchConfigurations = edit(s.textSearchConfigurations());
        conversions = edit(s.conversions());
        securityLabels = edit(s.securityLabels());
        notNullNames = edit(s.notNullNames());
        notNullNamesKept = s.notNullNamesKept();
    }

    /** Edits start from the state's own persistent map, never a copy: a step costs what its effect costs. */
    private static <K, V> EditedMap<K, V> edit(OrderedMap<K, V> persistent) {
        return new EditedMap<>(persistent);
    }

    /** The state the edits so far leave: a value, which later edits of this object do not change. */
    PlanState state() {
        return new PlanState(this);
    }

    Catalog build() {
        return Catalog.builder().schemas(schemas).tables(tables).indexes(indexes).enums(enums).views(views).functions(functions)
                .extensions(extensions).domains(domains).grants(grants).defaultPrivileges(defaultPrivileges).aggregates(aggregates)
                .composites(composites).sequences(sequences).comments(comments).partitioning(partitioning)
                .materializedViews(materializedViews).viewDependencies(viewDependencies).relationOptions(relationOptions)
                .lineage(lineage).externals(externals.build()).collations(collations).rangeTypes(rangeTypes)
                .statistics(statistics).rules(rules).owners(owners)
                .operators(new schemasync.catalog.OperatorObjects(operators, casts, operatorFamilies, operatorClasses))
                .textSearch(new schemasync.catalog.TextSearch(textSearchDictionaries, textSearchConfigurations)).conversions(conversions).securityLabels(securityLabels).notNullNames(notNullNames).notNullNamesKept(notNullNamesKept).build();
    }

    RelationOptions options(QualifiedName relation) {
        return relationOptions.getOrDefault(relation, RelationOptions.NONE);
    }

    /** A relation's options; an entry only when there is something to say, as the catalog keeps them. */
    void options(QualifiedName relation, RelationOptions options) {
        if (options.isNone()) relationOptions.remove(relation);
        else relationOptions.put(relation, options);
    }

    /**
     * The relations with options that exist as a table, index or materialized view: those whose options a drop takes
     * along. Only relations with options are looked at (most have none), so this costs nothing per step in a big plan.
     */
    Set<QualifiedName> relations() {
        Set<QualifiedName> names = new java.util.HashSet<>();
        for (QualifiedName n : relationOptions.keySet()) if (isRelation(n)) names.add(n);
        return names;
    }

    private boolean isRelation(QualifiedName name) {
        return tables.containsKey(name) || indexes.containsKey(name) || materializedViews.containsKey(name);
    }

    /**
     * After a step: the options of a table, index or materialized view it dropped go with it (DROP TABLE takes its
     * indexes, DROP COLUMN the indexes on the column), so no drop effect has to remember them one by one.
     */
    void forgetOptionsOfDropped(Set<QualifiedName> before) {
        for (QualifiedName name : before) if (!isRelation(name)) relationOptions.remove(name);
    }

    /** ALTER ... RENAME keeps the relation and its options; an index renamed into another's place (a swap) takes that place's. */
    void renameOptions(QualifiedName from, QualifiedName to) {
        RelationOptions moved = relationOptions.remove(from);
        if (moved != null) relationOptions.put(to, moved);
        else relationOptions.remove(to);
    }

    /** The table a step names; a step on a table the replay does not know is a planner bug, said loudly. */
    Table table(QualifiedName name) {
        Table table = tables.get(name);
        if (table == null) throw new IllegalStateException("replay: a step names table " + name + ", which does not exist here");
        return table;
    }

    void table(QualifiedName name, UnaryOperator<Table> change) {
        tables.put(name, change.apply(table(name)));
    }

    /** Replaces one grant set: add or remove {@code privileges} of {@code role}. */
    static Set<Grant> granted(Set<Grant> current, String role, List<String> privileges, boolean revoke) {
        Set<Grant> next = new LinkedHashSet<>(current == null ? Set.of() : current);
        for (String p : privileges) {
            if (revoke) next.remove(new Grant(role, p));
            else next.add(new Grant(role, p));
        }
        return Grant.sorted(next);
    }
}
