package schemasync.dsl;

import java.util.List;
import java.util.Objects;

/**
 * What fires a trigger: {@code ensureTrigger("t").on("users").before(TriggerEvent.INSERT, TriggerEvent.UPDATE)}.
 * INSERT, UPDATE, DELETE and TRUNCATE, or {@code updateOf("status", "email")} for UPDATE OF those columns
 * (identifiers as written in SQL: quote a name that needs it).
 */
public final class TriggerEvent {
    public static final TriggerEvent INSERT = new TriggerEvent("INSERT");
    public static final TriggerEvent UPDATE = new TriggerEvent("UPDATE");
    public static final TriggerEvent DELETE = new TriggerEvent("DELETE");
    public static final TriggerEvent TRUNCATE = new TriggerEvent("TRUNCATE");

    private final String sql;

    private TriggerEvent(String sql) {
        this.sql = sql;
    }

    /** {@code UPDATE OF column, ...}: fires only when one of these columns is a target of the UPDATE. */
    public static TriggerEvent updateOf(String column, String... more) {
        StringBuilder s = new StringBuilder("UPDATE OF ").append(column);
        for (String c : more) s.append(", ").append(c);
        return new TriggerEvent(s.toString());
    }

    /** As written in CREATE TRIGGER. */
    public String sql() {
        return sql;
    }

    /** {@code INSERT OR UPDATE OF status}. */
    static String join(TriggerEvent first, TriggerEvent... more) {
        StringBuilder s = new StringBuilder(Objects.requireNonNull(first, "trigger event").sql);
        for (TriggerEvent e : List.of(more)) s.append(" OR ").append(Objects.requireNonNull(e, "trigger event").sql);
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriggerEvent e && e.sql.equals(sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }

    @Override
    public String toString() {
        return sql;
    }
}
