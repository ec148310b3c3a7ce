package schemasync.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Index;
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
}
