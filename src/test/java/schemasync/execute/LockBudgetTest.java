package schemasync.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/** The lock estimate matches what PostgreSQL's pg_locks shows for the same statements. */
class LockBudgetTest {

    @Test
    void estimateCountsTheObjectsATransactionKeepsLocked() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureTable("t", t -> t.column("id", SQLDataType.BIGINT.identity(true)).column("note", "text").primaryKey("id"));
            db.ensureIndex("t_note").on("t").columns("note");
        }));
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks);
            long estimated = plan.steps().stream().mapToLong(LockBudget::locks).sum();
            s.connection.setAutoCommit(false);
            try (var st = s.connection.createStatement()) {
                for (String sql : Scenario.sql(plan)) st.execute(sql);
                var rs = st.executeQuery("SELECT count(DISTINCT (locktype, relation, objid)) FROM pg_locks"
                        + " WHERE pid = pg_backend_pid() AND locktype IN ('relation', 'object') AND NOT fastpath");
                rs.next();
                long actual = rs.getLong(1);
                // table, TOAST table and index, primary key index, sequence, the index; PostgreSQL also
                // locks the table's row type and array type (objects), which the estimate leaves out.
                assertEquals(7, estimated);
                assertTrue(actual >= estimated && actual <= estimated + 2, "pg_locks shows " + actual);
            } finally {
                s.connection.rollback();
            }
            assertTrue(LockBudget.explain(plan).contains("about 7 locks"));
        }
    }
}
