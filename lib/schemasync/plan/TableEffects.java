package schemasync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Column.Identity;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.Constraint;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.catalog.TableSpec;

/**
 * The effects of the steps on tables, which reach beyond the table: a primary key, UNIQUE or EXCLUDE
 * constraint owns an index of the same name, a serial or identity column owns a sequence, and a rename or
 * drop carries the table's indexes, sequences, comments, grants and partition bounds with it (and, through
 * {@link TableDependents}, what PostgreSQL keeps by the table's oid elsewhere: statistics, rules, references).
 */
final class TableEffects {
    private TableEffects() {
    }

    /**
     * {@code spelled}: the table's columns and constraints as PostgreSQL spells them, {@code partitioning} its key,
     * when known (see {@link Spelled}); the rest comes from the statement.
     */
    static void create(CatalogEdit c, TableSpec t, Table spelled, Catalog.Partitioning partitioning) {
        Table.PrimaryKey pk = t.primaryKey().isEmpty() ? null
                : new Table.PrimaryKey(t.primaryKeyName() != null ? t.primaryKeyName() : defaultName(t.name().name(), "pkey"),
                t.primaryKey(), t.primaryKeyOptions());
        // PostgreSQL marks primary key columns NOT NULL.
        List<Column> columns = (spelled != null ? spelled.columns() : LineagePlanner.typedColumns(c.composites, t.form(),
                t.columns().stream().map(TableEffects::column).toList()))
                .stream().map(k -> pk != null && pk.columns().contains(k.name()) ? notNull(k, true) : k).toList();
        // NOT VALID constraints follow CREATE TABLE as AddConstraint steps.
        List<Constraint> constraints = t.constraints().stream().filter(k -> !k.notValid())
                .map(k -> spelled == null ? constraint(k, true) : spelled.constraint(k.name()).orElseThrow()).toList();
        c.tables.put(t.name(), new Table(t.name(), columns, pk, null, 0, false, constraints, List.of(), Table.RowSecurity.OFF,
                List.of(), java.util.Set.of()));
        if (pk != null) c.indexes.put(t.name().sibling(pk.name()), new Index(t.name().sibling(pk.name()), t.name(), true, "btree", null, true, true));
        for (Constraint k : constraints) constraintIndex(c, t.name(), k);
        for (ColumnSpec column : t.columns()) ownedSequence(c, t.name(), column);
        if (t.partitionBy() != null) {
            c.partitioning.put(t.name(), partitioning != null ? partitioning : new Catalog.Partitioning(t.partitionBy(), null, null));
        }
        // CREATE [UNLOGGED] TABLE ... WITH (...) sets the persistence and storage parameters in the one statement.
        if (t.form().unlogged() || !t.form().storage().isEmpty()) {
            c.options(t.name(), new schemasync.catalog.RelationOptions(t.form().storage(), t.form().unlogged(), false));
        }
        if (!t.form().inherits().isEmpty() || t.form().ofType() != null) {
            c.lineage.put(t.name(), new schemasync.catalog.TableLineage(t.form().inherits(), t.form().ofType()));
        }
    }

    static void createPartition(CatalogEdit c, QualifiedName name, QualifiedName parent, String bound, String partitionBy,
                                Catalog.Partitioning spelled) {
        // The parent's columns, constraints and indexes are the parent's: the partition's own copies are not read.
        // PARTITION OF copies each column's definition but not its comment (pg_description is per relation), so the
        // partition's columns start uncommented.
        List<Column> columns = c.table(parent).columns().stream().map(k -> new Column(k.name(), k.type(), k.notNull(), k.defaultExpr(),
                k.identity(), null, k.generated(), k.collation(), k.virtual())).toList();
        c.tables.put(name, new Table(name, columns, null, null, 0, true, List.of(), List.of(),
                Table.RowSecurity.OFF, List.of(), java.util.Set.of()));
        c.partitioning.put(name, spelled != null ? spelled : new Catalog.Partitioning(partitionBy, parent, bound));
    }

    static Column column(ColumnSpec s) {
        return new Column(s.name(), s.type(), s.notNull(), s.defaultSql(), s.identity(), null, s.generatedSql(), s.collation(),
                s.virtual());
    }

    static Column notNull(Column k, boolean notNull) {
        return new Column(k.name(), k.type(), notNull, k.defaultExpr(), k.identity(), k.comment(), k.generated(), k.collation(),
                k.virtual());
    }

    static void column(CatalogEdit c, QualifiedName table, String column, UnaryOperator<Column> change) {
        c.table(table, t -> t.withColumns(t.columns().stream().map(k -> k.name().equals(column) ? change.apply(k) : k).toList()));
    }

    /**
     * SET DEFAULT ({@code expr}) or DROP DEFAULT (null) on a column; {@code recurse}: without ONLY, which PostgreSQL
     * recurses on a partitioned table to every partition below it (sub-partitions too).
     */
    static void setDefault(CatalogEdit c, QualifiedName table, String column, String expr, boolean recurse) {
        for (QualifiedName t : recurse ? withPartitions(c, table) : List.of(table)) {
            column(c, t, column, k -> k.withDefaultAndComment(expr, k.comment()));
        }
    }

    /** {@code table} and, when it is partitioned, every partition below it (what ALTER TABLE without ONLY reaches). */
    static List<QualifiedName> withPartitions(CatalogEdit c, QualifiedName table) {
        List<QualifiedName> out = new java.util.ArrayList<>(List.of(table));
        for (int i = 0; i < out.size(); i++) {
            QualifiedName parent = out.get(i);
            c.partitioning.forEach((name, shape) -> {
                if (parent.equals(shape.parent()) && c.tables.containsKey(name) && !out.contains(name)) out.add(name);
            });
        }
        return out;
    }

    static Constraint constraint(ConstraintSpec s, boolean validated) {
        Constraint.ForeignKey fk = s.foreignKey() == null ? null : new Constraint.ForeignKey(QualifiedName.parse(s.foreignKey().references()),
                s.foreignKey().referencedColumns(), s.foreignKey().onUpdate(), s.foreignKey().onDelete(), s.foreignKey().match(),
                s.foreignKey().deferrable(), s.foreignKey().initiallyDeferred(), s.foreignKey().period());
        return new Constraint(s.name(), s.kind(), s.columns(), s.checkSql(), fk, s.nullsNotDistinct(), validated || s.notEnforced(), null,
                s.keyOptions(), s.notEnforced());
    }

    /** {@code spelled}: the constraint as PostgreSQL spells it, when known; the step decides whether it is validated. */
    static void addConstraint(CatalogEdit c, QualifiedName table, ConstraintSpec spec, boolean validated, Constraint spelled) {
        Constraint k = spelled == null ? constraint(spec, validated) : new Constraint(spelled.name(), spelled.kind(), spelled.columns(),
                spelled.check(), spelled.foreignKey(), spelled.nullsNotDistinct(), validated || spelled.notEnforced(), spelled.definition(),
                spelled.keyOptions(), spelled.notEnforced());
        c.table(table, t -> t.withConstraint(k));
        constraintIndex(c, table, k);
    }

    /** ALTER TABLE ... ADD PRIMARY KEY: the key, its index of the key's name, and its columns NOT NULL (PostgreSQL sets them). */
    static void addPrimaryKey(CatalogEdit c, QualifiedName table, String name, List<String> columns) {
        Table.PrimaryKey pk = new Table.PrimaryKey(name, columns);
        c.table(table, t -> new Table(t.name(), t.columns().stream().map(k -> columns.contains(k.name()) ? notNull(k, true) : k).toList(),
                pk, t.comment(), t.estimatedRows(), t.partition(), t.constraints(), t.triggers(), t.rowSecurity(), t.policies(),
                t.grants(), t.pages()));
        c.indexes.put(table.sibling(name), new Index(table.sibling(name), table, true, "btree", null, true, true));
    }

    /** UNIQUE and EXCLUDE constraints are backed by an index of their own name. */
    private static void constraintIndex(CatalogEdit c, QualifiedName table, Constraint k) {
        if (k.kind() == Constraint.Kind.UNIQUE || k.kind() == Constraint.Kind.EXCLUSION) {
            QualifiedName name = table.sibling(k.name());
            c.indexes.put(name, new Index(name, table, k.kind() == Constraint.Kind.UNIQUE, "btree", null, true, true));
        }
    }

    static void dropConstraint(CatalogEdit c, QualifiedName table, String name) {
        c.table(table, t -> t.withConstraints(t.constraints().stream().filter(k -> !k.name().equals(name)).toList()));
        Index index = c.indexes.get(table.sibling(name));
        if (index != null && index.constraintBacked() && index.table().equals(table)) c.indexes.remove(table.sibling(name));
        c.comments.remove(new CommentTarget(CommentTarget.Kind.CONSTRAINT, table, name));
    }

    /** serial columns get {@code <table>_<column>_seq} owned by the column; identity columns one marked as theirs. */
    static void ownedSequence(CatalogEdit c, QualifiedName table, ColumnSpec column) {
        if (column.identity() != Identity.NONE) identitySequence(c, table, column.name());
        else if (column.serial()) sequence(c, table, column.name(), false);
    }

    static void identitySequence(CatalogEdit c, QualifiedName table, String column) {
        sequence(c, table, column, true);
    }

    private static void sequence(CatalogEdit c, QualifiedName table, String column, boolean identity) {
        QualifiedName name = table.sibling(defaultName(table.name() + "_" + column, "seq"));
        c.sequences.put(name, new Sequence(name, "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, new Sequence.Owner(table, column, identity)));
    }

    /** ChooseRelationName's spelling, {@code <base>_<suffix>} cut to 63 bytes (without its collision counter). */
    static String defaultName(String base, String suffix) {
        while (QualifiedName.utf8Length(base + "_" + suffix) > QualifiedName.MAX_IDENTIFIER_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "_" + suffix;
    }

    static void renameColumn(CatalogEdit c, QualifiedName table, String from, String to) {
        UnaryOperator<String> rename = n -> n.equals(from) ? to : n;
        c.table(table, t -> {
            Table renamed = t.withColumns(t.columns().stream().map(k -> k.name().equals(from) ? new Column(to, k.type(), k.notNull(),
                    k.defaultExpr(), k.identity(), k.comment(), k.generated(), k.collation(), k.virtual()) : k).toList());
            renamed = renamed.withConstraints(renamed.constraints().stream().map(k -> k.withOwnColumnsRenamed(rename)).toList());
            Table.PrimaryKey pk = t.primaryKey() == null ? null
                    : new Table.PrimaryKey(t.primaryKey().name(), t.primaryKey().columns().stream().map(rename).toList(),
                    t.primaryKey().options().withInclude(t.primaryKey().options().include().stream().map(rename).toList()));
            return new Table(renamed.name(), renamed.columns(), pk, renamed.comment(), renamed.estimatedRows(), renamed.partition(),
                    renamed.constraints(), renamed.triggers(), renamed.rowSecurity(), renamed.policies(), renamed.grants(), renamed.pages());
        });
        c.sequences.replaceAll((n, q) -> q.owner() != null && q.owner().table().equals(table) && q.owner().column().equals(from)
                ? q.withOwner(new Sequence.Owner(table, to, q.owner().identity())) : q);
        GrantTarget old = GrantTarget.column(table, from);
        if (c.grants.containsKey(old)) c.grants.put(GrantTarget.column(table, to), c.grants.remove(old));
    }

    static void rename(CatalogEdit c, QualifiedName from, QualifiedName to) {
        Table table = c.table(from);
        c.renameOptions(from, to);
        c.tables.renamed(from, to, table.withName(to)); // in its place, as the catalog lists it after ALTER TABLE ... RENAME
        c.indexes.replaceAll((n, i) -> i.table().equals(from) ? new Index(i.name(), to, i.unique(), i.method(), i.definition(),
                i.valid(), i.constraintBacked()) : i);
        c.sequences.replaceAll((n, q) -> q.owner() != null && q.owner().table().equals(from)
                ? q.withOwner(new Sequence.Owner(to, q.owner().column(), q.owner().identity())) : q);
        Catalog.Partitioning own = c.partitioning.remove(from);
        if (own != null) c.partitioning.put(to, own);
        c.partitioning.replaceAll((n, p) -> from.equals(p.parent()) ? new Catalog.Partitioning(p.key(), to, p.bound()) : p);
        for (CommentTarget k : new ArrayList<>(c.comments.keySet())) {
            if (k.kind().onTableOrDomain() && k.object().equals(from)) {
                c.comments.put(new CommentTarget(k.kind(), to, k.detail()), c.comments.remove(k));
            }
        }
        for (GrantTarget g : new ArrayList<>(c.grants.keySet())) {
            if ((g.kind() == GrantTarget.Kind.TABLE || g.kind() == GrantTarget.Kind.COLUMN) && g.qualifiedName().equals(from)) {
                c.grants.put(new GrantTarget(g.kind(), to.schema(), to.name(), g.detail()), c.grants.remove(g));
            }
        }
        TableDependents.renamed(c, from, to);
    }

    static void drop(CatalogEdit c, QualifiedName name) {
        c.table(name);
        // DROP TABLE on a partitioned table drops its partitions.
        for (Map.Entry<QualifiedName, Catalog.Partitioning> p : new ArrayList<>(c.partitioning.entrySet())) {
            if (name.equals(p.getValue().parent())) drop(c, p.getKey());
        }
        c.tables.remove(name);
        c.partitioning.remove(name);
        c.indexes.values().removeIf(i -> i.table().equals(name));
        c.sequences.values().removeIf(q -> q.owner() != null && q.owner().table().equals(name));
        c.comments.keySet().removeIf(k -> k.kind().onTableOrDomain() && k.kind() != CommentTarget.Kind.DOMAIN_CONSTRAINT
                && k.object().equals(name));
        c.grants.keySet().removeIf(g -> (g.kind() == GrantTarget.Kind.TABLE || g.kind() == GrantTarget.Kind.COLUMN)
                && g.qualifiedName().equals(name));
        TableDependents.dropped(c, name);
        OwnerEffects.forgetGone(c, new schemasync.catalog.OwnerTarget(schemasync.catalog.OwnerTarget.Kind.TABLE, name, null));
    }

    static void dropColumn(CatalogEdit c, QualifiedName table, String column) {
        Table t = c.table(table);
        // Constraints and the primary key on the column go with it (their indexes too), and so do a CHECK and a plain
        // index that mention it: pg_depend ties them to every column they use (ColumnReferences reads which).
        for (Constraint k : t.constraints()) {
            boolean uses = k.kind() == Constraint.Kind.CHECK ? ColumnReferences.checkUses(k, column) : k.columns().contains(column);
            if (uses) dropConstraint(c, table, k.name());
        }
        c.indexes.values().removeIf(i -> i.table().equals(table) && !i.constraintBacked() && ColumnReferences.indexUses(i, column));
        Table now = c.table(table);
        Table.PrimaryKey pk = now.primaryKey();
        if (pk != null && pk.columns().contains(column)) {
            c.indexes.remove(table.sibling(pk.name()));
            pk = null;
        }
        Table.PrimaryKey keptPk = pk;
        c.tables.put(table, new Table(now.name(), now.columns().stream().filter(k -> !k.name().equals(column)).toList(), keptPk,
                now.comment(), now.estimatedRows(), now.partition(), now.constraints(), now.triggers(), now.rowSecurity(),
                now.policies(), now.grants(), now.pages()));
        c.sequences.values().removeIf(q -> q.owner() != null && q.owner().table().equals(table) && q.owner().column().equals(column));
        c.grants.remove(GrantTarget.column(table, column));
    }

    /** ALTER INDEX ... RENAME; on a constraint's index PostgreSQL renames the constraint too. */
    static void renameIndex(CatalogEdit c, QualifiedName index, String to) {
        Index i = c.indexes.remove(index);
        if (i == null) return;
        c.renameOptions(index, index.sibling(to));
        c.indexes.put(index.sibling(to), new Index(index.sibling(to), i.table(), i.unique(), i.method(), i.definition(), i.valid(),
                i.constraintBacked()));
        if (i.constraintBacked() && c.tables.containsKey(i.table())) {
            c.table(i.table(), t -> {
                Table.PrimaryKey pk = t.primaryKey() != null && t.primaryKey().name().equals(index.name())
                        ? new Table.PrimaryKey(to, t.primaryKey().columns(), t.primaryKey().options()) : t.primaryKey();
                Table renamed = t.withConstraints(t.constraints().stream().map(k -> !k.name().equals(index.name()) ? k : k.named(to)).toList());
                return new Table(t.name(), renamed.columns(), pk, t.comment(), t.estimatedRows(), t.partition(), renamed.constraints(),
                        t.triggers(), t.rowSecurity(), t.policies(), t.grants(), t.pages());
            });
        }
    }
}
