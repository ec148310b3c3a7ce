package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.QualifiedName;

/**
 * The storage parameters declared for the indexes of a table's keys ({@link TableBuilder#indexWith}), as the
 * {@link Declaration.IndexOptionsDecl} of each index: PostgreSQL names a key's index after its constraint
 * ({@code <table>_pkey}, {@code <table>_<cols>_key} or the name given), so the options follow the constraint's name.
 */
final class KeyIndexOptions {
    private KeyIndexOptions() {
    }

    /** {@code constraints}: the table's constraints with their names settled (defaults filled in). */
    static List<Declaration> of(QualifiedName table, TableBuilder.State t, List<ConstraintSpec> constraints, Origin origin) {
        List<Declaration> out = new ArrayList<>();
        if (!t.primaryKeyStorage.isEmpty()) {
            String name = t.primaryKeyName != null ? t.primaryKeyName : table.name() + "_pkey";
            out.add(new Declaration.IndexOptionsDecl(table.sibling(name), table, t.primaryKeyStorage, false, origin));
        }
        t.constraintStorage.forEach((position, storage) -> out.add(new Declaration.IndexOptionsDecl(
                table.sibling(constraints.get(position).name()), table, storage, false, origin)));
        return out;
    }
}
