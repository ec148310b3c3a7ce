package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code ensureDomain(name, baseType)}: {@code .notNull()}, {@code .dflt("0")},
 * {@code .collate("C")} and named checks {@code .check("year_range", "VALUE BETWEEN 1901 AND 2155")}
 * (the expression refers to the value as {@code VALUE}, as in CREATE DOMAIN).
 */
public final class DomainBuilder {
    final String name;
    final String baseType;
    boolean notNull;
    String defaultSql;
    schemasync.catalog.QualifiedName collation;
    final List<TypeDecl.DomainDecl.Check> checks = new ArrayList<>();

    DomainBuilder(String name, String baseType) {
        this.name = name;
        this.baseType = baseType == null ? null : baseType.strip();
    }

    /** NOT NULL: every column of this domain rejects NULL. */
    public DomainBuilder notNull() {
        this.notNull = true;
        return this;
    }

    /** DEFAULT expr, used by columns of this domain that have no default of their own. */
    public DomainBuilder dflt(String sqlExpression) {
        this.defaultSql = sqlExpression == null ? null : sqlExpression.strip();
        return this;
    }

    /** COLLATE a collation of pg_catalog, named as pg_collation has it: {@code "C"}, {@code "en_US.utf8"}, {@code "und-x-icu"}. */
    public DomainBuilder collate(String collationName) {
        return collate("pg_catalog", collationName);
    }

    /** COLLATE a collation created in {@code schema} (CREATE COLLATION). */
    public DomainBuilder collate(String schema, String collationName) {
        this.collation = new schemasync.catalog.QualifiedName(schema, collationName);
        return this;
    }

    /**
     * The check declared just before is NOT VALID: added with ALTER DOMAIN ... ADD CONSTRAINT ... NOT VALID
     * (values already stored are not checked, new ones are) and never validated by the tool; an existing
     * check of that expression satisfies it, NOT VALID or validated.
     */
    public DomainBuilder notValid() {
        if (checks.isEmpty()) throw new IllegalStateException("notValid() applies to the check(...) declared just before it");
        TypeDecl.DomainDecl.Check last = checks.remove(checks.size() - 1);
        checks.add(new TypeDecl.DomainDecl.Check(last.name(), last.expression(), true));
        return this;
    }

    /** CONSTRAINT name CHECK (expression): named, so that it can be compared and added on its own later. */
    public DomainBuilder check(String constraintName, String expression) {
        checks.add(new TypeDecl.DomainDecl.Check(constraintName, expression == null ? null : expression.strip()));
        return this;
    }
}
