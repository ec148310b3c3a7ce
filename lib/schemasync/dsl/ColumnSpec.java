package schemasync.dsl;

import schemasync.catalog.Column.Identity;

/**
 * A declared column as the user wrote it: {@code type} and {@code defaultSql} are SQL text in the
 * user's spelling ({@code VARCHAR(255)}, {@code now()}); the normalizer turns them into PostgreSQL's
 * canonical spelling before comparison.
 */
public record ColumnSpec(String name, String type, boolean notNull, String defaultSql, Identity identity,
                         String comment) {

    public boolean hasDefault() {
        return defaultSql != null;
    }

    /** Human form for messages: {@code varchar(320) NOT NULL DEFAULT 'x'}. */
    public String describe() {
        StringBuilder s = new StringBuilder(type);
        if (identity != Identity.NONE) s.append(' ').append(identity.sql());
        if (notNull) s.append(" NOT NULL");
        if (defaultSql != null) s.append(" DEFAULT ").append(defaultSql);
        return s.toString();
    }
}
