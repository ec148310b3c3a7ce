package schemasync.step;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import schemasync.catalog.QualifiedName;
import schemasync.step.Step.Facts;
import schemasync.step.Step.Lock;

/**
 * The steps on what a table or index carries beside its shape: storage parameters, persistence and the
 * CLUSTER ON mark. Their payloads are names and {@code name=value} texts, never declarations.
 */
public interface OptionSteps {

    /**
     * Storage parameters PostgreSQL changes under SHARE UPDATE EXCLUSIVE (reads and writes go on): the
     * fillfactor, TOAST and autovacuum ones and a few planner ones (PostgreSQL's reloptions.c lock levels);
     * every other one (GIN's fastupdate, BRIN's pages_per_range, ...) takes ACCESS EXCLUSIVE.
     */
    Set<String> SHARE_UPDATE_EXCLUSIVE_PARAMETERS = Set.of("fillfactor", "toast_tuple_target", "parallel_workers",
            "log_autovacuum_min_duration", "vacuum_index_cleanup", "vacuum_truncate", "deduplicate_items",
            "autosummarize", "buffering");

    /** Whether setting or resetting {@code parameter} ({@code name} or {@code name=value}) takes only SHARE UPDATE EXCLUSIVE. */
    static boolean shareUpdateExclusive(String parameter) {
        String key = schemasync.catalog.RelationOptions.key(parameter).toLowerCase(Locale.ROOT);
        if (key.startsWith("toast.") || key.startsWith("autovacuum_")) return true;
        return SHARE_UPDATE_EXCLUSIVE_PARAMETERS.contains(key);
    }

    /**
     * {@code ALTER TABLE|INDEX relation SET (name=value, ...)} when {@code reset} is false, else
     * {@code RESET (name, ...)} (only the names of {@code parameters} are used). {@code table} is the table the lock
     * falls on: the relation itself, or the index's table. {@code afterCommit}: the index is built CONCURRENTLY by
     * this run, after the commit, so this follows it in a short transaction of its own.
     */
    record SetStorageParameters(QualifiedName relation, boolean index, QualifiedName table, List<String> parameters,
                                boolean reset, boolean afterCommit) implements Step {
        public SetStorageParameters {
            parameters = List.copyOf(parameters);
        }

        public String object() {
            return relation.toString();
        }

        public Facts facts() {
            boolean light = parameters.stream().allMatch(OptionSteps::shareUpdateExclusive);
            return Facts.alters(light ? new Lock(relation, Lock.SHARE_UPDATE_EXCLUSIVE) : Lock.accessExclusive(relation))
                    .in(afterCommit ? Step.Phase.OWN_TRANSACTION : Step.Phase.TRANSACTION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setStorageParameters(this);
        }
    }

    /**
     * {@code ALTER TABLE table CLUSTER ON index}, or {@code SET WITHOUT CLUSTER} when {@code index} is null: only
     * the mark a bare CLUSTER reads, under SHARE UPDATE EXCLUSIVE; the rows are not moved. {@code afterCommit}: the
     * index is built CONCURRENTLY by this run, so the mark follows it in a short transaction of its own.
     */
    record ClusterOn(QualifiedName table, String index, boolean afterCommit) implements Step {
        public String object() {
            return index == null ? table.toString() : table.sibling(index).toString();
        }

        public Facts facts() {
            return Facts.alters(new Lock(table, Lock.SHARE_UPDATE_EXCLUSIVE))
                    .in(afterCommit ? Step.Phase.OWN_TRANSACTION : Step.Phase.TRANSACTION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.clusterOn(this);
        }
    }

    /**
     * {@code ALTER TABLE table SET UNLOGGED} or {@code SET LOGGED}: PostgreSQL rewrites the table (and writes it
     * all to the WAL when it becomes logged) under ACCESS EXCLUSIVE.
     */
    record SetPersistence(QualifiedName table, boolean unlogged) implements Step {
        public String object() {
            return table.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setPersistence(this);
        }
    }

    /** What {@link SetColumnOption} sets; STORAGE and COMPRESSION take ACCESS EXCLUSIVE, the others SHARE UPDATE EXCLUSIVE. */
    enum ColumnOption { STATISTICS, STORAGE, COMPRESSION, SET_ATTRIBUTES, RESET_ATTRIBUTES }

    /**
     * {@code ALTER TABLE table ALTER COLUMN column SET STATISTICS n | SET STORAGE word | SET COMPRESSION word |
     * SET (name=value, ...) | RESET (name, ...)}: all metadata (no rewrite; rows already written keep their form).
     * {@code values}: the one value (the target, the storage word, the method or DEFAULT), or the attribute options.
     */
    record SetColumnOption(QualifiedName table, String column, ColumnOption option, List<String> values) implements Step {
        public SetColumnOption {
            values = List.copyOf(values);
        }

        public String object() {
            return table + "." + column;
        }

        public Facts facts() {
            boolean light = option != ColumnOption.STORAGE && option != ColumnOption.COMPRESSION;
            return Facts.alters(light ? new Lock(table, Lock.SHARE_UPDATE_EXCLUSIVE) : Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setColumnOption(this);
        }
    }

    /**
     * {@code ALTER TABLE table INHERIT parent}: links an existing table to a parent whose columns (same names and
     * types) and CHECK constraints it already has; no row is read or written. ACCESS EXCLUSIVE on the table,
     * SHARE UPDATE EXCLUSIVE on the parent.
     */
    record InheritParent(QualifiedName table, QualifiedName parent) implements Step {
        public String object() {
            return table.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.inheritParent(this);
        }
    }
}
