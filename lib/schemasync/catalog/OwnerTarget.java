package schemasync.catalog;

import java.util.Locale;

/**
 * An object whose owner (a role, by name) the catalog reads and a block may declare: {@code kind} says which
 * ALTER statement changes it, {@code name} is the schema-qualified object (a schema: {@code schema.schema}),
 * {@code arguments} a routine's identity arguments as pg_get_function_identity_arguments prints them (null
 * otherwise). Indexes, identity and serial sequences and a table's row type are not here: PostgreSQL keeps
 * them owned by their table's owner (ALTER TABLE ... OWNER TO carries them along, and refuses them alone).
 */
public record OwnerTarget(Kind kind, QualifiedName name, String arguments) {

    public enum Kind {
        SCHEMA, TABLE, FOREIGN_TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, FUNCTION, PROCEDURE, AGGREGATE,
        /** An enum, composite or range type (ALTER TYPE); a domain has its own statement. */
        TYPE, DOMAIN, COLLATION;

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
    }

    public static OwnerTarget schema(String schema) {
        return new OwnerTarget(Kind.SCHEMA, new QualifiedName(schema, schema), null);
    }

    @Override
    public String toString() {
        if (kind == Kind.SCHEMA) return name.name();
        return kind.routine() ? name + "(" + arguments + ")" : name.toString();
    }
}
