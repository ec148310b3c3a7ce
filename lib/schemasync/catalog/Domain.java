package schemasync.catalog;

import java.util.List;

/**
 * A domain as PostgreSQL reports it: {@code baseType} is {@code format_type(typbasetype, typtypmod)},
 * {@code defaultExpr} is {@code pg_type.typdefault} (already deparsed text), {@code collation} (schema and
 * name) is set only when it differs from the base type's, and the CHECK constraints are in name order with
 * {@code pg_get_constraintdef}'s text ({@code CHECK ((VALUE > 0))}) minus a trailing NOT VALID.
 */
public record Domain(QualifiedName name, String baseType, boolean notNull, String defaultExpr, QualifiedName collation,
                     List<Check> checks) {

    public Domain {
        checks = List.copyOf(checks);
    }

    /** A named CHECK on the domain; {@code validated} is false after ADD CONSTRAINT ... NOT VALID. */
    public record Check(String name, String expression, boolean validated) {
    }

    public java.util.Optional<Check> check(String checkName) {
        return checks.stream().filter(c -> c.name().equals(checkName)).findFirst();
    }

    /** A collation as written in messages: {@code "C"}, {@code myschema.mycoll}. */
    public static String collation(QualifiedName collation) {
        String quoted = "\"" + collation.name().replace("\"", "\"\"") + "\"";
        return collation.schema().equals("pg_catalog") ? quoted : schemasync.model.Identifiers.quote(collation.schema()) + "." + quoted;
    }

    /** {@code integer NOT NULL DEFAULT 0}, for messages. */
    public String describe() {
        return baseType + (collation == null ? "" : " COLLATE " + collation(collation)) + (notNull ? " NOT NULL" : "")
                + (defaultExpr == null ? "" : " DEFAULT " + defaultExpr);
    }
}
