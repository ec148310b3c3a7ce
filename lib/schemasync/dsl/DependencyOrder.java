package schemasync.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;

/**
 * The order the planner visits declarations in: block order, except that inside one block a view or
 * materialized view (and an index on such a materialized view) written before one of the block's
 * tables, columns or partitions is planned after the last of them. CREATE VIEW and CREATE MATERIALIZED
 * VIEW resolve every relation their query names when they run, so a view that reads a table created in
 * the same block must come after it whatever order the block lists them in. Nothing moves across
 * blocks: the order of blocks is the user's, and custom steps keep their place. Then {@link BlockCreationOrder}
 * pulls forward, inside each block, the routines, types and schemas a declaration needs at its creation.
 */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    /** Indexes into {@code all}, each once, in planning order. */
    public static List<Integer> of(Catalog catalog, List<Declaration> all) {
        return BlockCreationOrder.of(catalog, all, viewsLast(all));
    }

    /** Block order with views after the block's tables: the order before creation prerequisites are pulled forward. */
    public static List<Integer> viewsLast(List<Declaration> all) {
        List<Integer> order = new ArrayList<>(all.size());
        int from = 0;
        while (from < all.size()) {
            int to = from;
            while (to < all.size() && Objects.equals(all.get(to).origin(), all.get(from).origin())) to++;
            block(all, from, to, order);
            from = to;
        }
        return order;
    }

    private static void block(List<Declaration> all, int from, int to, List<Integer> order) {
        int lastTable = -1;
        Set<QualifiedName> materializedViews = new HashSet<>();
        for (int i = from; i < to; i++) {
            Declaration d = all.get(i);
            if (d instanceof Declaration.TableDecl || d instanceof Declaration.ColumnDecl || d instanceof Declaration.PartitionDecl) {
                lastTable = i;
            } else if (d instanceof Declaration.MaterializedViewDecl m) {
                materializedViews.add(m.name());
            }
        }
        List<Integer> deferred = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Declaration d = all.get(i);
            boolean readsTables = d instanceof Declaration.ViewDecl || d instanceof Declaration.MaterializedViewDecl
                    || d instanceof Declaration.IndexDecl x && materializedViews.contains(x.table())
                    || d instanceof Declaration.IndexOptionsDecl o && materializedViews.contains(o.table());
            if (readsTables && i < lastTable) deferred.add(i);
            else order.add(i);
            if (i == lastTable) order.addAll(deferred);
        }
    }
}
