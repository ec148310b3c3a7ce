package schemasync.fleet;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.Fingerprint;
import schemasync.execute.SchemaSync;

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

    /** tenant → fingerprint, or an empty map when tenants cannot share plans. */
    public static Map<String, String> fingerprints(Connection connection, DeclaredSchema declared, String placeholder,
                                                   Collection<String> tenants) throws SQLException {
        if (tenants.isEmpty() || declared.declarations().stream().anyMatch(d -> d instanceof Declaration.CustomStepDecl)) {
            return Map.of();
        }
        Set<String> schemas = new TreeSet<>(tenants);
        for (String s : declared.managedSchemas()) if (!s.equals(placeholder)) schemas.add(s);
        long start = System.nanoTime();
        Catalog catalog = SchemaSync.readCatalog(connection, schemas);
        long read = System.nanoTime();
        Map<String, String> fingerprints = fingerprints(catalog, Set.copyOf(tenants), placeholder);
        if (System.getenv("SCHEMA_SYNC_TIMINGS") != null) {
            System.err.printf("timings: fleet catalog read of %d tenant(s), %d table(s): %d ms, fingerprints %d ms%n", tenants.size(),
                    catalog.tables().size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        }
        return fingerprints;
    }

    static Map<String, String> fingerprints(Catalog catalog, Set<String> tenants, String placeholder) {
        Map<String, StringBuilder> parts = new HashMap<>();
        for (String t : tenants) parts.put(t, new StringBuilder(catalog.schemas().contains(t) ? "schema exists\n" : "no schema\n"));
        for (RecordComponent component : Catalog.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(catalog);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String label = component.getName();
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> add(parts, schemaOf(k), label, k, v instanceof Table t ? t.withoutStatistics() : v));
            } else if (value instanceof List<?> list) {
                for (Object o : list) add(parts, schemaOf(o), label, o, "");
            }
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (String t : tenants) fingerprints.put(t, Fingerprint.of(withoutOwnName(parts.get(t).toString(), t, placeholder)));
        return fingerprints;
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

    private static void add(Map<String, StringBuilder> parts, String schema, String label, Object key, Object value) {
        StringBuilder b = schema == null ? null : parts.get(schema);
        if (b != null) b.append(label).append(' ').append(key).append(" = ").append(value).append('\n');
    }

    /** The schema an entry of the catalog lives in: of its qualified name, its schema component, or "schema." prefix. */
    private static String schemaOf(Object key) {
        if (key instanceof QualifiedName q) return q.schema();
        if (key instanceof String s) return s.indexOf('.') > 0 ? s.substring(0, s.indexOf('.')) : null;
        if (key instanceof Record r) {
            for (java.lang.reflect.Method accessor : ACCESSORS.get(r.getClass())) {
                try {
                    Object v = accessor.invoke(r);
                    if (v instanceof QualifiedName q) return q.schema();
                    if (accessor.getName().equals("schema") && v instanceof String s) return s;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
