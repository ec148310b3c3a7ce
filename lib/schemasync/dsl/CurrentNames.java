package schemasync.dsl;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import schemasync.catalog.Catalog;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.RenameDecl;
import schemasync.model.ObjectKind;

/**
 * The names declarations give, resolved once through the renames ({@link RenameLane}) against the database as the
 * catalog before the run holds it; {@link DesiredState} answers with it, and nothing else follows a rename.
 *
 * <p>A block that declared {@code users} in 2024 keeps saying {@code users} after a later block renames it to
 * {@code accounts}; on a database where the rename already happened, the early declaration must be checked against
 * {@code accounts}, not create a second {@code users}. On an empty database the early block creates {@code users}
 * and the later one renames it, so both paths converge on the same schema. Which side of a rename a database is on
 * is a fact of the database before the run: the renames declared after a position have not run in this run by the
 * time that position is planned (a rename runs at its own position), so the catalog before the run answers it.
 */
final class CurrentNames {
    private static final int END = Integer.MAX_VALUE;

    private final List<Declaration> declarations;
    private final Catalog before;
    private final RenameLane lane;

    CurrentNames(List<Declaration> declarations, Catalog before, RenameLane lane) {
        this.declarations = declarations;
        this.before = before;
        this.lane = lane;
    }

    /**
     * The table's current name: itself if the database holds it, else the latest name the later renames give it that
     * the database holds (a database between two renames of a chain holds a middle one), else itself (created here).
     */
    QualifiedName table(QualifiedName name, int position) {
        return current(ObjectKind.TABLE, name, position, before.tables());
    }

    QualifiedName index(QualifiedName name, int position) {
        return current(ObjectKind.INDEX, name, position, before.indexes());
    }

    private QualifiedName current(ObjectKind kind, QualifiedName name, int position, Map<QualifiedName, ?> existing) {
        if (existing.containsKey(name)) return name;
        return latestHeld(lane.names(kind, name, position, END), existing::containsKey, name);
    }

    /** The column's current name in its table (the table under its current name; a rename may name it by any of its names). */
    String column(QualifiedName declaredTable, String column, int position) {
        QualifiedName current = table(declaredTable, position);
        Table table = before.tables().get(current);
        if (table == null || table.column(column).isPresent()) return column;
        List<String> names = lane.columnNames(declaredTable, tableNames(declaredTable, current, position), column, position, END);
        return latestHeld(names, c -> table.column(c).isPresent(), column);
    }

    /** The last of {@code names} (the declared one first) that the database holds; {@code declared} when none is. */
    private static <T> T latestHeld(List<T> names, Predicate<T> held, T declared) {
        for (int i = names.size() - 1; i > 0; i--) {
            if (held.test(names.get(i))) return names.get(i);
        }
        return declared;
    }

    /**
     * The names the table has from {@code position} up to the one the database holds (a column rename names its table
     * by one of them; a rename naming a later name has not run on this database). Just the declared name when the
     * database holds none of them.
     */
    private List<QualifiedName> tableNames(QualifiedName declaredTable, QualifiedName current, int position) {
        List<QualifiedName> names = lane.names(ObjectKind.TABLE, declaredTable, position, END);
        int held = names.lastIndexOf(current);
        return held < 0 ? List.of(declaredTable) : names.subList(0, held + 1);
    }

    /** SQL (an index definition) declared before later column renames, spelled with the new column names. */
    String columnsInSql(String sql, QualifiedName declaredTable, int position) {
        return lane.columnsInSql(sql, declaredTable, tableNames(declaredTable, table(declaredTable, position), position), position, END);
    }

    List<RenameDecl> laterTableRenames(int position) {
        return lane.after(position).stream().filter(r -> r.kind() == ObjectKind.TABLE).toList();
    }

    QualifiedName nameAt(ObjectKind kind, QualifiedName name, int declaredAt, int at) {
        return lane.follow(kind, name, declaredAt, at);
    }

    DesiredState.ColumnName columnAt(QualifiedName table, String column, int declaredAt, int at) {
        return lane.column(table, column, declaredAt, at);
    }

    String sqlAt(QualifiedName table, String sql, int declaredAt, int at) {
        return lane.columnsInSql(sql, table, lane.names(ObjectKind.TABLE, table, declaredAt, at), declaredAt, at);
    }

    /** Which declaration's column a later one means: the first whose column, followed up to {@code at}, is this one. */
    String declaredType(QualifiedName table, String column, int at) {
        DesiredState.ColumnName wanted = new DesiredState.ColumnName(table, column);
        for (int p = 0; p < declarations.size(); p++) {
            Declaration d = declarations.get(p);
            if (d instanceof Declaration.TableDecl td) {
                for (ColumnSpec spec : td.columns()) if (lane.column(td.name(), spec.name(), p, at).equals(wanted)) return spec.type();
            } else if (d instanceof Declaration.ColumnDecl cd && lane.column(cd.table(), cd.column().name(), p, at).equals(wanted)) {
                return cd.column().type();
            }
        }
        return null;
    }
}
