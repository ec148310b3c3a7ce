package schemasync.step;

import java.util.List;
import schemasync.catalog.QualifiedName;

/** A primary key added to an existing relation: a partition's own key ({@code ensurePartition(..., t -> t.primaryKey(...))}). */
public interface KeySteps {

    /**
     * {@code ALTER TABLE t ADD CONSTRAINT name PRIMARY KEY (columns)}: builds the key's unique index and sets its columns
     * NOT NULL, under ACCESS EXCLUSIVE; PostgreSQL scans the table to do both. Planned only for a partition this run
     * creates (empty); a table's or an existing partition's missing key is reported, not added.
     */
    record AddPrimaryKey(QualifiedName table, String name, List<String> columns) implements Step {
        public AddPrimaryKey {
            columns = List.copyOf(columns);
        }

        public String object() {
            return table + "." + name;
        }

        public Facts facts() {
            return Facts.creates(Lock.accessExclusive(table));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.addPrimaryKey(this);
        }
    }
}
