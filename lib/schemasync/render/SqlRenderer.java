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
import schemasync.dsl.ColumnSpec;
import schemasync.dsl.ConstraintSpec;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.KeyPart;
import schemasync.dsl.SequenceOptions;
import schemasync.plan.Step;

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

    public static String render(Step step) {
        if (step instanceof Step.CreateSchema s) {
            return CTX.render(DSL.createSchema(DSL.name(s.schema())));
        } else if (step instanceof Step.CreateExtension x) {
            return CTX.render(DSL.query("CREATE EXTENSION {0}" + (x.schema() == null ? "" : " WITH SCHEMA {1}")
                    + (x.version() == null ? "" : " VERSION {2}"), DSL.name(x.name()),
                    DSL.name(x.schema() == null ? "" : x.schema()), DSL.inline(x.version() == null ? "" : x.version())));
        } else if (step instanceof Step.CreateEnum e) {
            return CTX.render(DSL.query("CREATE TYPE {0} AS ENUM ({1})", name(e.name()),
                    DSL.list(e.labels().stream().map(DSL::inline).toList())));
        } else if (step instanceof Step.AddEnumValue a) {
            return CTX.render(DSL.query("ALTER TYPE {0} ADD VALUE {1} " + (a.before() ? "BEFORE" : "AFTER") + " {2}",
                    name(a.name()), DSL.inline(a.label()), DSL.inline(a.neighbour())));
        } else if (step instanceof Step.CommentOnObject c) {
            return TypeSql.comment(CTX, c.target(), c.comment());
        } else if (step instanceof Step.CreateSequence q) {
            return TypeSql.createSequence(CTX, q.sequence(), name(q.sequence().name()));
        } else if (step instanceof Step.SetSequenceOwner o) {
            return CTX.render(DSL.query("ALTER SEQUENCE {0} OWNED BY {1}", name(o.sequence()),
                    DSL.name(o.table().schema(), o.table().name(), o.column())));
        } else if (step instanceof Step.CreateCompositeType c) {
            return TypeSql.createComposite(CTX, c.type(), name(c.type().name()));
        } else if (step instanceof Step.CreateDomain d) {
            // NOT VALID checks follow as ALTER DOMAIN ... ADD CONSTRAINT ... NOT VALID (see TypePlanner).
            return TypeSql.createDomain(CTX, d.domain().withoutNotValidChecks(), name(d.domain().name()));
        } else if (step instanceof Step.AddDomainConstraint a) {
            return CTX.render(DSL.query("ALTER DOMAIN {0} ADD {1}" + (a.notValid() ? " NOT VALID" : ""), name(a.domain()),
                    TypeSql.check(a.check())));
        } else if (step instanceof Step.ValidateDomainConstraint v) {
            return CTX.render(DSL.query("ALTER DOMAIN {0} VALIDATE CONSTRAINT {1}", name(v.domain()), DSL.name(v.name())));
        } else if (step instanceof Step.CreateFunction f) {
            // Arguments and body are the user's SQL, verbatim (dollar quotes and all).
            // jOOQ renders the name; arguments and body are appended verbatim, never parsed as a
            // template (a plpgsql body may contain anything, {0} included).
            return CTX.render(DSL.query("CREATE OR REPLACE " + (f.procedure() ? "PROCEDURE" : "FUNCTION") + " {0}",
                    name(f.name()))) + "(" + f.arguments() + ") " + f.definition();
        } else if (step instanceof Step.GrantPrivileges g) {
            return PrivilegeSql.grant(g);
        } else if (step instanceof Step.AlterDefaultPrivileges a) {
            return PrivilegeSql.defaultPrivileges(a);
        } else if (step instanceof Step.CreateAggregate a) {
            return PrivilegeSql.createAggregate(a);
        } else if (step instanceof Step.SetRowSecurity r) {
            return CTX.render(DSL.query("ALTER TABLE {0} ENABLE ROW LEVEL SECURITY" + (r.force() ? ", FORCE ROW LEVEL SECURITY" : ""),
                    name(r.table())));
        } else if (step instanceof Step.CreatePolicy p) {
            return policy(p.policy(), name(p.table()), p.alter());
        } else if (step instanceof Step.CreateTrigger t) {
            return createTrigger(t.trigger(), name(t.table()));
        } else if (step instanceof Step.CreateView v) {
            return CTX.render(DSL.query("CREATE " + (v.replace() ? "OR REPLACE " : "") + "VIEW {0} AS {1}", name(v.name()),
                    DSL.sql(v.sql())));
        } else if (step instanceof Step.CreateTable t) {
            // A NOT VALID constraint is added after CREATE TABLE (see Planner): inside CREATE TABLE PostgreSQL
            // ignores NOT VALID and marks it valid, and the catalog would not be what was declared.
            return createTable(name(t.table().name()), t.table().columns(), t.table().primaryKeyName(), t.table().primaryKey(),
                    t.table().constraints().stream().filter(c -> !c.notValid()).toList()) + partitionBy(t.table().partitionBy());
        } else if (step instanceof Step.CreatePartition p) {
            return createPartition(name(p.name()), name(p.parent()), p.bound(), p.partitionBy());
        } else if (step instanceof Step.CreateMaterializedView m) {
            // The query is the user's SQL, appended verbatim like a view's.
            return CTX.render(DSL.query("CREATE MATERIALIZED VIEW {0} AS ", name(m.name()))) + m.sql()
                    + (m.withData() ? " WITH DATA" : " WITH NO DATA");
        } else if (step instanceof Step.AddColumn a) {
            return CTX.render(DSL.query("ALTER TABLE {0} ADD COLUMN {1}", name(a.table()), columnDefinition(a.column())));
        } else if (step instanceof Step.SetColumnDefault d) {
            return CTX.render(DSL.alterTable(name(d.table())).alter(DSL.name(d.column()))
                    .setDefault(DSL.field(DSL.sql(d.defaultSql()))));
        } else if (step instanceof Step.AlterColumnType a) {
            // Type and USING are the user's SQL, verbatim; jOOQ 3.19 has no USING clause.
            return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} TYPE {2}" + (a.using() == null ? "" : " USING {3}"),
                    name(a.table()), DSL.name(a.column()), DSL.sql(a.type()), DSL.sql(a.using() == null ? "" : a.using())));
        } else if (step instanceof Step.SetNotNull n) {
            String set = CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} SET NOT NULL", name(n.table()), DSL.name(n.column())));
            return n.provenBy() == null ? set : set + "; " + CTX.render(DSL.query("ALTER TABLE {0} DROP CONSTRAINT {1}",
                    name(n.table()), DSL.name(n.provenBy())));
        } else if (step instanceof Step.DropNotNull n) {
            return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} DROP NOT NULL", name(n.table()), DSL.name(n.column())));
        } else if (step instanceof Step.AddIdentity i) {
            return identity(i.table(), i.column(), "ADD " + i.kind().sql() + (i.options().isEmpty() ? "" : " ({2})"), i.options());
        } else if (step instanceof Step.SetIdentity i) {
            String generated = i.kind() == null ? "" : i.kind() == Identity.ALWAYS ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT";
            return identity(i.table(), i.column(), (generated + (i.options().isEmpty() ? "" : " {2}")).strip(), i.options());
        } else if (step instanceof Step.DropColumnDefault d) {
            return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} DROP DEFAULT", name(d.table()), DSL.name(d.column())));
        } else if (step instanceof Step.CommentOnTable c) {
            return CTX.render(DSL.commentOnTable(name(c.table())).is(c.comment()));
        } else if (step instanceof Step.CommentOnColumn c) {
            return CTX.render(DSL.commentOnColumn(DSL.name(c.table().schema(), c.table().name(), c.column()))
                    .is(c.comment()));
        } else if (step instanceof Step.CreateIndex i) {
            return createIndex(i.name(), name(i.index().table()), i.index(), i.concurrently());
        } else if (step instanceof Step.DropIndex d) {
            return CTX.render(DSL.query("DROP INDEX " + (d.concurrently() ? "CONCURRENTLY " : "") + "{0}", name(d.index())));
        } else if (step instanceof Step.SwapIndex w) {
            // Two statements, one step: the executor runs them in one transaction, so a kill between
            // them cannot leave the declared name missing.
            return CTX.render(DSL.query("ALTER INDEX {0} RENAME TO {1}", name(w.index()), DSL.name(w.retired()))) + "; "
                    + CTX.render(DSL.query("ALTER INDEX {0} RENAME TO {1}", name(w.index().sibling(w.replacement())),
                    DSL.name(w.index().name())));
        } else if (step instanceof Step.RenameTable r) {
            return CTX.render(DSL.query("ALTER TABLE {0} RENAME TO {1}", name(r.table()), DSL.name(r.to())));
        } else if (step instanceof Step.RenameColumn r) {
            return CTX.render(DSL.query("ALTER TABLE {0} RENAME COLUMN {1} TO {2}", name(r.table()), DSL.name(r.from()),
                    DSL.name(r.to())));
        } else if (step instanceof Step.RenameIndex r) {
            // jOOQ's alterIndex(...) loses the schema of a qualified name in 3.19: a template keeps it.
            return CTX.render(DSL.query("ALTER INDEX {0} RENAME TO {1}", name(r.index()), DSL.name(r.to())));
        } else if (step instanceof Step.DropTable d) {
            return CTX.render(DSL.query("DROP TABLE {0}", name(d.table())));
        } else if (step instanceof Step.DropColumn d) {
            return CTX.render(DSL.query("ALTER TABLE {0} DROP COLUMN {1}", name(d.table()), DSL.name(d.column())));
        } else if (step instanceof Step.AddConstraint a) {
            return CTX.render(DSL.query("ALTER TABLE {0} ADD {1}" + (a.notValid() ? " NOT VALID" : ""), name(a.table()),
                    constraintClause(a.constraint())));
        } else if (step instanceof Step.ValidateConstraint v) {
            return CTX.render(DSL.query("ALTER TABLE {0} VALIDATE CONSTRAINT {1}", name(v.table()), DSL.name(v.name())));
        } else if (step instanceof Step.DropObject d) {
            return switch (d.kind()) {
                case CONSTRAINT -> CTX.render(DSL.query("ALTER TABLE {0} DROP CONSTRAINT {1}", name(d.target()), DSL.name(d.detail())));
                case TRIGGER -> CTX.render(DSL.query("DROP TRIGGER {0} ON {1}", DSL.name(d.detail()), name(d.target())));
                case VIEW -> CTX.render(DSL.query("DROP VIEW {0}", name(d.target())));
                // DROP ROUTINE: one statement for functions, procedures and aggregates (DROP FUNCTION refuses a procedure).
                case FUNCTION -> CTX.render(DSL.query("DROP ROUTINE {0}", name(d.target()))) + "(" + d.detail() + ")";
                default -> throw new IllegalArgumentException("no DROP for " + d.kind());
            };
        } else if (step instanceof Step.CustomSql c) {
            return c.sql();
        }
        throw new IllegalArgumentException("no SQL for " + step);
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
        List<QueryPart> parts = new ArrayList<>();
        for (ColumnSpec c : columns) parts.add(columnDefinition(c));
        if (!primaryKey.isEmpty() && primaryKeyName != null) {
            parts.add(DSL.sql("CONSTRAINT {0} PRIMARY KEY ({1})", DSL.name(primaryKeyName),
                    DSL.list(primaryKey.stream().map(DSL::name).toList())));
        } else if (!primaryKey.isEmpty()) {
            parts.add(DSL.sql("PRIMARY KEY ({0})", DSL.list(primaryKey.stream().map(DSL::name).toList())));
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
    public static String createIndex(String indexName, Name table, IndexDecl index) {
        return createIndex(indexName, table, index, false);
    }

    /** With {@code concurrently}: {@code CREATE [UNIQUE] INDEX CONCURRENTLY ...}, which must run outside a transaction. */
    public static String createIndex(String indexName, Name table, IndexDecl index, boolean concurrently) {
        List<QueryPart> keys = new ArrayList<>();
        for (KeyPart k : index.keys()) {
            if (k instanceof KeyPart.ColumnKey c) keys.add(DSL.name(c.column()));
            else if (k instanceof KeyPart.ExpressionKey e) keys.add(DSL.sql("({0})", DSL.sql(e.sql())));
            else if (k instanceof KeyPart.RawKey r) keys.add(DSL.sql(r.sql()));
        }
        QueryPart include = index.include().isEmpty() ? DSL.sql("")
                : DSL.sql(" INCLUDE ({0})", DSL.list(index.include().stream().map(DSL::name).toList()));
        QueryPart where = index.where() == null ? DSL.sql("") : DSL.sql(" WHERE {0}", DSL.sql(index.where()));
        return CTX.render(DSL.query("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "") + "{0} ON {1} USING {2} ({3}){4}{5}",
                DSL.name(indexName), table, DSL.sql(index.method().amname()), DSL.list(keys), include, where));
    }

    /** {@code CREATE POLICY name ON table AS ... FOR ... TO ... USING (...) WITH CHECK (...)}, or ALTER POLICY. */
    public static String policy(schemasync.dsl.Declaration.PolicyDecl p, Name table, boolean alter) {
        // PUBLIC is a keyword, not a role name: quoting it would name a role called "public".
        List<QueryPart> roles = p.roles().stream().map(r -> r.equals("public") ? DSL.sql("PUBLIC") : (QueryPart) DSL.name(r)).toList();
        String head = alter ? "ALTER POLICY {0} ON {1}" : "CREATE POLICY {0} ON {1} AS " + (p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                + " FOR " + p.command();
        return CTX.render(DSL.query(head + " TO {2}", DSL.name(p.name()), table, DSL.list(roles)))
                + (p.using() == null ? "" : " USING (" + p.using() + ")")
                + (p.withCheck() == null ? "" : " WITH CHECK (" + p.withCheck() + ")");
    }

    /** {@code CREATE TRIGGER name timing events ON table FOR EACH ROW|STATEMENT [WHEN (...)] EXECUTE FUNCTION f()}. */
    public static String createTrigger(schemasync.dsl.Declaration.TriggerDecl t, Name table) {
        var c = t.constraint();
        String prefix = CTX.render(DSL.query("CREATE " + (c == null ? "" : "CONSTRAINT ") + "TRIGGER {0} ", DSL.name(t.name())));
        String on = CTX.render(DSL.query(" ON {0}", table))
                + (c == null || c.from() == null ? "" : CTX.render(DSL.query(" FROM {0}", name(QualifiedName.parse(c.from())))))
                + (c == null ? "" : c.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : c.deferrable() ? " DEFERRABLE" : "");
        // Events, WHEN and the function call are the user's SQL, appended verbatim.
        return prefix + t.timing() + " " + t.events() + on + " FOR EACH " + (t.forEachRow() ? "ROW" : "STATEMENT")
                + (t.when() == null ? "" : " WHEN (" + t.when() + ")") + " EXECUTE FUNCTION " + t.function();
    }

    /** {@code CONSTRAINT "name" UNIQUE (...) | CHECK (...) | FOREIGN KEY (...) REFERENCES ...}. */
    public static QueryPart constraintClause(ConstraintSpec c) {
        QueryPart columns = DSL.list(c.columns().stream().map(DSL::name).toList());
        return switch (c.kind()) {
            case UNIQUE -> DSL.sql("CONSTRAINT {0} UNIQUE" + (c.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " ({1})",
                    DSL.name(c.name()), columns);
            case CHECK -> DSL.sql("CONSTRAINT {0} CHECK ({1})", DSL.name(c.name()), DSL.sql(c.checkSql()));
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
                        : DSL.sql(" ({0})", DSL.list(fk.referencedColumns().stream().map(DSL::name).toList()));
                yield DSL.sql("CONSTRAINT {0} FOREIGN KEY ({1}) REFERENCES {2}{3}" + tail, DSL.name(c.name()), columns,
                        name(QualifiedName.parse(fk.references())), referenced);
            }
        };
    }

    /** {@code "name" type [COLLATE c] [GENERATED ALWAYS AS (expr) STORED | GENERATED ... AS IDENTITY] [NOT NULL] [DEFAULT expr]}. */
    public static QueryPart columnDefinition(ColumnSpec c) {
        StringBuilder template = new StringBuilder("{0} {1}");
        if (c.collation() != null) template.append(" COLLATE {3}");
        // jOOQ 3.19 silently drops generated-column clauses (a commercial feature): a template keeps it.
        if (c.generatedSql() != null) template.append(" GENERATED ALWAYS AS ({4}) STORED");
        if (c.identity() != Identity.NONE) template.append(' ').append(c.identity().sql());
        // Only the options that differ from PostgreSQL's defaults for the column's type: a column
        // declared without options renders exactly as before.
        SequenceOptions options = c.identityOptions().withoutDefaults(c.type());
        if (c.identity() != Identity.NONE && !options.isEmpty()) template.append(" ({5})");
        if (c.notNull()) template.append(" NOT NULL");
        if (c.defaultSql() != null) template.append(" DEFAULT {2}");
        return DSL.sql(template.toString(), DSL.name(c.name()), DSL.sql(c.type()),
                DSL.sql(c.defaultSql() == null ? "" : c.defaultSql()),
                c.collation() == null ? DSL.sql("") : DSL.name(c.collation().schema(), c.collation().name()),
                DSL.sql(c.generatedSql() == null ? "" : c.generatedSql()), TypeSql.sequenceOptions("", options));
    }

    /**
     * {@code ALTER TABLE t ALTER COLUMN c ADD GENERATED ... AS IDENTITY [(options)]}, or {@code SET GENERATED
     * ...} and {@code SET option} clauses in one ALTER COLUMN. Never RESTART: the sequence's current value stays.
     */
    private static String identity(QualifiedName table, String column, String action, SequenceOptions options) {
        return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} " + action, name(table), DSL.name(column),
                TypeSql.sequenceOptions(action.startsWith("ADD") ? "" : "SET ", options)));
    }

    public static Name name(QualifiedName name) {
        return DSL.name(name.schema(), name.name());
    }
}
