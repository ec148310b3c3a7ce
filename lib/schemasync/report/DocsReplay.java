package schemasync.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.ConstraintSpec.ForeignKeySpec;
import schemasync.catalog.KeyPart;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.DesiredState;
import schemasync.model.ObjectKind;
import schemasync.report.SchemaDocs.Col;
import schemasync.report.SchemaDocs.TableDoc;

/**
 * The tables the docs show: every declaration where it is after the last block ran. Nothing is replayed here:
 * the removals were already applied where the planner's declarations come from ({@link DeclaredSchema#of}: a later
 * {@code ensureNo…} takes away what earlier blocks declared of its object, under the name it has by then, with the
 * keys, constraints and indexes using a dropped column), and names follow renames through the fold
 * ({@link DesiredState#nameAt}, over an empty catalog: the docs replay the blocks, not a database), the rule the
 * planner and the normalizer ask too (a rename at position p applies to what was declared before p).
 */
final class DocsReplay {
    private static final int END = Integer.MAX_VALUE;

    private final DesiredState fold;

    private DocsReplay(List<Declaration> declarations) {
        fold = DesiredState.fold(declarations, Catalog.builder().build());
    }

    /** The tables after all blocks, in order of first declaration (under their last name), stably sorted by schema. */
    static List<TableDoc> tables(List<Declaration> declarations) {
        DocsReplay replay = new DocsReplay(declarations);
        List<TableDoc> tables = new ArrayList<>();
        Map<QualifiedName, TableDoc> byName = new HashMap<>();
        for (int at = 0; at < declarations.size(); at++) {
            Declaration d = declarations.get(at);
            if (d instanceof TableDecl t) {
                TableDoc doc = table(replay.lastName(t.name(), at), tables, byName);
                if (doc.decl != null) continue; // declared twice: DeclaredSchema.of rejects it; keep the first
                doc.decl = t;
                replay.fill(doc, t, at);
            } else if (d instanceof ColumnDecl c) {
                table(replay.lastName(c.table(), at), tables, byName).columns.add(new Col(replay.column(c.table(), c.column(), at), c.origin()));
            } else if (d instanceof IndexDecl i && i.table() != null) {
                table(replay.lastName(i.table(), at), tables, byName).indexes.add(replay.index(i, at));
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

    /** An ensureTable's columns, primary key and constraints under their last names. */
    private void fill(TableDoc doc, TableDecl t, int at) {
        QualifiedName table = t.name();
        // Its own columns go first even if a (misplaced) ensureColumn came earlier.
        doc.columns.addAll(0, t.columns().stream().map(c -> new Col(column(table, c, at), null)).toList());
        doc.primaryKey.addAll(t.primaryKey().stream().map(c -> columnName(table, c, at)).toList());
        for (ConstraintSpec c : t.constraints()) {
            // Every other field (NOT ENFORCED, WITHOUT OVERLAPS, DEFERRABLE, ...) is the record's own.
            ConstraintSpec renamed = c.over(c.columns().stream().map(n -> columnName(table, n, at)).toList(), sql(table, c.checkSql(), at));
            doc.constraints.add(c.foreignKey() == null ? renamed : renamed.withForeignKey(foreignKey(c.foreignKey(), at)));
        }
    }

    private QualifiedName lastName(QualifiedName table, int at) {
        return fold.nameAt(ObjectKind.TABLE, table, at, END);
    }

    private ColumnSpec column(QualifiedName table, ColumnSpec c, int at) {
        return c.withName(columnName(table, c.name(), at));
    }

    private String columnName(QualifiedName table, String column, int at) {
        return fold.columnAt(table, column, at, END).column();
    }

    /** SQL written at {@code at} with the renames of its table's columns after it. */
    private String sql(QualifiedName table, String sql, int at) {
        return fold.sqlAt(table, sql, at, END);
    }

    /** The referenced table and columns under their last names (the table's name kept as written when not renamed). */
    private ForeignKeySpec foreignKey(ForeignKeySpec fk, int at) {
        QualifiedName target = QualifiedName.parse(fk.references());
        QualifiedName now = lastName(target, at);
        return fk.referencing(now.equals(target) ? fk.references() : now.toString(),
                fk.referencedColumns().stream().map(c -> columnName(target, c, at)).toList());
    }

    /** The index under its last name, its keys, INCLUDE columns and predicate with the columns' last names. */
    private IndexDecl index(IndexDecl i, int at) {
        QualifiedName table = i.table();
        return i.over(fold.nameAt(ObjectKind.INDEX, i.name(), at, END),
                i.keys().stream().map(k -> k instanceof KeyPart.ColumnKey c ? new KeyPart.ColumnKey(columnName(table, c.column(), at))
                        : k instanceof KeyPart.ExpressionKey e ? new KeyPart.ExpressionKey(sql(table, e.sql(), at))
                        : k instanceof KeyPart.RawKey raw ? new KeyPart.RawKey(sql(table, raw.sql(), at)) : k).toList(),
                i.include().stream().map(c -> columnName(table, c, at)).toList(), sql(table, i.where(), at));
    }
}
