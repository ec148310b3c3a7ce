package schemasync.plan;

import schemasync.catalog.QualifiedName;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;

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
}
