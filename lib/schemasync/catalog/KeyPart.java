package schemasync.catalog;

/** One key of an index: a column (quoted for you), an expression (parenthesized), or raw key SQL. */
public sealed interface KeyPart {

    /** A column by name: {@code "email"}. */
    record ColumnKey(String column) implements KeyPart {
    }

    /** An expression such as {@code lower(email)}: rendered as {@code (lower(email))}. */
    record ExpressionKey(String sql) implements KeyPart {
    }

    /** Key SQL verbatim, for opclasses and ordering: {@code title gin_trgm_ops}, {@code created_at DESC}. */
    record RawKey(String sql) implements KeyPart {
    }
}
