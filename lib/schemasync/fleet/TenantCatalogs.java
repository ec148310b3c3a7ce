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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** tenant → fingerprint, or an empty map when tenants cannot share plans. */
    public static Map<String, String> fingerprints(Connection connection, DeclaredSchema declared, String placeholder,
                                                   Collection<String> tenants) throws SQLException {
        if (tenants.isEmpty() || declared.declarations().stream().anyMatch(d -> d instanceof Declaration.CustomStepDecl)) {
            return Map.of();
        }
        Set<String> schemas = new TreeSet<>(tenants);
        for (String s : declared.managedSchemas()) if (!s.equals(placeholder)) schemas.add(s);
        Catalog catalog = SchemaSync.readCatalog(connection, schemas);
        return fingerprints(catalog, Set.copyOf(tenants), placeholder);
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
        for (String t : tenants) {
            Pattern own = Pattern.compile("(?<![\\w$])" + Pattern.quote(t) + "(?![\\w$])");
            fingerprints.put(t, Fingerprint.of(own.matcher(parts.get(t)).replaceAll(Matcher.quoteReplacement(placeholder))));
        }
        return fingerprints;
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
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    Object v = c.getAccessor().invoke(r);
                    if (v instanceof QualifiedName q) return q.schema();
                    if (c.getName().equals("schema") && v instanceof String s) return s;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
