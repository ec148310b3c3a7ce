package schemasync.dsl;
import schemasync.catalog.KeyPart;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.QualifiedName;

/**
 * The body of {@code ensureIndex(name).on(table)}: keys, and optionally uniqueness, method, INCLUDE
 * columns and a partial-index predicate. There is no terminal call: the declaration is complete
 * when the block's {@code declare} returns.
 */
public final class IndexBuilder {
    final String name;
    String table;
    boolean unique;
    IndexMethod method = IndexMethod.BTREE;
    final List<KeyPart> keys = new ArrayList<>();
    final List<String> include = new ArrayList<>();
    String where;
    boolean rebuildWhenChanged;
    final List<String> storage = new ArrayList<>();
    boolean clustered;
    boolean nullsNotDistinct;

    IndexBuilder(String name) {
        this.name = name;
    }

    /** The indexed table, {@code "users"} or {@code "audit.events"}; the index lives in its schema. */
    public IndexBuilder on(String tableName) {
        this.table = tableName;
        return this;
    }

    public IndexBuilder columns(String... columnNames) {
        for (String c : columnNames) keys.add(new KeyPart.ColumnKey(c));
        return this;
    }

    /** An expression key, e.g. {@code expression("lower(email)")}. */
    public IndexBuilder expression(String sql) {
        keys.add(new KeyPart.ExpressionKey(sql));
        return this;
    }

    /** A key written verbatim, for opclasses or ordering: {@code key("created_at DESC NULLS LAST")}. */
    public IndexBuilder key(String sql) {
        keys.add(new KeyPart.RawKey(sql));
        return this;
    }

    public IndexBuilder unique() {
        this.unique = true;
        return this;
    }

    public IndexBuilder using(IndexMethod indexMethod) {
        this.method = indexMethod;
        return this;
    }

    public IndexBuilder include(String... columnNames) {
        include.addAll(List.of(columnNames));
        return this;
    }

    /** {@code NULLS NOT DISTINCT} (PostgreSQL 15+): a unique index treats NULLs as equal, so only one row may have NULL keys. */
    public IndexBuilder nullsNotDistinct() {
        this.nullsNotDistinct = true;
        return this;
    }

    /** Partial index predicate, e.g. {@code where("deleted_at IS NULL")}. */
    public IndexBuilder where(String predicateSql) {
        this.where = predicateSql;
        return this;
    }

    /**
     * When the database has this index with another definition, rebuild it online: the new one is
     * built with CREATE INDEX CONCURRENTLY under a temporary name, swapped in by two renames, and the
     * old one dropped CONCURRENTLY. Without this, a different definition is reported, not changed.
     */
    public IndexBuilder rebuildWhenChanged() {
        this.rebuildWhenChanged = true;
        return this;
    }

    /**
     * A storage parameter of the index, {@code WITH (name = value)}: {@code with("fillfactor", "70")},
     * {@code with("deduplicate_items", "off")}, {@code with("fastupdate", "off")} (GIN),
     * {@code with("pages_per_range", "32")} (BRIN). The value as PostgreSQL stores it. On an existing index a
     * changed parameter is set with ALTER INDEX ... SET / RESET (no rebuild: it applies to pages written from then on).
     */
    public IndexBuilder with(String parameter, String value) {
        storage.add(parameter.strip().toLowerCase(java.util.Locale.ROOT) + "=" + value);
        return this;
    }

    /**
     * The table is marked {@code CLUSTER ON} this index: the index a bare {@code CLUSTER table} uses. Only the
     * mark (SHARE UPDATE EXCLUSIVE, no rewrite); the tool never runs CLUSTER itself, which rewrites the table.
     */
    public IndexBuilder clustered() {
        this.clustered = true;
        return this;
    }

    /** An index always lives in its table's schema; {@code schema.name} is accepted when it agrees. */
    static QualifiedName indexName(String name, QualifiedName table, TenantScope scope) {
        String schema = table == null ? QualifiedName.DEFAULT_SCHEMA : table.schema();
        if (name != null && name.contains(".")) return scope.qualified(name);
        return new QualifiedName(schema, name == null ? "" : name);
    }
}
