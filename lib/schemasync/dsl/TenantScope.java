package schemasync.dsl;

import schemasync.catalog.QualifiedName;

/**
 * The tenant a fold of the blocks is for: blocks written once for a tenant declare their per-tenant objects in the
 * placeholder schema ({@code db.ensureTable("tenant.accounts", ...)}), and a fold for tenant {@code tenant_042}
 * resolves every name the DSL reads ({@code schema.name}, a schema name, a referenced table) whose schema is the
 * placeholder to {@code tenant_042}. Names in other schemas ({@code public.plans}, extensions) are shared and stay as
 * written. SQL text (a view's query, a CHECK, a default) is the block's own: the DSL does not rewrite it, so a block
 * that names a per-tenant object in SQL text spells the schema with {@link SchemaChanges#tenantSchema()}.
 *
 * <p>A value, handed explicitly: the fold ({@link DeclaredSchema#of(java.util.List, TenantScope)}) gives it to the
 * {@link SchemaChanges} the blocks talk to, which hands it to the builders it creates (a table's chain, whose foreign
 * keys name referenced tables); each resolves names where it parses them. No thread or static state: folds for many
 * tenants may run at once, on any threads.
 */
public record TenantScope(String placeholder, String schema) {

    /** The placeholder schema blocks write per-tenant objects in unless told otherwise ({@code --tenant-placeholder}). */
    public static final String DEFAULT_PLACEHOLDER = "tenant";

    /** A fold outside any fleet: every name as written, and {@code tenantSchema()} is the default placeholder. */
    static final TenantScope AS_WRITTEN = template(DEFAULT_PLACEHOLDER);

    public TenantScope {
        if (placeholder == null || placeholder.isEmpty() || schema == null || schema.isEmpty()) {
            throw new IllegalArgumentException("a tenant scope needs a placeholder and a schema");
        }
    }

    /** The fold of the blocks as written: per-tenant objects stay in the placeholder schema. */
    public static TenantScope template(String placeholder) {
        return new TenantScope(placeholder, placeholder);
    }

    /** {@code name} or {@code schema.name}, as {@link QualifiedName#parse} reads it, in the tenant's schema if it is the placeholder's. */
    QualifiedName qualified(String text) {
        return resolve(QualifiedName.parse(text));
    }

    /** A parsed name, in the tenant's schema if it is the placeholder's. */
    QualifiedName resolve(QualifiedName name) {
        return name == null || !name.schema().equals(placeholder) ? name : new QualifiedName(schema, name.name());
    }

    /** A name kept as text until later ({@code schema.name}, e.g. a referenced table), resolved the same way. */
    String name(String text) {
        // QualifiedName.parse splits at the first dot: the schema is exactly what precedes it.
        if (text == null || !text.startsWith(placeholder + ".")) return text;
        return schema + text.substring(placeholder.length());
    }

    /** A schema name: the tenant's schema if it is the placeholder. */
    String schemaName(String name) {
        return placeholder.equals(name) ? schema : name;
    }
}
