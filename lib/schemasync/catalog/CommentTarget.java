package schemasync.catalog;

import java.util.Locale;

/**
 * What a comment is on, other than a table or a column: {@code kind} is one of {@link Kind},
 * {@code object} the schema-qualified object (for a schema: {@code schema.schema}; for a constraint,
 * trigger, policy or rule: its table; for a domain constraint: its domain; for a view's, materialized view's or
 * composite type's column: the relation or type), {@code detail} the constraint, trigger, policy or column name, a
 * routine's identity arguments as pg_get_function_identity_arguments prints them, an operator's two types
 * ({@code left, right}, NONE for a prefix operator's left, as {@link Operator#key()} spells them) or an operator
 * class's or family's access method. A cast is named by its two types alone ({@link #cast}); an extension, foreign
 * server, publication or event trigger belongs to the database, not to a schema: its {@code object} has the empty
 * schema ({@link #databaseWide}), as an {@link OwnerTarget} of those kinds does.
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
        /** A collation ({@code object} its qualified name): COMMENT ON COLLATION. */
        COLLATION,
        /** An operator ({@code detail} its two types): COMMENT ON OPERATOR name (left, right). */
        OPERATOR,
        /** A cast ({@code object} the empty schema and the source type, {@code detail} the target type): COMMENT ON CAST (source AS target). */
        CAST,
        /** An operator class or family ({@code detail} its access method): COMMENT ON OPERATOR CLASS name USING method. */
        OPERATOR_CLASS, OPERATOR_FAMILY,
        /** A column of a materialized view ({@code object} the materialized view, {@code detail} the column): COMMENT ON COLUMN. */
        MATERIALIZED_VIEW_COLUMN,
        /** An attribute of a composite type ({@code object} the type, {@code detail} the attribute): COMMENT ON COLUMN type.attribute. */
        TYPE_ATTRIBUTE,
        /**
         * Objects of the database, named without a schema: COMMENT ON EXTENSION | SERVER | PUBLICATION | EVENT TRIGGER.
         * CREATE EXTENSION sets the comment its control file gives: the catalog reads it as any other.
         */
        EXTENSION, SERVER, PUBLICATION, EVENT_TRIGGER,
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
                    || this == RULE || this == FOREIGN_TABLE_COLUMN || column();
        }

        /** A column of a view, materialized view, foreign table or composite type: COMMENT ON COLUMN relation.column. */
        public boolean column() {
            return this == VIEW_COLUMN || this == MATERIALIZED_VIEW_COLUMN || this == FOREIGN_TABLE_COLUMN || this == TYPE_ATTRIBUTE;
        }

        /** Named with {@code USING method} after the name: an operator class or family. */
        public boolean usingMethod() {
            return this == OPERATOR_CLASS || this == OPERATOR_FAMILY;
        }

        /** Objects of the database, named without a schema. */
        public boolean databaseWide() {
            return this == EXTENSION || this == SERVER || this == PUBLICATION || this == EVENT_TRIGGER;
        }

        /**
         * Kinds in the namespace of a schema's relations and types (pg_class, pg_type) or hanging off one of them: the
         * comments DROP of a relation or type named {@code object} takes along. Collations, operators, classes, statistics
         * and text search objects have namespaces of their own: a collation may share a table's name.
         */
        public boolean ofRelationOrType() {
            return this == VIEW || this == MATERIALIZED_VIEW || this == SEQUENCE || this == INDEX || this == TYPE || this == FOREIGN_TABLE
                    || onTableOrDomain();
        }

        public boolean routine() {
            return this == FUNCTION || this == PROCEDURE || this == AGGREGATE;
        }
    }

    /** A cast's comment, keyed by its two types as format_type prints them ({@link Cast#key()}: {@code (source AS target)}). */
    public static CommentTarget cast(String source, String target) {
        return new CommentTarget(Kind.CAST, new QualifiedName("", source), target);
    }

    /** An operator's comment, keyed as the operator is ({@code schema.name(left, right)}, NONE for a missing side). */
    public static CommentTarget operator(QualifiedName name, String leftType, String rightType) {
        return new CommentTarget(Kind.OPERATOR, name, (leftType == null ? "NONE" : leftType) + ", " + (rightType == null ? "NONE" : rightType));
    }

    /** An extension, foreign server, publication or event trigger: a name of the database, no schema. */
    public static CommentTarget databaseWide(Kind kind, String name) {
        return new CommentTarget(kind, new QualifiedName("", name), null);
    }

    @Override
    public String toString() {
        if (kind == Kind.SCHEMA || kind != null && kind.databaseWide()) return object.name();
        if (kind == Kind.CAST) return Cast.key(object.name(), detail);
        if (kind != null && kind.usingMethod()) return object + " USING " + detail;
        if (kind != null && (kind.routine() || kind == Kind.OPERATOR)) return object + "(" + detail + ")";
        return detail == null ? object.toString() : object + "." + detail;
    }
}
