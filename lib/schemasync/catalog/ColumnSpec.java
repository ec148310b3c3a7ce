package schemasync.catalog;

import schemasync.catalog.Column.Identity;

/**
 * A declared column as the user wrote it: {@code type} and {@code defaultSql} are SQL text in the
 * user's spelling ({@code VARCHAR(255)}, {@code now()}); the normalizer turns them into PostgreSQL's
 * canonical spelling before comparison.
 */
public record ColumnSpec(String name, String type, boolean notNull, String defaultSql, Identity identity,
                         String comment, String generatedSql, schemasync.catalog.QualifiedName collation,
                         SequenceOptions identityOptions, boolean virtual, String notNullName) {

    public ColumnSpec {
        // PostgreSQL makes identity and serial columns NOT NULL whatever else is said.
        if (identity != Identity.NONE || isSerial(type)) notNull = true;
        if (identityOptions == null || identity == Identity.NONE) identityOptions = SequenceOptions.NONE;
        if (!notNull) notNullName = null;
    }

    /** A NOT NULL (if any) named by PostgreSQL ({@code <table>_<column>_not_null} on 18; a column flag before). */
    public ColumnSpec(String name, String type, boolean notNull, String defaultSql, Identity identity, String comment,
                      String generatedSql, schemasync.catalog.QualifiedName collation, SequenceOptions identityOptions,
                      boolean virtual) {
        this(name, type, notNull, defaultSql, identity, comment, generatedSql, collation, identityOptions, virtual, null);
    }

    /** NOT NULL as {@code CONSTRAINT name NOT NULL} (PostgreSQL 18+ keeps the name in pg_constraint). */
    public ColumnSpec withNotNullName(String constraintName) {
        return new ColumnSpec(name, type, true, defaultSql, identity, comment, generatedSql, collation, identityOptions, virtual,
                constraintName);
    }

    /** Not a VIRTUAL generated column (STORED when generated). */
    public ColumnSpec(String name, String type, boolean notNull, String defaultSql, Identity identity, String comment,
                      String generatedSql, schemasync.catalog.QualifiedName collation, SequenceOptions identityOptions) {
        this(name, type, notNull, defaultSql, identity, comment, generatedSql, collation, identityOptions, false);
    }

    /** A column without options for an identity's sequence (PostgreSQL's defaults, or whatever the database has). */
    public ColumnSpec(String name, String type, boolean notNull, String defaultSql, Identity identity, String comment,
                      String generatedSql, schemasync.catalog.QualifiedName collation) {
        this(name, type, notNull, defaultSql, identity, comment, generatedSql, collation, SequenceOptions.NONE);
    }

    /** A plain column: not generated, the type's default collation. */
    public ColumnSpec(String name, String type, boolean notNull, String defaultSql, Identity identity, String comment) {
        this(name, type, notNull, defaultSql, identity, comment, null, null);
    }

    public ColumnSpec withComment(String text) {
        return new ColumnSpec(name, type, notNull, defaultSql, identity, text, generatedSql, collation, identityOptions, virtual,
                notNullName);
    }

    public ColumnSpec withNotNull() {
        return new ColumnSpec(name, type, true, defaultSql, identity, comment, generatedSql, collation, identityOptions, virtual,
                notNullName);
    }

    public ColumnSpec withName(String newName) {
        return new ColumnSpec(newName, type, notNull, defaultSql, identity, comment, generatedSql, collation, identityOptions, virtual,
                notNullName);
    }

    /** {@code GENERATED ALWAYS AS (expr) STORED}, or {@code VIRTUAL} when {@link #virtual()}. */
    public boolean generated() {
        return generatedSql != null;
    }

    public boolean hasDefault() {
        return defaultSql != null;
    }

    /**
     * {@code serial}, {@code bigserial}, ...: not real types but CREATE TABLE shorthand for an integer
     * column whose default is nextval() of a sequence PostgreSQL creates and names itself.
     */
    public boolean serial() {
        return isSerial(type);
    }

    private static boolean isSerial(String type) {
        return switch (type == null ? "" : type.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2" -> true;
            default -> false;
        };
    }

    /** Human form for messages: {@code varchar(320) NOT NULL DEFAULT 'x'}. */
    public String describe() {
        StringBuilder s = new StringBuilder(type);
        if (collation != null) s.append(" COLLATE ").append(schemasync.catalog.Domain.collation(collation));
        if (generatedSql != null) s.append(" GENERATED ALWAYS AS (").append(generatedSql).append(virtual ? ") VIRTUAL" : ") STORED");
        if (identity != Identity.NONE) s.append(' ').append(identity.sql());
        if (!identityOptions.isEmpty()) s.append(" (").append(identityOptions.describe()).append(')');
        if (notNull) s.append(" NOT NULL");
        if (defaultSql != null) s.append(" DEFAULT ").append(defaultSql);
        return s.toString();
    }
}
