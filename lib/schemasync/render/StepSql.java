package schemasync.render;

import static schemasync.render.SqlRenderer.CTX;
import static schemasync.render.SqlRenderer.name;

import org.jooq.impl.DSL;
import schemasync.catalog.Column.Identity;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SequenceOptions;
import schemasync.step.Step;

/** The one statement each step runs: identifiers through {@code DSL.name}, the user's SQL verbatim. */
final class StepSql extends ObjectStepSql {
    static final StepSql INSTANCE = new StepSql();

    private StepSql() {
    }

    public String createSchema(Step.CreateSchema s) {
        return CTX.render(DSL.createSchema(DSL.name(s.schema())));
    }

    public String createExtension(Step.CreateExtension x) {
        return CTX.render(DSL.query("CREATE EXTENSION {0}" + (x.schema() == null ? "" : " WITH SCHEMA {1}")
                + (x.version() == null ? "" : " VERSION {2}"), DSL.name(x.name()),
                DSL.name(x.schema() == null ? "" : x.schema()), DSL.inline(x.version() == null ? "" : x.version())));
    }

    public String createEnum(Step.CreateEnum e) {
        return CTX.render(DSL.query("CREATE TYPE {0} AS ENUM ({1})", name(e.name()),
                DSL.list(e.labels().stream().map(DSL::inline).toList())));
    }

    public String addEnumValue(Step.AddEnumValue a) {
        return CTX.render(DSL.query("ALTER TYPE {0} ADD VALUE {1} " + (a.before() ? "BEFORE" : "AFTER") + " {2}",
                name(a.name()), DSL.inline(a.label()), DSL.inline(a.neighbour())));
    }

    public String commentOnObject(Step.CommentOnObject c) {
        return TypeSql.comment(CTX, c.target(), c.comment());
    }

    public String createSequence(Step.CreateSequence q) {
        return TypeSql.createSequence(CTX, q.sequence(), name(q.sequence().name()));
    }

    public String setSequenceOwner(Step.SetSequenceOwner o) {
        return CTX.render(DSL.query("ALTER SEQUENCE {0} OWNED BY {1}", name(o.sequence()),
                DSL.name(o.table().schema(), o.table().name(), o.column())));
    }

    public String createCompositeType(Step.CreateCompositeType c) {
        return TypeSql.createComposite(CTX, c.type(), name(c.type().name()));
    }

    public String createCollation(Step.CreateCollation c) {
        return KindDdl.createCollation(CTX, c.collation(), name(c.collation().name()));
    }

    public String createRangeType(Step.CreateRangeType r) {
        return KindDdl.createRangeType(CTX, r.type(), name(r.type().name()));
    }

    public String createDomain(Step.CreateDomain d) {
        // NOT VALID checks follow as ALTER DOMAIN ... ADD CONSTRAINT ... NOT VALID (see TypePlanner).
        return TypeSql.createDomain(CTX, d.domain(), name(d.domain().name()));
    }

    public String addDomainConstraint(Step.AddDomainConstraint a) {
        return CTX.render(DSL.query("ALTER DOMAIN {0} ADD {1}" + (a.notValid() ? " NOT VALID" : ""), name(a.domain()),
                TypeSql.check(a.check())));
    }

    public String validateDomainConstraint(Step.ValidateDomainConstraint v) {
        return CTX.render(DSL.query("ALTER DOMAIN {0} VALIDATE CONSTRAINT {1}", name(v.domain()), DSL.name(v.name())));
    }

    public String createTable(Step.CreateTable t) {
        // A NOT VALID constraint is added after CREATE TABLE (see Planner): inside CREATE TABLE PostgreSQL
        // ignores NOT VALID and marks it valid, and the catalog would not be what was declared.
        return TableFormSql.createTable(name(t.table().name()), t.table(),
                t.table().constraints().stream().filter(c -> !c.notValid()).toList());
    }

    public String addColumn(Step.AddColumn a) {
        return CTX.render(DSL.query("ALTER TABLE {0} ADD COLUMN {1}", name(a.table()), SqlRenderer.columnDefinition(a.column())));
    }

    public String setColumnDefault(Step.SetColumnDefault d) {
        return CTX.render(DSL.alterTable(name(d.table())).alter(DSL.name(d.column()))
                .setDefault(DSL.field(DSL.sql(d.defaultSql()))));
    }

    public String alterColumnType(Step.AlterColumnType a) {
        // Type and USING are the user's SQL, verbatim; jOOQ 3.19 has no USING clause.
        return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} TYPE {2}" + (a.using() == null ? "" : " USING {3}"),
                name(a.table()), DSL.name(a.column()), DSL.sql(a.type()), DSL.sql(a.using() == null ? "" : a.using())));
    }

    public String setNotNull(Step.SetNotNull n) {
        if (n.constraintName() != null) { // PostgreSQL 18: the NOT NULL is a pg_constraint row with this name
            return CTX.render(DSL.query("ALTER TABLE {0} ADD CONSTRAINT {2} NOT NULL {1}", name(n.table()), DSL.name(n.column()),
                    DSL.name(n.constraintName())));
        }
        return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} SET NOT NULL", name(n.table()), DSL.name(n.column())));
    }

    public String dropProvingCheck(Step.DropProvingCheck d) {
        return dropConstraint(d.table(), d.name());
    }

    public String dropNotNull(Step.DropNotNull n) {
        return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} DROP NOT NULL", name(n.table()), DSL.name(n.column())));
    }

    public String addIdentity(Step.AddIdentity i) {
        return identity(i.table(), i.column(), "ADD " + i.kind().sql() + (i.options().isEmpty() ? "" : " ({2})"), i.options());
    }

    public String setIdentity(Step.SetIdentity i) {
        String generated = i.kind() == null ? "" : i.kind() == Identity.ALWAYS ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT";
        return identity(i.table(), i.column(), (generated + (i.options().isEmpty() ? "" : " {2}")).strip(), i.options());
    }

    public String dropColumnDefault(Step.DropColumnDefault d) {
        return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} DROP DEFAULT", name(d.table()), DSL.name(d.column())));
    }

    public String commentOnTable(Step.CommentOnTable c) {
        return CTX.render(DSL.commentOnTable(name(c.table())).is(c.comment()));
    }

    public String commentOnColumn(Step.CommentOnColumn c) {
        return CTX.render(DSL.commentOnColumn(DSL.name(c.table().schema(), c.table().name(), c.column())).is(c.comment()));
    }

    public String renameTable(Step.RenameTable r) {
        return CTX.render(DSL.query("ALTER TABLE {0} RENAME TO {1}", name(r.table()), DSL.name(r.to())));
    }

    public String renameColumn(Step.RenameColumn r) {
        return CTX.render(DSL.query("ALTER TABLE {0} RENAME COLUMN {1} TO {2}", name(r.table()), DSL.name(r.from()),
                DSL.name(r.to())));
    }

    public String dropTable(Step.DropTable d) {
        return CTX.render(DSL.query("DROP TABLE {0}", name(d.table())));
    }

    public String dropColumn(Step.DropColumn d) {
        return CTX.render(DSL.query("ALTER TABLE {0} DROP COLUMN {1}", name(d.table()), DSL.name(d.column())));
    }

    public String addConstraint(Step.AddConstraint a) {
        return CTX.render(DSL.query("ALTER TABLE {0} ADD {1}" + (a.notValid() ? " NOT VALID" : ""), name(a.table()),
                SqlRenderer.constraintClause(a.constraint())));
    }

    public String validateConstraint(Step.ValidateConstraint v) {
        return CTX.render(DSL.query("ALTER TABLE {0} VALIDATE CONSTRAINT {1}", name(v.table()), DSL.name(v.name())));
    }

    public String createIndex(Step.CreateIndex i) {
        return SqlRenderer.createIndex(i.name(), name(i.index().table()), i.index(), i.concurrently());
    }

    public String dropIndex(Step.DropIndex d) {
        return CTX.render(DSL.query("DROP INDEX " + (d.concurrently() ? "CONCURRENTLY " : "") + "{0}", name(d.index())));
    }

    public String retireIndex(Step.RetireIndex r) {
        return renameIndex(r.index(), r.retired());
    }

    public String swapIndex(Step.SwapIndex s) {
        return renameIndex(s.index().sibling(s.replacement()), s.index().name());
    }

    public String renameIndex(Step.RenameIndex r) {
        return renameIndex(r.index(), r.to());
    }

    public String createFunction(Step.CreateFunction f) {
        // jOOQ renders the name; arguments and body are the user's SQL, appended verbatim, never parsed
        // as a template (a plpgsql body may contain anything, {0} included).
        return CTX.render(DSL.query("CREATE OR REPLACE " + (f.procedure() ? "PROCEDURE" : "FUNCTION") + " {0}",
                name(f.name()))) + "(" + f.arguments() + ") " + f.definition();
    }

    public String createTrigger(Step.CreateTrigger t) {
        return SqlRenderer.createTrigger(t.trigger(), name(t.table()));
    }

    public String grantPrivileges(Step.GrantPrivileges g) {
        return PrivilegeSql.grant(g);
    }

    public String alterDefaultPrivileges(Step.AlterDefaultPrivileges a) {
        return PrivilegeSql.defaultPrivileges(a);
    }

    public String createAggregate(Step.CreateAggregate a) {
        return PrivilegeSql.createAggregate(a);
    }

    public String setRowSecurity(Step.SetRowSecurity r) {
        return CTX.render(DSL.query("ALTER TABLE {0} ENABLE ROW LEVEL SECURITY" + (r.force() ? ", FORCE ROW LEVEL SECURITY" : ""),
                name(r.table())));
    }

    public String createPolicy(Step.CreatePolicy p) {
        return SqlRenderer.policy(p.policy(), name(p.table()), p.alter());
    }

    public String createView(Step.CreateView v) {
        return CTX.render(DSL.query("CREATE " + (v.replace() ? "OR REPLACE " : "") + "VIEW {0} AS {1}", name(v.name()),
                DSL.sql(v.sql())));
    }

    public String createPartition(Step.CreatePartition p) {
        return SqlRenderer.createPartition(name(p.name()), name(p.parent()), p.bound(), p.partitionBy());
    }

    public String createMaterializedView(Step.CreateMaterializedView m) {
        // The query is the user's SQL, appended verbatim like a view's.
        return CTX.render(DSL.query("CREATE MATERIALIZED VIEW {0} AS ", name(m.name()))) + m.sql()
                + (m.withData() ? " WITH DATA" : " WITH NO DATA");
    }

    public String createTextSearchDictionary(Step.CreateTextSearchDictionary d) {
        return TextSearchDdl.createDictionary(CTX, d.dictionary());
    }

    public String createTextSearchConfiguration(Step.CreateTextSearchConfiguration c) {
        return TextSearchDdl.createConfiguration(CTX, c.name(), c.parser());
    }

    public String addTextSearchMapping(Step.AddTextSearchMapping m) {
        return TextSearchDdl.addMapping(CTX, m.configuration(), m.tokenTypes(), m.dictionaries());
    }

    public String dropObject(Step.DropObject d) {
        return switch (d.kind()) {
            case CONSTRAINT -> dropConstraint(d.target(), d.detail());
            case TRIGGER -> CTX.render(DSL.query("DROP TRIGGER {0} ON {1}", DSL.name(d.detail()), name(d.target())));
            case VIEW -> CTX.render(DSL.query("DROP VIEW {0}", name(d.target())));
            // DROP ROUTINE: one statement for functions, procedures and aggregates (DROP FUNCTION refuses a procedure).
            case FUNCTION -> CTX.render(DSL.query("DROP ROUTINE {0}", name(d.target()))) + "(" + d.detail() + ")";
            case PROCEDURE -> CTX.render(DSL.query("DROP PROCEDURE {0}", name(d.target()))) + "(" + d.detail() + ")";
            case AGGREGATE -> CTX.render(DSL.query("DROP AGGREGATE {0}", name(d.target()))) + "(" + d.detail() + ")";
            case MATERIALIZED_VIEW -> CTX.render(DSL.query("DROP MATERIALIZED VIEW {0}", name(d.target())));
            case SEQUENCE -> CTX.render(DSL.query("DROP SEQUENCE {0}", name(d.target())));
            case DOMAIN -> CTX.render(DSL.query("DROP DOMAIN {0}", name(d.target())));
            case COMPOSITE_TYPE -> CTX.render(DSL.query("DROP TYPE {0}", name(d.target())));
            case COLLATION -> CTX.render(DSL.query("DROP COLLATION {0}", name(d.target())));
            case RANGE_TYPE -> CTX.render(DSL.query("DROP TYPE {0}", name(d.target()))); // its multirange goes with it
            case STATISTICS -> CTX.render(DSL.query("DROP STATISTICS {0}", name(d.target())));
            case RULE -> CTX.render(DSL.query("DROP RULE {0} ON {1}", DSL.name(d.detail()), name(d.target())));
            case TEXT_SEARCH_DICTIONARY -> CTX.render(DSL.query("DROP TEXT SEARCH DICTIONARY {0}", name(d.target())));
            case TEXT_SEARCH_CONFIGURATION -> CTX.render(DSL.query("DROP TEXT SEARCH CONFIGURATION {0}", name(d.target())));
            case CONVERSION -> CTX.render(DSL.query("DROP CONVERSION {0}", name(d.target())));
            default -> throw new IllegalArgumentException("no DROP for " + d.kind());
        };
    }

    public String customSql(Step.CustomSql c) {
        return c.sql();
    }

    private static String dropConstraint(QualifiedName table, String constraint) {
        return CTX.render(DSL.query("ALTER TABLE {0} DROP CONSTRAINT {1}", name(table), DSL.name(constraint)));
    }

    /** jOOQ's alterIndex(...) loses the schema of a qualified name in 3.19: a template keeps it. */
    private static String renameIndex(QualifiedName index, String to) {
        return CTX.render(DSL.query("ALTER INDEX {0} RENAME TO {1}", name(index), DSL.name(to)));
    }

    /**
     * {@code ALTER TABLE t ALTER COLUMN c ADD GENERATED ... AS IDENTITY [(options)]}, or {@code SET GENERATED
     * ...} and {@code SET option} clauses in one ALTER COLUMN. Never RESTART: the sequence's current value stays.
     */
    private static String identity(QualifiedName table, String column, String action, SequenceOptions options) {
        return CTX.render(DSL.query("ALTER TABLE {0} ALTER COLUMN {1} " + action, name(table), DSL.name(column),
                TypeSql.sequenceOptions(action.startsWith("ADD") ? "" : "SET ", options)));
    }

    /** {@code SET (fillfactor = '70', ...)}: each value a literal (PostgreSQL stores its text), names as identifiers. */
    public String setStorageParameters(Step.SetStorageParameters s) {
        String keyword = s.index() ? "ALTER INDEX {0} " : "ALTER TABLE {0} ";
        java.util.List<org.jooq.QueryPart> parts = s.parameters().stream().map(p -> {
            String key = schemasync.catalog.RelationOptions.key(p);
            // toast.autovacuum_enabled: the namespace and the name, each an identifier.
            org.jooq.Name name = key.contains(".") ? DSL.name(key.split("\\.", 2)) : DSL.name(key);
            return s.reset() ? (org.jooq.QueryPart) name
                    : DSL.field("{0} = {1}", name, DSL.inline(p.substring(Math.min(p.length(), key.length() + 1))));
        }).toList();
        return CTX.render(DSL.query(keyword + (s.reset() ? "RESET ({1})" : "SET ({1})"), name(s.relation()), DSL.list(parts)));
    }

    public String clusterOn(Step.ClusterOn c) {
        return c.index() == null ? CTX.render(DSL.query("ALTER TABLE {0} SET WITHOUT CLUSTER", name(c.table())))
                : CTX.render(DSL.query("ALTER TABLE {0} CLUSTER ON {1}", name(c.table()), DSL.name(c.index())));
    }

    public String setPersistence(Step.SetPersistence p) {
        return CTX.render(DSL.query("ALTER TABLE {0} SET " + (p.unlogged() ? "UNLOGGED" : "LOGGED"), name(p.table())));
    }

    public String setColumnOption(Step.SetColumnOption c) {
        String alter = "ALTER TABLE {0} ALTER COLUMN {1} ";
        return switch (c.option()) {
            case STATISTICS -> CTX.render(DSL.query(alter + "SET STATISTICS {2}", name(c.table()), DSL.name(c.column()),
                    DSL.inline(Integer.parseInt(c.values().get(0)))));
            case STORAGE, COMPRESSION -> CTX.render(DSL.query(alter + (c.option() == Step.ColumnOption.STORAGE ? "SET STORAGE "
                    : "SET COMPRESSION ") + keyword(c.values().get(0)), name(c.table()), DSL.name(c.column())));
            case SET_ATTRIBUTES -> CTX.render(DSL.query(alter + "SET ({2})", name(c.table()), DSL.name(c.column()),
                    DSL.list(c.values().stream().map(p -> (org.jooq.QueryPart) DSL.field("{0} = {1}",
                            DSL.name(schemasync.catalog.RelationOptions.key(p)), DSL.inline(p.substring(p.indexOf('=') + 1)))).toList())));
            case RESET_ATTRIBUTES -> CTX.render(DSL.query(alter + "RESET ({2})", name(c.table()), DSL.name(c.column()),
                    DSL.list(c.values().stream().map(p -> (org.jooq.QueryPart) DSL.name(p)).toList())));
        };
    }

    /** A storage or compression word (PLAIN, lz4, DEFAULT, ...): a bare keyword, so only letters and digits pass. */
    private static String keyword(String word) {
        if (!word.matches("[A-Za-z][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a storage or compression keyword: " + word);
        return word;
    }

    /** The column step's own statement with ONLY after ALTER TABLE (all four start {@code ALTER TABLE name}). */
    public String onlyThisTable(schemasync.step.LineageSteps.OnlyThisTable o) {
        String sql = o.step().accept(this);
        if (!sql.regionMatches(true, 0, "ALTER TABLE ", 0, 12)) throw new IllegalStateException("not an ALTER TABLE: " + sql);
        return sql.substring(0, 12) + "ONLY " + sql.substring(12);
    }

    public String inheritParent(Step.InheritParent i) {
        return CTX.render(DSL.query("ALTER TABLE {0} INHERIT {1}", name(i.table()), name(i.parent())));
    }
}
