package schemasync.catalog;

import java.util.Locale;

/**
 * An object whose owner (a role, by name) the catalog reads and a block may declare: {@code kind} says which
 * ALTER statement changes it, {@code name} is the schema-qualified object (a schema: {@code schema.schema}),
 * {@code arguments} a routine's identity arguments as pg_get_function_identity_arguments prints them, an
 * operator's two types (null otherwise), {@code method} an operator class's or family's access method (null
 * otherwise: PostgreSQL tells a btree and a hash class of one name apart by it, as a routine by its arguments). Indexes, identity and serial sequences and a table's row type are not here: PostgreSQL keeps
 * them owned by their table's owner (ALTER TABLE ... OWNER TO carries them along, and refuses them alone).
 * Foreign servers, publications and event triggers belong to the database, not to a schema: their {@code name}
 * has the empty schema ({@link #databaseWide}), so no schema (nor a fleet's tenant) claims them.
 */
public record OwnerTarget(Kind kind, QualifiedName name, String arguments, String method) {

    public OwnerTarget {
        boolean usingMethod = kind != null && kind.usingMethod();
        if (usingMethod && arguments != null || !usingMethod && method != null) {
            throw new IllegalArgumentException("an owner target has a method only for an operator class or family, which has no arguments: "
                    + kind + " " + name);
        }
    }

    /** Any target but an operator class or family ({@link #usingMethod}). */
    public OwnerTarget(Kind kind, QualifiedName name, String arguments) {
        this(kind, name, arguments, null);
    }

    /** An operator class's or family's owner entry, keyed {@code schema.name USING method} as {@code OperatorClass#key} is. */
    public static OwnerTarget usingMethod(Kind kind, QualifiedName name, String method) {
        return new OwnerTarget(kind, name, null, method);
    }

    public enum Kind {
        SCHEMA, TABLE, FOREIGN_TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, FUNCTION, PROCEDURE, AGGREGATE,
        /** An enum, composite or range type (ALTER TYPE); a domain has its own statement. */
        TYPE, DOMAIN, COLLATION,
        /** An extended statistics object (ALTER STATISTICS). */
        STATISTICS,
        /** A foreign server (ALTER SERVER), database-wide. */
        SERVER,
        /** A publication (ALTER PUBLICATION), database-wide. */
        PUBLICATION,
        /** An event trigger (ALTER EVENT TRIGGER), database-wide; PostgreSQL requires its owner be a superuser. */
        EVENT_TRIGGER,
        /**
         * An operator (ALTER OPERATOR name (left, right)): {@code arguments} are its two types as format_type prints
         * them, NONE for a prefix operator's missing left one, as {@code catalog.Operator#key()} spells them.
         */
        OPERATOR,
        /**
         * An operator class (ALTER OPERATOR CLASS name USING method): keyed with its access method ({@code method}), as
         * {@code catalog.OperatorClass#key()} spells it ({@code schema.name USING method}).
         */
        OPERATOR_CLASS,
        /** An operator family (ALTER OPERATOR FAMILY name USING method): keyed with its access method ({@code method}). */
        OPERATOR_FAMILY,
        /** A text search dictionary (ALTER TEXT SEARCH DICTIONARY). Templates and parsers have no owner in PostgreSQL. */
        TEXT_SEARCH_DICTIONARY,
        /** A text search configuration (ALTER TEXT SEARCH CONFIGURATION). */
        TEXT_SEARCH_CONFIGURATION,
        /** An encoding conversion (ALTER CONVERSION). */
        CONVERSION;

        /** As ALTER and the owners query spell it: {@code materialized view}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        public static Kind fromWord(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT).replace(' ', '_'));
        }

        public boolean routine() {
            return this == FUNCTION || this == PROCEDURE || this == AGGREGATE;
        }

        /** Named with a parenthesized list after the name: a routine's identity arguments, an operator's two types. */
        public boolean signed() {
            return routine() || this == OPERATOR;
        }

        /** Named with {@code USING method} after the name: an operator class or family. */
        public boolean usingMethod() {
            return this == OPERATOR_CLASS || this == OPERATOR_FAMILY;
        }

        /** Objects of the database, named without a schema. */
        public boolean databaseWide() {
            return this == SERVER || this == PUBLICATION || this == EVENT_TRIGGER;
        }
    }

    /** An operator's owner entry, keyed as the operator is ({@code schema.name(left, right)}, NONE for a missing side). */
    public static OwnerTarget operator(QualifiedName name, String leftType, String rightType) {
        return new OwnerTarget(Kind.OPERATOR, name, (leftType == null ? "NONE" : leftType) + ", " + (rightType == null ? "NONE" : rightType));
    }

    public static OwnerTarget schema(String schema) {
        return new OwnerTarget(Kind.SCHEMA, new QualifiedName(schema, schema), null);
    }

    /** A foreign server, publication or event trigger: a name of the database, no schema. */
    public static OwnerTarget databaseWide(Kind kind, String name) {
        return new OwnerTarget(kind, new QualifiedName("", name), null);
    }

    @Override
    public String toString() {
        if (kind == Kind.SCHEMA || kind != null && kind.databaseWide()) return name.name();
        if (kind.usingMethod()) return name + " USING " + method;
        return kind.signed() ? name + "(" + arguments + ")" : name.toString();
    }
}
