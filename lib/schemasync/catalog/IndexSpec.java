package schemasync.catalog;

import java.util.List;

/**
 * An index as declared, in the user's SQL (the payload of CREATE INDEX): {@code method} is the access
 * method's {@code pg_am.amname} ({@code btree}, {@code gin}, ...), keys and predicate as written;
 * {@code nullsNotDistinct}: a unique index treats NULLs as equal (PostgreSQL 15+).
 */
public record IndexSpec(QualifiedName name, QualifiedName table, boolean unique, String method, List<KeyPart> keys,
                        List<String> include, String where, boolean nullsNotDistinct) {
    public IndexSpec {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    /** An index where NULLs are distinct (PostgreSQL's default). */
    public IndexSpec(QualifiedName name, QualifiedName table, boolean unique, String method, List<KeyPart> keys,
                     List<String> include, String where) {
        this(name, table, unique, method, keys, include, where, false);
    }
}
