package schemasync.plan;

import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.step.LineageSteps;
import schemasync.step.OptionSteps;
import schemasync.step.Step;

/**
 * The half of {@link Effects} for the steps on tables and what lives on them: columns, constraints, indexes,
 * triggers, policies, partitions, renames and drops ({@link TableEffects} holds what reaches beyond the table).
 * {@code c} is the one edit every half writes.
 */
abstract class TableStepEffects extends ObjectKindEffects {
    TableStepEffects(CatalogEdit c) {
        super(c);
    }

    public Void createTable(Step.CreateTable s) {
        TableEffects.create(c, s.table(), c.spelled.of(Table.class).orElse(null), c.spelled.of(Catalog.Partitioning.class).orElse(null));
        NotNullNameEffects.created(c, s.table().name(), s.table().columns());
        return null;
    }

    public Void addColumn(Step.AddColumn a) {
        Column column = c.spelled.of(Column.class).filter(k -> k.name().equals(a.column().name())).orElseGet(() -> TableEffects.column(a.column()));
        c.table(a.table(), t -> t.withColumn(column));
        TableEffects.ownedSequence(c, a.table(), a.column());
        NotNullNameEffects.created(c, a.table(), List.of(a.column()));
        return null;
    }

    public Void setColumnDefault(Step.SetColumnDefault d) {
        TableEffects.setDefault(c, d.table(), d.column(), c.spelled.of(Column.class).map(Column::defaultExpr).orElse(d.defaultSql()), true);
        return null;
    }

    public Void alterColumnType(Step.AlterColumnType a) {
        // ALTER COLUMN TYPE without COLLATE gives the column its new type's default collation.
        String type = a.to() != null ? a.to() : a.type();
        TableEffects.column(c, a.table(), a.column(), k -> new Column(k.name(), type, k.notNull(), k.defaultExpr(), k.identity(),
                k.comment(), k.generated(), type.equals(k.type()) ? k.collation() : null, k.virtual()));
        return null;
    }

    public Void setNotNull(Step.SetNotNull n) {
        TableEffects.column(c, n.table(), n.column(), k -> TableEffects.notNull(k, true));
        NotNullNameEffects.named(c, n.table(), n.column(), n.constraintName());
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
        TableEffects.setDefault(c, d.table(), d.column(), null, true);
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
        OwnerEffects.renameTable(c, r.table(), r.table().sibling(r.to()));
        NotNullNameEffects.renamedTable(c, r.table(), r.table().sibling(r.to()));
        return null;
    }

    public Void renameColumn(Step.RenameColumn r) {
        TableEffects.renameColumn(c, r.table(), r.from(), r.to());
        OptionEffects.renameColumn(c, r.table(), r.from(), r.to());
        NotNullNameEffects.renamedColumn(c, r.table(), r.from(), r.to());
        TableDependents.renamedColumn(c, r.table(), r.from(), r.to());
        return null;
    }

    public Void dropTable(Step.DropTable d) {
        TableEffects.drop(c, d.table());
        return null;
    }

    public Void dropColumn(Step.DropColumn d) {
        TableEffects.dropColumn(c, d.table(), d.column());
        OptionEffects.renameColumn(c, d.table(), d.column(), null);
        return null;
    }

    public Void addConstraint(Step.AddConstraint a) {
        TableEffects.addConstraint(c, a.table(), a.constraint(), !a.notValid(), c.spelled.constraint(a.constraint().name()).orElse(null));
        return null;
    }

    public Void validateConstraint(Step.ValidateConstraint v) {
        c.table(v.table(), t -> t.withConstraints(t.constraints().stream().map(k -> !k.name().equals(v.name())
                ? k : k.asValidated()).toList()));
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

    public Void createTrigger(Step.CreateTrigger t) {
        String definition = c.spelled.of(String.class).orElse(null);
        c.table(t.table(), table -> table.withTrigger(new Table.Trigger(t.trigger().name(), definition)));
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

    public Void createPartition(Step.CreatePartition p) {
        TableEffects.createPartition(c, p.name(), p.parent(), p.bound(), p.partitionBy(), c.spelled.of(Catalog.Partitioning.class).orElse(null));
        return null;
    }

    /** The table's columns and CHECKs stay its own (merged, still attislocal): only the lineage changes. */
    public Void onlyThisTable(LineageSteps.OnlyThisTable s) { // ONLY: this table alone
        if (s.step() instanceof Step.SetColumnDefault d) {
            TableEffects.setDefault(c, d.table(), d.column(), c.spelled.of(Column.class).map(Column::defaultExpr).orElse(d.defaultSql()), false);
        } else if (s.step() instanceof Step.DropColumnDefault d) {
            TableEffects.setDefault(c, d.table(), d.column(), null, false);
        } else {
            s.step().accept(this);
        }
        return null;
    }

    public Void inheritParent(OptionSteps.InheritParent s) {
        schemasync.catalog.TableLineage had = c.lineage.get(s.table());
        List<QualifiedName> parents = new java.util.ArrayList<>(had == null ? List.of() : had.inherits());
        parents.add(s.parent());
        c.lineage.put(s.table(), new schemasync.catalog.TableLineage(parents, had == null ? null : had.ofType()));
        return null;
    }}
