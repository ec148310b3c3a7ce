package schemasync.catalog;

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
 * the CREATE AGGREGATE option list rebuilt from pg_aggregate.
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
                      Map<QualifiedName, Statistics> statistics, Map<String, Rule> rules) {

    /** A snapshot without extended statistics or rules. */
    public Catalog(Set<String> schemas, Map<QualifiedName, Table> tables, Map<QualifiedName, Index> indexes,
                   Map<QualifiedName, List<String>> enums, Map<QualifiedName, String> views,
                   Map<String, Function> functions, Map<String, Extension> extensions,
                   Map<QualifiedName, Domain> domains,
                   Map<GrantTarget, Set<Grant>> grants, Map<DefaultTarget, Set<Grant>> defaultPrivileges,
                   Map<String, Function> aggregates, Map<QualifiedName, CompositeType> composites,
                   Map<QualifiedName, Sequence> sequences, Map<CommentTarget, String> comments,
                   Map<QualifiedName, Partitioning> partitioning, Map<QualifiedName, MaterializedView> materializedViews,
                   List<ViewDependency> viewDependencies, Map<QualifiedName, RelationOptions> relationOptions,
                   Map<QualifiedName, TableLineage> lineage, ExternalObjects externals,
                   Map<QualifiedName, Collation> collations, Map<QualifiedName, RangeType> rangeTypes) {
        this(schemas, tables, indexes, enums, views, functions, extensions, domains, grants, defaultPrivileges, aggregates,
                composites, sequences, comments, partitioning, materializedViews, viewDependencies, relationOptions, lineage,
                externals, collations, rangeTypes, Map.of(), Map.of());
    }

    /** A snapshot without inheritance, typed tables, foreign servers, user mappings, foreign tables, publications, event triggers, collations or range types. */
    public Catalog(Set<String> schemas, Map<QualifiedName, Table> tables, Map<QualifiedName, Index> indexes,
                   Map<QualifiedName, List<String>> enums, Map<QualifiedName, String> views,
                   Map<String, Function> functions, Map<String, Extension> extensions,
                   Map<QualifiedName, Domain> domains,
                   Map<GrantTarget, Set<Grant>> grants, Map<DefaultTarget, Set<Grant>> defaultPrivileges,
                   Map<String, Function> aggregates, Map<QualifiedName, CompositeType> composites,
                   Map<QualifiedName, Sequence> sequences, Map<CommentTarget, String> comments,
                   Map<QualifiedName, Partitioning> partitioning, Map<QualifiedName, MaterializedView> materializedViews,
                   List<ViewDependency> viewDependencies, Map<QualifiedName, RelationOptions> relationOptions) {
        this(schemas, tables, indexes, enums, views, functions, extensions, domains, grants, defaultPrivileges, aggregates,
                composites, sequences, comments, partitioning, materializedViews, viewDependencies, relationOptions, Map.of(),
                ExternalObjects.NONE, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The parents and type of a table ({@link TableLineage}; null when it has neither). */
    public TableLineage lineageOf(QualifiedName table) {
        return lineage.get(table);
    }

    /** The same snapshot with these foreign servers, user mappings, foreign tables, publications and event triggers. */
    public Catalog withExternals(ExternalObjects newExternals) {
        return new Catalog(schemas, tables, indexes, enums, views, functions, extensions, domains, grants,
                defaultPrivileges, aggregates, composites, sequences, comments, partitioning, materializedViews,
                viewDependencies, relationOptions, lineage, newExternals, collations, rangeTypes, statistics, rules);
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
        return new Catalog(schemas, newTables, indexes, enums, views, functions, extensions, domains, grants,
                defaultPrivileges, aggregates, composites, sequences, comments, partitioning, materializedViews,
                viewDependencies, relationOptions, lineage, externals, collations, rangeTypes, statistics, rules);
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

    /**
     * A function or procedure, keyed by its signature {@code schema.name(identity arguments)} (the
     * overload), with {@code pg_get_functiondef}'s whole CREATE OR REPLACE text.
     */
    public record Function(QualifiedName name, String arguments, String definition) {
        public String signature() {
            return name + "(" + arguments + ")";
        }
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
    }

    private static <K> Map<K, Set<Grant>> copyOfSets(Map<K, Set<Grant>> map) {
        Map<K, Set<Grant>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, Grant.sorted(v)));
        return Collections.unmodifiableMap(copy);
    }
}
