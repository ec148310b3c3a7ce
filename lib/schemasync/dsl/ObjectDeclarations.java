package schemasync.dsl;

import java.util.List;
import java.util.function.UnaryOperator;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.SchemaDecl;

/**
 * The part of {@link SchemaChanges}'s vocabulary for objects beside the relations: schemas, enum, domain and composite
 * types, sequences, comments, functions, procedures and aggregates, row-level security, policies, triggers and
 * extensions. Users never name this class: blocks talk to {@link SchemaChanges}, which inherits these verbs.
 */
public abstract class ObjectDeclarations extends RelationDeclarations {

    ObjectDeclarations() {
    }

    /** The schema exists ({@code CREATE SCHEMA}). Declaring it also makes the tool manage it. */
    public SchemaChanges ensureSchema(String name) {
        add(new SchemaDecl(scope().schemaName(name), currentOrigin()));
        return self();
    }

    /**
     * The enum type exists with these labels, in this order. Missing labels are added in their
     * declared position; labels the database has beyond these are reported, never dropped.
     */
    public SchemaChanges ensureEnum(String name, String... labels) {
        add(new TypeDecl.EnumDecl(scope().qualified(name), List.of(labels), currentOrigin()));
        return self();
    }

    /**
     * The domain exists: {@code ensureDomain("year", "integer").check("year_range", "VALUE BETWEEN 1901 AND 2155")}.
     * Created when missing; a missing named check is added NOT VALID and then validated; any other
     * difference (base type, NOT NULL, default, collation, a check's expression) is reported.
     */
    public DomainBuilder ensureDomain(String name, String baseType) {
        DomainBuilder builder = new DomainBuilder(name, baseType);
        Origin declaredIn = currentOrigin();
        placeholder(() -> new TypeDecl.DomainDecl(scope().qualified(builder.name), builder.baseType, builder.notNull,
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
        Origin declaredIn = currentOrigin();
        placeholder(() -> new TypeDecl.CompositeTypeDecl(scope().qualified(builder.name), builder.attributes, declaredIn));
        return builder;
    }

    /**
     * The standalone sequence exists with these options (PostgreSQL's defaults for those not given):
     * {@code ensureSequence("invoice_number").startWith(1000).ownedBy("invoices.number")}. Created when
     * missing; OWNED BY is set once every declared table exists; different options are reported.
     */
    public SequenceBuilder ensureSequence(String name) {
        SequenceBuilder builder = new SequenceBuilder(name);
        Origin declaredIn = currentOrigin();
        placeholder(() -> builder.declaration(declaredIn, scope()));
        return builder;
    }

    /**
     * The object has this comment: {@code ensureComment(CommentOn.VIEW, "active_users", "Users not deleted")}.
     * Kinds: SCHEMA (the schema's name), VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX, TYPE (enum, domain or
     * composite), COLLATION, FUNCTION, PROCEDURE, AGGREGATE written {@code name(argument types)}, OPERATOR written
     * {@code name(left type, right type)} (NONE for a prefix operator's left), CAST written {@code source AS target},
     * OPERATOR_CLASS and OPERATOR_FAMILY written {@code name USING method}, and EXTENSION, FOREIGN_SERVER, PUBLICATION,
     * EVENT_TRIGGER by their names (objects of the database, no schema). Tables and columns are commented in
     * {@code ensureTable}. Set when missing or different (metadata only).
     */
    public SchemaChanges ensureComment(CommentOn on, String object, String text) {
        schemasync.catalog.CommentTarget.Kind kind = on == null ? null : on.kind();
        schemasync.catalog.CommentTarget target;
        if (kind == schemasync.catalog.CommentTarget.Kind.SCHEMA) {
            target = new schemasync.catalog.CommentTarget(kind, new QualifiedName(scope().schemaName(object), scope().schemaName(object)), null);
        } else if (kind != null && kind.databaseWide()) {
            target = schemasync.catalog.CommentTarget.databaseWide(kind, object); // a name of the database: no schema to resolve
        } else if (kind == schemasync.catalog.CommentTarget.Kind.CAST) {
            // "source AS target", as DROP CAST names one (its parentheses optional); a type in the tenant's schema, as ensureCast's.
            String bare = object == null ? "" : object.strip();
            if (bare.startsWith("(") && bare.endsWith(")")) bare = bare.substring(1, bare.length() - 1).strip();
            String[] types = bare.split("(?i)\\s+AS\\s+", 2);
            target = types.length < 2 ? new schemasync.catalog.CommentTarget(kind, new QualifiedName("", bare), null)
                    : schemasync.catalog.CommentTarget.cast(scope().name(types[0].strip()), scope().name(types[1].strip()));
        } else if (kind != null && kind.usingMethod()) {
            // "name USING method": a btree and a hash class may share a name.
            String[] parts = object == null ? new String[] {""} : object.strip().split("(?i)\\s+USING\\s+", 2);
            target = new schemasync.catalog.CommentTarget(kind, scope().qualified(parts[0]),
                    parts.length < 2 ? null : parts[1].strip().toLowerCase(java.util.Locale.ROOT));
        } else if (kind == schemasync.catalog.CommentTarget.Kind.OPERATOR) {
            Signature sig = Signature.parse(object, scope());
            String[] types = OwnerDecl.operatorTypes(sig.arguments());
            target = types == null ? new schemasync.catalog.CommentTarget(kind, sig.name(), null)
                    : schemasync.catalog.CommentTarget.operator(sig.name(), types[0] == null ? null : scope().name(types[0]),
                    types[1] == null ? null : scope().name(types[1]));
        } else if (kind != null && kind.routine()) {
            Signature sig = Signature.parse(object, scope());
            target = new schemasync.catalog.CommentTarget(kind, sig.name(), sig.arguments());
        } else {
            target = new schemasync.catalog.CommentTarget(kind, scope().qualified(object), null);
        }
        add(new Declaration.CommentDecl(target, text, currentOrigin()));
        return self();
    }

    /**
     * The comment on a constraint, trigger or policy of {@code table} (or a constraint of a domain), or on a column
     * of a view, materialized view or foreign table, or an attribute of a composite type:
     * {@code ensureComment(CommentOn.CONSTRAINT, "users", "users_email_key", "Sign-in is by email")}.
     */
    public SchemaChanges ensureComment(CommentOn on, String tableOrDomain, String name, String text) {
        schemasync.catalog.CommentTarget.Kind kind = on == null ? null : on.kind();
        add(new Declaration.CommentDecl(kind == schemasync.catalog.CommentTarget.Kind.CAST
                ? schemasync.catalog.CommentTarget.cast(tableOrDomain == null ? null : scope().name(tableOrDomain.strip()),
                        name == null ? null : scope().name(name.strip())) // (source, target): as "source AS target"
                : new schemasync.catalog.CommentTarget(kind, scope().qualified(tableOrDomain), name), text, currentOrigin()));
        return self();
    }

    /**
     * The function exists like this: {@code ensureFunction("set_updated_at()", "RETURNS trigger
     * LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$")}. The signature is
     * {@code [schema.]name(argument types)}; the definition is what follows it in CREATE FUNCTION.
     */
    public SchemaChanges ensureFunction(String signature, String definition) {
        Signature sig = Signature.parse(signature, scope());
        add(new Declaration.FunctionDecl(sig.name(), sig.arguments(), definition == null ? null : definition.strip(), currentOrigin()));
        return self();
    }

    /**
     * The procedure exists like this: {@code ensureProcedure("archive_orders(before date)", "LANGUAGE sql
     * AS $$ DELETE FROM orders WHERE placed_at < before $$")}; compared and replaced like a function
     * (CREATE OR REPLACE PROCEDURE).
     */
    public SchemaChanges ensureProcedure(String signature, String definition) {
        Signature sig = Signature.parse(signature, scope());
        add(new Declaration.FunctionDecl(sig.name(), sig.arguments(), definition == null ? null : definition.strip(),
                true, currentOrigin()));
        return self();
    }

    /**
     * The aggregate exists: {@code ensureAggregate("group_concat(text)", "SFUNC = _group_concat, STYPE = text")},
     * the definition being CREATE AGGREGATE's option list (without its parentheses). Created when
     * missing; a different definition is reported, not replaced.
     */
    public SchemaChanges ensureAggregate(String signature, String definition) {
        Signature sig = Signature.parse(signature, scope());
        add(new Declaration.AggregateDecl(sig.name(), sig.arguments(), definition == null ? null : definition.strip(),
                currentOrigin()));
        return self();
    }

    /**
     * Row-level security is enabled on the table ({@code force}: also for its owner). Enabling it
     * with no policy hides every row from everyone but the owner and superusers: declare the
     * policies in the same block.
     */
    public SchemaChanges ensureRowLevelSecurity(String table, boolean force) {
        add(new AccessDecl.RowSecurityDecl(scope().qualified(table), force, currentOrigin()));
        return self();
    }

    public SchemaChanges ensureRowLevelSecurity(String table) {
        return ensureRowLevelSecurity(table, false);
    }

    /** The policy exists: {@code ensurePolicy("own_rows").on("documents").to("app_user").using("owner = current_user")}. */
    public PolicyBuilder ensurePolicy(String name) {
        PolicyBuilder builder = new PolicyBuilder(name);
        Origin declaredIn = currentOrigin();
        placeholder(() -> new AccessDecl.PolicyDecl(builder.name, builder.table == null ? null : scope().qualified(builder.table),
                builder.permissive, builder.command, builder.roles.isEmpty() ? List.of("public") : builder.roles,
                builder.using, builder.withCheck, declaredIn));
        return builder;
    }

    /** The trigger exists: {@code ensureTrigger("t").on("users").before("UPDATE").forEachRow().executes("f()")}. */
    public TriggerBuilder ensureTrigger(String name) {
        TriggerBuilder builder = new TriggerBuilder(name);
        Origin declaredIn = currentOrigin();
        placeholder(() -> new Declaration.TriggerDecl(builder.name, builder.table == null ? null : scope().qualified(builder.table),
                builder.timing, builder.events, builder.forEachRow, builder.when, builder.function,
                builder.constraint ? new Declaration.ConstraintTrigger(builder.from, builder.deferrable || builder.initiallyDeferred,
                        builder.initiallyDeferred) : null, builder.transitions(), builder.enabled, declaredIn));
        return builder;
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
        add(new Declaration.ExtensionDecl(name, schema, version, currentOrigin()));
        return self();
    }
}
