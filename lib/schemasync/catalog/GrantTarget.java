package schemasync.catalog;

import java.util.List;
import java.util.Locale;

/**
 * What a GRANT is on: a table, one column of a table, a sequence, a schema, or a routine (function,
 * procedure or aggregate: {@code GRANT ... ON ROUTINE} covers all three). {@code schema} and
 * {@code name} locate the object (a schema has no name), {@code detail} is the column, or the
 * routine's identity arguments as pg_get_function_identity_arguments prints them.
 */
public record GrantTarget(Kind kind, String schema, String name, String detail) {

    public enum Kind {
        TABLE(List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN")),
        COLUMN(List.of("SELECT", "INSERT", "UPDATE", "REFERENCES")),
        SEQUENCE(List.of("USAGE", "SELECT", "UPDATE")),
        SCHEMA(List.of("USAGE", "CREATE")),
        FUNCTION(List.of("EXECUTE"));

        /** The privileges GRANT accepts on this kind of object (MAINTAIN: PostgreSQL 17+). */
        public final List<String> privileges;

        Kind(List<String> privileges) {
            this.privileges = privileges;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static GrantTarget table(QualifiedName table) {
        return new GrantTarget(Kind.TABLE, table.schema(), table.name(), null);
    }

    public static GrantTarget column(QualifiedName table, String column) {
        return new GrantTarget(Kind.COLUMN, table.schema(), table.name(), column);
    }

    public static GrantTarget sequence(QualifiedName sequence) {
        return new GrantTarget(Kind.SEQUENCE, sequence.schema(), sequence.name(), null);
    }

    public static GrantTarget schema(String schema) {
        return new GrantTarget(Kind.SCHEMA, schema, null, null);
    }

    public static GrantTarget function(QualifiedName function, String arguments) {
        return new GrantTarget(Kind.FUNCTION, function.schema(), function.name(), arguments);
    }

    /**
     * A routine by the catalog's key for it ({@code schema.name(arguments)}): the arguments cut from the key, as
     * the grants query keys them. Null when the key is not the routine's.
     */
    public static GrantTarget routine(QualifiedName routine, String catalogKey) {
        int from = routine.toString().length() + 1;
        if (catalogKey == null || from > catalogKey.length() - 1) return null;
        return function(routine, catalogKey.substring(from, catalogKey.length() - 1));
    }

    /** The table, sequence or routine name (for a column: its table). */
    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name == null ? "" : name);
    }

    /** Plan output: {@code public.users}, {@code public.users.email}, {@code audit}, {@code public.f(integer)}. */
    public String object() {
        return switch (kind) {
            case SCHEMA -> schema;
            case COLUMN -> schema + "." + name + "." + detail;
            case FUNCTION -> schema + "." + name + "(" + detail + ")";
            default -> schema + "." + name;
        };
    }

    @Override
    public String toString() {
        return kind.word() + " " + object();
    }
}
