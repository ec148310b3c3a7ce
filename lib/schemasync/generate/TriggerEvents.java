package schemasync.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import schemasync.dsl.TriggerEvent;

/** A trigger's events as pg_get_triggerdef writes them ({@code INSERT OR UPDATE OF a, b}), typed for a generated block. */
final class TriggerEvents {
    private static final String UPDATE_OF = "UPDATE OF ";

    private TriggerEvents() {
    }

    static List<TriggerEvent> parse(String events) {
        List<TriggerEvent> typed = new ArrayList<>();
        for (String e : events.split(" OR ")) {
            String event = e.strip();
            if (event.startsWith(UPDATE_OF)) {
                String[] columns = columns(event);
                typed.add(TriggerEvent.updateOf(columns[0], Arrays.copyOfRange(columns, 1, columns.length)));
            } else {
                typed.add(switch (event) {
                    case "INSERT" -> TriggerEvent.INSERT;
                    case "UPDATE" -> TriggerEvent.UPDATE;
                    case "DELETE" -> TriggerEvent.DELETE;
                    case "TRUNCATE" -> TriggerEvent.TRUNCATE;
                    default -> throw new IllegalArgumentException("unknown trigger event '" + event + "' in " + events);
                });
            }
        }
        return typed;
    }

    /** {@code TriggerEvent.INSERT, TriggerEvent.updateOf("status")}. */
    static String java(String events) {
        return String.join(", ", parse(events).stream().map(e -> e.sql().startsWith(UPDATE_OF)
                ? "TriggerEvent.updateOf(" + JavaCode.strings(List.of(columns(e.sql()))) + ")"
                : "TriggerEvent." + e.sql()).toList());
    }

    private static String[] columns(String updateOf) {
        return updateOf.substring(UPDATE_OF.length()).split(",\\s*");
    }
}
