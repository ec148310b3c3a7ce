package schemasync.dsl;

/** Where a declaration came from: the block's id and description, and the block's position (1-based). */
public record Origin(String blockId, String description, int position) {
    @Override
    public String toString() {
        return blockId;
    }
}
