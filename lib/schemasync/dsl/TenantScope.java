package schemasync.dsl;

import java.util.function.Supplier;
import schemasync.catalog.QualifiedName;

/**
 * The tenant a fold of the blocks is for: blocks written once for a tenant declare their per-tenant objects in the
 * placeholder schema ({@code db.ensureTable("tenant.accounts", ...)}), and a fold for tenant {@code tenant_042}
 * resolves every name the DSL reads ({@code schema.name}, a schema name, a referenced table) whose schema is the
 * placeholder to {@code tenant_042}. Names in other schemas ({@code public.plans}, extensions) are shared and stay as
 * written. SQL text (a view's query, a CHECK, a default) is the block's own: the DSL does not rewrite it, so a block
 * that names a per-tenant object in SQL text spells the schema with {@link SchemaChanges#tenantSchema()}.
 *
 * <p>Why a scope rather than a parameter threaded through every builder: names are read by the fold's entry points
 * and by the builders they hand out (an index's table, a foreign key's referenced table), and a fold runs its blocks
 * on one thread, start to end; the scope is set for exactly that run ({@link #fold}) and read where a name is parsed.
 */
public record TenantScope(String placeholder, String schema) {

    /** The placeholder schema blocks write per-tenant objects in unless told otherwise ({@code --tenant-placeholder}). */
    public static final String DEFAULT_PLACEHOLDER = "tenant";

    private static final ThreadLocal<TenantScope> FOLDING = new ThreadLocal<>();

    public TenantScope {
        if (placeholder == null || placeholder.isEmpty() || schema == null || schema.isEmpty()) {
            throw new IllegalArgumentException("a tenant scope needs a placeholder and a schema");
        }
    }

    /** The fold of the blocks as written: per-tenant objects stay in the placeholder schema. */
    public static TenantScope template(String placeholder) {
        return new TenantScope(placeholder, placeholder);
    }

    /** Runs {@code fold} with this scope (on this thread only, and only while it runs). */
    <T> T fold(Supplier<T> fold) {
        TenantScope outer = FOLDING.get();
        FOLDING.set(this);
        try {
            return fold.get();
        } finally {
            if (outer == null) FOLDING.remove();
            else FOLDING.set(outer);
        }
    }

    /** The schema per-tenant objects go in, in the fold running now: the tenant's, else the placeholder. */
    static String currentTenantSchema() {
        TenantScope scope = FOLDING.get();
        return scope == null ? DEFAULT_PLACEHOLDER : scope.schema();
    }

    /** {@code name} or {@code schema.name}, as {@link QualifiedName#parse} reads it, in the tenant's schema if it is the placeholder's. */
    static QualifiedName qualified(String text) {
        QualifiedName name = QualifiedName.parse(text);
        TenantScope scope = FOLDING.get();
        return scope == null || !name.schema().equals(scope.placeholder()) ? name : new QualifiedName(scope.schema(), name.name());
    }

    /** A name kept as text until later ({@code schema.name}, e.g. a referenced table), resolved the same way. */
    static String name(String text) {
        TenantScope scope = FOLDING.get();
        // QualifiedName.parse splits at the first dot: the schema is exactly what precedes it.
        if (scope == null || text == null || !text.startsWith(scope.placeholder() + ".")) return text;
        return scope.schema() + text.substring(scope.placeholder().length());
    }

    /** A schema name: the tenant's schema if it is the placeholder. */
    static String schemaName(String schema) {
        TenantScope scope = FOLDING.get();
        return scope != null && scope.placeholder().equals(schema) ? scope.schema() : schema;
    }
}
