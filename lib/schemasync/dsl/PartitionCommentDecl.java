package schemasync.dsl;

import schemasync.catalog.QualifiedName;

/**
 * {@code ensurePartition(name, parent, bound, t -> t.comment("..."))}: the partition's own comment (COMMENT ON TABLE of
 * the partition; PostgreSQL never copies the parent's). Declared after its {@link Declaration.PartitionDecl}, planned
 * by the planner's kinds ({@code plan.KindPlanner}) as a {@code COMMENT ON TABLE} when it differs.
 */
public record PartitionCommentDecl(QualifiedName name, String comment, Origin origin) implements Declaration.Kind {
}
