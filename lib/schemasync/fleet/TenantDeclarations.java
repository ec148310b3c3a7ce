package schemasync.fleet;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.SchemaSyncException;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.Origin;

/**
 * Blocks written once for a tenant: whatever they declare in the placeholder schema ({@code tenant}
 * by default: {@code db.ensureTable("tenant.users", ...)}) is per tenant, everything else (extensions,
 * {@code public} lookup tables) is shared. For one tenant, the folded declarations are copied with
 * the placeholder replaced by the tenant's schema: in every qualified name, in schema names, and in
 * SQL text where it qualifies a name ({@code tenant.accounts} → {@code tenant_042.accounts}). The
 * planner then sees an ordinary schema, so plans, hazards and verification are those of a single run.
 *
 * <p>The copy walks the declaration records generically (components, lists, nested records), so it
 * follows the DSL as it grows without a case per declaration kind. Extensions are never per tenant:
 * PostgreSQL installs an extension once per database.
 */
public final class TenantDeclarations {
    public static final String DEFAULT_PLACEHOLDER = "tenant";
    /** Schema names a tenant may have: plain lower-case identifiers, so no SQL text needs quoting rules. */
    private static final Pattern TENANT = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    private final String placeholder;
    private final String tenant;
    private final Pattern inSql;

    private TenantDeclarations(String placeholder, String tenant) {
        this.placeholder = placeholder;
        this.tenant = tenant;
        // "tenant." or "\"tenant\"." where it starts a qualified name (not inside another word or name).
        this.inSql = Pattern.compile("(?<![\\w$.\"])(\"?)" + Pattern.quote(placeholder) + "\\1\\.");
    }

    public static void requireTenantName(String schema) {
        if (!TENANT.matcher(schema).matches()) {
            throw SchemaSyncException.badInput("tenant schema \"" + schema + "\": a tenant schema name must be a plain"
                    + " lower-case identifier (a-z, 0-9, _, $; at most 63 bytes) to be used by the fleet");
        }
    }

    /** Whether the blocks declare anything in the placeholder schema (else --tenant-schemas has nothing to do). */
    public static boolean declaresPlaceholder(DeclaredSchema declared, String placeholder) {
        return declared.managedSchemas().contains(placeholder);
    }

    /** The declarations as they read for {@code tenant}. */
    public static DeclaredSchema forTenant(DeclaredSchema declared, String placeholder, String tenant) {
        requireTenantName(tenant);
        TenantDeclarations mapper = new TenantDeclarations(placeholder, tenant);
        List<Declaration> mapped = new ArrayList<>(declared.declarations().size());
        for (Declaration d : declared.declarations()) mapped.add((Declaration) mapper.map(d, null));
        Set<String> schemas = new LinkedHashSet<>();
        for (String s : declared.managedSchemas()) schemas.add(s.equals(placeholder) ? tenant : s);
        return new DeclaredSchema(mapped, schemas, declared.ignored());
    }

    private Object map(Object value, String component) {
        if (value == null) return null;
        if (value instanceof String s) return mapString(s, component);
        if (value instanceof QualifiedName q) {
            return q.schema().equals(placeholder) ? new QualifiedName(tenant, q.name()) : q;
        }
        if (value instanceof Origin || value instanceof Declaration.ExtensionDecl) return value;
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object o : list) {
                Object m = map(o, null);
                changed |= m != o;
                out.add(m);
            }
            return changed ? java.util.Collections.unmodifiableList(out) : list;
        }
        if (value instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            boolean changed = false;
            for (Object o : set) {
                Object m = map(o, null);
                changed |= m != o;
                out.add(m);
            }
            return changed ? java.util.Collections.unmodifiableSet(out) : set;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = map(e.getKey(), null);
                Object v = map(e.getValue(), null);
                changed |= k != e.getKey() || v != e.getValue();
                out.put(k, v);
            }
            return changed ? java.util.Collections.unmodifiableMap(out) : map;
        }
        if (value.getClass().isRecord()) return mapRecord((Record) value);
        return value;
    }

    /** A schema-name component equal to the placeholder; in any other text, the placeholder qualifying a name. */
    private String mapString(String s, String component) {
        if (s.equals(placeholder) && component != null && component.equals("schema")) return tenant;
        if (s.indexOf('.') < 0 || !s.contains(placeholder)) return s;
        Matcher m = inSql.matcher(s);
        if (!m.find()) return s;
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + tenant + r.group(1) + "."));
    }

    private Object mapRecord(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                Object before = accessor.invoke(record);
                String name = components[i].getName();
                // ensureSchema("tenant") declares the placeholder itself: its name component is a schema name.
                boolean schemaName = name.equals("schema") || (record instanceof Declaration.SchemaDecl && name.equals("name"));
                values[i] = map(before, schemaName ? "schema" : name);
                types[i] = components[i].getType();
                changed |= values[i] != before;
            }
            if (!changed) return record;
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (IllegalAccessException | NoSuchMethodException | InstantiationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " for a tenant", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " for a tenant", e.getCause());
        }
    }
}
