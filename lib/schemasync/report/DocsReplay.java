package schemasync.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.ConstraintSpec.ForeignKeySpec;
import schemasync.catalog.KeyPart;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SqlText;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.catalog.Catalog;
import schemasync.dsl.DesiredState;
import schemasync.model.ObjectKind;
import schemasync.report.SchemaDocs.Col;
import schemasync.report.SchemaDocs.TableDoc;

/**
 * The tables the docs show: every declaration where it is after the last block ran. Names follow renames
 * through the fold ({@link DesiredState#nameAt}, over an empty catalog: the docs replay the blocks, not a
 * database), the one rule the planner and the normalizer ask too (a rename at position p
 * applies to what was declared before p); a removal at p takes out what is, by then, called what it names
 * (a table, a column with the keys, constraints and indexes that use it — PostgreSQL's DROP COLUMN drops
 * those too —, a constraint, an index). Nothing is replayed by hand here: each declaration asks the fold.
 */
final class DocsReplay {
    private static final int END = Integer.MAX_VALUE;

    private record Removal(int position, RemovalDecl decl) {
    }

    private final DesiredState fold;
    private final List<Removal> removals = new ArrayList<>();

    private DocsReplay(List<Declaration> declarations) {
        fold = DesiredState.fold(declarations, Catalog.builder().build());
        for (int i = 0; i < declarations.size(); i++) {
            if (declarations.get(i) instanceof RemovalDecl r) removals.add(new Removal(i, r));
        }
    }

    /** The tables after all blocks, in order of first declaration (under their last name), stably sorted by schema. */
    static List<TableDoc> tables(List<Declaration> declarations) {
        DocsReplay replay = new DocsReplay(declarations);
        List<TableDoc> tables = new ArrayList<>();
        Map<QualifiedName, TableDoc> byName = new HashMap<>();
        for (int at = 0; at < declarations.size(); at++) {
            Declaration d = declarations.get(at);
            if (d instanceof TableDecl t && !replay.tableRemoved(t.name(), at)) {
                TableDoc doc = table(replay.fold.nameAt(ObjectKind.TABLE, t.name(), at, END), tables, byName);
                if (doc.decl != null) continue; // declared twice: DeclaredSchema.of rejects it; keep the first
                doc.decl = t;
                replay.fill(doc, t, at);
            } else if (d instanceof ColumnDecl c && !replay.columnRemoved(c.table(), c.column().name(), at)) {
                table(replay.fold.nameAt(ObjectKind.TABLE, c.table(), at, END), tables, byName).columns
                        .add(new Col(replay.column(c.table(), c.column(), at), c.origin()));
            } else if (d instanceof IndexDecl i && i.table() != null && !replay.indexRemoved(i, at)) {
                table(replay.fold.nameAt(ObjectKind.TABLE, i.table(), at, END), tables, byName).indexes.add(replay.index(i, at));
            }
        }
        tables.sort(Comparator.comparing(t -> t.name.schema())); // List.sort is stable: keeps declaration order
        return tables;
    }

    private static TableDoc table(QualifiedName name, List<TableDoc> tables, Map<QualifiedName, TableDoc> byName) {
        return byName.computeIfAbsent(name, n -> {
            TableDoc doc = new TableDoc(n);
            tables.add(doc);
            return doc;
        });
    }

    /** An ensureTable's columns, primary key and constraints under their last names, without what was removed. */
    private void fill(TableDoc doc, TableDecl t, int at) {
        QualifiedName table = t.name();
        // Its own columns go first even if a (misplaced) ensureColumn came earlier.
        doc.columns.addAll(0, t.columns().stream().filter(c -> !columnRemoved(table, c.name(), at))
                .map(c -> new Col(column(table, c, at), null)).toList());
        if (!usesRemovedColumn(table, at, t.primaryKey(), List.of())) {
            doc.primaryKey.addAll(t.primaryKey().stream().map(c -> columnName(table, c, at)).toList());
        }
        for (ConstraintSpec c : t.constraints()) {
            if (constraintRemoved(table, c, at)) continue;
            doc.constraints.add(new ConstraintSpec(c.name(), c.kind(), c.columns().stream().map(n -> columnName(table, n, at)).toList(),
                    sql(table, c.checkSql(), at, END), foreignKey(c.foreignKey(), at), c.nullsNotDistinct(), c.notValid(),
                    c.keyOptions(), c.notEnforced())); // NOT ENFORCED and WITHOUT OVERLAPS (PostgreSQL 18) shown in the docs
        }
    }

    private ColumnSpec column(QualifiedName table, ColumnSpec c, int at) {
        return c.withName(columnName(table, c.name(), at));
    }

    private String columnName(QualifiedName table, String column, int at) {
        return fold.columnAt(table, column, at, END).column();
    }

    /** SQL written at {@code at} with the renames of its table's columns up to {@code before}. */
    private String sql(QualifiedName table, String sql, int at, int before) {
        return fold.sqlAt(table, sql, at, before);
    }

    /** The referenced table and columns under their last names (the table's name kept as written when not renamed). */
    private ForeignKeySpec foreignKey(ForeignKeySpec fk, int at) {
        if (fk == null) return null;
        QualifiedName target = QualifiedName.parse(fk.references());
        QualifiedName now = fold.nameAt(ObjectKind.TABLE, target, at, END);
        return new ForeignKeySpec(now.equals(target) ? fk.references() : now.toString(),
                fk.referencedColumns().stream().map(c -> columnName(target, c, at)).toList(),
                fk.onUpdate(), fk.onDelete(), fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.period());
    }

    /** The index under its last name, its keys, INCLUDE columns and predicate with the columns' last names. */
    private IndexDecl index(IndexDecl i, int at) {
        QualifiedName table = i.table();
        return new IndexDecl(fold.nameAt(ObjectKind.INDEX, i.name(), at, END), table, i.unique(), i.method(),
                i.keys().stream().map(k -> k instanceof KeyPart.ColumnKey c ? new KeyPart.ColumnKey(columnName(table, c.column(), at))
                        : k instanceof KeyPart.ExpressionKey e ? new KeyPart.ExpressionKey(sql(table, e.sql(), at, END))
                        : k instanceof KeyPart.RawKey raw ? new KeyPart.RawKey(sql(table, raw.sql(), at, END)) : k).toList(),
                i.include().stream().map(c -> columnName(table, c, at)).toList(), sql(table, i.where(), at, END), i.origin());
    }

    /** A later ensureNoTable names the table as it is called by then. */
    private boolean tableRemoved(QualifiedName table, int at) {
        return later(at, ObjectKind.TABLE).anyMatch(r -> fold.nameAt(ObjectKind.TABLE, table, at, r.position()).equals(r.decl().object()));
    }

    private boolean columnRemoved(QualifiedName table, String column, int at) {
        return tableRemoved(table, at) || later(at, ObjectKind.COLUMN).anyMatch(r -> removes(r, table, column, at));
    }

    private boolean removes(Removal r, QualifiedName table, String column, int at) {
        DesiredState.ColumnName now = fold.columnAt(table, column, at, r.position());
        return now.table().equals(r.decl().object()) && now.column().equals(r.decl().column());
    }

    private boolean constraintRemoved(QualifiedName table, ConstraintSpec c, int at) {
        return later(at, ObjectKind.CONSTRAINT).anyMatch(r -> c.name().equals(r.decl().column())
                && fold.nameAt(ObjectKind.TABLE, table, at, r.position()).equals(r.decl().object()))
                || usesRemovedColumn(table, at, c.columns(), c.checkSql() == null ? List.of() : List.of(c.checkSql()));
    }

    private boolean indexRemoved(IndexDecl i, int at) {
        List<String> columns = new ArrayList<>(i.include());
        List<String> sqls = new ArrayList<>();
        if (i.where() != null) sqls.add(i.where());
        for (KeyPart k : i.keys()) {
            if (k instanceof KeyPart.ColumnKey c) columns.add(c.column());
            else if (k instanceof KeyPart.ExpressionKey e) sqls.add(e.sql());
            else if (k instanceof KeyPart.RawKey raw) sqls.add(raw.sql());
        }
        return tableRemoved(i.table(), at) || usesRemovedColumn(i.table(), at, columns, sqls)
                || later(at, ObjectKind.INDEX).anyMatch(r -> fold.nameAt(ObjectKind.INDEX, i.name(), at, r.position()).equals(r.decl().object()));
    }

    /** A later ensureNoColumn drops a column these names or SQL texts use (as they are spelled by then). */
    private boolean usesRemovedColumn(QualifiedName table, int at, List<String> columns, List<String> sqls) {
        return later(at, ObjectKind.COLUMN).anyMatch(r -> columns.stream().anyMatch(c -> removes(r, table, c, at))
                || fold.nameAt(ObjectKind.TABLE, table, at, r.position()).equals(r.decl().object())
                && sqls.stream().anyMatch(s -> SqlText.mentions(sql(table, s, at, r.position()), r.decl().column())));
    }

    private Stream<Removal> later(int at, ObjectKind kind) {
        return removals.stream().filter(r -> r.position() > at && r.decl().kind() == kind);
    }
}
