package schemasync.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.model.Identifiers;

/**
 * A trigger field by field, as pg_trigger holds it: the timing, events and level (tgtype's bits), the columns of
 * UPDATE OF (tgattr), the transition tables (tgoldtable, tgnewtable), a constraint trigger's deferral and whether it
 * names another table (tgconstrrelid), the function (qualified as pg_get_triggerdef qualifies it) and its arguments
 * (tgargs). What {@code generate} builds an {@code ensureTrigger} call from, instead of re-parsing pg_get_triggerdef;
 * kept in {@code Catalog.triggerParts()} and read by no differ. {@link #definition} spells the parts back as
 * pg_get_triggerdef does ({@code ON <table>}, as {@link Table.Trigger#definition()}); the one part pg_trigger keeps only
 * as a node tree (tgqual, the WHEN condition, which no function but pg_get_triggerdef deparses) is what the catalog's
 * definition holds between the parts' spelling before it and after it ({@link #whenIn}).
 */
public record TriggerParts(String timing, List<String> events, List<String> updateOf, boolean forEachRow,
                           String oldTable, String newTable, Deferral constraint, String function, List<String> arguments) {
    public TriggerParts {
        events = List.copyOf(events);
        updateOf = List.copyOf(updateOf);
        arguments = List.copyOf(arguments);
    }

    /** A trigger of a relation (a table, a view, a foreign table). */
    public record Key(QualifiedName relation, String trigger) {
    }

    /** CREATE CONSTRAINT TRIGGER's extras: {@code fromTable}: it names a table (FROM), whose name is not kept here. */
    public record Deferral(boolean fromTable, boolean deferrable, boolean initiallyDeferred) {
    }

    /** {@code INSERT OR UPDATE OF a, "B" OR TRUNCATE}: pg_get_triggerdef's order, INSERT, DELETE, UPDATE, TRUNCATE. */
    public String eventsSql() {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            out.add(e.equals("UPDATE") && !updateOf.isEmpty()
                    ? "UPDATE OF " + String.join(", ", updateOf.stream().map(Identifiers::quote).toList()) : e);
        }
        return String.join(" OR ", out);
    }

    /** {@code public.audit('orders', 'x')}: the function and its arguments as string literals. */
    public String functionCall() {
        return function + "(" + String.join(", ", arguments.stream().map(SqlText::literal).toList()) + ")";
    }

    /** Everything pg_get_triggerdef prints before the WHEN condition (ending in {@code "FOR EACH ROW "}). */
    private String head(String name) {
        StringBuilder s = new StringBuilder("CREATE ").append(constraint != null ? "CONSTRAINT " : "").append("TRIGGER ")
                .append(Identifiers.quote(name)).append(' ').append(timing).append(' ').append(eventsSql()).append(" ON <table> ");
        if (constraint != null) {
            s.append(constraint.deferrable() ? "" : "NOT ").append("DEFERRABLE INITIALLY ")
                    .append(constraint.initiallyDeferred() ? "DEFERRED " : "IMMEDIATE ");
        }
        if (oldTable != null || newTable != null) {
            s.append("REFERENCING ");
            if (oldTable != null) s.append("OLD TABLE AS ").append(Identifiers.quote(oldTable)).append(' ');
            if (newTable != null) s.append("NEW TABLE AS ").append(Identifiers.quote(newTable)).append(' ');
        }
        return s.append(forEachRow ? "FOR EACH ROW " : "FOR EACH STATEMENT ").toString();
    }

    /** The trigger {@code name} with these parts and {@code when} (null: none), as pg_get_triggerdef prints it. */
    public String definition(String name, String when) {
        return head(name) + (when == null ? "" : "WHEN (" + when + ") ") + "EXECUTE FUNCTION " + functionCall();
    }

    /** The WHEN condition {@code definition} holds between these parts' spelling before and after it; null when none. */
    public String whenIn(String name, String definition) {
        String before = head(name) + "WHEN (";
        String after = ") EXECUTE FUNCTION " + functionCall();
        if (!definition.startsWith(before) || !definition.endsWith(after)
                || definition.length() < before.length() + after.length()) return null;
        return definition.substring(before.length(), definition.length() - after.length());
    }

    /** The triggers the catalog reads (CatalogSql.TRIGGERS' rows), runnable in psql with the managed schemas as parameter. */
    static final String SQL = """
            -- schema-sync: trigger parts
            SELECT n.nspname, c.relname, t.tgname, t.tgtype,
                   ARRAY(SELECT a.attname FROM unnest(t.tgattr::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum
                         ORDER BY k.ord) AS update_of,
                   t.tgoldtable, t.tgnewtable, t.tgconstraint <> 0 AS constraint_trigger, t.tgconstrrelid <> 0 AS from_table,
                   t.tgdeferrable, t.tginitdeferred,
                   CASE WHEN pg_catalog.pg_function_is_visible(p.oid) THEN pg_catalog.quote_ident(p.proname)
                        ELSE pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.proname) END AS function,
                   t.tgnargs, t.tgargs
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
            JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
            WHERE NOT t.tgisinternal
              AND t.tgparentid = 0
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, 3
            """;

    // pg_trigger.tgtype's bits (catalog/pg_trigger.h).
    private static final int ROW = 1;
    private static final int BEFORE = 2;
    private static final int INSTEAD = 64;
    private static final int[] EVENT_BITS = {4, 8, 16, 32};
    private static final String[] EVENT_NAMES = {"INSERT", "DELETE", "UPDATE", "TRUNCATE"};

    /** Joins the catalog's batch (no round trip of its own); the map fills when the batch runs. */
    static Map<Key, TriggerParts> addTo(CatalogReader.Batch batch) {
        Map<Key, TriggerParts> parts = new LinkedHashMap<>();
        batch.add(SQL, rs -> {
            int type = rs.getInt(4);
            List<String> events = new ArrayList<>();
            for (int i = 0; i < EVENT_BITS.length; i++) if ((type & EVENT_BITS[i]) != 0) events.add(EVENT_NAMES[i]);
            parts.put(new Key(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3)), new TriggerParts(
                    (type & INSTEAD) != 0 ? "INSTEAD OF" : (type & BEFORE) != 0 ? "BEFORE" : "AFTER", events,
                    Arrays.asList((String[]) rs.getArray(5).getArray()), (type & ROW) != 0, rs.getString(6), rs.getString(7),
                    rs.getBoolean(8) ? new Deferral(rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11)) : null,
                    rs.getString(12), arguments(rs.getBytes(14), rs.getInt(13))));
        });
        return parts;
    }

    /** tgargs: each argument followed by a zero byte, in the database encoding (UTF-8 assumed, as everywhere here). */
    private static List<String> arguments(byte[] bytes, int count) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length && out.size() < count; i++) {
            if (bytes[i] == 0) {
                out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }
}
