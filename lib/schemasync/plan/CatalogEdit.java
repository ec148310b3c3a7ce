package schemasync.plan;

import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

/** A mutable copy of a catalog that {@link Effects} edits step by step; {@link #build()} freezes it again. */
final class CatalogEdit {
    final Set<String> schemas;
    final Map<QualifiedName, Table> tables;
    final Map<QualifiedName, Index> indexes;
    final Map<QualifiedName, List<String>> enums;
    final Map<QualifiedName, String> views;
    final Map<String, Catalog.Function> functions;
    final Map<String, Catalog.Extension> extensions;
    final Map<QualifiedName, Domain> domains;
    final Map<GrantTarget, Set<Grant>> grants;
    final Map<DefaultTarget, Set<Grant>> defaultPrivileges;
    final Map<String, Catalog.Function> aggregates;
    final Map<QualifiedName, CompositeType> composites;
    final Map<QualifiedName, Sequence> sequences;
    final Map<CommentTarget, String> comments;
    final Map<QualifiedName, Catalog.Partitioning> partitioning;
    final Map<QualifiedName, Catalog.MaterializedView> materializedViews;
    final List<Catalog.ViewDependency> viewDependencies;
    /** Storage parameters, UNLOGGED and CLUSTER ON by relation (tables and indexes with any: most have none). */
    Map<QualifiedName, RelationOptions> relationOptions = new LinkedHashMap<>();
    /** The parents and type of tables: a created table's from its CREATE TABLE ({@link TableEffects#create}). */
    final Map<QualifiedName, schemasync.catalog.TableLineage> lineage = new LinkedHashMap<>();
    /** Foreign servers, user mappings, foreign tables, publications, event triggers ({@link ExternalEffects}). */
    ExternalEffects.Edit externals = new ExternalEffects.Edit(schemasync.catalog.ExternalObjects.NONE);
    Map<QualifiedName, schemasync.catalog.Collation> collations = new LinkedHashMap<>();
    Map<QualifiedName, schemasync.catalog.RangeType> rangeTypes = new LinkedHashMap<>();
    /** PostgreSQL's spelling of what the steps create, in the planner's working copy; none in a replay. */
    Spelled spelled = Spelled.NONE;
    Map<QualifiedName, schemasync.catalog.Statistics> statistics = new LinkedHashMap<>();
    Map<String, schemasync.catalog.Rule> rules = new LinkedHashMap<>();
    /** Object owners by role name ({@link ObjectEffects#setOwner}); a created object's is not known (the applying role). */
    Map<schemasync.catalog.OwnerTarget, String> owners = new LinkedHashMap<>();
    /** Text search dictionaries and configurations: an immutable value, replaced by each step's effect. */
    schemasync.catalog.TextSearch textSearch = schemasync.catalog.TextSearch.NONE;

    CatalogEdit(Catalog c) {
        this(new LinkedHashSet<>(c.schemas()), new LinkedHashMap<>(c.tables()), new LinkedHashMap<>(c.indexes()),
                new LinkedHashMap<>(c.enums()), new LinkedHashMap<>(c.views()), new LinkedHashMap<>(c.functions()),
                new LinkedHashMap<>(c.extensions()), new LinkedHashMap<>(c.domains()), new LinkedHashMap<>(c.grants()),
                new LinkedHashMap<>(c.defaultPrivileges()), new LinkedHashMap<>(c.aggregates()), new LinkedHashMap<>(c.composites()),
                new LinkedHashMap<>(c.sequences()), new LinkedHashMap<>(c.comments()), new LinkedHashMap<>(c.partitioning()),
                new LinkedHashMap<>(c.materializedViews()), new ArrayList<>(c.viewDependencies()));
        this.relationOptions.putAll(c.relationOptions());
        this.lineage.putAll(c.lineage());
        this.externals = new ExternalEffects.Edit(c.externals());
        this.collations = new LinkedHashMap<>(c.collations());
        this.rangeTypes = new LinkedHashMap<>(c.rangeTypes());
        this.statistics = new LinkedHashMap<>(c.statistics());
        this.rules = new LinkedHashMap<>(c.rules());
        this.owners = new LinkedHashMap<>(c.owners());
        this.textSearch = c.textSearch();
    }

    private CatalogEdit(Set<String> schemas, Map<QualifiedName, Table> tables, Map<QualifiedName, Index> indexes,
                        Map<QualifiedName, List<String>> enums, Map<QualifiedName, String> views, Map<String, Catalog.Function> functions,
                        Map<String, Catalog.Extension> extensions, Map<QualifiedName, Domain> domains, Map<GrantTarget, Set<Grant>> grants,
                        Map<DefaultTarget, Set<Grant>> defaultPrivileges, Map<String, Catalog.Function> aggregates,
                        Map<QualifiedName, CompositeType> composites, Map<QualifiedName, Sequence> sequences,
                        Map<CommentTarget, String> comments, Map<QualifiedName, Catalog.Partitioning> partitioning,
                        Map<QualifiedName, Catalog.MaterializedView> materializedViews, List<Catalog.ViewDependency> viewDependencies) {
        this.schemas = schemas;
        this.tables = tables;
        this.indexes = indexes;
        this.enums = enums;
        this.views = views;
        this.functions = functions;
        this.extensions = extensions;
        this.domains = domains;
        this.grants = grants;
        this.defaultPrivileges = defaultPrivileges;
        this.aggregates = aggregates;
        this.composites = composites;
        this.sequences = sequences;
        this.comments = comments;
        this.partitioning = partitioning;
        this.materializedViews = materializedViews;
        this.viewDependencies = viewDependencies;
    }

    Catalog build() {
        return Catalog.builder().schemas(schemas).tables(tables).indexes(indexes).enums(enums).views(views).functions(functions)
                .extensions(extensions).domains(domains).grants(grants).defaultPrivileges(defaultPrivileges).aggregates(aggregates)
                .composites(composites).sequences(sequences).comments(comments).partitioning(partitioning)
                .materializedViews(materializedViews).viewDependencies(viewDependencies).relationOptions(relationOptions)
                .lineage(lineage).externals(externals.build()).collations(collations).rangeTypes(rangeTypes)
                .statistics(onExisting(statistics, Statistics::table)).rules(onExisting(rules, Rule::table)).owners(owners)
                .textSearch(textSearch).build();
    }

    /** DROP TABLE (or VIEW) takes its statistics and rules along: those on a relation no longer there are gone. */
    private <K, V> Map<K, V> onExisting(Map<K, V> objects, java.util.function.Function<V, QualifiedName> relation) {
        Map<K, V> kept = new LinkedHashMap<>(objects);
        kept.values().removeIf(v -> !tables.containsKey(relation.apply(v)) && !views.containsKey(relation.apply(v))
                && !materializedViews.containsKey(relation.apply(v)));
        return kept;
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
