package schemasync.step;

import schemasync.catalog.ExternalObjects;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;
import schemasync.model.ObjectKind;

/**
 * The steps of extended statistics and rules (their drops are {@link ObjectSteps.DropObject}). CREATE STATISTICS
 * and ALTER STATISTICS take SHARE UPDATE EXCLUSIVE on the table (reads and writes go on); CREATE RULE takes ACCESS
 * EXCLUSIVE on its table or view, as ALTER TABLE does.
 */
public interface StatisticsRuleSteps {

    /** CREATE STATISTICS name (kinds) ON columns, (expressions) FROM table. */
    record CreateStatistics(Statistics statistics) implements Step {
        public String object() {
            return statistics.name().toString();
        }

        public Facts facts() {
            return Facts.creates(new Lock(statistics.table(), Lock.SHARE_UPDATE_EXCLUSIVE));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createStatistics(this);
        }
    }

    /** ALTER STATISTICS name SET STATISTICS target: the one attribute ALTER STATISTICS changes (-1: the default). */
    record SetStatisticsTarget(QualifiedName name, QualifiedName table, Integer target) implements Step {
        public String object() {
            return name.toString();
        }

        public Facts facts() {
            return Facts.alters(new Lock(table, Lock.SHARE_UPDATE_EXCLUSIVE));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setStatisticsTarget(this);
        }
    }

    /** CREATE [OR REPLACE] RULE name AS definition: {@code replace} when a rule of that name exists and differs. */
    record CreateRule(Rule rule, boolean replace) implements Step {
        public String object() {
            return rule.key();
        }

        public Facts facts() {
            return replace ? Facts.alters(Lock.accessExclusive(rule.table())) : Facts.creates(Lock.accessExclusive(rule.table()));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createRule(this);
        }
    }

    /**
     * {@code ALTER TABLE table ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS RULE | TRIGGER name}: when a rule
     * ({@code kind} RULE, pg_rewrite.ev_enabled) or a trigger (TRIGGER, pg_trigger.tgenabled) fires. PostgreSQL takes
     * ACCESS EXCLUSIVE for a rule (it may change what SELECT reads) and SHARE ROW EXCLUSIVE for a trigger.
     */
    record SetEnabled(ObjectKind kind, QualifiedName table, String name, ExternalObjects.Enabled enabled) implements Step {
        public String object() {
            return kind == ObjectKind.RULE ? Rule.key(table, name) : table + "." + name;
        }

        public Facts facts() {
            return Facts.alters(kind == ObjectKind.RULE ? Lock.accessExclusive(table) : new Lock(table, Lock.SHARE_ROW_EXCLUSIVE));
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.setEnabled(this);
        }
    }
}
