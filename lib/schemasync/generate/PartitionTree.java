package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;

/**
 * The partition trees generate writes, read from the catalog model: each partitioned table of the managed
 * schemas that is no partition itself (a root) and every partition under it, foreign-table partitions included
 * ({@link Catalog#partitioning()} and {@link Catalog#foreignPartitions()}). A partition whose root is outside the
 * managed schemas is left out: its block would declare a table it cannot create.
 */
final class PartitionTree {
    private final Map<QualifiedName, Catalog.Partitioning> members = new LinkedHashMap<>();

    PartitionTree(Catalog catalog) {
        Map<QualifiedName, Catalog.Partitioning> all = new LinkedHashMap<>(catalog.partitioning());
        all.putAll(catalog.foreignPartitions());
        all.forEach((name, p) -> {
            QualifiedName cur = name;
            Catalog.Partitioning at = p;
            while (at != null && at.parent() != null) {
                cur = at.parent();
                at = all.get(cur);
            }
            if (at != null) members.put(name, p);
        });
    }

    /** Every member, roots and partitions. */
    Map<QualifiedName, Catalog.Partitioning> members() {
        return members;
    }

    /** The partition key of a root or a sub-partitioned partition (pg_get_partkeydef), null for a leaf. */
    String key(QualifiedName name) {
        return members.get(name).key();
    }

    /** A partition's root partitioned table (the block that creates it); any other table itself. */
    QualifiedName rootOf(QualifiedName table) {
        QualifiedName cur = table;
        Catalog.Partitioning p = members.get(cur);
        while (p != null && p.parent() != null) {
            cur = p.parent();
            p = members.get(cur);
        }
        return cur;
    }

    /** How far below its root a member is (the root: 0), so parents are created before their partitions. */
    int depth(QualifiedName name) {
        int depth = 0;
        for (Catalog.Partitioning p = members.get(name); p != null && p.parent() != null; p = members.get(p.parent())) depth++;
        return depth;
    }

    /** The partitions under {@code root}, parents before their partitions, then by schema and name. */
    List<QualifiedName> partitionsUnder(QualifiedName root) {
        List<QualifiedName> out = new ArrayList<>();
        members.forEach((name, p) -> { if (p.parent() != null && rootOf(name).equals(root)) out.add(name); });
        out.sort(Comparator.comparingInt(this::depth).thenComparing(QualifiedName::schema).thenComparing(QualifiedName::name));
        return out;
    }

    /** Whether {@code table} is a root with partitions written in its block. */
    boolean isRoot(QualifiedName table) {
        Catalog.Partitioning p = members.get(table);
        return p != null && p.parent() == null;
    }
}
