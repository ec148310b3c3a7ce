package schemasync.dsl;

import java.util.Map;
import java.util.Set;
import schemasync.catalog.QualifiedName;

/**
 * What {@code ensurePartition(name, parent, bound, t -> ...)} declares of the partition's columns beyond what it gets
 * from its parent: its own defaults ({@code .columnDefault(column, expression)}, a null expression: none though
 * the parent has one), its own NOT NULL ({@code .notNull(column)}) and comments on its columns
 * ({@code .columnComment(column, text)}). PostgreSQL keeps each per partition (pg_attrdef, pg_attribute.attnotnull,
 * pg_description of the partition). Planned by {@code plan.PartitionColumnsPlanner}.
 */
public record PartitionColumnsDecl(QualifiedName name, Map<String, String> defaults, Set<String> notNull, Map<String, String> comments,
                                   Origin origin) implements Declaration.Kind {
    public PartitionColumnsDecl {
        defaults = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(defaults)); // null values: no default
        notNull = Set.copyOf(notNull);
        comments = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(comments));
    }

    /** Whether the builder declared any of these (else no declaration: the partition's columns are left as they are). */
    static boolean declared(TableBuilder.State t) {
        return !t.partitionDefaults.isEmpty() || !t.partitionNotNull.isEmpty()
                || !t.partitionColumnComments.isEmpty();
    }
}
