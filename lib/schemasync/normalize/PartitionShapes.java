package schemasync.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.render.SqlRenderer;

/**
 * Lets PostgreSQL spell declared partition keys and bounds. A shadow table is partitioned like the
 * table it stands for (the declared key, else the one the database has), and each declared partition
 * gets a temporary twin, {@code CREATE TABLE pg_temp.t1_p1 PARTITION OF pg_temp.t1 FOR VALUES ...}
 * (a temporary partition needs a temporary parent), read back with the catalog's own
 * pg_get_partkeydef / pg_get_expr(relpartbound). So {@code FROM ('2024-01-01')} on a timestamptz key
 * compares equal to the {@code FROM ('2024-01-01 00:00:00+00')} PostgreSQL stores. Twins are built in
 * the shadow's rolled-back transaction, in declaration order, so a sub-partition finds its parent.
 */
final class PartitionShapes {
    /** One temporary partition: the declaration it stands for, its name in pg_temp, its CREATE statement. */
    record Twin(Declaration.PartitionDecl partition, String shadowName, String sql) {
    }

    private final Catalog catalog;
    private final Map<QualifiedName, String> declaredKeys = new HashMap<>();
    private final Map<QualifiedName, Declaration.PartitionDecl> partitions = new LinkedHashMap<>();
    final Map<QualifiedName, String> keys = new HashMap<>();
    final Map<QualifiedName, String> bounds = new HashMap<>();

    PartitionShapes(Catalog catalog, DeclaredSchema declared) {
        this.catalog = catalog;
        for (Declaration d : declared.declarations()) {
            if (d instanceof Declaration.TableDecl t && t.partitionBy() != null) {
                declaredKeys.put(t.name(), t.partitionBy());
            } else if (d instanceof Declaration.PartitionDecl p) {
                partitions.putIfAbsent(p.name(), p);
                if (p.partitionBy() != null) declaredKeys.put(p.name(), p.partitionBy());
            }
        }
    }

    /** The partition key a shadow of {@code table} gets: the declared one, else the database's, else none. */
    String key(QualifiedName table) {
        String declared = declaredKeys.get(table);
        if (declared != null) return declared;
        Catalog.Partitioning existing = catalog.partitioning().get(table);
        return existing == null ? null : existing.key();
    }

    /** The table whose shadow carries this partition's twin: its parent, or the parent's root if that is a declared partition too. */
    QualifiedName root(Declaration.PartitionDecl p) {
        QualifiedName parent = p.parent();
        for (int depth = 0; partitions.containsKey(parent) && depth < partitions.size(); depth++) {
            parent = partitions.get(parent).parent();
        }
        return parent;
    }

    /** The twins to build under the shadow {@code rootShadow} of {@code root}, parents before children. */
    List<Twin> twins(QualifiedName root, String rootShadow) {
        Map<QualifiedName, String> shadowNames = new HashMap<>();
        shadowNames.put(root, rootShadow);
        List<Twin> twins = new ArrayList<>();
        for (Declaration.PartitionDecl p : partitions.values()) {
            if (p.parent() == null || !root.equals(root(p))) continue;
            String parentShadow = shadowNames.get(p.parent());
            // A parent that is not partitioned (drift the planner reports) or not built yet has no twin to hang from.
            if (parentShadow == null || key(p.parent()) == null) continue;
            String name = rootShadow + "_p" + (twins.size() + 1);
            shadowNames.put(p.name(), name);
            twins.add(new Twin(p, name, SqlRenderer.createPartition(DSL.name("pg_temp", name),
                    DSL.name("pg_temp", parentShadow), p.bound(), p.partitionBy())));
        }
        return twins;
    }

    /** Reads back the shadow's key and its twins' bounds and keys from the shadows' catalog. */
    void read(Catalog shadowCatalog, String tempSchema, QualifiedName root, String rootShadow) {
        Catalog.Partitioning rootShape = shadowCatalog.partitioning().get(new QualifiedName(tempSchema, rootShadow));
        if (rootShape != null && rootShape.key() != null && declaredKeys.containsKey(root)) keys.put(root, rootShape.key());
        for (Twin twin : twins(root, rootShadow)) {
            Catalog.Partitioning shape = shadowCatalog.partitioning().get(new QualifiedName(tempSchema, twin.shadowName()));
            if (shape == null) continue;
            bounds.put(twin.partition().name(), shape.bound());
            if (shape.key() != null) keys.put(twin.partition().name(), shape.key());
        }
    }

    /**
     * {@code partition}'s shadow with its root's columns: a partition this run creates has no table to read yet, and
     * what is spelled on it (an index, a trigger of that partition alone) does not depend on its being a partition.
     */
    static Shadow plain(Shadow root, Shadow partition) {
        root.columns.values().forEach(c -> partition.columns.putIfAbsent(c.name(), c));
        return partition;
    }
}
