package schemasync.plan;

import java.util.List;
import java.util.Map;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration;
import schemasync.model.ObjectKind;
import schemasync.dsl.RenameLane;

/**
 * Looks names up through renames declared by later blocks. A block that declared {@code users} in
 * 2024 keeps saying {@code users} after a later block renames it to {@code accounts}; on a database
 * where the rename already happened, the early declaration must be checked against
 * {@code accounts}, not create a second {@code users}. On an empty database the early block
 * creates {@code users} and the later one renames it, so both paths converge on the same schema.
 */
final class Renames {
    /** The one rename replay (dsl's): this class adds what the working copy holds. */
    private final RenameLane lane;

    Renames(List<Declaration> declarations) {
        this.lane = new RenameLane(declarations);
    }

    /** The table's current name: itself if it exists, else where later renames took it (if that exists). */
    QualifiedName table(QualifiedName name, int position, Map<QualifiedName, ?> existing) {
        return follow(ObjectKind.TABLE, name, position, existing);
    }

    QualifiedName index(QualifiedName name, int position, Map<QualifiedName, ?> existing) {
        return follow(ObjectKind.INDEX, name, position, existing);
    }

    /** The column's current name in {@code table} (the table's current name; declared name given too). */
    String column(QualifiedName declaredTable, Table table, String column, int position) {
        if (table == null || table.column(column).isPresent()) return column;
        String current = lane.column(declaredTable, List.of(table.name()), column, position, Integer.MAX_VALUE);
        return table.column(current).isPresent() ? current : column;
    }

    private QualifiedName follow(ObjectKind kind, QualifiedName name, int position, Map<QualifiedName, ?> existing) {
        if (existing.containsKey(name)) return name;
        QualifiedName current = lane.follow(kind, name, position, Integer.MAX_VALUE);
        return existing.containsKey(current) ? current : name;
    }

    /** An index definition declared before later column renames, spelled with the new column names (the lane's rule). */
    String columnsInDefinition(String definition, QualifiedName declaredTable, QualifiedName actualTable, int position) {
        return lane.columnsInSql(definition, declaredTable, List.of(actualTable), position, Integer.MAX_VALUE);
    }
}
