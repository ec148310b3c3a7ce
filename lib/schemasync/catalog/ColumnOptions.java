package schemasync.catalog;

import java.util.List;

/**
 * What pg_dump writes about a column after its table: {@code statistics} is {@code attstattarget} when set
 * (ALTER COLUMN ... SET STATISTICS; null: the default target), {@code storage} the {@code attstorage} when it is
 * not the type's ({@code PLAIN}, {@code EXTERNAL}, {@code MAIN} or {@code EXTENDED}; null: the type's),
 * {@code compression} {@code attcompression} ({@code pglz} or {@code lz4}, PostgreSQL 14+; null: the server's
 * default_toast_compression), {@code attributes} {@code attoptions} ({@code n_distinct=-1}), sorted.
 * {@code typeStorage} is the type's own storage: what a column declared without one goes back to.
 */
public record ColumnOptions(Integer statistics, String storage, String compression, List<String> attributes, String typeStorage) {
    public ColumnOptions {
        attributes = attributes.stream().sorted().toList();
    }

    /** A declared column's options; the type's storage is the catalog's business. */
    public static ColumnOptions declared(Integer statistics, String storage, String compression, List<String> attributes) {
        return new ColumnOptions(statistics, storage, compression, attributes, null);
    }

    public boolean isNone() {
        return statistics == null && storage == null && compression == null && attributes.isEmpty();
    }

    /** {@code attstorage}'s letter as ALTER COLUMN ... SET STORAGE spells it. */
    public static String storageWord(String letter) {
        return switch (letter) {
            case "p" -> "PLAIN";
            case "e" -> "EXTERNAL";
            case "m" -> "MAIN";
            default -> "EXTENDED";
        };
    }

    /** {@code attcompression}'s letter as SET COMPRESSION spells it; null for the default. */
    public static String compressionWord(String letter) {
        if (letter == null || letter.isEmpty()) return null;
        return letter.equals("l") ? "lz4" : "pglz";
    }
}
