package schemasync.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable snapshot of the managed part of a database: schemas, tables, indexes, enum types
 * (labels in their sort order), views and materialized views (pg_get_viewdef), domains, partition keys
 * and bounds, and the rest, keyed by
 * qualified name. Reading a re-created schema gives an equal snapshot (no OIDs anywhere).
 *
 * {@code grants}: privileges on columns, sequences, schemas and routines (table privileges are on
 * {@link Table}), owners' own left out; {@code defaultPrivileges}: one entry per pg_default_acl row,
 * possibly empty (a revoked baseline); {@code aggregates}: keyed like functions, the definition is
 * the CREATE AGGREGATE option list rebuilt from pg_aggregate; {@code relationTriggers}: the triggers of
 * relations that are not a {@link Table} (a view's INSTEAD OF triggers, a foreign table's), keyed by the
 * relation, as {@link Table#triggers()} holds a table's. The plan does not compare them (no DSL verb declares
 * them: {@code generate} writes them as custom steps), so no differ reads them. {@code indexDefinitions}: the whole
 * pg_get_indexdef of each index in {@code indexes} (names and WITH storage parameters included), what
 * {@code generate} writes for an index no block can say; the plan compares {@link Index}, never this text (it
 * holds the names), and the planner's working copy does not keep it. {@code indexParts}: the same indexes field by
 * field ({@link IndexParts}), what {@code generate} writes an index call from, and {@code triggerParts} each trigger's
 * ({@link TriggerParts}); no differ reads them. {@code foreignPartitions}: the foreign
 * tables that are partitions ({@code CREATE FOREIGN TABLE ... PARTITION OF}), with their parent and bound, which
 * {@code partitioning} (ordinary and partitioned tables) leaves out; the plan does not compare them (no DSL verb
 * declares one), so no differ reads them. These five are generate-only: a read at {@code CatalogReader.Detail.PLAN} leaves them empty.
 * {@code notNullNames}: the NOT NULL constraints (PostgreSQL 18+) whose name is not PostgreSQL's default, by table and
 * column ({@link NotNullNames}); {@code notNullNamesKept}: false below 18, which names none (a replay invents none).
 */
public record Catalog(Set<String> schemas, Map<QualifiedName, Table> tables, Map<QualifiedName, Index> indexes,
                      Map<QualifiedName, List<String>> enums, Map<QualifiedName, String> views,
                      Map<String, Function> functions, Map<String, Extension> extensions,
                      Map<QualifiedName, Domain> domains,
                      Map<GrantTarget, Set<Grant>> grants, Map<DefaultTarget, Set<Grant>> defaultPrivileges,
                      Map<String, Function> aggregates, Map<QualifiedName, CompositeType> composites,
                      Map<QualifiedName, Sequence> sequences, Map<CommentTarget, String> comments,
                      Map<QualifiedName, Partitioning> partitioning, Map<QualifiedName, MaterializedView> materializedViews,
                      List<ViewDependency> viewDependencies, Map<QualifiedName, RelationOptions> relationOptions,
                      Map<QualifiedName, TableLineage> lineage, ExternalObjects externals,
                      Map<QualifiedName, Collation> collations, Map<QualifiedName, RangeType> rangeTypes,
                      Map<QualifiedName, Statistics> statistics, Map<String, Rule> rules,
                      Map<QualifiedName, List<Table.Trigger>> relationTriggers, Map<QualifiedName, String> indexDefinitions,
                      Map<QualifiedName, IndexParts> indexParts, Map<TriggerParts.Key, TriggerParts> triggerParts,
                      Map<QualifiedName, Partitioning> foreignPartitions, Map<OwnerTarget, String> owners,
                      Map<NotNullNames.Key, String> notNullNames, boolean notNullNamesKept,
                      OperatorObjects operators,
                      TextSearch textSearch, Map<QualifiedName, Conversion> conversions,
                      Map<SecurityLabelTarget, String> securityLabels) implements CatalogRoutines {

    /** The parents and type of a table ({@link TableLineage}; null when it has neither). */
    public TableLineage lineageOf(QualifiedName table) {
        return lineage.get(table);
    }

    /** The same snapshot with these foreign servers, user mappings, foreign tables, publications and event triggers. */
    public Catalog withExternals(ExternalObjects newExternals) {
        return toBuilder().externals(newExternals).build();
    }

    /** The storage parameters, persistence and CLUSTER ON mark of a table or index (NONE when it has none). */
    public RelationOptions optionsOf(QualifiedName relation) {
        return relationOptions.getOrDefault(relation, RelationOptions.NONE);
    }

    /** A view reads {@code column} of {@code on} (a table or view; column null: the relation as a whole). */
    public record ViewDependency(QualifiedName view, QualifiedName on, String column) {
    }

    /** The same snapshot with other tables (the fingerprint leaves out their statistics). */
    public Catalog withTables(Map<QualifiedName, Table> newTables) {
        return toBuilder().tables(newTables).build();
    }

    /**
     * How a table takes part in partitioning: {@code key} (pg_get_partkeydef, e.g. {@code RANGE (payment_date)})
     * when it is partitioned, {@code parent} and {@code bound} (pg_get_expr of relpartbound, e.g.
     * {@code FOR VALUES IN ('a')} or {@code DEFAULT}) when it is a partition; a sub-partitioned
     * partition has all three. Tables that are neither have no entry.
     */
    public record Partitioning(String key, QualifiedName parent, String bound) {
        public boolean isPartition() {
            return parent != null;
        }
    }

    /**
     * A materialized view: pg_get_viewdef's text of its query, whether it holds data (relispopulated), and
     * its columns (what the normalizer builds a shadow from to spell the indexes declared on it).
     */
    public record MaterializedView(QualifiedName name, String definition, boolean populated, List<Column> columns) {
        public MaterializedView {
            columns = List.copyOf(columns);
        }
    }

    /** An installed extension (database-wide), with the schema it lives in and its version. */
    public record Extension(String name, String schema, String version) {
    }


    /** The privileges held on a column, sequence, schema or routine (none: empty). */
    public Set<Grant> grantsOn(GrantTarget target) {
        return grants.getOrDefault(target, Set.of());
    }

    public Catalog {
        schemas = Collections.unmodifiableSet(new TreeSet<>(schemas));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        indexes = Collections.unmodifiableMap(new LinkedHashMap<>(indexes));
        enums = Collections.unmodifiableMap(new LinkedHashMap<>(enums));
        views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
        composites = Collections.unmodifiableMap(new LinkedHashMap<>(composites));
        sequences = Collections.unmodifiableMap(new LinkedHashMap<>(sequences));
        comments = Collections.unmodifiableMap(new LinkedHashMap<>(comments));
        grants = copyOfSets(grants);
        defaultPrivileges = copyOfSets(defaultPrivileges);
        aggregates = Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
        partitioning = Collections.unmodifiableMap(new LinkedHashMap<>(partitioning));
        materializedViews = Collections.unmodifiableMap(new LinkedHashMap<>(materializedViews));
        viewDependencies = List.copyOf(viewDependencies);
        relationOptions = Collections.unmodifiableMap(new LinkedHashMap<>(relationOptions));
        lineage = Collections.unmodifiableMap(new LinkedHashMap<>(lineage));
        externals = externals == null ? ExternalObjects.NONE : externals;
        collations = Collections.unmodifiableMap(new LinkedHashMap<>(collations));
        rangeTypes = Collections.unmodifiableMap(new LinkedHashMap<>(rangeTypes));
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        relationTriggers = Collections.unmodifiableMap(new LinkedHashMap<>(relationTriggers));
        indexDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(indexDefinitions));
        indexParts = Collections.unmodifiableMap(new LinkedHashMap<>(indexParts));
        triggerParts = Collections.unmodifiableMap(new LinkedHashMap<>(triggerParts));
        foreignPartitions = Collections.unmodifiableMap(new LinkedHashMap<>(foreignPartitions));
        owners = Collections.unmodifiableMap(new LinkedHashMap<>(owners));
        notNullNames = Collections.unmodifiableMap(new LinkedHashMap<>(notNullNames));
        operators = operators == null ? OperatorObjects.NONE : operators;
        textSearch = textSearch == null ? TextSearch.NONE : textSearch;
        conversions = Collections.unmodifiableMap(new LinkedHashMap<>(conversions));
        securityLabels = securityLabels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(securityLabels));
    }

    /** A builder holding nothing (no schema, no object), to fill kind by kind. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's objects, to change some kinds and build another snapshot. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemas = new TreeSet<>(schemas);
        b.tables = new LinkedHashMap<>(tables);
        b.indexes = new LinkedHashMap<>(indexes);
        b.enums = new LinkedHashMap<>(enums);
        b.views = new LinkedHashMap<>(views);
        b.functions = new LinkedHashMap<>(functions);
        b.extensions = new LinkedHashMap<>(extensions);
        b.domains = new LinkedHashMap<>(domains);
        b.grants = new LinkedHashMap<>(grants);
        b.defaultPrivileges = new LinkedHashMap<>(defaultPrivileges);
        b.aggregates = new LinkedHashMap<>(aggregates);
        b.composites = new LinkedHashMap<>(composites);
        b.sequences = new LinkedHashMap<>(sequences);
        b.comments = new LinkedHashMap<>(comments);
        b.partitioning = new LinkedHashMap<>(partitioning);
        b.materializedViews = new LinkedHashMap<>(materializedViews);
        b.viewDependencies = new ArrayList<>(viewDependencies);
        b.relationOptions = new LinkedHashMap<>(relationOptions);
        b.lineage = new LinkedHashMap<>(lineage);
        b.externals = externals;
        b.collations = new LinkedHashMap<>(collations);
        b.rangeTypes = new LinkedHashMap<>(rangeTypes);
        b.statistics = new LinkedHashMap<>(statistics);
        b.rules = new LinkedHashMap<>(rules);
        b.relationTriggers = new LinkedHashMap<>(relationTriggers);
        b.indexDefinitions = new LinkedHashMap<>(indexDefinitions);
        b.indexParts = new LinkedHashMap<>(indexParts);
        b.triggerParts = new LinkedHashMap<>(triggerParts);
        b.foreignPartitions = new LinkedHashMap<>(foreignPartitions);
        b.owners = new LinkedHashMap<>(owners);
        b.notNullNames = new LinkedHashMap<>(notNullNames);
        b.notNullNamesKept = notNullNamesKept;
        b.operators = operators;
        b.textSearch = textSearch;
        b.conversions = new LinkedHashMap<>(conversions);
        b.securityLabels = new LinkedHashMap<>(securityLabels);
        return b;
    }

    /**
     * The one way to make a snapshot besides the canonical constructor: every kind starts empty, a setter
     * replaces one kind, a getter hands out the builder's own mutable collection (for adding entries). A new
     * kind is a record component here plus its field, its pair of methods and its place in {@link #build()}
     * and {@link #toBuilder()}; no caller changes.
     */
    public static final class Builder {
        private Set<String> schemas = new TreeSet<>();
        private Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        private Map<QualifiedName, Index> indexes = new LinkedHashMap<>();
        private Map<QualifiedName, List<String>> enums = new LinkedHashMap<>();
        private Map<QualifiedName, String> views = new LinkedHashMap<>();
        private Map<String, Function> functions = new LinkedHashMap<>();
        private Map<String, Extension> extensions = new LinkedHashMap<>();
        private Map<QualifiedName, Domain> domains = new LinkedHashMap<>();
        private Map<GrantTarget, Set<Grant>> grants = new LinkedHashMap<>();
        private Map<DefaultTarget, Set<Grant>> defaultPrivileges = new LinkedHashMap<>();
        private Map<String, Function> aggregates = new LinkedHashMap<>();
        private Map<QualifiedName, CompositeType> composites = new LinkedHashMap<>();
        private Map<QualifiedName, Sequence> sequences = new LinkedHashMap<>();
        private Map<CommentTarget, String> comments = new LinkedHashMap<>();
        private Map<QualifiedName, Partitioning> partitioning = new LinkedHashMap<>();
        private Map<QualifiedName, MaterializedView> materializedViews = new LinkedHashMap<>();
        private List<ViewDependency> viewDependencies = new ArrayList<>();
        private Map<QualifiedName, RelationOptions> relationOptions = new LinkedHashMap<>();
        private Map<QualifiedName, TableLineage> lineage = new LinkedHashMap<>();
        private ExternalObjects externals = ExternalObjects.NONE;
        private Map<QualifiedName, Collation> collations = new LinkedHashMap<>();
        private Map<QualifiedName, RangeType> rangeTypes = new LinkedHashMap<>();
        private Map<QualifiedName, Statistics> statistics = new LinkedHashMap<>();
        private Map<String, Rule> rules = new LinkedHashMap<>();
        private Map<QualifiedName, List<Table.Trigger>> relationTriggers = new LinkedHashMap<>();
        private Map<QualifiedName, String> indexDefinitions = new LinkedHashMap<>();
        private Map<QualifiedName, IndexParts> indexParts = new LinkedHashMap<>();
        private Map<TriggerParts.Key, TriggerParts> triggerParts = new LinkedHashMap<>();
        private Map<QualifiedName, Partitioning> foreignPartitions = new LinkedHashMap<>();
        private Map<OwnerTarget, String> owners = new LinkedHashMap<>();
        private Map<NotNullNames.Key, String> notNullNames = new LinkedHashMap<>();
        private boolean notNullNamesKept = true;
        private OperatorObjects operators = OperatorObjects.NONE;
        private TextSearch textSearch = TextSearch.NONE;
        private Map<QualifiedName, Conversion> conversions = new LinkedHashMap<>();
        private Map<SecurityLabelTarget, String> securityLabels = new LinkedHashMap<>();

        private Builder() {
        }

        public Set<String> schemas() { return schemas; }

        public Builder schemas(Set<String> schemas) { this.schemas = new TreeSet<>(schemas); return this; }

        public Map<QualifiedName, Table> tables() { return tables; }

        public Builder tables(Map<QualifiedName, Table> tables) { this.tables = new LinkedHashMap<>(tables); return this; }

        public Map<QualifiedName, Index> indexes() { return indexes; }

        public Builder indexes(Map<QualifiedName, Index> indexes) { this.indexes = new LinkedHashMap<>(indexes); return this; }

        public Map<QualifiedName, List<String>> enums() { return enums; }

        public Builder enums(Map<QualifiedName, List<String>> enums) { this.enums = new LinkedHashMap<>(enums); return this; }

        public Map<QualifiedName, String> views() { return views; }

        public Builder views(Map<QualifiedName, String> views) { this.views = new LinkedHashMap<>(views); return this; }

        public Map<String, Function> functions() { return functions; }

        public Builder functions(Map<String, Function> functions) { this.functions = new LinkedHashMap<>(functions); return this; }

        public Map<String, Extension> extensions() { return extensions; }

        public Builder extensions(Map<String, Extension> extensions) { this.extensions = new LinkedHashMap<>(extensions); return this; }

        public Map<QualifiedName, Domain> domains() { return domains; }

        public Builder domains(Map<QualifiedName, Domain> domains) { this.domains = new LinkedHashMap<>(domains); return this; }

        public Map<GrantTarget, Set<Grant>> grants() { return grants; }

        public Builder grants(Map<GrantTarget, Set<Grant>> grants) { this.grants = new LinkedHashMap<>(grants); return this; }

        public Map<DefaultTarget, Set<Grant>> defaultPrivileges() { return defaultPrivileges; }

        public Builder defaultPrivileges(Map<DefaultTarget, Set<Grant>> defaultPrivileges) { this.defaultPrivileges = new LinkedHashMap<>(defaultPrivileges); return this; }

        public Map<String, Function> aggregates() { return aggregates; }

        public Builder aggregates(Map<String, Function> aggregates) { this.aggregates = new LinkedHashMap<>(aggregates); return this; }

        public Map<QualifiedName, CompositeType> composites() { return composites; }

        public Builder composites(Map<QualifiedName, CompositeType> composites) { this.composites = new LinkedHashMap<>(composites); return this; }

        public Map<QualifiedName, Sequence> sequences() { return sequences; }

        public Builder sequences(Map<QualifiedName, Sequence> sequences) { this.sequences = new LinkedHashMap<>(sequences); return this; }

        public Map<CommentTarget, String> comments() { return comments; }

        public Builder comments(Map<CommentTarget, String> comments) { this.comments = new LinkedHashMap<>(comments); return this; }

        public Map<QualifiedName, Partitioning> partitioning() { return partitioning; }

        public Builder partitioning(Map<QualifiedName, Partitioning> partitioning) { this.partitioning = new LinkedHashMap<>(partitioning); return this; }

        public Map<QualifiedName, MaterializedView> materializedViews() { return materializedViews; }

        public Builder materializedViews(Map<QualifiedName, MaterializedView> materializedViews) { this.materializedViews = new LinkedHashMap<>(materializedViews); return this; }

        public List<ViewDependency> viewDependencies() { return viewDependencies; }

        public Builder viewDependencies(List<ViewDependency> viewDependencies) { this.viewDependencies = new ArrayList<>(viewDependencies); return this; }

        public Map<QualifiedName, RelationOptions> relationOptions() { return relationOptions; }

        public Builder relationOptions(Map<QualifiedName, RelationOptions> relationOptions) { this.relationOptions = new LinkedHashMap<>(relationOptions); return this; }

        public Map<QualifiedName, TableLineage> lineage() { return lineage; }

        public Builder lineage(Map<QualifiedName, TableLineage> lineage) { this.lineage = new LinkedHashMap<>(lineage); return this; }

        public ExternalObjects externals() { return externals; }

        public Builder externals(ExternalObjects externals) { this.externals = externals; return this; }

        public Map<QualifiedName, Collation> collations() { return collations; }

        public Builder collations(Map<QualifiedName, Collation> collations) { this.collations = new LinkedHashMap<>(collations); return this; }

        public Map<QualifiedName, RangeType> rangeTypes() { return rangeTypes; }

        public Builder rangeTypes(Map<QualifiedName, RangeType> rangeTypes) { this.rangeTypes = new LinkedHashMap<>(rangeTypes); return this; }

        public Map<QualifiedName, Statistics> statistics() { return statistics; }

        public Builder statistics(Map<QualifiedName, Statistics> statistics) { this.statistics = new LinkedHashMap<>(statistics); return this; }

        public Map<String, Rule> rules() { return rules; }

        public Builder rules(Map<String, Rule> rules) { this.rules = new LinkedHashMap<>(rules); return this; }

        public Map<QualifiedName, List<Table.Trigger>> relationTriggers() { return relationTriggers; }
        public Builder relationTriggers(Map<QualifiedName, List<Table.Trigger>> relationTriggers) { this.relationTriggers = new LinkedHashMap<>(relationTriggers); return this; }

        public Map<QualifiedName, String> indexDefinitions() { return indexDefinitions; }
        public Builder indexDefinitions(Map<QualifiedName, String> indexDefinitions) { this.indexDefinitions = new LinkedHashMap<>(indexDefinitions); return this; }

        public Map<QualifiedName, IndexParts> indexParts() { return indexParts; }
        public Builder indexParts(Map<QualifiedName, IndexParts> indexParts) { this.indexParts = new LinkedHashMap<>(indexParts); return this; }
        public Map<TriggerParts.Key, TriggerParts> triggerParts() { return triggerParts; }
        public Builder triggerParts(Map<TriggerParts.Key, TriggerParts> triggerParts) { this.triggerParts = new LinkedHashMap<>(triggerParts); return this; }

        public Map<QualifiedName, Partitioning> foreignPartitions() { return foreignPartitions; }
        public Builder foreignPartitions(Map<QualifiedName, Partitioning> foreignPartitions) { this.foreignPartitions = new LinkedHashMap<>(foreignPartitions); return this; }
        public Map<OwnerTarget, String> owners() { return owners; }
        public Builder owners(Map<OwnerTarget, String> owners) { this.owners = new LinkedHashMap<>(owners); return this; }

        public Map<NotNullNames.Key, String> notNullNames() { return notNullNames; }
        public Builder notNullNames(Map<NotNullNames.Key, String> notNullNames) { this.notNullNames = new LinkedHashMap<>(notNullNames); return this; }
        public boolean notNullNamesKept() { return notNullNamesKept; }
        public Builder notNullNamesKept(boolean kept) { this.notNullNamesKept = kept; return this; }
        public OperatorObjects operators() { return operators; }
        public Builder operators(OperatorObjects operators) { this.operators = operators; return this; }

        public TextSearch textSearch() { return textSearch; }
        public Builder textSearch(TextSearch textSearch) { this.textSearch = textSearch; return this; }
        public Map<QualifiedName, Conversion> conversions() { return conversions; }
        public Builder conversions(Map<QualifiedName, Conversion> conversions) { this.conversions = new LinkedHashMap<>(conversions); return this; }
        public Map<SecurityLabelTarget, String> securityLabels() { return securityLabels; }
        public Builder securityLabels(Map<SecurityLabelTarget, String> securityLabels) { this.securityLabels = new LinkedHashMap<>(securityLabels); return this; }

        public Catalog build() {
            return new Catalog(schemas, tables, indexes, enums, views, functions, extensions, domains, grants, defaultPrivileges,
                    aggregates, composites, sequences, comments, partitioning, materializedViews, viewDependencies, relationOptions,
                    lineage, externals, collations, rangeTypes, statistics, rules, relationTriggers,
                    indexDefinitions, indexParts, triggerParts, foreignPartitions, owners, notNullNames,
                    notNullNamesKept, operators, textSearch, conversions, securityLabels);
        }
    }

    private static <K> Map<K, Set<Grant>> copyOfSets(Map<K, Set<Grant>> map) {
        Map<K, Set<Grant>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, Grant.sorted(v)));
        return Collections.unmodifiableMap(copy);
    }
}
