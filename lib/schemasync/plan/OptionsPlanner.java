package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
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
    private final PlanContext context;
    /** Tables some ensureIndex marks {@code .clustered()} (as declared: renames aside). */
    private final Set<QualifiedName> clusteredIndexDeclared;

    OptionsPlanner(PlanContext context, Set<QualifiedName> clusteredIndexDeclared) {
        this.context = context;
        this.clusteredIndexDeclared = clusteredIndexDeclared;
    }

    /** The tables some ensureIndex marks {@code .clustered()}, found once per plan. */
    static Set<QualifiedName> clusteredIndexTables(java.util.List<schemasync.dsl.Declaration> declarations) {
        Set<QualifiedName> tables = new java.util.HashSet<>();
        for (var d : declarations) {
            if (d instanceof IndexOptionsDecl i && i.clustered() && i.table() != null) tables.add(i.table());
        }
        return Set.copyOf(tables);
    }

    /** A {@link TableOptionsDecl} or an {@link IndexOptionsDecl}. */
    Decisions plan(schemasync.dsl.Declaration d) {
        Decisions out = new Decisions();
        if (d instanceof TableOptionsDecl t) out.addAll(plan(t));
        else if (d instanceof IndexOptionsDecl i) out.addAll(plan(i));
        return out;
    }

    Decisions plan(TableOptionsDecl t) {
        Decisions out = new Decisions();
        QualifiedName table = context.renamesTable(t.table());
        if (!context.state().tables().containsKey(table)) return out; // reported by the table's own declaration
        if (context.desired().declaresPartition(t.table())) {
            out.addAll(partitionStorage(t, table));
            return out;
        }
        // A table this run creates has what its CREATE [UNLOGGED] TABLE ... WITH (...) gave it (the working copy says).
        RelationOptions have = current(table);
        List<Step> steps = new ArrayList<>(storageSteps(table, false, table, have.storage(), t.storage(), false));
        if (have.unlogged() != t.unlogged()) steps.add(new Step.SetPersistence(table, t.unlogged()));
        List<String> columnChanges = new ArrayList<>();
        columnSteps(table, have.columns(), t.columns(), steps, columnChanges);
        out.addAll(clusterOnConstraintIndex(t, table, steps, columnChanges));
        if (steps.isEmpty()) return out;
        out.change(t.origin(), "table options", table.toString(), summary(have.storage(), t.storage(),
                join(have.unlogged() != t.unlogged() ? (t.unlogged() ? "UNLOGGED" : "LOGGED") : null, columnChanges)),
                context.original(table), steps.toArray(Step[]::new));
        return out;
    }

    /**
     * A partition declares its storage parameters, persistence and column options (ensurePartition's {@code with},
     * {@code unlogged}, {@code onColumn(...).statistics(...)}): PostgreSQL keeps each per partition, never copied from
     * the parent once the partition exists (a partition may be UNLOGGED under a logged parent; PostgreSQL 18 refuses
     * UNLOGGED for the partitioned table itself). Its CLUSTER ON mark is left as it is. SET LOGGED / UNLOGGED of an
     * existing partition rewrites it (classified so); the rest is metadata.
     */
    private Decisions partitionStorage(TableOptionsDecl t, QualifiedName partition) {
        Decisions out = new Decisions();
        RelationOptions have = current(partition);
        List<Step> steps = new ArrayList<>(storageSteps(partition, false, partition, have.storage(), t.storage(), false));
        if (have.unlogged() != t.unlogged()) steps.add(new Step.SetPersistence(partition, t.unlogged()));
        List<String> columnChanges = new ArrayList<>();
        columnSteps(partition, have.columns(), t.columns(), steps, columnChanges);
        if (steps.isEmpty()) return out;
        out.change(t.origin(), "table options", partition.toString(), summary(have.storage(), t.storage(),
                join(have.unlogged() != t.unlogged() ? (t.unlogged() ? "UNLOGGED" : "LOGGED") : null, columnChanges)),
                context.original(partition), steps.toArray(Step[]::new));
        return out;
    }

    Decisions plan(IndexOptionsDecl i) {
        Decisions out = new Decisions();
        if (i.table() == null) return out;
        QualifiedName index = context.renamesIndex(i.index());
        Index existing = context.state().indexes().get(index);
        // A key's index (TableBuilder.indexWith): a table this run creates or a constraint it adds is not in the indexes yet.
        QualifiedName keyTable = existing == null ? context.renamesTable(i.table()) : null;
        boolean keyIndex = existing == null ? context.state().tables().containsKey(keyTable) && ownsConstraint(keyTable, index.name())
                : existing.constraintBacked();
        if (existing == null && !keyIndex) return out; // reported by the index's own declaration
        QualifiedName table = existing == null ? keyTable : existing.table();
        RelationOptions have = current(index);
        // An index this run builds CONCURRENTLY exists only after the commit: what is said of it follows it.
        boolean afterCommit = !context.before().indexes().containsKey(index) && context.online(table);
        List<Step> steps = new ArrayList<>(storageSteps(index, true, table, have.storage(), i.storage(), afterCommit));
        // The CLUSTER ON mark of a key's index is the table's own declaration (.clusterOn), never the index's.
        boolean onTable = context.state().tables().containsKey(table) && !keyIndex;
        String mark = null;
        if (onTable && i.clustered() && !have.clustered()) {
            steps.add(new Step.ClusterOn(table, index.name(), afterCommit));
            mark = "CLUSTER ON";
        } else if (onTable && !i.clustered() && have.clustered()) {
            steps.add(new Step.ClusterOn(table, null, false));
            mark = "SET WITHOUT CLUSTER";
        }
        if (steps.isEmpty()) return out;
        out.change(i.origin(), "index options", index.toString(), summary(have.storage(), i.storage(), mark),
                context.original(table), steps.toArray(Step[]::new));
        return out;
    }

    /**
     * The CLUSTER ON mark of the table's constraint indexes, which no ensureIndex declares: set on the one named by
     * {@code clusterOn}, taken off one the declaration does not name (a plain index's mark is its own declaration's).
     */
    private Decisions clusterOnConstraintIndex(TableOptionsDecl t, QualifiedName table, List<Step> steps, List<String> said) {
        Decisions out = new Decisions();
        QualifiedName marked = null;
        // Only relations with options carry a mark: look there, not through every index of every table.
        for (Map.Entry<QualifiedName, RelationOptions> e : context.state().relationOptions().entrySet()) {
            if (!e.getValue().clustered()) continue;
            Index i = context.state().indexes().get(e.getKey());
            if (i != null && i.table().equals(table) && i.constraintBacked()) marked = i.name();
        }
        QualifiedName wanted = t.clusterOn() == null ? null : table.sibling(t.clusterOn());
        if (java.util.Objects.equals(marked, wanted)) return out;
        if (wanted == null && clusteredIndexDeclared.contains(table)) return out; // the plain index's CLUSTER ON moves the mark
        if (wanted != null && (context.state().indexes().containsKey(wanted) || ownsConstraint(table, wanted.name()))) {
            steps.add(new Step.ClusterOn(table, wanted.name(), false));
            said.add("CLUSTER ON " + wanted.name());
        } else if (wanted == null) {
            steps.add(new Step.ClusterOn(table, null, false));
            said.add("SET WITHOUT CLUSTER");
        } else {
            out.drift(t.origin(), "table options", table.toString(), "declared CLUSTER ON " + wanted.name()
                    + ", but the table has no such index: not marked", null);
        }
        return out;
    }

    /** A table created by this run has its constraints' indexes, which the working copy does not list as indexes. */
    private boolean ownsConstraint(QualifiedName table, String index) {
        schemasync.catalog.Table t = context.state().tables().get(table);
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
     * defaults), added to {@code steps}, described in {@code said} (their effect on the working copy: {@link OptionEffects}).
     */
    private void columnSteps(QualifiedName table, Map<String, ColumnOptions> have,
                                                   Map<String, ColumnOptions> want, List<Step> steps, List<String> said) {
        Set<String> names = new TreeSet<>(have.keySet());
        names.addAll(want.keySet());
        for (String column : names) {
            if (context.state().tables().get(table).column(column).isEmpty()) continue;
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
        }
    }

    /** The relation's options in the working copy: what the steps emitted so far left (renames move them along). */
    private RelationOptions current(QualifiedName relation) {
        return context.state().relationOptions().getOrDefault(relation, RelationOptions.NONE);
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
