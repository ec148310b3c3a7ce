package schemasync.dsl;

/**
 * The old name of {@link SchemaChanges}, kept for one release: {@code import schemasync.dsl.*} beside
 * {@code import org.jooq.*} made {@code Schema} ambiguous (jOOQ has an {@code org.jooq.Schema}). A block
 * that still implements {@code declare(Schema db)} runs, with a warning naming the new spelling.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class Schema extends SchemaChanges {
    Schema(TenantScope scope) { // only SchemaChanges.collect creates it, so that both spellings of declare(...) can be given it
        super(scope);
    }
}
