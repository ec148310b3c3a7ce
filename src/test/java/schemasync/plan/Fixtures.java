package schemasync.plan;

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

    /** The live side: a snapshot as CatalogReader would return it. */
    static final class CatalogBuilder {
        final Set<String> schemas = new HashSet<>(Set.of("public"));
        final Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        final Map<QualifiedName, Index> indexes = new LinkedHashMap<>();
        final Map<QualifiedName, List<String>> enums = new LinkedHashMap<>();
        final Map<QualifiedName, String> views = new LinkedHashMap<>();
        final Map<String, Catalog.Function> functions = new LinkedHashMap<>();
        final Map<QualifiedName, Catalog.Partitioning> partitioning = new LinkedHashMap<>();

        CatalogBuilder table(Table table) {
            tables.put(table.name(), table);
            return this;
        }

        CatalogBuilder index(String name, String table, boolean unique, String definition) {
            indexes.put(q(name), new Index(q(name), q(table), unique, "btree", definition, true, false));
            return this;
        }

        CatalogBuilder enumType(String name, String... labels) {
            enums.put(q(name), List.of(labels));
            return this;
        }

        CatalogBuilder view(String name, String definition) {
            views.put(q(name), definition);
            return this;
        }

        CatalogBuilder partitioned(String table, String key) {
            partitioning.put(q(table), new Catalog.Partitioning(key, null, null));
            return this;
        }

        Catalog build() {
            return new Catalog(schemas, tables, indexes, enums, views, functions, Map.of(), Map.of(), Map.of(), Map.of(),
                    Map.of(), Map.of(), Map.of(), Map.of(), partitioning, Map.of(), List.of());
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
            DeclaredShapes.Functions none = new DeclaredShapes.Functions(Map.of(), Map.of(), Map.of());
            return new DeclaredShapes(columns, indexes, Set.of(), checks, views, Map.of(),
                    new DeclaredShapes.Functions(functionKeys, functionDefinitions, Map.of()), triggers, policies,
                    new DeclaredShapes.Types(domains, Map.of(), sequences, Map.of()),
                    new DeclaredShapes.Access("app", Map.of(), none),
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
