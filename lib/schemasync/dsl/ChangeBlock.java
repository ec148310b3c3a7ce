package schemasync.dsl;

/**
 * One ordered unit of the schema: a small class whose {@link #declare} body states what must exist.
 * Blocks run in the order of the one list in {@code changes/Changes.java}; a later block sees what
 * an earlier one creates. The id appears in every message about the block, so keep it stable.
 */
public interface ChangeBlock {

    /** One line that says what this block is for; shown in the plan output. */
    String description();

    /**
     * The declarations: calls to {@code db.ensureTable}, {@code db.ensureColumn}, ... Every block implements
     * this one (it has a default only so that blocks written against the deprecated {@code declare(Schema db)}
     * still compile for one release).
     */
    default void declare(SchemaChanges db) {
        if (!(db instanceof Schema old)) {
            throw new IllegalStateException(id() + " implements no declare(SchemaChanges db)");
        }
        declare(old);
    }

    /** Deprecated spelling: {@code declare(SchemaChanges db)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    default void declare(Schema db) {
        throw new IllegalStateException(id() + " implements no declare(SchemaChanges db): a block without it declares nothing");
    }

    /** Stable id, by default the class name (e.g. {@code C0003_Memberships}). */
    default String id() {
        return getClass().getSimpleName();
    }
}
