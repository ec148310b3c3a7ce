package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SqlText;
import schemasync.model.ObjectKind;
import schemasync.dsl.Declaration.RenameDecl;

/**
 * The ordered renames of all blocks, and the one rule for following a name through them: a rename at
 * position p applies to a name declared before p. Only the fold uses it ({@link CurrentNames}, {@link DesiredStateFold}):
 * the planner, the normalizer and the docs ask {@link DesiredState}, which answers through here.
 */
final class RenameLane {
    private record Entry(int position, RenameDecl rename) {
    }

    private final List<Entry> renames = new ArrayList<>();

    RenameLane(List<Declaration> declarations) {
        for (int i = 0; i < declarations.size(); i++) {
            if (declarations.get(i) instanceof RenameDecl r) renames.add(new Entry(i, r));
        }
    }

    /** A table or index name after the renames of its kind declared after {@code after} and before {@code before}. */
    QualifiedName follow(ObjectKind kind, QualifiedName name, int after, int before) {
        List<QualifiedName> names = names(kind, name, after, before);
        return names.get(names.size() - 1);
    }

    /**
     * The names a column has from {@code after} to {@code before}: the declared one first, each column rename's after
     * it (a rename names the table as declared or by any name in {@code alsoNamed}).
     */
    List<String> columnNames(QualifiedName declaredTable, List<QualifiedName> alsoNamed, String column, int after, int before) {
        List<String> names = new ArrayList<>(List.of(column));
        for (Entry e : renames) {
            RenameDecl r = e.rename();
            if (e.position() > after && e.position() < before && r.kind() == ObjectKind.COLUMN && r.from().equals(names.get(names.size() - 1))
                    && (r.table().equals(declaredTable) || alsoNamed.contains(r.table()))) {
                names.add(r.to());
            }
        }
        return names;
    }

    /** Where a column declared at {@code declaredAt} is by position {@code at}: its table and its own renames between. */
    DesiredState.ColumnName column(QualifiedName table, String column, int declaredAt, int at) {
        QualifiedName current = table;
        String name = column;
        for (Entry e : renames) {
            RenameDecl r = e.rename();
            if (e.position() <= declaredAt || e.position() >= at) continue;
            if (r.kind() == ObjectKind.TABLE && r.fromName().equals(current)) {
                current = current.sibling(r.to());
            } else if (r.kind() == ObjectKind.COLUMN && r.from().equals(name) && (r.table().equals(current) || r.table().equals(table))) {
                name = r.to();
            }
        }
        return new DesiredState.ColumnName(current, name);
    }

    /** The names a table or index has from {@code after} to {@code before}: the declared one first, each rename's after it. */
    List<QualifiedName> names(ObjectKind kind, QualifiedName name, int after, int before) {
        List<QualifiedName> names = new ArrayList<>(List.of(name));
        for (Entry e : renames) {
            RenameDecl r = e.rename();
            QualifiedName current = names.get(names.size() - 1);
            if (e.position() > after && e.position() < before && r.kind() == kind && Objects.equals(r.fromName(), current)) {
                names.add(current.sibling(r.to()));
            }
        }
        return names;
    }

    /**
     * SQL text (a CHECK, an index expression or predicate, an index definition) written before later column
     * renames, spelled with the new column names: the column renames of the table (named {@code declaredTable}
     * or any of {@code alsoNamed}) declared after {@code after} and before {@code before}, each written as
     * PostgreSQL's deparse shows it (bare when a plain lower-case identifier, else quoted). Identifiers inside
     * quotes or string literals and qualified names are left alone.
     */
    String columnsInSql(String sql, QualifiedName declaredTable, List<QualifiedName> alsoNamed, int after, int before) {
        String result = sql;
        for (Entry e : renames) {
            RenameDecl r = e.rename();
            if (e.position() <= after || e.position() >= before || r.kind() != ObjectKind.COLUMN
                    || !(r.table().equals(declaredTable) || alsoNamed.contains(r.table()))) continue;
            result = SqlText.replaceIdentifier(result, r.from(), SqlText.quoteIdent(r.to()));
        }
        return result;
    }

    /** Every rename of the lane, in declaration order. */
    List<RenameDecl> all() {
        return renames.stream().map(Entry::rename).toList();
    }

    /** The renames declared after {@code position}, in order. */
    List<RenameDecl> after(int position) {
        return renames.stream().filter(e -> e.position() > position).map(Entry::rename).toList();
    }
}
