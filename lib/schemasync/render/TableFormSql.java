package schemasync.render;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.TableForm;
import schemasync.catalog.TableSpec;

/**
 * The CREATE TABLE of a table with a {@link TableForm}: {@code CREATE [UNLOGGED] TABLE name (...) [INHERITS (...)]
 * [PARTITION BY ...] [WITH (...)]}, or for a typed table {@code CREATE TABLE name OF type [(col WITH OPTIONS ...,
 * constraint)]} (PostgreSQL's grammar: a typed table names no column types, and an empty list has no parentheses).
 */
final class TableFormSql {
    private TableFormSql() {
    }

    static String createTable(Name table, TableSpec t, List<ConstraintSpec> constraints) {
        TableForm form = t.form();
        String sql = form.ofType() != null ? typed(table, t, constraints)
                : SqlRenderer.createTable(table, t.columns(), t.primaryKeyName(), t.primaryKey(), t.primaryKeyOptions(), constraints);
        if (form.unlogged()) sql = "CREATE UNLOGGED TABLE" + sql.substring("CREATE TABLE".length());
        if (!form.inherits().isEmpty()) {
            sql += SqlRenderer.CTX.render(DSL.query(" INHERITS ({0})", DSL.list(form.inherits().stream()
                    .map(TableFormSql::name).toList())));
        }
        sql += SqlRenderer.partitionBy(t.partitionBy());
        if (!form.storage().isEmpty()) sql += " " + with(form.storage());
        return sql;
    }

    /** {@code WITH (fillfactor = '70', toast.autovacuum_enabled = 'false')}: values as literals, names as identifiers. */
    static String with(List<String> storage) {
        List<QueryPart> parts = new ArrayList<>();
        for (String p : storage) {
            String key = schemasync.catalog.RelationOptions.key(p);
            Name name = key.contains(".") ? DSL.name(key.split("\\.", 2)) : DSL.name(key);
            parts.add(DSL.field("{0} = {1}", name, DSL.inline(p.substring(Math.min(p.length(), key.length() + 1)))));
        }
        return SqlRenderer.CTX.render(DSL.query("WITH ({0})", DSL.list(parts)));
    }

    private static String typed(Name table, TableSpec t, List<ConstraintSpec> constraints) {
        List<QueryPart> parts = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            // Only what the column adds to the type's attribute: NOT NULL and DEFAULT.
            StringBuilder template = new StringBuilder("{0} WITH OPTIONS");
            if (c.notNull()) template.append(c.notNullName() == null ? " NOT NULL" : " CONSTRAINT {2} NOT NULL"); // named: PostgreSQL 18
            if (c.defaultSql() != null) template.append(" DEFAULT {1}");
            parts.add(DSL.sql(template.toString(), DSL.name(c.name()), DSL.sql(c.defaultSql() == null ? "" : c.defaultSql()),
                    DSL.name(c.notNullName() == null ? "" : c.notNullName())));
        }
        if (!t.primaryKey().isEmpty()) {
            QueryPart key = SqlRenderer.keyColumns(t.primaryKey(), t.primaryKeyOptions()); // WITHOUT OVERLAPS too (PostgreSQL 18)
            QueryPart options = SqlRenderer.keyOptions(t.primaryKeyOptions());
            parts.add(t.primaryKeyName() != null ? DSL.sql("CONSTRAINT {0} PRIMARY KEY ({1}){2}", DSL.name(t.primaryKeyName()), key, options)
                    : DSL.sql("PRIMARY KEY ({0}){1}", key, options));
        }
        for (ConstraintSpec c : constraints) parts.add(SqlRenderer.constraintClause(c));
        String head = SqlRenderer.CTX.render(DSL.query("CREATE TABLE {0} OF {1}", table, name(t.form().ofType())));
        return parts.isEmpty() ? head : head + " " + SqlRenderer.CTX.render(DSL.query("({0})", DSL.list(parts)));
    }

    private static Name name(QualifiedName q) {
        return DSL.name(q.schema(), q.name());
    }
}
