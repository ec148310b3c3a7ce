package schemasync.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import schemasync.catalog.Catalog;
import schemasync.catalog.Table;

/**
 * Two catalog snapshots compared object by object: what is missing, extra or different, named the
 * way the plan output names objects, and how many objects of each kind were compared.
 */
public final class CatalogDiff {

    public record Result(Map<String, Integer> compared, List<String> differences) {
        public boolean equal() {
            return differences.isEmpty();
        }
    }

    private final Map<String, Integer> compared = new LinkedHashMap<>();
    private final List<String> differences = new ArrayList<>();

    private CatalogDiff() {
    }

    /** {@code expected} is the source database, {@code actual} the one built from the generated blocks. */
    public static Result compare(Catalog expected, Catalog actual) {
        CatalogDiff d = new CatalogDiff();
        // Every other part of the snapshot, found through the record's components: a kind added to
        // the catalog later is compared without a change here.
        for (java.lang.reflect.RecordComponent rc : Catalog.class.getRecordComponents()) {
            if (rc.getName().equals("tables")) continue;
            Object e = get(rc, expected);
            Object a = get(rc, actual);
            String kind = singular(rc.getName());
            if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) d.keyed(kind, em, am, true);
            else if (e instanceof java.util.Set<?> es && a instanceof java.util.Set<?> as) d.keyed(kind, asMap(es), asMap(as), true);
            else if (!Objects.equals(e, a)) d.differences.add(rc.getName() + ": source has " + e + ", rebuilt has " + a);
        }
        for (var e : expected.tables().entrySet()) {
            Table a = actual.tables().get(e.getKey());
            if (a == null) continue;
            int before = d.differences.size();
            d.table(e.getValue().withoutStatistics(), a.withoutStatistics());
            if (d.differences.size() == before && !e.getValue().withoutStatistics().equals(a.withoutStatistics())) {
                d.differences.add("table " + e.getKey() + ": source has " + e.getValue() + ", rebuilt has " + a);
            }
        }
        d.keyed("table", expected.tables(), actual.tables(), false);
        return new Result(d.compared, d.differences);
    }

    private static Map<Object, Object> asMap(java.util.Set<?> names) {
        Map<Object, Object> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, n));
        return m;
    }

    private static Object get(java.lang.reflect.RecordComponent rc, Catalog c) {
        try {
            return rc.getAccessor().invoke(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code enums} → {@code enum}, {@code indexes} → {@code index}, {@code policies} → {@code policy}. */
    private static String singular(String plural) {
        if (plural.endsWith("ies")) return plural.substring(0, plural.length() - 3) + "y";
        if (plural.endsWith("xes")) return plural.substring(0, plural.length() - 2);
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** Objects of one kind by key; {@code compareValues} false when the caller compares the parts. */
    private void keyed(String kind, Map<?, ?> expected, Map<?, ?> actual, boolean compareValues) {
        TreeSet<String> keys = new TreeSet<>();
        Map<String, Object> e = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        expected.forEach((k, v) -> e.put(k.toString(), v));
        actual.forEach((k, v) -> a.put(k.toString(), v));
        keys.addAll(e.keySet());
        keys.addAll(a.keySet());
        compared.merge(plural(kind), e.size(), Integer::sum);
        for (String k : keys) {
            Object ev = e.get(k);
            Object av = a.get(k);
            if (av == null) differences.add(kind + " " + k + ": missing from the rebuilt database");
            else if (ev == null) differences.add(kind + " " + k + ": only in the rebuilt database");
            else if (compareValues && !Objects.equals(ev, av)) differences.add(kind + " " + k + ": source has " + ev + ", rebuilt has " + av);
        }
    }

    /** A table's parts, each compared and counted on its own. */
    private void table(Table e, Table a) {
        String t = "table " + e.name();
        part("columns", t, "column", byName(e.columns(), c -> c.name()), byName(a.columns(), c -> c.name()));
        part("constraints", t, "constraint", byName(e.constraints(), c -> c.name()), byName(a.constraints(), c -> c.name()));
        part("triggers", t, "trigger", byName(e.triggers(), c -> c.name()), byName(a.triggers(), c -> c.name()));
        part("policies", t, "policy", byName(e.policies(), c -> c.name()), byName(a.policies(), c -> c.name()));
        part("grants", t, "grant", byName(e.grants(), g -> g.role() + " " + g.privilege()), byName(a.grants(), g -> g.role() + " " + g.privilege()));
        if (e.primaryKey() != null) compared.merge("primary keys", 1, Integer::sum);
        if (!Objects.equals(e.primaryKey(), a.primaryKey())) differences.add(t + ": primary key " + e.primaryKey() + " vs " + a.primaryKey());
        if (!Objects.equals(e.comment(), a.comment())) differences.add(t + ": comment " + e.comment() + " vs " + a.comment());
        if (e.rowSecurity() != a.rowSecurity()) differences.add(t + ": row security " + e.rowSecurity() + " vs " + a.rowSecurity());
        if (e.partition() != a.partition()) differences.add(t + ": partition " + e.partition() + " vs " + a.partition());
        List<String> eo = e.columns().stream().map(c -> c.name()).toList();
        List<String> ao = a.columns().stream().map(c -> c.name()).toList();
        if (new TreeSet<>(eo).equals(new TreeSet<>(ao)) && !eo.equals(ao)) differences.add(t + ": column order " + eo + " vs " + ao);
    }

    private <V> void part(String plural, String table, String kind, Map<String, V> e, Map<String, V> a) {
        compared.merge(plural, e.size(), Integer::sum);
        TreeSet<String> keys = new TreeSet<>(e.keySet());
        keys.addAll(a.keySet());
        for (String k : keys) {
            V ev = e.get(k);
            V av = a.get(k);
            if (av == null) differences.add(table + ": " + kind + " " + k + " missing from the rebuilt database");
            else if (ev == null) differences.add(table + ": " + kind + " " + k + " only in the rebuilt database");
            else if (!ev.equals(av)) differences.add(table + ": " + kind + " " + k + ": source has " + ev + ", rebuilt has " + av);
        }
    }

    private static <V> Map<String, V> byName(Iterable<V> values, Function<V, String> name) {
        Map<String, V> m = new LinkedHashMap<>();
        for (V v : values) m.put(name.apply(v), v);
        return m;
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "index" -> "indexes";
            case "policy" -> "policies";
            default -> kind + "s";
        };
    }
}
