package schemasync.render;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import schemasync.catalog.Column.Identity;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.IndexSpec;
import schemasync.catalog.Table;
import schemasync.catalog.TriggerSpec;
import schemasync.catalog.KeyPart;
import schemasync.catalog.SequenceOptions;
import schemasync.step.Step;

/**
 * Step → SQL, with jOOQ. Every identifier goes through {@code DSL.name} (always quoted, so
 * {@code "order"} and {@code "User"} work); user-written SQL fragments (types, defaults, index
 * expressions, predicates) are passed verbatim as {@code DSL.sql}. jOOQ's DDL DSL is used where it
 * renders PostgreSQL correctly (schemas, defaults, comments); plain-SQL templates elsewhere: jOOQ 3.19
 * has no {@code USING method} for indexes and only models types it knows.
 */
public final class SqlRenderer {

    static final DSLContext CTX = DSL.using(SQLDialect.POSTGRES, new Settings()
            .withRenderFormatted(false)
            .withRenderKeywordCase(RenderKeywordCase.UPPER)
            .withParamType(ParamType.INLINED));

    private SqlRenderer() {
    }

    /** The one statement the step runs. */
    public static String render(Step step) {
        return step.accept(StepSql.INSTANCE);
    }

    /**
     * The statement as the executor sends it: {@link #render}'s text, except that a user mapping's password is read
     * from its environment variable now (the rendered text, which plans and logs show, names only the variable).
     */
    public static String executable(Step step, String rendered) {
        return ExternalSql.executable(step, rendered);
    }

    /** {@code CREATE TABLE} with the declared columns and primary key; also used for the normalizer's shadows. */
    public static String createTable(Name table, List<ColumnSpec> columns, List<String> primaryKey) {
        return createTable(table, columns, primaryKey, List.of());
    }

    public static String createTable(Name table, List<ColumnSpec> columns, List<String> primaryKey,
                                     List<ConstraintSpec> constraints) {
        return createTable(table, columns, null, primaryKey, constraints);
    }

    /** {@code primaryKeyName} null: PostgreSQL names it {@code <table>_pkey}. */
    public static String createTable(Name table, List<ColumnSpec> columns, String primaryKeyName, List<String> primaryKey,
                                     List<ConstraintSpec> constraints) {
        return createTable(table, columns, primaryKeyName, primaryKey, schemasync.catalog.KeyOptions.NONE, constraints);
    }

    /** With the primary key's INCLUDE and DEFERRABLE. */
    public static String createTable(Name table, List<ColumnSpec> columns, String primaryKeyName, List<String> primaryKey,
                                     schemasync.catalog.KeyOptions keyOptions, List<ConstraintSpec> constraints) {
        List<QueryPart> parts = new ArrayList<>();
        for (ColumnSpec c : columns) parts.add(columnDefinition(c));
        QueryPart options = keyOptions(keyOptions);
        if (!primaryKey.isEmpty() && primaryKeyName != null) {
            parts.add(DSL.sql("CONSTRAINT {0} PRIMARY KEY ({1}){2}", DSL.name(primaryKeyName),
                    keyColumns(primaryKey, keyOptions), options));
        } else if (!primaryKey.isEmpty()) {
            parts.add(DSL.sql("PRIMARY KEY ({0}){1}", keyColumns(primaryKey, keyOptions), options));
        }
        for (ConstraintSpec c : constraints) parts.add(constraintClause(c));
        return CTX.render(DSL.query("CREATE TABLE {0} ({1})", table, DSL.list(parts)));
    }

    /**
     * {@code CREATE TABLE name PARTITION OF parent FOR VALUES ... | DEFAULT [PARTITION BY ...]}; also used for
     * the normalizer's temporary partitions. The bound and key are the user's SQL, appended verbatim.
     */
    public static String createPartition(Name partition, Name parent, String bound, String partitionKey) {
        return CTX.render(DSL.query("CREATE TABLE {0} PARTITION OF {1}", partition, parent)) + " " + bound + partitionBy(partitionKey);
    }

    /** {@code " PARTITION BY RANGE (a)"}, or nothing for an ordinary table. */
    public static String partitionBy(String partitionKey) {
        return partitionKey == null ? "" : " PARTITION BY " + partitionKey;
    }

    /** {@code CREATE [UNIQUE] INDEX name ON table USING method (keys) [INCLUDE (...)] [WHERE ...]}. */
    public static String createIndex(String indexName, Name table, IndexSpec index) {
        return createIndex(indexName, table, index, false);
    }

    /** With {@code concurrently}: {@code CREATE [UNIQUE] INDEX CONCURRENTLY ...}, which must run outside a transaction. */
    public static String createIndex(String indexName, Name table, IndexSpec index, boolean concurrently) {
        List<QueryPart> keys = new ArrayList<>();
        for (KeyPart k : index.keys()) {
            if (k instanceof KeyPart.ColumnKey c) keys.add(DSL.name(c.column()));
            else if (k instanceof KeyPart.ExpressionKey e) keys.add(DSL.sql("({0})", DSL.sql(e.sql())));
            else if (k instanceof KeyPart.RawKey r) keys.add(DSL.sql(r.sql()));
        }
        QueryPart include = index.include().isEmpty() ? DSL.sql("")
                : DSL.sql(" INCLUDE ({0})", DSL.list(index.include().stream().map(DSL::name).toList()));
        if (index.nullsNotDistinct()) include = DSL.sql("{0} NULLS NOT DISTINCT", include); // after INCLUDE, as the grammar has it
        QueryPart where = index.where() == null ? DSL.sql("") : DSL.sql(" WHERE {0}", DSL.sql(index.where()));
        return CTX.render(DSL.query("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "") + "{0} ON {1} USING {2} ({3}){4}{5}",
                DSL.name(indexName), table, DSL.sql(index.method()), DSL.list(keys), include, where));
    }

    /** {@code CREATE POLICY name ON table AS ... FOR ... TO ... USING (...) WITH CHECK (...)}, or ALTER POLICY. */
    public static String policy(Table.Policy p, Name table, boolean alter) {
        // PUBLIC is a keyword, not a role name: quoting it would name a role called "public".
        List<QueryPart> roles = p.roles().stream().map(r -> r.equals("public") ? DSL.sql("PUBLIC") : (QueryPart) DSL.name(r)).toList();
        String head = alter ? "ALTER POLICY {0} ON {1}" : "CREATE POLICY {0} ON {1} AS " + (p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                + " FOR " + p.command();
        return CTX.render(DSL.query(head + " TO {2}", DSL.name(p.name()), table, DSL.list(roles)))
                + (p.using() == null ? "" : " USING (" + p.using() + ")")
                + (p.withCheck() == null ? "" : " WITH CHECK (" + p.withCheck() + ")");
    }

    /** {@code CREATE TRIGGER name timing events ON table FOR EACH ROW|STATEMENT [WHEN (...)] EXECUTE FUNCTION f()}. */
    public static String createTrigger(TriggerSpec t, Name table) {
        var c = t.constraint();
        String prefix = CTX.render(DSL.query("CREATE " + (c == null ? "" : "CONSTRAINT ") + "TRIGGER {0} ", DSL.name(t.name())));
        String on = CTX.render(DSL.query(" ON {0}", table))
                + (c == null || c.from() == null ? "" : CTX.render(DSL.query(" FROM {0}", name(QualifiedName.parse(c.from())))))
                + (c == null ? "" : c.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : c.deferrable() ? " DEFERRABLE" : "")
                + referencing(t.transitions());
        // Events, WHEN and the function call are the user's SQL, appended verbatim.
        return prefix + t.timing() + " " + t.events() + on + " FOR EACH " + (t.forEachRow() ? "ROW" : "STATEMENT")
                + (t.when() == null ? "" : " WHEN (" + t.when() + ")") + " EXECUTE FUNCTION " + t.function();
    }

    /** {@code REFERENCING OLD TABLE AS "o" NEW TABLE AS "n"}, in the place pg_get_triggerdef prints it; empty without. */
    private static String referencing(TriggerSpec.Transitions t) {
        if (t == null) return "";
        return " REFERENCING" + (t.oldTable() == null ? "" : CTX.render(DSL.query(" OLD TABLE AS {0}", DSL.name(t.oldTable()))))
                + (t.newTable() == null ? "" : CTX.render(DSL.query(" NEW TABLE AS {0}", DSL.name(t.newTable()))));
    }

    /** {@code INCLUDE ("b") DEFERRABLE INITIALLY DEFERRED} after a key's columns, each part when declared. */
    static QueryPart keyOptions(schemasync.catalog.KeyOptions o) {
        return DSL.sql((o.include().isEmpty() ? "" : " INCLUDE ({0})") + (o.deferrable() ? " DEFERRABLE" : "")
                + (o.initiallyDeferred() ? " INITIALLY DEFERRED" : ""), DSL.list(o.include().stream().map(DSL::name).toList()));
    }

    /** A key's columns, the last one {@code WITHOUT OVERLAPS} when the key says so (PostgreSQL 18). */
    static QueryPart keyColumns(List<String> columns, schemasync.catalog.KeyOptions o) {
        List<QueryPart> parts = new ArrayList<>(columns.stream().map(DSL::name).toList());
        if (o.withoutOverlaps() && !parts.isEmpty()) parts.set(parts.size() - 1, DSL.sql("{0} WITHOUT OVERLAPS", parts.get(parts.size() - 1)));
        return DSL.list(parts);
    }

    /** A foreign key's columns, the last one marked {@code PERIOD} when the reference says so (PostgreSQL 18). */
    static QueryPart periodColumns(List<String> columns, boolean period) {
        List<QueryPart> parts = new ArrayList<>(columns.stream().map(DSL::name).toList());
        if (period && !parts.isEmpty()) parts.set(parts.size() - 1, DSL.sql("PERIOD {0}", parts.get(parts.size() - 1)));
        return DSL.list(parts);
    }

    /** {@code CONSTRAINT "name" UNIQUE (...) | CHECK (...) | FOREIGN KEY (...) REFERENCES ...}. */
    public static QueryPart constraintClause(ConstraintSpec c) {
        // PostgreSQL 18: a CHECK or FOREIGN KEY kept in the catalog but never checked.
        return c.notEnforced() ? DSL.sql("{0} NOT ENFORCED", enforcedClause(c)) : enforcedClause(c);
    }

    private static QueryPart enforcedClause(ConstraintSpec c) {
        QueryPart columns = DSL.list(c.columns().stream().map(DSL::name).toList());
        return switch (c.kind()) {
            case UNIQUE -> DSL.sql("CONSTRAINT {0} UNIQUE" + (c.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " ({1}){2}",
                    DSL.name(c.name()), keyColumns(c.columns(), c.keyOptions()), keyOptions(c.keyOptions()));
            // A trailing NO INHERIT (TableBuilder.noInherit, or pg_get_constraintdef's text) goes after the parentheses.
            case CHECK -> c.checkSql().matches("(?is).*\\s+NO\\s+INHERIT\\s*")
                    ? DSL.sql("CONSTRAINT {0} CHECK ({1}) NO INHERIT", DSL.name(c.name()),
                            DSL.sql(c.checkSql().replaceFirst("(?is)\\s+NO\\s+INHERIT\\s*$", "")))
                    : DSL.sql("CONSTRAINT {0} CHECK ({1})", DSL.name(c.name()), DSL.sql(c.checkSql()));
            case EXCLUSION -> DSL.sql("CONSTRAINT {0} EXCLUDE {1}", DSL.name(c.name()), DSL.sql(c.checkSql()));
            case FOREIGN_KEY -> {
                ConstraintSpec.ForeignKeySpec fk = c.foreignKey();
                StringBuilder tail = new StringBuilder();
                if (!fk.match().equals("SIMPLE")) tail.append(" MATCH ").append(fk.match());
                if (!fk.onUpdate().equals("NO ACTION")) tail.append(" ON UPDATE ").append(fk.onUpdate());
                if (!fk.onDelete().equals("NO ACTION")) tail.append(" ON DELETE ").append(fk.onDelete());
                if (fk.deferrable()) tail.append(" DEFERRABLE");
                if (fk.initiallyDeferred()) tail.append(" INITIALLY DEFERRED");
                QueryPart referenced = fk.referencedColumns().isEmpty() ? DSL.sql("")
                        : DSL.sql(" ({0})", periodColumns(fk.referencedColumns(), fk.period()));
                yield DSL.sql("CONSTRAINT {0} FOREIGN KEY ({1}) REFERENCES {2}{3}" + tail, DSL.name(c.name()),
                        fk.period() ? periodColumns(c.columns(), true) : columns, name(QualifiedName.parse(fk.references())), referenced);
            }
        };
    }

    /** {@code "name" type [COLLATE c] [GENERATED ALWAYS AS (expr) STORED | VIRTUAL | GENERATED ... AS IDENTITY] [NOT NULL] [DEFAULT expr]}. */
    /** {@code ALTER TABLE t RENAME CONSTRAINT from TO to}: what a report offers to run; never a step (renames are the user's). */
    public static String renameConstraint(QualifiedName table, String from, String to) {
        return CTX.render(DSL.query("ALTER TABLE {0} RENAME CONSTRAINT {1} TO {2}", name(table), DSL.name(from), DSL.name(to)));
    }

    public static QueryPart columnDefinition(ColumnSpec c) {
        StringBuilder template = new StringBuilder("{0} {1}");
        if (c.collation() != null) template.append(" COLLATE {3}");
        // jOOQ 3.19 silently drops generated-column clauses (a commercial feature): a template keeps it.
        if (c.generatedSql() != null) template.append(" GENERATED ALWAYS AS ({4}) ").append(c.virtual() ? "VIRTUAL" : "STORED");
        if (c.identity() != Identity.NONE) template.append(' ').append(c.identity().sql());
        // Only the options that differ from PostgreSQL's defaults for the column's type: a column
        // declared without options renders exactly as before.
        SequenceOptions options = c.identityOptions().withoutDefaults(c.type());
        if (c.identity() != Identity.NONE && !options.isEmpty()) template.append(" ({5})");
        if (c.notNull()) template.append(c.notNullName() == null ? " NOT NULL" : " CONSTRAINT {6} NOT NULL"); // named: PostgreSQL 18
        if (c.defaultSql() != null) template.append(" DEFAULT {2}");
        return DSL.sql(template.toString(), DSL.name(c.name()), DSL.sql(c.type()),
                DSL.sql(c.defaultSql() == null ? "" : c.defaultSql()),
                c.collation() == null ? DSL.sql("") : DSL.name(c.collation().schema(), c.collation().name()),
                DSL.sql(c.generatedSql() == null ? "" : c.generatedSql()), TypeSql.sequenceOptions("", options),
                DSL.name(c.notNullName() == null ? "" : c.notNullName()));
    }

    public static Name name(QualifiedName name) {
        return DSL.name(name.schema(), name.name());
    }
}
