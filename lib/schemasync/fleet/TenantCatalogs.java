package schemasync.fleet;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import schemasync.catalog.Catalog;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.Fingerprint;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.CatalogVersion;

/**
 * The catalogs of all tenants of a database, read in one pass (the catalog reader's constant number
 * of set-based queries, for every tenant schema at once), and a fingerprint of each tenant's part
 * with its own schema name replaced by the placeholder. Tenants with the same fingerprint look the
 * same to the planner (the shared schemas are the same snapshot for all of them), so they share one
 * plan: a fleet of identical tenants costs one plan, not one per tenant.
 *
 * <p>Not shared (null): when a block has a custom step, whose guard asks the tenant's data, not its
 * catalog. Table statistics (reltuples) are left out, as in a reviewed plan's fingerprint.
 */
public final class TenantCatalogs {
    private TenantCatalogs() {
    }

    /** Record accessors by class: looked up once, not for each of thousands of catalog entries. */
    private static final ClassValue<java.lang.reflect.Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    /**
     * One snapshot of a database's tenants: each tenant's fingerprint (its part of the catalog, own name replaced by
     * the placeholder), the fingerprint of what they share (the shared schemas and the database-wide entries),
     * the tenants whose schema holds nothing yet (fresh), and the catalog version read in the same snapshot.
     * Empty (no fingerprints) when tenants cannot share plans.
     */
    public record Snapshot(Map<String, String> tenants, String shared, Set<String> fresh, String version, boolean unchanged) {
        public Snapshot {
            tenants = Map.copyOf(tenants);
            fresh = Set.copyOf(fresh);
        }

        static final Snapshot NONE = new Snapshot(Map.of(), null, Set.of(), null, false);
    }

    /** The fingerprint of a tenant's part and of the shared part of one catalog. */
    public record Slices(Map<String, String> tenants, String shared, Set<String> fresh) {
    }

    /** Whether tenants' plans may be shared: a custom step's guard asks the tenant's data, not its catalog. */
    public static boolean shareable(DeclaredSchema declared) {
        return declared.declarations().stream().noneMatch(d -> d instanceof Declaration.CustomStepDecl);
    }

    /** The schemas read for {@code tenants}: theirs and the shared ones the blocks declare in. */
    public static Set<String> schemas(DeclaredSchema declared, String placeholder, Collection<String> tenants) {
        Set<String> schemas = new TreeSet<>(tenants);
        for (String s : declared.managedSchemas()) if (!s.equals(placeholder)) schemas.add(s);
        return schemas;
    }

    /**
     * Reads the catalog of all {@code tenants} (and the shared schemas) in one REPEATABLE READ, READ ONLY
     * transaction, with the catalog version of the same snapshot; when {@code unchanged} says that version is the
     * one a fleet run recorded ({@link FleetFastPath}), the catalog is not read at all ({@link Snapshot#unchanged()}).
     */
    public static Snapshot read(Connection connection, DeclaredSchema declared, String placeholder,
                                Collection<String> tenants, Predicate<String> unchanged) throws SQLException {
        if (tenants.isEmpty() || !shareable(declared)) return Snapshot.NONE;
        Set<String> schemas = schemas(declared, placeholder, tenants);
        long start = System.nanoTime();
        Catalog catalog;
        String version;
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            version = CatalogVersion.read(connection, schemas).rows();
            if (unchanged.test(version)) return new Snapshot(Map.of(), null, Set.of(), version, true);
            catalog = CatalogReader.read(connection, schemas);
        } finally {
            if (!connection.isClosed()) connection.rollback();
        }
        long read = System.nanoTime();
        Slices slices = slices(catalog, Set.copyOf(tenants), sharedSchemas(declared, placeholder), placeholder);
        if (System.getenv("SCHEMA_SYNC_TIMINGS") != null) {
            System.err.printf("timings: fleet catalog read of %d tenant(s), %d table(s): %d ms, fingerprints %d ms%n", tenants.size(),
                    catalog.tables().size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        }
        return new Snapshot(slices.tenants(), slices.shared(), slices.fresh(), version, false);
    }

    /** The schemas the blocks declare in besides the placeholder: the same objects for every tenant. */
    public static Set<String> sharedSchemas(DeclaredSchema declared, String placeholder) {
        Set<String> shared = new TreeSet<>(declared.managedSchemas());
        shared.remove(placeholder);
        return shared;
    }

    /**
     * Each tenant's part (its own name replaced by the placeholder) and the shared part: entries of the shared
     * schemas and those of no schema (extensions and other database-wide entries), which every tenant's plan sees.
     */
    public static Slices slices(Catalog catalog, Set<String> tenants, Set<String> shared, String placeholder) {
        Map<String, List<String>> parts = new HashMap<>();
        for (String t : tenants) parts.put(t, new ArrayList<>());
        List<String> common = new ArrayList<>();
        for (String s : shared) {
            common.add((catalog.schemas().contains(s) ? "shared schema " : "no shared schema ") + s);
            parts.put(s, common);
        }
        parts.put(null, common);
        for (RecordComponent component : Catalog.class.getRecordComponents()) {
            if (component.getName().equals("schemas")) continue;
            Object value;
            try {
                value = component.getAccessor().invoke(catalog);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String label = component.getName();
            if (value instanceof Map<?, ?> map) {
                addEntries(parts, tenants, label, map);
            } else if (value instanceof List<?> list) {
                for (Object o : list) add(parts, schemaOf(o), label, o, "");
            } else if (value instanceof Record kinds) {
                // A family of kinds kept together (externals, operators and casts, text search): a map per kind.
                for (java.lang.reflect.Method accessor : ACCESSORS.get(kinds.getClass())) {
                    if (invoke(accessor, kinds) instanceof Map<?, ?> map) addEntries(parts, tenants, label + "." + accessor.getName(), map);
                }
            }
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        Set<String> fresh = new TreeSet<>();
        for (String t : tenants) {
            List<String> entries = parts.get(t);
            if (entries.isEmpty()) fresh.add(t);
            String head = catalog.schemas().contains(t)
                    ? "schema exists, owned by " + catalog.owners().get(OwnerTarget.schema(t)) + "\n" : "no schema\n";
            fingerprints.put(t, Fingerprint.of(withoutOwnName(head + sorted(entries), t, placeholder)));
        }
        return new Slices(fingerprints, Fingerprint.of(sorted(common)), fresh);
    }

    private static void addEntries(Map<String, List<String>> parts, Set<String> tenants, String label, Map<?, ?> map) {
        map.forEach((k, v) -> {
            // A tenant schema's own owner goes in its head line: it says who owns the schema, not what the schema
            // holds (a fresh schema has an owner too), and it names the tenant bare.
            if (k instanceof OwnerTarget o && o.kind() == OwnerTarget.Kind.SCHEMA && tenants.contains(o.name().name())) return;
            add(parts, schemaOf(k), label, k, v instanceof Table t ? t.withoutStatistics() : v);
        });
    }

    private static Object invoke(java.lang.reflect.Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entries in a canonical order: the catalog's maps need not iterate alike for a large and a small catalog. */
    private static String sorted(List<String> entries) {
        List<String> copy = new ArrayList<>(entries);
        java.util.Collections.sort(copy);
        return String.join("\n", copy);
    }

    /**
     * The tenant's own schema name, where the catalog's text shows it: qualifying a name
     * ({@code tenant_7.accounts}, quoted or not) or as a schema component ({@code schema=tenant_7,}).
     * Literal replacements: a regular expression per tenant cost more than the catalog read.
     */
    static String withoutOwnName(String text, String tenant, String placeholder) {
        return text.replace("\"" + tenant + "\".", "\"" + placeholder + "\".")
                .replace(tenant + ".", placeholder + ".")
                .replace("=" + tenant + ",", "=" + placeholder + ",")
                .replace("=" + tenant + "]", "=" + placeholder + "]");
    }

    /** Into the part of {@code schema} (null: database-wide, shared); entries of other schemas are dropped. */
    private static void add(Map<String, List<String>> parts, String schema, String label, Object key, Object value) {
        List<String> entries = parts.get(schema);
        if (entries != null) entries.add(label + ' ' + key + " = " + value);
    }

    /**
     * The schema an entry of the catalog lives in: of its qualified name, its schema component, or "schema." prefix;
     * null for an entry of the database (a foreign server's, publication's or event trigger's owner is named with the
     * empty schema, {@link OwnerTarget#databaseWide}): shared by every tenant, so it goes in the shared part.
     */
    private static String schemaOf(Object key) {
        if (key instanceof QualifiedName q) return q.schema().isEmpty() ? null : q.schema();
        if (key instanceof String s) {
            // A cast is keyed (source AS target): it lives with its source type, or its target's if the source is built in.
            if (s.startsWith("(") && s.contains(" AS ")) {
                String source = s.substring(1, s.indexOf(" AS "));
                return source.indexOf('.') > 0 ? schemaOf(source) : schemaOf(s.substring(s.indexOf(" AS ") + 4, s.length() - 1));
            }
            return s.indexOf('.') > 0 ? s.substring(0, s.indexOf('.')) : null;
        }
        // A label names its object only inside its identity text, which the catalog reads.
        if (key instanceof schemasync.catalog.SecurityLabelTarget l) return l.schema();
        if (key instanceof Record r) {
            for (java.lang.reflect.Method accessor : ACCESSORS.get(r.getClass())) {
                try {
                    Object v = accessor.invoke(r);
                    if (v instanceof QualifiedName q) return q.schema().isEmpty() ? null : q.schema();
                    if (accessor.getName().equals("schema") && v instanceof String s) return s;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
