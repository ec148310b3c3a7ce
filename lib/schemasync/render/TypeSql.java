package schemasync.render;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.CompositeType;
import schemasync.catalog.Domain;
import schemasync.catalog.SequenceSpec;

/**
 * DDL of domains, composite types and sequences as plain-SQL templates: jOOQ 3.19's createDomain
 * and createType render for PostgreSQL but have no named domain checks or attribute collations, and
 * its IF NOT EXISTS variants are DO blocks. Names go through {@code DSL.name}; types, defaults and
 * check expressions are the user's SQL, verbatim.
 */
final class TypeSql {
    private TypeSql() {
    }

    /** {@code CREATE DOMAIN name AS type [COLLATE c] [DEFAULT expr] [NOT NULL] [CONSTRAINT n CHECK (expr)]...}. */
    static String createDomain(DSLContext ctx, Domain d, Name name) {
        List<QueryPart> clauses = new ArrayList<>();
        if (d.collation() != null) clauses.add(DSL.sql("COLLATE {0}", collation(d.collation())));
        if (d.defaultExpr() != null) clauses.add(DSL.sql("DEFAULT {0}", DSL.sql(d.defaultExpr())));
        if (d.notNull()) clauses.add(DSL.sql("NOT NULL"));
        // A NOT VALID check follows as ALTER DOMAIN ... ADD ... NOT VALID: inside CREATE DOMAIN it would be valid.
        for (Domain.Check c : d.checks()) if (c.validated()) clauses.add(check(c));
        StringBuilder template = new StringBuilder("CREATE DOMAIN {0} AS {1}");
        for (int i = 0; i < clauses.size(); i++) template.append(" {").append(i + 2).append('}');
        List<QueryPart> parts = new ArrayList<>(List.of(name, DSL.sql(d.baseType())));
        parts.addAll(clauses);
        return ctx.render(DSL.query(template.toString(), parts.toArray(QueryPart[]::new)));
    }

    /** {@code CREATE SEQUENCE name [AS type] [INCREMENT BY n] [MINVALUE n] [MAXVALUE n] [START WITH n] [CACHE n] [CYCLE]}. */
    static String createSequence(DSLContext ctx, SequenceSpec q, Name name) {
        List<QueryPart> parts = new ArrayList<>(List.of(name));
        StringBuilder template = new StringBuilder("CREATE SEQUENCE {0}");
        // AS takes a type name from a validated list (smallint, integer, bigint and their aliases).
        if (q.dataType() != null) template.append(" AS ").append(q.dataType());
        if (!q.options().isEmpty()) {
            template.append(" {1}");
            parts.add(sequenceOptions("", q.options()));
        }
        return ctx.render(DSL.query(template.toString(), parts.toArray(QueryPart[]::new)));
    }

    /**
     * The declared options, space-separated in CREATE SEQUENCE's order, each after {@code prefix}:
     * {@code INCREMENT BY 10 START WITH 1000} for CREATE SEQUENCE and an identity's {@code (...)},
     * {@code SET INCREMENT BY 10 SET START WITH 1000} for ALTER COLUMN of an identity.
     */
    static QueryPart sequenceOptions(String prefix, schemasync.catalog.SequenceOptions o) {
        List<QueryPart> parts = new ArrayList<>();
        StringBuilder template = new StringBuilder();
        option(template, parts, prefix + "INCREMENT BY ", o.increment());
        option(template, parts, prefix + "MINVALUE ", o.minValue());
        option(template, parts, prefix + "MAXVALUE ", o.maxValue());
        option(template, parts, prefix + "START WITH ", o.start());
        option(template, parts, prefix + "CACHE ", o.cache());
        if (o.cycles() != null) template.append(' ').append(prefix).append(o.cycles() ? "CYCLE" : "NO CYCLE");
        return DSL.sql(template.toString().strip(), parts.toArray(QueryPart[]::new));
    }

    private static void option(StringBuilder template, List<QueryPart> parts, String keyword, Long value) {
        if (value == null) return;
        template.append(' ').append(keyword).append('{').append(parts.size()).append('}');
        parts.add(DSL.inline(value));
    }

    /** {@code CREATE TYPE name AS (attribute type [COLLATE c], ...)}. */
    static String createComposite(DSLContext ctx, CompositeType t, Name name) {
        List<QueryPart> attributes = new ArrayList<>();
        for (CompositeType.Attribute a : t.attributes()) {
            attributes.add(a.collation() == null ? DSL.sql("{0} {1}", DSL.name(a.name()), DSL.sql(a.type()))
                    : DSL.sql("{0} {1} COLLATE {2}", DSL.name(a.name()), DSL.sql(a.type()), collation(a.collation())));
        }
        return ctx.render(DSL.query("CREATE TYPE {0} AS ({1})", name, DSL.list(attributes)));
    }

    /**
     * {@code COMMENT ON <kind> name IS 'text'}; a constraint, trigger or policy is named {@code name ON
     * table} ({@code ON DOMAIN domain} for a domain's constraint); a routine's argument types are the
     * user's (or the catalog's) SQL, appended verbatim like a function's in DROP FUNCTION.
     */
    static String comment(DSLContext ctx, schemasync.catalog.CommentTarget t, String text) {
        schemasync.catalog.QualifiedName o = t.object();
        Name object = DSL.name(o.schema(), o.name());
        return switch (t.kind()) {
            case SCHEMA -> ctx.render(DSL.query("COMMENT ON SCHEMA {0} IS {1}", DSL.name(o.name()), DSL.inline(text)));
            case CONSTRAINT, TRIGGER, POLICY, RULE -> ctx.render(DSL.query("COMMENT ON " + t.kind().word().toUpperCase(java.util.Locale.ROOT)
                    + " {0} ON {1} IS {2}", DSL.name(t.detail()), object, DSL.inline(text)));
            case VIEW_COLUMN, MATERIALIZED_VIEW_COLUMN, FOREIGN_TABLE_COLUMN, TYPE_ATTRIBUTE -> ctx.render(DSL.query("COMMENT ON COLUMN {0} IS {1}",
                    DSL.name(o.schema(), o.name(), t.detail()), DSL.inline(text)));
            case EXTENSION, SERVER, PUBLICATION, EVENT_TRIGGER -> ctx.render(DSL.query("COMMENT ON " + t.kind().word().toUpperCase(java.util.Locale.ROOT)
                    + " {0} IS {1}", DSL.name(o.name()), DSL.inline(text)));
            // An operator's name is operator characters, which PostgreSQL never quotes (a quoted one is an identifier); its
            // two types, and a cast's, are SQL as format_type prints them (or as declared), appended as DROP OPERATOR's are.
            case OPERATOR -> ctx.render(DSL.query("COMMENT ON OPERATOR {0}", DSL.name(o.schema()))) + "." + o.name() + " (" + t.detail() + ") "
                    + ctx.render(DSL.query("IS {0}", DSL.inline(text)));
            case CAST -> "COMMENT ON CAST (" + o.name() + " AS " + t.detail() + ") " + ctx.render(DSL.query("IS {0}", DSL.inline(text)));
            case OPERATOR_CLASS, OPERATOR_FAMILY -> ctx.render(DSL.query("COMMENT ON " + t.kind().word().toUpperCase(java.util.Locale.ROOT)
                    + " {0} USING {1} IS {2}", object, DSL.name(t.detail()), DSL.inline(text)));
            case DOMAIN_CONSTRAINT -> ctx.render(DSL.query("COMMENT ON CONSTRAINT {0} ON DOMAIN {1} IS {2}", DSL.name(t.detail()),
                    object, DSL.inline(text)));
            case FUNCTION, PROCEDURE, AGGREGATE -> {
                String head = ctx.render(DSL.query("COMMENT ON " + t.kind().word().toUpperCase(java.util.Locale.ROOT) + " {0}", object));
                yield head + "(" + t.detail() + ") " + ctx.render(DSL.query("IS {0}", DSL.inline(text)));
            }
            default -> ctx.render(DSL.query("COMMENT ON " + t.kind().word().toUpperCase(java.util.Locale.ROOT) + " {0} IS {1}",
                    object, DSL.inline(text)));
        };
    }

    /** {@code CONSTRAINT "name" CHECK (expression)}. */
    static QueryPart check(Domain.Check c) {
        return DSL.sql("CONSTRAINT {0} CHECK ({1})", DSL.name(c.name()), DSL.sql(c.expression()));
    }

    /** A collation is an identifier of its own schema: {@code "pg_catalog"."C"}. */
    static Name collation(QualifiedName collation) {
        return DSL.name(collation.schema(), collation.name());
    }
}
