package schemasync.dsl;
import schemasync.model.ObjectKind;
import schemasync.catalog.ConstraintSpec;

import java.util.List;
import java.util.function.UnaryOperator;
import schemasync.catalog.QualifiedName;

/**
 * The part of {@link SchemaChanges}'s vocabulary with which a later block changes what earlier blocks declared
 * (renames and removals: a block that reached production is never edited), plus custom steps, ignore
 * patterns and allowed hazards.
 */
public abstract class ChangeDeclarations extends ExternalDeclarations {

    ChangeDeclarations() {
    }

    /**
     * Constraints on a table that exists or that an earlier block declares, declared by a later block
     * (the earlier block is never edited): {@code ensureConstraints("orders", t -> t.foreignKey("customer_id")
     * .references("customers"))}. UNIQUE, CHECK, FOREIGN KEY and EXCLUDE, with {@code .named(...)} and
     * {@code .notValid()} as in {@code ensureTable}; they count as the table's own declared constraints.
     * On a table with rows a CHECK or FOREIGN KEY is added NOT VALID and then validated.
     */
    public SchemaChanges ensureConstraints(String table, UnaryOperator<TableBuilder> constraints) {
        QualifiedName name = scope().qualified(table);
        TableBuilder.State t = constraints.apply(new TableBuilder(scope())).state;
        if (!t.columns.isEmpty() || !t.primaryKey.isEmpty() || t.comment != null || t.partitionBy != null) {
            throw new IllegalArgumentException("ensureConstraints(" + table + ") declares columns, a primary key, a comment"
                    + " or a partition key: it declares only unique, check, foreign key and exclude constraints (columns:"
                    + " ensureColumn)");
        }
        add(new Declaration.ConstraintsDecl(name, t.constraints.stream().map(c -> c.name() != null ? c
                : c.named(ConstraintSpec.defaultName(name.name(), c.columns(), c.kind()))).toList(), currentOrigin()));
        return self();
    }

    /** The table called {@code from} is now called {@code to} (same schema): renamed once, then skipped. */
    public SchemaChanges ensureTableRenamed(String from, String to) {
        QualifiedName old = scope().qualified(from);
        add(new Declaration.RenameDecl(ObjectKind.TABLE, old, old.name(), to, currentOrigin()));
        return self();
    }

    /** The column {@code from} of {@code table} is now called {@code to}. */
    public SchemaChanges ensureColumnRenamed(String table, String from, String to) {
        add(new Declaration.RenameDecl(ObjectKind.COLUMN, scope().qualified(table), from, to, currentOrigin()));
        return self();
    }

    /** The index {@code from} ({@code name} or {@code schema.name}) is now called {@code to}. */
    public SchemaChanges ensureIndexRenamed(String from, String to) {
        QualifiedName old = scope().qualified(from);
        add(new Declaration.RenameDecl(ObjectKind.INDEX, old, old.name(), to, currentOrigin()));
        return self();
    }

    /** The table must not exist: dropped with its data if present (marked DELETES_DATA in the plan). */
    public SchemaChanges ensureNoTable(String name) {
        return removal(ObjectKind.TABLE, scope().qualified(name), null);
    }

    /** The column must not exist: dropped with its data if present (marked DELETES_DATA in the plan). */
    public SchemaChanges ensureNoColumn(String table, String column) {
        return removal(ObjectKind.COLUMN, scope().qualified(table), column);
    }

    /** The index must not exist: dropped if present. */
    public SchemaChanges ensureNoIndex(String name) {
        return removal(ObjectKind.INDEX, scope().qualified(name), null);
    }

    /** The constraint must not exist on the table: dropped if present. */
    public SchemaChanges ensureNoConstraint(String table, String constraint) {
        return removal(ObjectKind.CONSTRAINT, scope().qualified(table), constraint);
    }

    /** The view must not exist: dropped if present (no CASCADE: a view depending on it makes the drop fail). */
    public SchemaChanges ensureNoView(String name) {
        return removal(ObjectKind.VIEW, scope().qualified(name), null);
    }

    /** The trigger must not exist on the table: dropped if present. */
    public SchemaChanges ensureNoTrigger(String table, String trigger) {
        return removal(ObjectKind.TRIGGER, scope().qualified(table), trigger);
    }

    /** The function {@code name(argument types)} must not exist: dropped if present (DROP ROUTINE, so a procedure too). */
    public SchemaChanges ensureNoFunction(String signature) {
        Signature sig = Signature.parse(signature, scope());
        return removal(ObjectKind.FUNCTION, sig.name(), sig.arguments());
    }

    /** The procedure {@code name(argument types)} must not exist: dropped if present (DROP PROCEDURE). */
    public SchemaChanges ensureNoProcedure(String signature) {
        Signature sig = Signature.parse(signature, scope());
        return removal(ObjectKind.PROCEDURE, sig.name(), sig.arguments());
    }

    /** The aggregate {@code name(argument types)} must not exist: dropped if present (DROP AGGREGATE). */
    public SchemaChanges ensureNoAggregate(String signature) {
        Signature sig = Signature.parse(signature, scope());
        return removal(ObjectKind.AGGREGATE, sig.name(), sig.arguments());
    }

    /**
     * The materialized view must not exist: dropped if present, with its indexes (no CASCADE: a view that
     * reads it makes the drop fail). Its rows are derived, so this is not marked DELETES_DATA.
     */
    public SchemaChanges ensureNoMaterializedView(String name) {
        return removal(ObjectKind.MATERIALIZED_VIEW, scope().qualified(name), null);
    }

    /**
     * The sequence must not exist: dropped if present (marked DELETES_DATA: its current value is lost, and
     * a sequence created again under the name starts over). A default that still calls it makes the drop fail.
     */
    public SchemaChanges ensureNoSequence(String name) {
        return removal(ObjectKind.SEQUENCE, scope().qualified(name), null);
    }

    /** The domain must not exist: dropped if present (no CASCADE: a column of the domain makes the drop fail). */
    public SchemaChanges ensureNoDomain(String name) {
        return removal(ObjectKind.DOMAIN, scope().qualified(name), null);
    }

    /** The composite type must not exist: dropped if present (no CASCADE: a column of the type makes the drop fail). */
    public SchemaChanges ensureNoCompositeType(String name) {
        return removal(ObjectKind.COMPOSITE_TYPE, scope().qualified(name), null);
    }

    /** The partition must not exist: dropped with its rows if present (marked DELETES_DATA in the plan). */
    public SchemaChanges ensureNoPartition(String name) {
        return removal(ObjectKind.PARTITION, scope().qualified(name), null);
    }

    /**
     * A guarded custom step, e.g. a backfill between schema steps: {@code db.customStep("backfill_status")
     * .neededWhile("SELECT EXISTS (SELECT 1 FROM users WHERE status IS NULL)").runs("UPDATE users SET status =
     * 'active' WHERE status IS NULL")}. The guard returns true while the step is needed; it must return false
     * after the step ran.
     */
    public CustomStepBuilder customStep(String id) {
        return custom(id, false);
    }

    /**
     * An object the vocabulary cannot express (a text search configuration, an operator class), created by exact
     * SQL while the guard says it is missing: {@code db.ensureCustomObject("text search configuration public.english_nostop")
     * .neededWhile("SELECT to_regconfig('public.english_nostop') IS NULL").runs("CREATE TEXT SEARCH CONFIGURATION
     * public.english_nostop (COPY = english)")}.
     * Unlike {@link #customStep}, the SQL also runs (when the guard is true, in the transaction the comparison
     * always rolls back) before declarations are compared, so later blocks may use what it creates as a
     * column type or in a default. Keep it to DDL: it runs at every dry run that needs it.
     */
    public CustomStepBuilder ensureCustomObject(String id) {
        return custom(id, true);
    }

    /** Deprecated spelling (three swappable strings): {@code customStep(id).neededWhile(guardSql).runs(sql)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges customStep(String id, String guardSql, String sql) {
        Deprecations.warn("customStep(id, guardSql, sql)", "customStep(id).neededWhile(guardSql).runs(sql)");
        add(new Declaration.CustomStepDecl(id, guardSql, sql, currentOrigin()));
        return self();
    }

    /** Deprecated spelling (three swappable strings): {@code ensureCustomObject(id).neededWhile(guardSql).runs(sql)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureCustomObject(String id, String guardSql, String sql) {
        Deprecations.warn("ensureCustomObject(id, guardSql, sql)", "ensureCustomObject(id).neededWhile(guardSql).runs(sql)");
        add(new Declaration.CustomStepDecl(id, guardSql, sql, true, currentOrigin()));
        return self();
    }

    /** Deprecated spelling (positional nulls): {@code ensureExtension(name, x -> x.inSchema(schema).version(version))}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureExtension(String name, String schema, String version) {
        Deprecations.warn("ensureExtension(name, schema, version)", "ensureExtension(name, x -> x.inSchema(schema).version(version))");
        return self().extension(name, schema, version);
    }

    private CustomStepBuilder custom(String id, boolean definesObjects) {
        CustomStepBuilder builder = new CustomStepBuilder();
        Origin declaredIn = currentOrigin();
        placeholder(() -> new Declaration.CustomStepDecl(id, builder.guardSql, builder.sql, definesObjects, declaredIn));
        return builder;
    }

    /**
     * Undeclared objects matching these patterns are left alone and not reported: {@code "tmp_*"},
     * {@code "public.spatial_ref_sys"}, {@code "audit.*"}. A pattern without a dot matches the
     * object's name in any managed schema; {@code *} matches any run of characters. Undeclared
     * columns, constraints, triggers and policies of a declared table match as {@code table.name}
     * ({@code "users.legacy_*"}, {@code "users.users_audit_trigger"}): e.g. what a custom step creates.
     */
    public SchemaChanges ignore(String... patterns) {
        add(new Declaration.IgnoreDecl(List.of(patterns), currentOrigin()));
        return self();
    }

    /**
     * Lets {@code --apply} accept this kind of hazard in this block's steps (and no other block's),
     * e.g. {@code db.allowHazard(HazardKind.DELETES_DATA, "orders_old archived in OPS-123")} next to
     * an {@code ensureNoTable}. The reason is shown beside the hazard in the plan. (HazardKind is a
     * leaf enum of the plan package; the DSL names it so that a misspelt kind does not compile.)
     */
    public SchemaChanges allowHazard(schemasync.model.HazardKind kind, String reason) {
        add(new Declaration.AllowHazardDecl(kind, reason, currentOrigin()));
        return self();
    }

    /** Deprecated spelling (a positional boolean): {@code ensureMaterializedViewWithNoData(name, query)} for false. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public SchemaChanges ensureMaterializedView(String name, String query, boolean withData) {
        Deprecations.warn("ensureMaterializedView(name, query, " + withData + ")",
                withData ? "ensureMaterializedView(name, query)" : "ensureMaterializedViewWithNoData(name, query)");
        return self().materializedView(name, query, withData);
    }

    /** {@code ensureNo...}: {@code detail} is the column, constraint or trigger name, or a function's arguments. */
    private SchemaChanges removal(ObjectKind kind, QualifiedName object, String detail) {
        add(new Declaration.RemovalDecl(kind, object, detail, currentOrigin()));
        return self();
    }
}
