package schemasync.generate;

import java.util.List;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.TableBuilder;

/** Calls about one partition beyond {@link Call.PartitionCall}, kept in a file of their own. */
final class PartitionCalls {
    private PartitionCalls() {
    }

    /**
     * {@code db.ensurePartition(name, parent, bound, t -> t.check(...).with("fillfactor", "70"))}: a partition with
     * storage parameters of its own (pg_class.reloptions of the partition, which PostgreSQL never copies from the
     * parent), beside its own constraints.
     */
    record PartitionWithStorageCall(Call.PartitionCall partition, List<String> storage) implements Call {
        PartitionWithStorageCall {
            storage = List.copyOf(storage);
        }

        public void render(JavaCode code) {
            Call.PartitionCall p = partition;
            code.line(0, "db.ensurePartition(" + JavaCode.literal(p.name()) + ", " + JavaCode.literal(p.parent()) + ", "
                    + JavaCode.literal(p.bound()) + (p.partitionBy() == null ? "" : ", " + JavaCode.literal(p.partitionBy())) + ", t -> t");
            for (TableCall.ConstraintDef d : p.constraints()) code.line(1, TableCall.constraint(d));
            code.line(1, TableCall.storage(storage) + ");");
        }

        public void declare(SchemaChanges db) {
            Call.PartitionCall p = partition;
            db.ensurePartition(p.name(), p.parent(), p.bound(), p.partitionBy(), t -> {
                TableBuilder b = t;
                for (TableCall.ConstraintDef d : p.constraints()) b = TableCall.constraint(b, d);
                for (String o : storage) b = b.with(schemasync.catalog.RelationOptions.key(o), o.substring(o.indexOf('=') + 1));
                return b;
            });
        }
    }
}
