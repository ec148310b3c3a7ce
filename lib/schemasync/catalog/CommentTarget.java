package schemasync.catalog;

import java.util.Locale;

/**
 * What a comment is on, other than a table or a column: {@code kind} is one of {@link Kind},
 * {@code object} the schema-qualified object (for a schema: {@code schema.schema}; for a constraint,
 * trigger, policy or rule: its table; for a domain constraint: its domain; for a view's column: the view),
 * {@code detail} the constraint, trigger, policy or column name, or a routine's identity arguments as pg_get_function_identity_arguments prints them.
 */
public record CommentTarget(Kind kind, QualifiedName object, String detail) {

    public enum Kind {
        SCHEMA, VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX, TYPE, FUNCTION, PROCEDURE, AGGREGATE, CONSTRAINT,
        DOMAIN_CONSTRAINT, TRIGGER, POLICY,
        /** A column of a view ({@code object} the view, {@code detail} the column); a table's columns carry their own comments. */
        VIEW_COLUMN,
        /** An extended statistics object ({@code object} its qualified name). */
        STATISTICS,
        /** A rule ({@code object} its table or view, {@code detail} the rule's name): COMMENT ON RULE name ON table. */
        RULE,
        /** A foreign table ({@code object} its qualified name): COMMENT ON FOREIGN TABLE. */
        FOREIGN_TABLE,
        /** A column of a foreign table ({@code object} the foreign table, {@code detail} the column): COMMENT ON COLUMN. */
        FOREIGN_TABLE_COLUMN,
        /** A text search dictionary or configuration ({@code object} its qualified name). */
        TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION,
        /** An encoding conversion ({@code object} its qualified name): COMMENT ON CONVERSION. */
        CONVERSION;

        /** As the comments query and COMMENT ON spell it: {@code materialized view}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        public static Kind fromWord(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT).replace(' ', '_'));
        }

        /** Kinds whose comment names a second object: {@code CONSTRAINT name ON table}. */
        public boolean onTableOrDomain() {
            return this == CONSTRAINT || this == DOMAIN_CONSTRAINT || this == TRIGGER || this == POLICY || this == VIEW_COLUMN
                    || this == RULE || this == FOREIGN_TABLE_COLUMN;
        }

        public boolean routine() {
            return this == FUNCTION || this == PROCEDURE || this == AGGREGATE;
        }
    }

    @Override
    public String toString() {
        if (kind == Kind.SCHEMA) return object.name();
        if (kind.routine()) return object + "(" + detail + ")";
        return detail == null ? object.toString() : object + "." + detail;
    }
}
