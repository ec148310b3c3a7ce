package schemasync.step;

/**
 * Steps of legacy inheritance beyond {@link OptionSteps.InheritParent}: a change to one table of an inheritance tree
 * that must not reach the tables inheriting from it.
 */
public interface LineageSteps {

    /**
     * {@code ALTER TABLE ONLY child ALTER COLUMN ... SET DEFAULT | DROP DEFAULT | SET NOT NULL | DROP NOT NULL}: the
     * column step {@code step}, on {@code step}'s table alone. Without ONLY, PostgreSQL applies these four to every
     * table that inherits from it too (a grandchild would get the child's own default or NOT NULL, which pg_dump
     * writes with ONLY and no declaration says). PostgreSQL 13–18 accept ONLY for all four on a table with children of
     * legacy inheritance; on a partitioned table only SET/DROP DEFAULT (SET NOT NULL must reach the partitions):
     * {@code ensureColumnChanged(...).onlyThisTable()}, pg_dump's form of a parent's default whose partitions keep their own.
     * Facts, hazards and effect are those of {@code step}: ONLY narrows which tables change, not how.
     */
    record OnlyThisTable(Step step) implements Step {
        public OnlyThisTable {
            if (!(step instanceof TableSteps.SetColumnDefault || step instanceof TableSteps.DropColumnDefault
                    || step instanceof TableSteps.SetNotNull n && n.provenBy() == null || step instanceof TableSteps.DropNotNull)) {
                throw new IllegalArgumentException("ONLY applies to SET/DROP DEFAULT and SET/DROP NOT NULL, not " + step);
            }
        }

        public String object() {
            return step.object();
        }

        public Facts facts() {
            return step.facts();
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.onlyThisTable(this);
        }
    }
}
