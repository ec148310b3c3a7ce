package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.QualifiedName;

/**
 * What {@code ensurePartition(name, parent, bound, t -> ...)} declares of the partition beyond its constraints: its
 * storage parameters, persistence and column options ({@code with}, {@code unlogged}, {@code onColumn(...)...}: one
 * {@link Declaration.TableOptionsDecl}, the partition's whole set once any is given) and its comment
 * ({@link PartitionCommentDecl}). PostgreSQL keeps each per partition.
 */
final class PartitionOwn {
    private PartitionOwn() {
    }

    static List<Declaration> declarations(QualifiedName partition, TableBuilder.State t, Origin origin) {
        List<Declaration> out = new ArrayList<>();
        if (!t.storage.isEmpty() || t.unlogged || !t.columnOptions.isEmpty()) {
            out.add(new Declaration.TableOptionsDecl(partition, t.storage, t.unlogged, t.columnOptions, null, origin));
        }
        if (t.comment != null) out.add(new PartitionCommentDecl(partition, t.comment, origin));
        if (PartitionColumnsDecl.declared(t)) {
            out.add(new PartitionColumnsDecl(partition, t.partitionDefaults, t.partitionNotNull, t.partitionColumnComments, origin,
                    t.notNullNames));
        }
        return out;
    }
}
