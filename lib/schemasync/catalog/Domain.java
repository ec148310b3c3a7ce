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

    /**
     * A collation as ruleutils' generate_collation_name prints it: {@code "C"}, {@code ucs_basic}, {@code myschema.mycoll}.
     * Each part is quoted only when quote_ident would ({@code "C"} and {@code "en_US"} need quotes, {@code ucs_basic}
     * does not), and only a collation outside pg_catalog is qualified: the reader pins the search_path to pg_catalog, so
     * pg_catalog's collations are the visible ones. The text is what column, attribute and domain definitions are
     * written with.
     */
    public static String collation(QualifiedName collation) {
        String name = schemasync.model.Identifiers.quote(collation.name());
        return collation.schema().equals("pg_catalog") ? name : schemasync.model.Identifiers.quote(collation.schema()) + "." + name;
    }

    /** {@code integer NOT NULL DEFAULT 0}, for messages. */
    public String describe() {
        return baseType + (collation == null ? "" : " COLLATE " + collation(collation)) + (notNull ? " NOT NULL" : "")
                + (defaultExpr == null ? "" : " DEFAULT " + defaultExpr);
    }
}
