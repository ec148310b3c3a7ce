package schemasync.fleet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts by status, the units that need a re-run, and the fleet's exit status (decided by the caller). */
public record FleetSummary(int units, Map<UnitResult.Status, Integer> byStatus, List<String> notOk, long elapsedMs, int exit) {
    public FleetSummary {
        byStatus = Map.copyOf(byStatus);
        notOk = List.copyOf(notOk);
    }

    public static FleetSummary of(List<UnitResult> results, long elapsedMs, int exit) {
        Map<UnitResult.Status, Integer> counts = new EnumMap<>(UnitResult.Status.class);
        for (UnitResult r : results) counts.merge(r.status(), 1, Integer::sum);
        List<String> notOk = results.stream().filter(r -> !r.ok()).map(UnitResult::unit).toList();
        return new FleetSummary(results.size(), counts, notOk, elapsedMs, exit);
    }

    /** "205 units: 203 in-sync, 1 failed, 1 unreachable (12.3 s)". */
    public String line() {
        StringBuilder b = new StringBuilder(units + (units == 1 ? " unit: " : " units: "));
        boolean first = true;
        for (UnitResult.Status s : UnitResult.Status.values()) {
            Integer n = byStatus.get(s);
            if (n == null) continue;
            if (!first) b.append(", ");
            b.append(n).append(' ').append(s.word());
            first = false;
        }
        if (first) b.append("none");
        return b.append(String.format(java.util.Locale.ROOT, " (%.1f s)", elapsedMs / 1000.0)).toString();
    }
}
