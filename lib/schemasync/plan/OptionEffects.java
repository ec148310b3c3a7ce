package schemasync.plan;

import schemasync.step.OptionSteps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.ColumnOptions;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RelationOptions;

/**
 * What the option steps do to a catalog's {@code relationOptions} ({@link Effects} delegates here): storage
 * parameters, UNLOGGED and CLUSTER ON. A drop takes a relation's options along and a rename moves them
 * ({@link CatalogEdit#forgetOptionsOfDropped}, {@link CatalogEdit#renameOptions}).
 */
final class OptionEffects {
    private OptionEffects() {
    }

    /** SET replaces or adds each parameter by name, RESET removes it (the TOAST table's under their {@code toast.} names). */
    static void storage(CatalogEdit c, OptionSteps.SetStorageParameters s) {
        RelationOptions o = c.options(s.relation());
        Map<String, String> byName = new LinkedHashMap<>();
        o.storage().forEach(p -> byName.put(parameterName(p), p));
        for (String p : s.parameters()) {
            if (s.reset()) byName.remove(parameterName(p));
            else byName.put(parameterName(p), p);
        }
        c.options(s.relation(), new RelationOptions(new ArrayList<>(byName.values()), o.unlogged(), o.clustered(), o.columns()));
    }

    private static String parameterName(String parameter) {
        return RelationOptions.key(parameter).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** CLUSTER ON marks one index of the table (indisclustered) and unmarks the others; SET WITHOUT CLUSTER unmarks all. */
    static void clusterOn(CatalogEdit c, OptionSteps.ClusterOn s) {
        for (Index i : List.copyOf(c.indexes.values())) {
            if (!i.table().equals(s.table())) continue;
            RelationOptions o = c.options(i.name());
            boolean marked = s.index() != null && i.name().equals(s.table().sibling(s.index()));
            c.options(i.name(), new RelationOptions(o.storage(), o.unlogged(), marked, o.columns()));
        }
    }

    static void persistence(CatalogEdit c, OptionSteps.SetPersistence s) {
        RelationOptions o = c.options(s.table());
        c.options(s.table(), new RelationOptions(o.storage(), s.unlogged(), o.clustered(), o.columns()));
    }

    /**
     * ALTER COLUMN ... SET STATISTICS (-1: the default), SET STORAGE (the type's own storage reads back as "the type's",
     * null), SET COMPRESSION (DEFAULT: null), SET (...) by name, RESET (...); a column left with none has no entry.
     */
    static void columnOption(CatalogEdit c, OptionSteps.SetColumnOption s) {
        columnOptionOf(c, s);
        // ALTER TABLE without ONLY: PostgreSQL recurses SET STATISTICS and SET STORAGE to every partition and inheritance
        // child (ATSimpleRecursion); SET COMPRESSION and SET/RESET (attribute options) never recurse.
        if (s.option() != OptionSteps.ColumnOption.STATISTICS && s.option() != OptionSteps.ColumnOption.STORAGE) return;
        for (QualifiedName child : children(c, s.table())) {
            if (c.tables.containsKey(child) && c.tables.get(child).column(s.column()).isPresent()) {
                columnOption(c, new OptionSteps.SetColumnOption(child, s.column(), s.option(), s.values()));
            }
        }
    }

    /** The partitions and inheritance children of a table, one level down. */
    private static List<QualifiedName> children(CatalogEdit c, QualifiedName table) {
        List<QualifiedName> out = new ArrayList<>();
        c.partitioning.forEach((name, p) -> { if (table.equals(p.parent())) out.add(name); });
        c.lineage.forEach((name, l) -> { if (l.inherits().contains(table) && !out.contains(name)) out.add(name); });
        return out;
    }

    private static void columnOptionOf(CatalogEdit c, OptionSteps.SetColumnOption s) {
        RelationOptions o = c.options(s.table());
        ColumnOptions h = o.columns().getOrDefault(s.column(), ColumnOptions.declared(null, null, null, List.of()));
        String value = s.values().get(0);
        ColumnOptions next = switch (s.option()) {
            case STATISTICS -> new ColumnOptions(value.equals("-1") ? null : Integer.valueOf(value), h.storage(), h.compression(),
                    h.attributes(), h.typeStorage());
            case STORAGE -> new ColumnOptions(h.statistics(), value.equalsIgnoreCase(h.typeStorage()) ? null : value, h.compression(),
                    h.attributes(), h.typeStorage());
            case COMPRESSION -> new ColumnOptions(h.statistics(), h.storage(), value.equalsIgnoreCase("DEFAULT") ? null : value,
                    h.attributes(), h.typeStorage());
            case SET_ATTRIBUTES, RESET_ATTRIBUTES -> {
                Map<String, String> byName = new LinkedHashMap<>();
                h.attributes().forEach(a -> byName.put(parameterName(a), a));
                for (String a : s.values()) {
                    if (s.option() == OptionSteps.ColumnOption.RESET_ATTRIBUTES) byName.remove(parameterName(a));
                    else byName.put(parameterName(a), a);
                }
                yield new ColumnOptions(h.statistics(), h.storage(), h.compression(), new ArrayList<>(byName.values()), h.typeStorage());
            }
        };
        Map<String, ColumnOptions> columns = new java.util.TreeMap<>(o.columns());
        if (next.isNone()) columns.remove(s.column());
        else columns.put(s.column(), next);
        c.options(s.table(), o.withColumns(columns));
    }

    /** RENAME COLUMN keeps the column's options; DROP COLUMN (to == null) takes them along. */
    static void renameColumn(CatalogEdit c, QualifiedName table, String from, String to) {
        RelationOptions o = c.options(table);
        if (!o.columns().containsKey(from)) return;
        Map<String, ColumnOptions> columns = new java.util.TreeMap<>(o.columns());
        ColumnOptions moved = columns.remove(from);
        if (to != null) columns.put(to, moved);
        c.options(table, o.withColumns(columns));
    }
}
