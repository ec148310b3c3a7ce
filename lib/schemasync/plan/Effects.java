package schemasync.plan;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.Constraint;
import schemasync.catalog.Domain;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;

/**
 * What each step does to the catalog: {@code apply(step, catalog) → catalog}, so a plan can be replayed
 * on the catalog it was computed from and compared with what PostgreSQL reports after the apply (the
 * scenario harness does, through {@link CatalogOutline}). A {@link StepVisitor}: a new step kind does not
 * compile until its effect is written. Texts PostgreSQL rewrites (types, defaults, expressions, bodies)
 * are kept as the step spells them; {@link CatalogOutline} says which facts are compared.
 */
public final class Effects implements StepVisitor<Void> {
    private final CatalogEdit c;

    private Effects(CatalogEdit c) {
        this.c = c;
    }

    public static Catalog apply(Step step, Catalog catalog) {
        return replay(List.of(step), catalog);
    }

    /** The steps in order on one working copy. */
    public static Catalog replay(List<? extends Step> steps, Catalog catalog) {
        CatalogEdit edit = new CatalogEdit(catalog);
        Effects effects = new Effects(edit);
        for (Step step : steps) {
            java.util.Set<QualifiedName> before = edit.relations();
            step.accept(effects);
            edit.forgetOptionsOfDropped(before);
        }
        return edit.build();
    }

    /**
     * The steps' effects on the planner's working copy, the only way it changes ({@link Planner#change} calls
     * this for every step it emits): no planner writes by hand what its steps do. {@code spelled}: PostgreSQL's
     * spelling of what the steps create, from the declared side ({@link Spelled} says why).
     */
    static void applyTo(Planner planner, Spelled spelled, Step... steps) {
        CatalogEdit edit = CatalogEdit.workingCopyOf(planner);
        edit.spelled = spelled;
        Effects effects = new Effects(edit);
        for (Step step : steps) step.accept(effects);
    }

    public Void createSchema(Step.CreateSchema s) {
        c.schemas.add(s.schema());
        return null;
    }

    public Void createExtension(Step.CreateExtension x) {
        // Without WITH SCHEMA, CREATE EXTENSION installs into the first schema of search_path: public here.
        c.extensions.put(x.name(), new Catalog.Extension(x.name(), x.schema() == null ? "public" : x.schema(), x.version()));
        return null;
    }

    public Void createEnum(Step.CreateEnum e) {
        c.enums.put(e.name(), List.copyOf(e.labels()));
        return null;
    }

    public Void addEnumValue(Step.AddEnumValue a) {
        List<String> labels = new ArrayList<>(c.enums.get(a.name()));
        int at = labels.indexOf(a.neighbour());
        labels.add(at < 0 ? labels.size() : a.before() ? at : at + 1, a.label());
        c.enums.put(a.name(), List.copyOf(labels));
        return null;
    }

    public Void commentOnObject(Step.CommentOnObject s) {
        if (s.comment() == null) c.comments.remove(s.target());
        else c.comments.put(s.target(), s.comment());
        return null;
    }

    public Void createSequence(Step.CreateSequence q) {
        var o = q.sequence().options();
        c.sequences.put(q.sequence().name(), c.spelled.of(Sequence.class).orElseGet(() -> new Sequence(q.sequence().name(), q.sequence().dataType() == null ? "bigint"
                : q.sequence().dataType(), value(o.start()), value(o.increment()), value(o.minValue()), value(o.maxValue()),
                value(o.cache()), Boolean.TRUE.equals(o.cycles()), null)));
        return null;
    }

    public Void setSequenceOwner(Step.SetSequenceOwner o) {
        c.sequences.computeIfPresent(o.sequence(), (k, q) -> q.withOwner(new Sequence.Owner(o.table(), o.column(), false)));
        return null;
    }

    public Void createCompositeType(Step.CreateCompositeType t) {
        c.composites.put(t.type().name(), c.spelled.of(schemasync.catalog.CompositeType.class).orElse(t.type()));
        return null;
    }

    public Void createCollation(Step.CreateCollation s) {
        c.collations.put(s.collation().name(), s.collation());
        return null;
    }

    public Void createRangeType(Step.CreateRangeType s) {
        c.rangeTypes.put(s.type().name(), c.spelled.of(schemasync.catalog.RangeType.class).orElse(s.type()));
        return null;
    }

    public Void createDomain(Step.CreateDomain d) {
        // NOT VALID checks are separate AddDomainConstraint steps.
        java.util.Set<String> validated = new java.util.HashSet<>();
        d.domain().checks().stream().filter(Domain.Check::validated).forEach(k -> validated.add(k.name()));
        Domain domain = c.spelled.of(Domain.class).orElse(d.domain());
        c.domains.put(domain.name(), new Domain(domain.name(), domain.baseType(), domain.notNull(), domain.defaultExpr(),
                domain.collation(), domain.checks().stream().filter(k -> validated.contains(k.name())).toList()));
        return null;
    }

    public Void addDomainConstraint(Step.AddDomainConstraint a) {
        Domain d = c.domains.get(a.domain());
        List<Domain.Check> checks = new ArrayList<>(d.checks());
        checks.removeIf(k -> k.name().equals(a.check().name()));
        String expression = c.spelled.of(Domain.Check.class).filter(k -> k.name().equals(a.check().name()))
                .or(() -> c.spelled.of(Domain.class).flatMap(k -> k.check(a.check().name()))).map(Domain.Check::expression)
                .orElse(a.check().expression());
        checks.add(new Domain.Check(a.check().name(), expression, !a.notValid()));
        c.domains.put(d.name(), new Domain(d.name(), d.baseType(), d.notNull(), d.defaultExpr(), d.collation(), checks));
        return null;
    }

    public Void validateDomainConstraint(Step.ValidateDomainConstraint v) {
        Domain d = c.domains.get(v.domain());
        c.domains.put(d.name(), new Domain(d.name(), d.baseType(), d.notNull(), d.defaultExpr(), d.collation(), d.checks().stream()
                .map(k -> k.name().equals(v.name()) ? new Domain.Check(k.name(), k.expression(), true) : k).toList()));
        return null;
    }

    public Void createTable(Step.CreateTable s) {
        TableEffects.create(c, s.table(), c.spelled.of(Table.class).orElse(null), c.spelled.of(Catalog.Partitioning.class).orElse(null));
        return null;
    }

    public Void addColumn(Step.AddColumn a) {
        Column column = c.spelled.of(Column.class).filter(k -> k.name().equals(a.column().name())).orElseGet(() -> TableEffects.column(a.column()));
        c.table(a.table(), t -> t.withColumn(column));
        TableEffects.ownedSequence(c, a.table(), a.column());
        return null;
    }

    public Void setColumnDefault(Step.SetColumnDefault d) {
        String defaultExpr = c.spelled.of(Column.class).map(Column::defaultExpr).orElse(d.defaultSql());
        TableEffects.column(c, d.table(), d.column(), k -> k.withDefaultAndComment(defaultExpr, k.comment()));
        return null;
    }

    public Void alterColumnType(Step.AlterColumnType a) {
        // ALTER COLUMN TYPE without COLLATE gives the column its new type's default collation.
        String type = a.to() != null ? a.to() : a.type();
        TableEffects.column(c, a.table(), a.column(), k -> new Column(k.name(), type, k.notNull(), k.defaultExpr(), k.identity(),
                k.comment(), k.generated(), type.equals(k.type()) ? k.collation() : null));
        return null;
    }

    public Void setNotNull(Step.SetNotNull n) {
        TableEffects.column(c, n.table(), n.column(), k -> TableEffects.notNull(k, true));
        return null;
    }

    public Void dropProvingCheck(Step.DropProvingCheck d) {
        TableEffects.dropConstraint(c, d.table(), d.name());
        return null;
    }

    public Void dropNotNull(Step.DropNotNull n) {
        TableEffects.column(c, n.table(), n.column(), k -> TableEffects.notNull(k, false));
        return null;
    }

    public Void addIdentity(Step.AddIdentity i) {
        TableEffects.column(c, i.table(), i.column(), k -> k.withIdentity(i.kind()));
        TableEffects.identitySequence(c, i.table(), i.column());
        return null;
    }

    public Void setIdentity(Step.SetIdentity i) {
        if (i.kind() != null) TableEffects.column(c, i.table(), i.column(), k -> k.withIdentity(i.kind()));
        // SET INCREMENT BY, START WITH, ...: the identity's sequence takes the options (START WITH only for a RESTART).
        Sequence sequence = IdentityPlanner.sequenceOf(c.sequences, i.table(), i.column());
        if (sequence != null && !i.options().isEmpty()) c.sequences.put(sequence.name(), IdentityPlanner.applied(sequence, i.options()));
        return null;
    }

    public Void dropColumnDefault(Step.DropColumnDefault d) {
        TableEffects.column(c, d.table(), d.column(), k -> k.withDefaultAndComment(null, k.comment()));
        return null;
    }

    public Void commentOnTable(Step.CommentOnTable s) {
        c.table(s.table(), t -> t.withComment(s.comment()));
        return null;
    }

    public Void commentOnColumn(Step.CommentOnColumn s) {
        TableEffects.column(c, s.table(), s.column(), k -> k.withDefaultAndComment(k.defaultExpr(), s.comment()));
        return null;
    }

    public Void renameTable(Step.RenameTable r) {
        TableEffects.rename(c, r.table(), r.table().sibling(r.to()));
        return null;
    }

    public Void renameColumn(Step.RenameColumn r) {
        TableEffects.renameColumn(c, r.table(), r.from(), r.to());
        return null;
    }

    public Void dropTable(Step.DropTable d) {
        TableEffects.drop(c, d.table());
        return null;
    }

    public Void dropColumn(Step.DropColumn d) {
        TableEffects.dropColumn(c, d.table(), d.column());
        return null;
    }

    public Void addConstraint(Step.AddConstraint a) {
        TableEffects.addConstraint(c, a.table(), a.constraint(), !a.notValid(), c.spelled.constraint(a.constraint().name()).orElse(null));
        return null;
    }

    public Void validateConstraint(Step.ValidateConstraint v) {
        c.table(v.table(), t -> t.withConstraints(t.constraints().stream().map(k -> !k.name().equals(v.name())
                ? k : new Constraint(k.name(), k.kind(), k.columns(), k.check(), k.foreignKey(), k.nullsNotDistinct(), true,
                k.definition(), k.keyOptions())).toList()));
        return null;
    }

    public Void createIndex(Step.CreateIndex i) {
        QualifiedName name = i.index().name().sibling(i.name());
        String definition = c.spelled.of(Index.class).map(Index::definition).orElse(null);
        c.indexes.put(name, new Index(name, i.index().table(), i.index().unique(), i.index().method(), definition, true, false));
        return null;
    }

    public Void dropIndex(Step.DropIndex d) {
        c.indexes.remove(d.index());
        return null;
    }

    public Void retireIndex(Step.RetireIndex r) {
        TableEffects.renameIndex(c, r.index(), r.retired());
        return null;
    }

    public Void swapIndex(Step.SwapIndex s) {
        TableEffects.renameIndex(c, s.index().sibling(s.replacement()), s.index().name());
        return null;
    }

    public Void renameIndex(Step.RenameIndex r) {
        TableEffects.renameIndex(c, r.index(), r.to());
        return null;
    }

    public Void createFunction(Step.CreateFunction f) {
        // The key holds the identity arguments as PostgreSQL prints them; CatalogOutline compares names only.
        Spelled.Routine spelled = c.spelled.of(Spelled.Routine.class).orElse(null);
        if (spelled != null) c.functions.put(spelled.key(), spelled.routine());
        else c.functions.put(f.name() + "(" + f.arguments() + ")", new Catalog.Function(f.name(), f.arguments(), f.definition()));
        return null;
    }

    public Void createTrigger(Step.CreateTrigger t) {
        String definition = c.spelled.of(String.class).orElse(null);
        c.table(t.table(), table -> table.withTrigger(new Table.Trigger(t.trigger().name(), definition)));
        return null;
    }

    public Void grantPrivileges(Step.GrantPrivileges g) {
        var held = c.spelled.of(Spelled.HeldGrants.class).map(Spelled.HeldGrants::grants);
        if (g.target().kind() == schemasync.catalog.GrantTarget.Kind.TABLE && c.tables.containsKey(g.target().qualifiedName())) {
            c.table(g.target().qualifiedName(), t -> t.withGrants(CatalogEdit.granted(held.orElse(t.grants()), g.role(), g.privileges(),
                    g.revoke())));
        } else {
            c.grants.put(g.target(), CatalogEdit.granted(held.orElse(c.grants.get(g.target())), g.role(), g.privileges(), g.revoke()));
        }
        return null;
    }

    public Void alterDefaultPrivileges(Step.AlterDefaultPrivileges a) {
        var held = c.spelled.of(Spelled.HeldGrants.class).map(Spelled.HeldGrants::grants);
        c.defaultPrivileges.put(a.target(), CatalogEdit.granted(held.orElse(c.defaultPrivileges.get(a.target())), a.role(), a.privileges(),
                a.revoke()));
        return null;
    }

    public Void createAggregate(Step.CreateAggregate a) {
        Spelled.Routine spelled = c.spelled.of(Spelled.Routine.class).orElse(null);
        if (spelled != null) c.aggregates.put(spelled.key(), spelled.routine());
        else c.aggregates.put(a.name() + "(" + a.arguments() + ")", new Catalog.Function(a.name(), a.arguments(), a.definition()));
        return null;
    }

    public Void setRowSecurity(Step.SetRowSecurity r) {
        // ENABLE ROW LEVEL SECURITY leaves FORCE as it was; only FORCE sets it.
        c.table(r.table(), t -> t.withRowSecurity(r.force() || t.rowSecurity() == Table.RowSecurity.FORCED
                ? Table.RowSecurity.FORCED : Table.RowSecurity.ENABLED));
        return null;
    }

    public Void createPolicy(Step.CreatePolicy p) {
        Table.Policy policy = c.spelled.of(Table.Policy.class).orElse(p.policy());
        c.table(p.table(), t -> t.withPolicy(policy));
        return null;
    }

    public Void createView(Step.CreateView v) {
        c.views.put(v.name(), c.spelled.of(String.class).orElse(v.sql()));
        return null;
    }

    public Void createPartition(Step.CreatePartition p) {
        TableEffects.createPartition(c, p.name(), p.parent(), p.bound(), p.partitionBy(), c.spelled.of(Catalog.Partitioning.class).orElse(null));
        return null;
    }

    public Void createMaterializedView(Step.CreateMaterializedView m) {
        c.materializedViews.put(m.name(), new Catalog.MaterializedView(m.name(), m.sql(), m.withData(), List.of()));
        return null;
    }

    public Void dropObject(Step.DropObject d) {
        DropEffects.drop(c, d);
        return null;
    }

    /** The user's own SQL: its effect is unknown here; {@link CatalogOutline#predictable} excludes such plans. */
    public Void customSql(Step.CustomSql s) {
        return null;
    }

    private static long value(Long option) {
        return option == null ? 0 : option;
    }

    public Void setStorageParameters(OptionSteps.SetStorageParameters s) {
        OptionEffects.storage(c, s);
        return null;
    }

    public Void clusterOn(OptionSteps.ClusterOn s) {
        OptionEffects.clusterOn(c, s);
        return null;
    }

    public Void setPersistence(OptionSteps.SetPersistence s) {
        OptionEffects.persistence(c, s);
        return null;
    }

    // Column options are not replayed: attstorage reads back as "the type's" (null) or not depending on the column
    // type's own storage, which the step does not carry; CatalogOutline lists them as not compared.
    public Void setColumnOption(OptionSteps.SetColumnOption s) {
        return null;
    }

    /** The table's columns and CHECKs stay its own (merged, still attislocal): only the lineage changes. */
    public Void onlyThisTable(LineageSteps.OnlyThisTable s) { return s.step().accept(this); } // ONLY: this table alone

    public Void inheritParent(OptionSteps.InheritParent s) {
        schemasync.catalog.TableLineage had = c.lineage.get(s.table());
        List<QualifiedName> parents = new java.util.ArrayList<>(had == null ? List.of() : had.inherits());
        parents.add(s.parent());
        c.lineage.put(s.table(), new schemasync.catalog.TableLineage(parents, had == null ? null : had.ofType()));
        return null;
    }
    // Foreign servers, user mappings, foreign tables, publications and event triggers: ExternalEffects.
    public Void createServer(ExternalSteps.CreateServer s) { ExternalEffects.createServer(c.externals, s); return null; }
    public Void createUserMapping(ExternalSteps.CreateUserMapping s) { ExternalEffects.createUserMapping(c.externals, s); return null; }
    public Void createForeignTable(ExternalSteps.CreateForeignTable s) { ExternalEffects.createForeignTable(c.externals, s); return null; }
    public Void alterOptions(ExternalSteps.AlterOptions s) { ExternalEffects.alterOptions(c.externals, s); return null; }
    public Void createPublication(ExternalSteps.CreatePublication s) { ExternalEffects.createPublication(c.externals, s); return null; }
    public Void alterPublicationTables(ExternalSteps.AlterPublicationTables s) { ExternalEffects.alterPublicationTables(c.externals, s); return null; }
    public Void setPublicationOptions(ExternalSteps.SetPublicationOptions s) { ExternalEffects.setPublicationOptions(c.externals, s); return null; }
    public Void createEventTrigger(ExternalSteps.CreateEventTrigger s) { ExternalEffects.createEventTrigger(c.externals, s); return null; }
    public Void setEventTriggerEnabled(ExternalSteps.SetEventTriggerEnabled s) { ExternalEffects.setEventTriggerEnabled(c.externals, s); return null; }
    public Void dropExternal(ExternalSteps.DropExternal s) { ExternalEffects.drop(c.externals, s); return null; }
    // Extended statistics and rules (CatalogOutline compares which exist, on which table).
    public Void createStatistics(StatisticsRuleSteps.CreateStatistics s) { c.statistics.put(s.statistics().name(), s.statistics()); return null; }
    public Void createRule(StatisticsRuleSteps.CreateRule s) { c.rules.put(s.rule().key(), s.rule()); return null; }
    public Void setStatisticsTarget(StatisticsRuleSteps.SetStatisticsTarget s) { c.statistics.computeIfPresent(s.name(), (n, had) -> had.withTarget(s.target())); return null; }
}
