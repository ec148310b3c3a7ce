package schemasync.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.ColumnOptions;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RelationOptions;
import schemasync.dsl.Declaration.IndexOptionsDecl;
import schemasync.dsl.Declaration.TableOptionsDecl;

/**
 * Storage parameters, persistence and the CLUSTER ON mark of declared tables and indexes against the working
 * copy. Each declaration says the whole of them (what it does not name is the default), so a parameter set
 * outside the blocks is reset, a mark put on another index is moved back. Storage parameters and the mark are
 * metadata (no rewrite) and are applied; SET LOGGED / UNLOGGED rewrites the table and is classified so.
 */
final class OptionsPlanner {
    private final Planner planner;
    /** The options as this run leaves them, by the relation's name before the run (entries only where not NONE). */
    private final Map<QualifiedName, RelationOptions> options;
    /** Tables some ensureIndex marks {@code .clustered()} (as declared: renames aside). */
    private final Set<QualifiedName> clusteredIndexDeclared = new java.util.HashSet<>();

    OptionsPlanner(Planner planner) {
        this.planner = planner;
        this.options = new HashMap<>(planner.before.relationOptions());
        for (var d : planner.declared.declarations()) {
            if (d instanceof IndexOptionsDecl i && i.clustered() && i.table() != null) clusteredIndexDeclared.add(i.table());
        }
    }

    /** A {@link TableOptionsDecl} or an {@link IndexOptionsDecl}. */
    void plan(schemasync.dsl.Declaration d) {
        if (d instanceof TableOptionsDecl t) plan(t);
        else if (d instanceof IndexOptionsDecl i) plan(i);
    }

    void plan(TableOptionsDecl t) {
        QualifiedName table = planner.renamesTable(t.table());
        if (!planner.tables.containsKey(table)) return; // reported by the table's own declaration
        if (planner.declaredPartitions.contains(t.table())) {
            partitionStorage(t, table);
            return;
        }
        RelationOptions have = current(table);
        if (!options.containsKey(table)) have = createdWith(table, have);
        List<Step> steps = new ArrayList<>(storageSteps(table, false, table, have.storage(), t.storage(), false));
        if (have.unlogged() != t.unlogged()) steps.add(new Step.SetPersistence(table, t.unlogged()));
        List<String> columnChanges = new ArrayList<>();
        Map<String, ColumnOptions> columns = columnSteps(table, have.columns(), t.columns(), steps, columnChanges);
        clusterOnConstraintIndex(t, table, steps, columnChanges);
        if (steps.isEmpty()) return;
        planner.change(t.origin(), "table options", table.toString(), summary(have.storage(), t.storage(),
                join(have.unlogged() != t.unlogged() ? (t.unlogged() ? "UNLOGGED" : "LOGGED") : null, columnChanges)),
                planner.original(table), steps.toArray(Step[]::new));
        put(table, new RelationOptions(t.storage(), t.unlogged(), have.clustered(), columns));
    }

    /**
     * A partition declares its storage parameters, persistence and column options (ensurePartition's {@code with},
     * {@code unlogged}, {@code onColumn(...).statistics(...)}): PostgreSQL keeps each per partition, never copied from
     * the parent once the partition exists (a partition may be UNLOGGED under a logged parent; PostgreSQL 18 refuses
     * UNLOGGED for the partitioned table itself). Its CLUSTER ON mark is left as it is. SET LOGGED / UNLOGGED of an
     * existing partition rewrites it (classified so); the rest is metadata.
     */
    private void partitionStorage(TableOptionsDecl t, QualifiedName partition) {
        RelationOptions have = current(partition);
        List<Step> steps = new ArrayList<>(storageSteps(partition, false, partition, have.storage(), t.storage(), false));
        if (have.unlogged() != t.unlogged()) steps.add(new Step.SetPersistence(partition, t.unlogged()));
        List<String> columnChanges = new ArrayList<>();
        Map<String, ColumnOptions> columns = columnSteps(partition, have.columns(), t.columns(), steps, columnChanges);
        if (steps.isEmpty()) return;
        planner.change(t.origin(), "table options", partition.toString(), summary(have.storage(), t.storage(),
                join(have.unlogged() != t.unlogged() ? (t.unlogged() ? "UNLOGGED" : "LOGGED") : null, columnChanges)),
                planner.original(partition), steps.toArray(Step[]::new));
        put(partition, new RelationOptions(t.storage(), t.unlogged(), have.clustered(), columns));
    }

    void plan(IndexOptionsDecl i) {
        if (i.table() == null) return;
        QualifiedName index = planner.renamesIndex(i.index());
        Index existing = planner.indexes.get(index);
        // A key's index (TableBuilder.indexWith): a table this run creates or a constraint it adds is not in the indexes yet.
        QualifiedName keyTable = existing == null ? planner.renamesTable(i.table()) : null;
        boolean keyIndex = existing == null ? planner.tables.containsKey(keyTable) && ownsConstraint(keyTable, index.name())
                : existing.constraintBacked();
        if (existing == null && !keyIndex) return; // reported by the index's own declaration
        QualifiedName table = existing == null ? keyTable : existing.table();
        RelationOptions have = current(index);
        // An index this run builds CONCURRENTLY exists only after the commit: what is said of it follows it.
        boolean afterCommit = !planner.before.indexes().containsKey(index) && planner.online(table);
        List<Step> steps = new ArrayList<>(storageSteps(index, true, table, have.storage(), i.storage(), afterCommit));
        // The CLUSTER ON mark of a key's index is the table's own declaration (.clusterOn), never the index's.
        boolean onTable = planner.tables.containsKey(table) && !keyIndex;
        String mark = null;
        if (onTable && i.clustered() && !have.clustered()) {
            steps.add(new Step.ClusterOn(table, index.name(), afterCommit));
            mark = "CLUSTER ON";
        } else if (onTable && !i.clustered() && have.clustered()) {
            steps.add(new Step.ClusterOn(table, null, false));
            mark = "SET WITHOUT CLUSTER";
        }
        if (steps.isEmpty()) return;
        planner.change(i.origin(), "index options", index.toString(), summary(have.storage(), i.storage(), mark),
                planner.original(table), steps.toArray(Step[]::new));
        if (mark != null && i.clustered()) {
            // CLUSTER ON moves the mark: the table's other indexes lose it.
            for (Index other : planner.indexes.values()) {
                if (other.table().equals(table) && !other.name().equals(index) && current(other.name()).clustered()) {
                    RelationOptions o = current(other.name());
                    put(other.name(), new RelationOptions(o.storage(), o.unlogged(), false));
                }
            }
        }
        put(index, new RelationOptions(i.storage(), false, onTable ? i.clustered() : have.clustered()));
    }

    /**
     * The CLUSTER ON mark of the table's constraint indexes, which no ensureIndex declares: set on the one named by
     * {@code clusterOn}, taken off one the declaration does not name (a plain index's mark is its own declaration's).
     */
    private void clusterOnConstraintIndex(TableOptionsDecl t, QualifiedName table, List<Step> steps, List<String> said) {
        QualifiedName marked = null;
        // Only relations with options carry a mark: look there, not through every index of every table.
        for (Map.Entry<QualifiedName, RelationOptions> e : options.entrySet()) {
            if (!e.getValue().clustered()) continue;
            Index i = planner.indexes.get(e.getKey());
            if (i != null && i.table().equals(table) && i.constraintBacked()) marked = i.name();
        }
        QualifiedName wanted = t.clusterOn() == null ? null : table.sibling(t.clusterOn());
        if (java.util.Objects.equals(marked, wanted)) return;
        if (wanted == null && clusteredIndexDeclared.contains(table)) return; // the plain index's CLUSTER ON moves the mark
        if (wanted != null && (planner.indexes.containsKey(wanted) || ownsConstraint(table, wanted.name()))) {
            steps.add(new Step.ClusterOn(table, wanted.name(), false));
            said.add("CLUSTER ON " + wanted.name());
            for (Index i : planner.indexes.values()) {
                if (i.table().equals(table) && current(i.name()).clustered()) {
                    RelationOptions o = current(i.name());
                    put(i.name(), new RelationOptions(o.storage(), o.unlogged(), false, o.columns()));
                }
            }
            RelationOptions o = current(wanted);
            put(wanted, new RelationOptions(o.storage(), o.unlogged(), true, o.columns()));
        } else if (wanted == null) {
            steps.add(new Step.ClusterOn(table, null, false));
            said.add("SET WITHOUT CLUSTER");
            RelationOptions o = current(marked);
            put(marked, new RelationOptions(o.storage(), o.unlogged(), false, o.columns()));
        } else {
            planner.drift(t.origin(), "table options", table.toString(), "declared CLUSTER ON " + wanted.name()
                    + ", but the table has no such index: not marked", null);
        }
    }

    /**
     * A table this run creates has the persistence and storage parameters its CREATE TABLE gave it
     * ({@code CREATE UNLOGGED TABLE ... WITH (...)}): nothing to alter after it. The latest creation step wins.
     */
    private RelationOptions createdWith(QualifiedName table, RelationOptions have) {
        for (int i = planner.items.size() - 1; i >= 0; i--) {
            if (!(planner.items.get(i) instanceof PlanItem.Change c)) continue;
            for (PlanItem.PlannedStep p : c.steps()) {
                if (p.step() instanceof Step.CreateTable k && k.table().name().equals(table)) {
                    return new RelationOptions(k.table().form().storage(), k.table().form().unlogged(), have.clustered(), have.columns());
                }
            }
        }
        return have;
    }

    /** A table created by this run has its constraints' indexes, which the working copy does not list as indexes. */
    private boolean ownsConstraint(QualifiedName table, String index) {
        schemasync.catalog.Table t = planner.tables.get(table);
        return t.primaryKey() != null && t.primaryKey().name().equals(index) || t.constraint(index).isPresent();
    }

    private static String join(String first, List<String> more) {
        List<String> all = new ArrayList<>();
        if (first != null) all.add(first);
        all.addAll(more);
        return all.isEmpty() ? null : String.join(", ", all);
    }

    /**
     * The steps that give each column of {@code table} the declared options (a column not named goes back to the
     * defaults), added to {@code steps}, described in {@code said}; returns the options as they will be.
     */
    private Map<String, ColumnOptions> columnSteps(QualifiedName table, Map<String, ColumnOptions> have,
                                                   Map<String, ColumnOptions> want, List<Step> steps, List<String> said) {
        Set<String> names = new TreeSet<>(have.keySet());
        names.addAll(want.keySet());
        Map<String, ColumnOptions> after = new HashMap<>();
        for (String column : names) {
            if (planner.tables.get(table).column(column).isEmpty()) continue;
            ColumnOptions h = have.getOrDefault(column, ColumnOptions.declared(null, null, null, List.of()));
            ColumnOptions w = want.getOrDefault(column, ColumnOptions.declared(null, null, null, List.of()));
            String wantStorage = w.storage() != null && w.storage().equals(h.typeStorage()) ? null : w.storage();
            if (!java.util.Objects.equals(h.statistics(), w.statistics())) {
                steps.add(new Step.SetColumnOption(table, column, Step.ColumnOption.STATISTICS,
                        List.of(String.valueOf(w.statistics() == null ? -1 : w.statistics()))));
                said.add(column + " STATISTICS " + (w.statistics() == null ? "default" : w.statistics()));
            }
            if (!java.util.Objects.equals(h.storage(), wantStorage) && (wantStorage != null || h.typeStorage() != null)) {
                String word = wantStorage != null ? wantStorage : h.typeStorage();
                steps.add(new Step.SetColumnOption(table, column, Step.ColumnOption.STORAGE, List.of(word)));
                said.add(column + " STORAGE " + word);
            }
            if (!java.util.Objects.equals(h.compression(), w.compression())) {
                String word = w.compression() == null ? "DEFAULT" : w.compression();
                steps.add(new Step.SetColumnOption(table, column, Step.ColumnOption.COMPRESSION, List.of(word)));
                said.add(column + " COMPRESSION " + word);
            }
            List<String> set = new ArrayList<>();
            for (String a : w.attributes()) if (!h.attributes().contains(a)) set.add(a);
            Set<String> wantKeys = new TreeSet<>();
            for (String a : w.attributes()) wantKeys.add(RelationOptions.key(a));
            List<String> reset = new ArrayList<>();
            for (String a : h.attributes()) if (!wantKeys.contains(RelationOptions.key(a))) reset.add(RelationOptions.key(a));
            if (!set.isEmpty()) steps.add(new Step.SetColumnOption(table, column, Step.ColumnOption.SET_ATTRIBUTES, set));
            if (!reset.isEmpty()) steps.add(new Step.SetColumnOption(table, column, Step.ColumnOption.RESET_ATTRIBUTES, reset));
            if (!set.isEmpty() || !reset.isEmpty()) said.add(column + " (" + String.join(", ", set)
                    + (reset.isEmpty() ? "" : (set.isEmpty() ? "" : ", ") + "RESET " + String.join(", ", reset)) + ")");
            ColumnOptions result = new ColumnOptions(w.statistics(), wantStorage, w.compression(), w.attributes(), h.typeStorage());
            if (!result.isNone()) after.put(column, result);
        }
        return after;
    }

    private RelationOptions current(QualifiedName relation) {
        RelationOptions o = options.get(relation);
        if (o == null) o = options.get(planner.renamedFrom.getOrDefault(relation, relation));
        return o == null ? RelationOptions.NONE : o;
    }

    private void put(QualifiedName relation, RelationOptions o) {
        options.put(relation, o);
    }

    /** SET for parameters missing or with another value, RESET for those no declaration names. */
    private static List<Step> storageSteps(QualifiedName relation, boolean index, QualifiedName table, List<String> have,
                                           List<String> want, boolean afterCommit) {
        List<String> set = new ArrayList<>();
        for (String w : want) if (!have.contains(w)) set.add(w);
        Set<String> wantKeys = new TreeSet<>();
        for (String w : want) wantKeys.add(RelationOptions.key(w));
        List<String> reset = new ArrayList<>();
        for (String h : have) if (!wantKeys.contains(RelationOptions.key(h))) reset.add(RelationOptions.key(h));
        List<Step> steps = new ArrayList<>();
        if (!set.isEmpty()) steps.add(new Step.SetStorageParameters(relation, index, table, set, false, afterCommit));
        if (!reset.isEmpty()) steps.add(new Step.SetStorageParameters(relation, index, table, reset, true, afterCommit));
        return steps;
    }

    private static Summary summary(List<String> have, List<String> want, String other) {
        List<String> parts = new ArrayList<>();
        for (String w : want) if (!have.contains(w)) parts.add(w);
        Set<String> wantKeys = new TreeSet<>();
        for (String w : want) wantKeys.add(RelationOptions.key(w));
        for (String h : have) if (!wantKeys.contains(RelationOptions.key(h))) parts.add("RESET " + RelationOptions.key(h));
        if (other != null) parts.add(other);
        return Summary.will(Summary.Verb.SET).plus(" " + String.join(", ", parts) + (have.isEmpty() && other == null ? ""
                : " (database has " + (have.isEmpty() ? "defaults" : String.join(", ", have)) + ")"));
    }

}
