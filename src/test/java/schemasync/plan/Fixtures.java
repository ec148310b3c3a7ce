package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/**
 * Catalogs and normalized declarations written in Java, for planner tests that need no server. The
 * declared side is given as the normalizer would hand it over (PostgreSQL's own spelling); that
 * PostgreSQL really spells it so is NormalizationTest's job, against a server.
 */
final class Fixtures {
    private Fixtures() {
    }

    static QualifiedName q(String name) {
        return QualifiedName.parse(name);
    }

    static Column column(String name, String type) {
        return new Column(name, type, false, null, Column.Identity.NONE, null);
    }

    static Column notNull(String name, String type) {
        return new Column(name, type, true, null, Column.Identity.NONE, null);
    }

    /** An ordinary table with {@code rows} rows over {@code pages} pages (as the last ANALYZE saw them). */
    static Table table(String name, long rows, long pages, Column... columns) {
        return new Table(q(name), List.of(columns), null, null, rows, false, List.of(), List.of(), Table.RowSecurity.OFF,
                List.of(), Set.of(), pages);
    }

    static Constraint check(String name, String definition, boolean validated) {
        return new Constraint(name, Constraint.Kind.CHECK, List.of(), definition, null, false, validated, definition);
    }

    /** A CHECK as the catalog reader reads it: with the columns its expression mentions (conkey). */
    static Constraint check(String name, String definition, boolean validated, String... columns) {
        return new Constraint(name, Constraint.Kind.CHECK, List.of(columns), definition, null, false, validated, definition);
    }

    /** The live side: a snapshot as CatalogReader would return it. */
    static final class CatalogBuilder {
        /** What the tests add goes straight into the catalog's own builder; kinds without a method here stay empty. */
        private final Catalog.Builder catalog = Catalog.builder().schemas(Set.of("public"));

        CatalogBuilder schema(String name) {
            catalog.schemas().add(name);
            return this;
        }

        CatalogBuilder function(String name, String arguments, String definition) {
            catalog.functions().put(name + "(" + arguments + ")", new Catalog.Function(q(name), arguments, definition));
            return this;
        }

        CatalogBuilder aggregate(String name, String arguments, String definition) {
            catalog.aggregates().put(name + "(" + arguments + ")", new Catalog.Function(q(name), arguments, definition));
            return this;
        }

        CatalogBuilder extension(String name, String schema, String version) {
            catalog.extensions().put(name, new Catalog.Extension(name, schema, version));
            return this;
        }

        CatalogBuilder domain(schemasync.catalog.Domain domain) {
            catalog.domains().put(domain.name(), domain);
            return this;
        }

        CatalogBuilder composite(schemasync.catalog.CompositeType type) {
            catalog.composites().put(type.name(), type);
            return this;
        }


        CatalogBuilder collation(schemasync.catalog.Collation collation) {
            catalog.collations().put(collation.name(), collation);
            return this;
        }

        CatalogBuilder rangeType(schemasync.catalog.RangeType range) {
            catalog.rangeTypes().put(range.name(), range);
            return this;
        }


        /** The storage parameters, persistence or CLUSTER ON mark of a table or index. */
        CatalogBuilder options(String relation, schemasync.catalog.RelationOptions options) {
            catalog.relationOptions().put(q(relation), options);
            return this;
        }

        /** The parents (INHERITS) and type (OF) of a table. */
        CatalogBuilder lineage(String table, schemasync.catalog.TableLineage tableLineage) {
            catalog.lineage().put(q(table), tableLineage);
            return this;
        }

        CatalogBuilder externals(schemasync.catalog.ExternalObjects external) {
            catalog.externals(external);
            return this;
        }

        CatalogBuilder sequence(schemasync.catalog.Sequence sequence) {
            catalog.sequences().put(sequence.name(), sequence);
            return this;
        }

        CatalogBuilder grants(schemasync.catalog.GrantTarget target, schemasync.catalog.Grant... held) {
            catalog.grants().put(target, Set.of(held));
            return this;
        }

        CatalogBuilder defaultPrivileges(schemasync.catalog.DefaultTarget target, schemasync.catalog.Grant... held) {
            catalog.defaultPrivileges().put(target, Set.of(held));
            return this;
        }

        CatalogBuilder comment(schemasync.catalog.CommentTarget target, String text) {
            catalog.comments().put(target, text);
            return this;
        }

        CatalogBuilder materializedView(String name, String definition, boolean populated) {
            catalog.materializedViews().put(q(name), new Catalog.MaterializedView(q(name), definition, populated, List.of()));
            return this;
        }

        CatalogBuilder table(Table table) {
            catalog.tables().put(table.name(), table);
            return this;
        }

        CatalogBuilder index(String name, String table, boolean unique, String definition) {
            catalog.indexes().put(q(name), new Index(q(name), q(table), unique, "btree", definition, true, false));
            return this;
        }

        CatalogBuilder enumType(String name, String... labels) {
            catalog.enums().put(q(name), List.of(labels));
            return this;
        }

        CatalogBuilder view(String name, String definition) {
            catalog.views().put(q(name), definition);
            return this;
        }

        CatalogBuilder partitioned(String table, String key) {
            catalog.partitioning().put(q(table), new Catalog.Partitioning(key, null, null));
            return this;
        }

        CatalogBuilder partitionOf(String partition, String parent, String bound) {
            catalog.partitioning().put(q(partition), new Catalog.Partitioning(null, q(parent), bound));
            Table t = catalog.tables().get(q(partition));
            catalog.tables().put(q(partition), new Table(t.name(), t.columns(), t.primaryKey(), t.comment(), t.estimatedRows(), true,
                    t.constraints(), t.triggers(), t.rowSecurity(), t.policies(), t.grants(), t.pages()));
            return this;
        }

        CatalogBuilder statistics(schemasync.catalog.Statistics statistics) {
            catalog.statistics().put(statistics.name(), statistics);
            return this;
        }

        CatalogBuilder rule(schemasync.catalog.Rule rule) {
            catalog.rules().put(rule.key(), rule);
            return this;
        }

        Catalog build() {
            return catalog.build();
        }
    }

    static CatalogBuilder catalog() {
        return new CatalogBuilder();
    }

    /** The declared side as Normalizer would return it: each declared object in the catalog's spelling. */
    static final class ShapesBuilder {
        final Map<QualifiedName, Map<String, Column>> columns = new HashMap<>();
        final Map<QualifiedName, String> indexes = new HashMap<>();
        final Map<QualifiedName, Map<String, String>> checks = new HashMap<>();
        final Map<QualifiedName, String> views = new HashMap<>();
        final Map<QualifiedName, Map<String, String>> triggers = new HashMap<>();
        final Map<QualifiedName, Map<String, Table.Policy>> policies = new HashMap<>();
        final Map<String, String> functionKeys = new HashMap<>();
        final Map<String, String> functionDefinitions = new HashMap<>();
        final Map<QualifiedName, schemasync.catalog.Sequence> sequences = new HashMap<>();
        final Map<QualifiedName, schemasync.catalog.Domain> domains = new HashMap<>();
        final Map<QualifiedName, String> partitionBounds = new HashMap<>();
        final Map<QualifiedName, String> partitionKeys = new HashMap<>();
        final Map<QualifiedName, String> materializedViews = new HashMap<>();
        final Map<QualifiedName, schemasync.catalog.CompositeType> composites = new HashMap<>();
        final Map<String, String> routineArguments = new HashMap<>();
        final Map<String, String> routineKeys = new HashMap<>();
        final Map<String, String> aggregateKeys = new HashMap<>();
        final Map<String, String> aggregateDefinitions = new HashMap<>();
        final Set<DeclaredShapes.ColumnRef> rewritingAdds = new HashSet<>();

        final Map<QualifiedName, schemasync.catalog.Collation> collations = new HashMap<>();
        final Map<QualifiedName, schemasync.catalog.RangeType> rangeTypes = new HashMap<>();

        ShapesBuilder collation(schemasync.catalog.Collation collation) {
            collations.put(collation.name(), collation);
            return this;
        }

        ShapesBuilder rangeType(schemasync.catalog.RangeType range) {
            rangeTypes.put(range.name(), range);
            return this;
        }

        ShapesBuilder composite(schemasync.catalog.CompositeType type) {
            composites.put(type.name(), type);
            return this;
        }

        /** An existing routine a comment or grant names, by declared signature: its catalog key. */
        ShapesBuilder routine(String declaredSignature, String catalogKey) {
            routineKeys.put(declaredSignature, catalogKey);
            int open = catalogKey.indexOf('(');
            routineArguments.put(declaredSignature, catalogKey.substring(open + 1, catalogKey.length() - 1));
            return this;
        }

        ShapesBuilder aggregate(String signature, String key, String definition) {
            aggregateKeys.put(signature, key);
            aggregateDefinitions.put(signature, definition);
            return this;
        }

        ShapesBuilder materializedView(String name, String definition) {
            materializedViews.put(q(name), definition);
            return this;
        }

        /** An ADD COLUMN that would rewrite the table (a volatile default). */
        ShapesBuilder rewritingAdd(String table, String column) {
            rewritingAdds.add(new DeclaredShapes.ColumnRef(q(table), column));
            return this;
        }

        ShapesBuilder columns(String table, Column... declared) {
            Map<String, Column> byName = columns.computeIfAbsent(q(table), k -> new LinkedHashMap<>());
            for (Column c : declared) byName.put(c.name(), c);
            return this;
        }

        ShapesBuilder index(String name, String definition) {
            indexes.put(q(name), definition);
            return this;
        }

        ShapesBuilder check(String table, String name, String definition) {
            checks.computeIfAbsent(q(table), k -> new HashMap<>()).put(name, definition);
            return this;
        }

        ShapesBuilder view(String name, String definition) {
            views.put(q(name), definition);
            return this;
        }

        ShapesBuilder trigger(String table, String name, String definition) {
            triggers.computeIfAbsent(q(table), k -> new HashMap<>()).put(name, definition);
            return this;
        }

        ShapesBuilder policy(String table, Table.Policy policy) {
            policies.computeIfAbsent(q(table), k -> new HashMap<>()).put(policy.name(), policy);
            return this;
        }

        ShapesBuilder function(String signature, String key, String definition) {
            functionKeys.put(signature, key);
            functionDefinitions.put(signature, definition);
            return this;
        }

        ShapesBuilder sequence(schemasync.catalog.Sequence sequence) {
            sequences.put(sequence.name(), sequence);
            return this;
        }

        ShapesBuilder domain(schemasync.catalog.Domain domain) {
            domains.put(domain.name(), domain);
            return this;
        }

        ShapesBuilder partition(String name, String bound) {
            partitionBounds.put(q(name), bound);
            return this;
        }

        ShapesBuilder partitionKey(String table, String key) {
            partitionKeys.put(q(table), key);
            return this;
        }

        DeclaredShapes build() {
            return new DeclaredShapes(columns, indexes, rewritingAdds, checks, views, Map.of(),
                    new DeclaredShapes.Functions(functionKeys, functionDefinitions, Map.of()), triggers, policies,
                    new DeclaredShapes.Types(domains, composites, sequences, routineArguments,
                            new DeclaredShapes.Kinds(collations, rangeTypes)),
                    new DeclaredShapes.Access("app", routineKeys, new DeclaredShapes.Functions(aggregateKeys, aggregateDefinitions, Map.of())),
                    new DeclaredShapes.Relations(partitionKeys, partitionBounds, materializedViews, Map.of()));
        }
    }

    static ShapesBuilder shapes() {
        return new ShapesBuilder();
    }

    /** Every line of a plan as "status kind object", in plan order: what drift and skips a case expects. */
    static List<String> items(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanItem i : plan.items()) out.add(i.status().name().toLowerCase(java.util.Locale.ROOT) + " " + i.kind() + " " + i.object());
        return out;
    }
}
