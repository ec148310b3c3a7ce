package schemasync.dsl;

import java.util.Map;
import java.util.Set;
import schemasync.catalog.QualifiedName;

/**
 * What {@code ensurePartition(name, parent, bound, t -> ...)} declares of the partition's columns beyond what it gets
 * from its parent: its own defaults ({@code .columnDefault(column, expression)}, a null expression: none though
 * the parent has one), its own NOT NULL ({@code .notNull(column)}, or {@code .notNullNamed(column, name)} with the name of its
 * constraint on PostgreSQL 18: {@code notNullNames}, whose columns are in {@code notNull} too) and comments on its columns
 * ({@code .columnComment(column, text)}). PostgreSQL keeps each per partition (pg_attrdef, pg_attribute.attnotnull,
 * pg_description of the partition). Planned by {@code plan.PartitionColumnsPlanner}.
 */
public record PartitionColumnsDecl(QualifiedName name, Map<String, String> defaults, Set<String> notNull, Map<String, String> comments,
                                   Origin origin, Map<String, String> notNullNames) implements Declaration.Kind {
    public PartitionColumnsDecl {
        defaults = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(defaults)); // null values: no default
        notNullNames = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(notNullNames));
        Set<String> all = new java.util.TreeSet<>(notNull);
        all.addAll(notNullNames.keySet());
        notNull = Set.copyOf(all);
        comments = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(comments));
    }

    /** Whether the builder declared any of these (else no declaration: the partition's columns are left as they are). */
    static boolean declared(TableBuilder.State t) {
        return !t.partitionDefaults.isEmpty() || !t.partitionNotNull.isEmpty() || !t.notNullNames.isEmpty()
                || !t.partitionColumnComments.isEmpty();
    }
}
