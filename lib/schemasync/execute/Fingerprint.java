package schemasync.execute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a record's canonical text. Catalog and declarations are records of records, strings,
 * booleans and ordered collections (catalog queries ORDER BY name), so their {@code toString()} is a
 * deterministic rendering of everything they hold: equal snapshots give equal fingerprints.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Object record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(record).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
