package schemasync.catalog;

import java.nio.charset.StandardCharsets;

/**
 * A schema-qualified PostgreSQL name. Identity of every catalog object and declaration (never an
 * OID), so a re-created schema reads back equal. Names are stored exactly as PostgreSQL stores them
 * (case preserved); quoting happens only when SQL is rendered, through jOOQ's {@code DSL.name}.
 */
public record QualifiedName(String schema, String name) {

    public static final String DEFAULT_SCHEMA = "public";
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated, so we refuse them. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    public QualifiedName {
        if (schema == null || name == null) throw new IllegalArgumentException("null name part");
    }

    /**
     * Parses {@code name} or {@code schema.name}. A dot inside a name is not supported in this
     * form; the two-argument constructor accepts any characters.
     */
    public static QualifiedName parse(String text) {
        if (text == null) return new QualifiedName(DEFAULT_SCHEMA, "");
        int dot = text.indexOf('.');
        return dot < 0 ? new QualifiedName(DEFAULT_SCHEMA, text)
                : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** Same schema, other name: indexes live in their table's schema. */
    public QualifiedName sibling(String otherName) {
        return new QualifiedName(schema, otherName);
    }

    public static int utf8Length(String identifier) {
        return identifier.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Display form used in plan output: {@code schema.name}, unquoted, as in the design's examples. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
