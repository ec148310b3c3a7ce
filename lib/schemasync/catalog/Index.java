package schemasync.catalog;

/**
 * An index. {@code definition} is the part of {@code pg_get_indexdef} from {@code USING} on
 * (method, keys with opclass/collation/ordering, INCLUDE, NULLS NOT DISTINCT, WHERE; not the WITH storage
 * parameters, which are {@link RelationOptions}): it is the
 * whole definition except the names, so two indexes are equal exactly when name, table, uniqueness
 * and this text are equal. {@code valid} is {@code indisvalid}: a failed CREATE INDEX CONCURRENTLY
 * leaves an invalid index that PostgreSQL maintains but never uses, so it does not count as present.
 */
public record Index(QualifiedName name, QualifiedName table, boolean unique, String method,
                    String definition, boolean valid, boolean constraintBacked) {
}
