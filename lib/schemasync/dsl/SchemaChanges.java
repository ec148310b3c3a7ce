package schemasync.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jooq.DataType;
import schemasync.SchemaSyncException;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SequenceOptions;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.SchemaDecl;
import schemasync.dsl.Declaration.TableDecl;

/**
 * What a change block's {@code declare(SchemaChanges db)} talks to. Every method is a declaration ("this
 * must exist, like this"), never a command: the planner decides what, if anything, to run. Names are
 * {@code name} (schema {@code public}) or {@code schema.name}; case and reserved words are kept as
 * written, since every identifier is quoted when rendered.
 */
public class SchemaChanges extends KindDeclarations {
    private final List<Declaration> declarations = new ArrayList<>();
    /**
     * Fluent declarations (indexes, triggers) have no terminal call: a placeholder keeps their place
     * in {@link #declarations} until the block's {@code declare} returns, then the builder is read.
     */
    private final Map<Integer, Supplier<Declaration>> pending = new LinkedHashMap<>();
    private Origin origin;

    SchemaChanges() { // only DeclaredSchema runs blocks (through the deprecated subclass Schema, which old blocks take)
    }

    /** The schema exists ({@code CREATE SCHEMA}). Declaring it also makes the tool manage it. */
    public SchemaChanges ensureSchema(String name) {
        declarations.add(new SchemaDecl(TenantScope.schemaName(name), origin));
        return this;
    }

    /**
     * The enum type exists with these labels, in this order. Missing labels are added in their
     * declared position; labels the database has beyond these are reported, never dropped.
     */
    public SchemaChanges ensureEnum(String name, String... labels) {
        declarations.add(new Declaration.EnumDecl(TenantScope.qualified(name), List.of(labels), origin));
        return this;
    }

    /**
     * The domain exists: {@code ensureDomain("year", "integer").check("year_range", "VALUE BETWEEN 1901 AND 2155")}.
     * Created when missing; a missing named check is added NOT VALID and then validated; any other
     * difference (base type, NOT NULL, default, collation, a check's expression) is reported.
     */
    public DomainBuilder ensureDomain(String name, String baseType) {
        DomainBuilder builder = new DomainBuilder(name, baseType);
        Origin declaredIn = origin;
        placeholder(() -> new Declaration.DomainDecl(TenantScope.qualified(builder.name), builder.baseType, builder.notNull,
                builder.defaultSql, builder.collation, builder.checks, declaredIn));
        return builder;
    }

    /**
     * The composite type exists with these attributes, in this order:
     * {@code ensureCompositeType("address").attribute("street", "text").attribute("zip", "varchar(10)")}.
     * Created when missing; different attributes are reported, never altered.
     */
    public CompositeTypeBuilder ensureCompositeType(String name) {
        CompositeTypeBuilder builder = new CompositeTypeBuilder(name);
        Origin declaredIn = origin;
        placeholder(() -> new Declaration.CompositeTypeDecl(TenantScope.qualified(builder.name), builder.attributes, declaredIn));
        return builder;
    }

    /**
     * The standalone sequence exists with these options (PostgreSQL's defaults for those not given):
     * {@code ensureSequence("invoice_number").startWith(1000).ownedBy("invoices.number")}. Created when
     * missing; OWNED BY is set once every declared table exists; different options are reported.
     */
    public SequenceBuilder ensureSequence(String name) {
        SequenceBuilder builder = new SequenceBuilder(name);
        Origin declaredIn = origin;
        placeholder(() -> builder.declaration(declaredIn));
        return builder;
    }

    /**
     * The object has this comment: {@code ensureComment(CommentOn.VIEW, "active_users", "Users not deleted")}.
     * Kinds: SCHEMA (the schema's name), VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX, TYPE (enum, domain or
     * composite), and FUNCTION, PROCEDURE, AGGREGATE written {@code name(argument types)}. Tables and
     * columns are commented in {@code ensureTable}. Set when missing or different (metadata only).
     */
    public SchemaChanges ensureComment(CommentOn on, String object, String text) {
        schemasync.catalog.CommentTarget.Kind kind = on == null ? null : on.kind();
        schemasync.catalog.CommentTarget target;
        if (kind == schemasync.catalog.CommentTarget.Kind.SCHEMA) {
            target = new schemasync.catalog.CommentTarget(kind, new QualifiedName(TenantScope.schemaName(object), TenantScope.schemaName(object)), null);
        } else if (kind != null && kind.routine()) {
            Signature sig = Signature.parse(object);
            target = new schemasync.catalog.CommentTarget(kind, sig.name(), sig.arguments());
        } else {
            target = new schemasync.catalog.CommentTarget(kind, TenantScope.qualified(object), null);
        }
        declarations.add(new Declaration.CommentDecl(target, text, origin));
        return this;
    }

    /**
     * The comment on a constraint, trigger or policy of {@code table} (or a constraint of a domain):
     * {@code ensureComment(CommentOn.CONSTRAINT, "users", "users_email_key", "Sign-in is by email")}.
     */
    public SchemaChanges ensureComment(CommentOn on, String tableOrDomain, String name, String text) {
        declarations.add(new Declaration.CommentDecl(new schemasync.catalog.CommentTarget(on == null ? null : on.kind(),
                TenantScope.qualified(tableOrDomain),
                name), text, origin));
        return this;
    }

    /**
     * The function exists like this: {@code ensureFunction("set_updated_at()", "RETURNS trigger
     * LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$")}. The signature is
     * {@code [schema.]name(argument types)}; the definition is what follows it in CREATE FUNCTION.
     */
    public SchemaChanges ensureFunction(String signature, String definition) {
        Signature sig = Signature.parse(signature);
        declarations.add(new Declaration.FunctionDecl(sig.name(), sig.arguments(), definition == null ? null : definition.strip(), origin));
        return this;
    }

    /**
     * The procedure exists like this: {@code ensureProcedure("archive_orders(before date)", "LANGUAGE sql
     * AS $$ DELETE FROM orders WHERE placed_at < before $$")}; compared and replaced like a function
     * (CREATE OR REPLACE PROCEDURE).
     */
    public SchemaChanges ensureProcedure(String signature, String definition) {
        Signature sig = Signature.parse(signature);
        declarations.add(new Declaration.FunctionDecl(sig.name(), sig.arguments(), definition == null ? null : definition.strip(),
                true, origin));
        return this;
    }

    /**
     * The aggregate exists: {@code ensureAggregate("group_concat(text)", "SFUNC = _group_concat, STYPE = text")},
     * the definition being CREATE AGGREGATE's option list (without its parentheses). Created when
     * missing; a different definition is reported, not replaced.
     */
    public SchemaChanges ensureAggregate(String signature, String definition) {
        Signature sig = Signature.parse(signature);
        declarations.add(new Declaration.AggregateDecl(sig.name(), sig.arguments(), definition == null ? null : definition.strip(),
                origin));
        return this;
    }

    /**
     * Row-level security is enabled on the table ({@code force}: also for its owner). Enabling it
     * with no policy hides every row from everyone but the owner and superusers: declare the
     * policies in the same block.
     */
    public SchemaChanges ensureRowLevelSecurity(String table, boolean force) {
        declarations.add(new Declaration.RowSecurityDecl(TenantScope.qualified(table), force, origin));
        return this;
    }

    public SchemaChanges ensureRowLevelSecurity(String table) {
        return ensureRowLevelSecurity(table, false);
    }

    /** The policy exists: {@code ensurePolicy("own_rows").on("documents").to("app_user").using("owner = current_user")}. */
    public PolicyBuilder ensurePolicy(String name) {
        PolicyBuilder builder = new PolicyBuilder(name);
        Origin declaredIn = origin;
        placeholder(() -> new Declaration.PolicyDecl(builder.name, builder.table == null ? null : TenantScope.qualified(builder.table),
                builder.permissive, builder.command, builder.roles.isEmpty() ? List.of("public") : builder.roles,
                builder.using, builder.withCheck, declaredIn));
        return builder;
    }

    /** The trigger exists: {@code ensureTrigger("t").on("users").before("UPDATE").forEachRow().executes("f()")}. */
    public TriggerBuilder ensureTrigger(String name) {
        TriggerBuilder builder = new TriggerBuilder(name);
        Origin declaredIn = origin;
        placeholder(() -> new Declaration.TriggerDecl(builder.name, builder.table == null ? null : TenantScope.qualified(builder.table),
                builder.timing, builder.events, builder.forEachRow, builder.when, builder.function,
                builder.constraint ? new Declaration.ConstraintTrigger(builder.from, builder.deferrable || builder.initiallyDeferred,
                        builder.initiallyDeferred) : null, builder.transitions(), declaredIn));
        return builder;
    }

    /** The view exists with this query; tables it reads must exist or be declared by earlier blocks. */
    public SchemaChanges ensureView(String name, String query) {
        declarations.add(new Declaration.ViewDecl(TenantScope.qualified(name), query == null ? null : query.strip(), origin));
        return this;
    }

    /** The extension is installed (CREATE EXTENSION); its files must be on the server. */
    public SchemaChanges ensureExtension(String name) {
        return extension(name, null, null);
    }

    /** The extension is installed with these options: {@code ensureExtension("pgcrypto", x -> x.inSchema("extensions"))}. */
    public SchemaChanges ensureExtension(String name, UnaryOperator<ExtensionOptions> options) {
        ExtensionOptions o = options.apply(ExtensionOptions.NONE);
        return extension(name, o.schema(), o.version());
    }

    SchemaChanges extension(String name, String schema, String version) {
        declarations.add(new Declaration.ExtensionDecl(name, schema, version, origin));
        return this;
    }

    /** The table exists with exactly these columns and primary key. */
    public SchemaChanges ensureTable(String name, UnaryOperator<TableBuilder> body) {
        TableBuilder.State t = body.apply(new TableBuilder()).state;
        QualifiedName table = TenantScope.qualified(name);
        // PostgreSQL makes primary key columns NOT NULL; say so, or the comparison would never agree.
        List<ColumnSpec> columns = t.columns.stream().map(c -> t.primaryKey.contains(c.name()) && !c.notNull()
                ? c.withNotNull() : c).toList();
        List<ConstraintSpec> constraints = t.constraints.stream().map(c -> c.name() != null ? c
                : c.named(ConstraintSpec.defaultName(table.name(), c.columns(), c.kind()))).toList();
        declarations.add(new TableDecl(table, columns, t.primaryKey, t.primaryKey.isEmpty() ? null : t.primaryKeyName, constraints, t.comment,
                t.partitionBy == null ? null : t.partitionBy.strip(), t.primaryKeyOptions, origin, new schemasync.catalog.TableForm(
                t.unlogged, t.storage, t.inherits.stream().map(TenantScope::qualified).toList(),
                t.ofType == null ? null : TenantScope.qualified(t.ofType), List.copyOf(t.inheritedColumns.values()))));
        declarations.add(new Declaration.TableOptionsDecl(table, t.storage, t.unlogged, t.columnOptions, t.clusterOn, origin));
        declarations.addAll(KeyIndexOptions.of(table, t, constraints, origin));
        return this;
    }

    /**
     * The partition exists: {@code ensurePartition("payment_2024_01", "payment", "FOR VALUES FROM ('2024-01-01')
     * TO ('2024-02-01')")}; the bound as written after {@code PARTITION OF parent}: {@code FOR VALUES FROM ... TO ...},
     * {@code FOR VALUES IN (...)}, {@code FOR VALUES WITH (MODULUS 4, REMAINDER 0)} or {@code DEFAULT}. Its
     * columns, indexes, constraints and row triggers come from the parent. Partitions no block declares
     * are reported, never dropped: applications often create them at run time.
     */
    public SchemaChanges ensurePartition(String name, String parent, String bound) {
        return ensurePartition(name, parent, bound, null, null);
    }

    /** A partition that is itself partitioned ({@code partitionBy} as written after PARTITION BY). */
    public SchemaChanges ensurePartition(String name, String parent, String bound, String partitionBy) {
        return ensurePartition(name, parent, bound, partitionBy, null);
    }

    /**
     * A partition with constraints of its own, beside those it gets from its parent:
     * {@code ensurePartition("payment_2024_01", "payment", "FOR VALUES ...", t -> t.foreignKey("customer_id")
     * .references("customer"))}. Only constraints (unique, check, foreign key, exclude, with {@code named} and
     * {@code notValid}) and storage parameters ({@code with("fillfactor", "70")}) are declared here: the rest is the parent's.
     * Compared like a table's: missing ones are added, local ones no block declares are reported.
     */
    public SchemaChanges ensurePartition(String name, String parent, String bound, UnaryOperator<TableBuilder> constraints) {
        return ensurePartition(name, parent, bound, null, constraints);
    }

    /** Both: a sub-partitioned partition with constraints of its own. */
    public SchemaChanges ensurePartition(String name, String parent, String bound, String partitionBy,
                                  UnaryOperator<TableBuilder> constraints) {
        QualifiedName partition = TenantScope.qualified(name);
        List<ConstraintSpec> own = List.of();
        List<Declaration> ownOptions = List.of();
        if (constraints != null) {
            TableBuilder.State t = constraints.apply(new TableBuilder()).state;
            if (!t.columns.isEmpty() || !t.primaryKey.isEmpty() || t.partitionBy != null) {
                throw new IllegalArgumentException("partition " + partition + " declares columns, a primary key or a partition key: it has its"
                        + " parent's; declare only constraints, comment(...), with(...), unlogged() and onColumn(...) options there");
            }
            own = t.constraints.stream().map(c -> c.name() != null ? c
                    : c.named(ConstraintSpec.defaultName(partition.name(), c.columns(), c.kind()))).toList();
            ownOptions = PartitionOwn.declarations(partition, t, origin);
        }
        declarations.add(new Declaration.PartitionDecl(partition, parent == null ? null : TenantScope.qualified(parent),
                bound == null ? null : bound.strip(), partitionBy == null ? null : partitionBy.strip(), own, origin));
        declarations.addAll(ownOptions); // with(...), unlogged(), onColumn(...), comment(...): the partition's own
        return this;
    }

    /**
     * The materialized view exists with this query, created WITH DATA (the query runs during the apply).
     * Tables it reads must exist or be declared by this or an earlier block; indexes on it are declared
     * with {@code ensureIndex(...).on(view)}.
     */
    public SchemaChanges ensureMaterializedView(String name, String query) {
        return materializedView(name, query, true);
    }

    /** Created WITH NO DATA: empty (and unreadable) until the application runs REFRESH MATERIALIZED VIEW. */
    public SchemaChanges ensureMaterializedViewWithNoData(String name, String query) {
        return materializedView(name, query, false);
    }

    SchemaChanges materializedView(String name, String query, boolean withData) {
        declarations.add(new Declaration.MaterializedViewDecl(TenantScope.qualified(name), query == null ? null : query.strip(),
                withData, origin));
        return this;
    }

    /** The column exists on a table that exists already or that an earlier block declares. */
    public SchemaChanges ensureColumn(String table, String column, DataType<?> type) {
        return ensureColumn(table, column, ColumnType.of(type), null);
    }

    public SchemaChanges ensureColumn(String table, String column, DataType<?> type, Default dflt) {
        return ensureColumn(table, column, ColumnType.of(type), dflt);
    }

    public SchemaChanges ensureColumn(String table, String column, String postgresType) {
        return ensureColumn(table, column, ColumnType.type(postgresType), null);
    }

    public SchemaChanges ensureColumn(String table, String column, String postgresType, Default dflt) {
        return ensureColumn(table, column, ColumnType.type(postgresType), dflt);
    }

    public SchemaChanges ensureColumn(String table, String column, ColumnType type) {
        return ensureColumn(table, column, type, null);
    }

    public SchemaChanges ensureColumn(String table, String column, ColumnType type, Default dflt) {
        declarations.add(new ColumnDecl(TenantScope.qualified(table), type.toSpec(column, dflt, null), origin));
        return this;
    }

    /** The index exists; say where with {@code .on(table)} and what with {@code .columns(...)} etc. */
    public IndexBuilder ensureIndex(String name) {
        IndexBuilder builder = new IndexBuilder(name);
        Origin declaredIn = origin;
        placeholder(() -> {
            QualifiedName table = builder.table == null ? null : TenantScope.qualified(builder.table);
            return new IndexDecl(IndexBuilder.indexName(builder.name, table), table, builder.unique, builder.method, builder.keys,
                    builder.include, builder.where, builder.rebuildWhenChanged, builder.nullsNotDistinct, declaredIn);
        });
        placeholder(() -> new Declaration.IndexOptionsDecl(IndexBuilder.indexName(builder.name, builder.table == null ? null
                : TenantScope.qualified(builder.table)), builder.table == null ? null : TenantScope.qualified(builder.table),
                builder.storage, builder.clustered, declaredIn));
        return builder;
    }

    /**
     * The existing column must become this: {@code ensureColumnChanged("users", "email").type("varchar(320)")
     * .notNull()}. Planned with the online-safe statements (SET NOT NULL through a validated CHECK;
     * a type change re-creating the views that depend on the column) and applied only as far as the
     * hazard policy allows: a type change that rewrites a table that is not small needs
     * {@code allowHazard(HazardKind.TABLE_REWRITE, "why")}. Once the column is like this, skipped.
     */
    public ColumnChangeBuilder ensureColumnChanged(String table, String column) {
        ColumnChangeBuilder builder = new ColumnChangeBuilder();
        Origin declaredIn = origin;
        placeholder(() -> new Declaration.ColumnChangeDecl(TenantScope.qualified(table), column, builder.type, builder.using,
                builder.notNull, builder.defaultSql, builder.dropDefault, declaredIn));
        return builder;
    }

    /** Runs every block in order and returns its declarations, each tagged with its block. */
    static List<Declaration> collect(List<? extends ChangeBlock> blocks) {
        SchemaChanges db = new Schema();
        int position = 0;
        for (ChangeBlock block : blocks) {
            db.origin = new Origin(block.id(), block.description(), ++position);
            Deprecations.oldDeclare(block);
            try {
                block.declare(db);
            } catch (RuntimeException e) {
                throw SchemaSyncException.badInput(block.id() + " failed while declaring: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            db.finishPending();
        }
        return List.copyOf(db.declarations);
    }

    @Override
    void add(Declaration declaration) {
        declarations.add(declaration);
    }

    @Override
    Origin currentOrigin() {
        return origin;
    }

    @Override
    SchemaChanges self() {
        return this;
    }

    @Override
    void placeholder(Supplier<Declaration> declaration) {
        declarations.add(null);
        pending.put(declarations.size() - 1, declaration);
    }

    private void finishPending() {
        pending.forEach((position, declaration) -> declarations.set(position, declaration.get()));
        pending.clear();
    }
}
