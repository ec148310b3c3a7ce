package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.model.Identifiers;

/**
 * The exact SQL and the guard of each custom step the generator writes. Guards ask pg_catalog by
 * name (never by OID, never through search_path), so they answer the same on any database; every
 * identifier is quoted by the one rule ({@link Identifiers#quote}: quote_ident with the keywords of 13–18, so the
 * text reads the same on every supported server), every name in a guard is a string literal.
 */
final class CustomSql {
    private CustomSql() {
    }

    static String q(String identifier) {
        return Identifiers.quote(identifier);
    }

    static String q(QualifiedName name) {
        return q(name.schema()) + "." + q(name.name());
    }

    static String lit(String value) {
        return schemasync.catalog.SqlText.literal(value);
    }

    /** True while no relation (table, sequence, view, ...) of this name exists. */
    static String relationMissing(QualifiedName name) {
        return "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + "\n    WHERE n.nspname = " + lit(name.schema()) + " AND c.relname = " + lit(name.name()) + ")";
    }

    static String typeMissing(QualifiedName name) {
        return "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + "\n    WHERE n.nspname = " + lit(name.schema()) + " AND t.typname = " + lit(name.name()) + ")";
    }

    static String constraintMissing(QualifiedName table, String constraint) {
        return "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
                + "\n    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " + lit(table.schema())
                + " AND c.relname = " + lit(table.name()) + " AND k.conname = " + lit(constraint) + ")";
    }

    static String triggerMissing(QualifiedName table, String trigger) {
        return "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid"
                + "\n    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " + lit(table.schema())
                + " AND c.relname = " + lit(table.name()) + " AND g.tgname = " + lit(trigger) + ")";
    }

    /** A routine is told apart from its overloads by its identity arguments, as PostgreSQL prints them. */
    static String routineMissing(QualifiedName name, String identityArguments) {
        return "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + "\n    WHERE n.nspname = " + lit(name.schema()) + " AND p.proname = " + lit(name.name())
                + " AND pg_catalog.pg_get_function_identity_arguments(p.oid) = " + lit(identityArguments) + ")";
    }

    static String addConstraint(QualifiedName table, String name, String definition) {
        return "ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(name) + " " + definition;
    }

    /** One column as in CREATE TABLE. */
    static String columnSql(Column c) {
        StringBuilder s = new StringBuilder(q(c.name()) + " " + c.type());
        if (c.identity() != Column.Identity.NONE) s.append(" ").append(c.identity().sql());
        if (c.defaultExpr() != null) s.append(" DEFAULT ").append(c.defaultExpr());
        if (c.notNull()) s.append(" NOT NULL");
        return s.toString();
    }

    /** COMMENT ON TABLE / COLUMN statements for a table the DSL does not declare. */
    static List<String> comments(Table t) {
        List<String> out = new ArrayList<>();
        if (t.comment() != null) out.add("COMMENT ON TABLE " + q(t.name()) + " IS " + lit(t.comment()));
        for (Column c : t.columns()) {
            if (c.comment() != null) out.add("COMMENT ON COLUMN " + q(t.name()) + "." + q(c.name()) + " IS " + lit(c.comment()));
        }
        return out;
    }
}
