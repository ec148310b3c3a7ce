package schemasync.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import schemasync.SchemaSyncException;

/** Jackson, configured once: stable, indented output; unknown fields tolerated when reading. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a plan written by --plan-out; a missing or malformed file is bad input. */
    public static PlanDocument readPlan(Path file) {
        if (!Files.isRegularFile(file)) throw SchemaSyncException.badInput("plan file " + file + " does not exist");
        try {
            PlanDocument doc = MAPPER.readValue(file.toFile(), PlanDocument.class);
            if (doc.formatVersion() != PlanDocument.FORMAT_VERSION || doc.fingerprint() == null
                    || doc.fingerprint().catalog() == null || doc.fingerprint().blocks() == null) {
                throw SchemaSyncException.badInput("plan file " + file + " is not a Schema Sync plan of format version "
                        + PlanDocument.FORMAT_VERSION + " (write one with --dry-run --plan-out FILE)");
            }
            return doc;
        } catch (IOException e) {
            throw SchemaSyncException.badInput("plan file " + file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** JSON for a failed run: the error and the exit code, in the same envelope version. */
    public record ErrorDocument(int formatVersion, String tool, String toolVersion, String mode, String outcome,
                                int exitCode, ErrorJson error) {
    }

    public record ErrorJson(String code, String message) {
    }
}
