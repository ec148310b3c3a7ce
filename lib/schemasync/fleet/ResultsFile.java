package schemasync.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import schemasync.SchemaSyncException;

/**
 * The JSON-lines results of a fleet run: one object per unit, then one summary object. A later run
 * with {@code --only-failed FILE} re-runs the units whose {@code ok} is false (failed, refused,
 * unreachable or skipped). Lines of several shards may be concatenated into one file.
 */
public final class ResultsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsFile() {
    }

    public static String line(UnitResult r, String mode) {
        ObjectNode o = JSON.createObjectNode();
        o.put("unit", r.unit());
        o.put("target", r.target());
        if (r.tenant() != null) o.put("tenant", r.tenant());
        o.put("mode", mode);
        o.put("status", r.status().word());
        o.put("exit", r.exit());
        o.put("ok", r.ok());
        o.put("statements", r.statements());
        if (r.errorCode() != null) {
            ObjectNode error = o.putObject("error");
            error.put("code", r.errorCode());
            error.put("message", r.message());
        }
        if (r.sharedWith() != null) o.put("shared_plan_of", r.sharedWith());
        o.put("elapsed_ms", r.elapsedMs());
        return o.toString();
    }

    public static String summary(FleetSummary s, String mode) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode sum = o.putObject("summary");
        sum.put("mode", mode);
        sum.put("units", s.units());
        s.byStatus().forEach((status, n) -> sum.put(status.word(), n));
        sum.put("failed_units", JSON.valueToTree(s.notOk()));
        sum.put("elapsed_ms", s.elapsedMs());
        o.put("exit", s.exit());
        return o.toString();
    }

    /** The names of the units a previous run did not finish ({@code ok: false}). */
    public static Set<String> notOk(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SchemaSyncException.badInput("cannot read --only-failed " + file + ": " + e.getClass().getSimpleName());
        }
        Set<String> units = new LinkedHashSet<>();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw SchemaSyncException.badInput("--only-failed " + file + " line " + (i + 1)
                        + " is not JSON: it takes the results of a run with --format json");
            }
            if (node.has("summary")) continue;
            if (!node.hasNonNull("unit") || !node.has("ok")) {
                throw SchemaSyncException.badInput("--only-failed " + file + " line " + (i + 1) + " is not a unit's result");
            }
            seen++;
            if (!node.get("ok").asBoolean()) units.add(node.get("unit").asText());
        }
        if (seen == 0) throw SchemaSyncException.badInput("--only-failed " + file + " holds no unit results");
        return units;
    }
}
