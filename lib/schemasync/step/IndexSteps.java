package schemasync.step;

import schemasync.catalog.QualifiedName;
import schemasync.catalog.IndexSpec;
import schemasync.step.Step.Facts;
import schemasync.step.Step.Lock;
import schemasync.step.Step.Phase;

/** The steps on indexes: builds (plain or CONCURRENTLY), drops, renames and the swap of a rebuild. */
public interface IndexSteps {

    /**
     * CREATE INDEX. On a table that existed before this run: CONCURRENTLY, after the commit (reads
     * and writes go on during the build, under SHARE UPDATE EXCLUSIVE); on a table this run creates:
     * plain, in the transaction (nobody else can see the table yet, and CONCURRENTLY cannot run in a
     * transaction; a plain build takes SHARE, which blocks writes). {@code buildName} is the name to
     * build under when it differs from the declared one (the temporary name of a replacement, swapped
     * in by {@link RetireIndex} and {@link SwapIndex}), else null.
     */
    record CreateIndex(IndexSpec index, boolean concurrently, String buildName) implements Step {
        public CreateIndex(IndexSpec index) {
            this(index, false, null);
        }

        public String object() {
            return buildName == null ? index.name().toString() : index.name().sibling(buildName).toString();
        }

        /** The name the statement builds. */
        public String name() {
            return buildName == null ? index.name().name() : buildName;
        }

        public Facts facts() {
            return Facts.creates(new Lock(index.table(), concurrently ? Lock.SHARE_UPDATE_EXCLUSIVE : "ShareLock"))
                    .in(concurrently ? Phase.NO_TRANSACTION : Phase.TRANSACTION).buildingAnIndex();
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createIndex(this);
        }
    }

    /**
     * Drops an index: an INVALID one left by a failed concurrent build, the old one after a swap, or
     * one declared with ensureNoIndex. CONCURRENTLY (after the commit) on a table that existed before
     * this run: a plain DROP INDEX takes ACCESS EXCLUSIVE on the table.
     */
    record DropIndex(QualifiedName index, boolean concurrently) implements Step {
        public DropIndex(QualifiedName index) {
            this(index, false);
        }

        public String object() {
            return index.toString();
        }

        public Facts facts() {
            return Facts.alters(concurrently ? new Lock(index, Lock.SHARE_UPDATE_EXCLUSIVE) : Lock.accessExclusive(index))
                    .in(concurrently ? Phase.NO_TRANSACTION : Phase.TRANSACTION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.dropIndex(this);
        }
    }

    /**
     * The first half of putting a rebuilt index in place of the old one: {@code index} is renamed to
     * {@code retired}, in a short transaction after the commit that the {@link SwapIndex} after it
     * joins, so a kill between the two cannot leave the declared name missing. ALTER INDEX ... RENAME
     * takes SHARE UPDATE EXCLUSIVE on the index since PG 12: reads and writes go on.
     */
    record RetireIndex(QualifiedName index, String retired) implements Step {
        public String object() {
            return index.toString();
        }

        public Facts facts() {
            return Facts.alters(new Lock(index, Lock.SHARE_UPDATE_EXCLUSIVE)).in(Phase.OWN_TRANSACTION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.retireIndex(this);
        }
    }

    /** The second half: {@code replacement} takes the declared name {@code index}, committed with the {@link RetireIndex}. */
    record SwapIndex(QualifiedName index, String replacement) implements Step {
        public String object() {
            return index.toString();
        }

        public Facts facts() {
            return Facts.alters(new Lock(index, Lock.SHARE_UPDATE_EXCLUSIVE)).in(Phase.OWN_TRANSACTION).joiningPrevious();
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.swapIndex(this);
        }
    }

    record RenameIndex(QualifiedName index, String to) implements Step {
        public String object() {
            return index.toString();
        }

        public Facts facts() {
            return Facts.alters(Lock.accessExclusive(index));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.renameIndex(this);
        }
    }
}
