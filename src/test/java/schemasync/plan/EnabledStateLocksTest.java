package schemasync.plan;

import schemasync.step.StatisticsRuleSteps;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.catalog.ExternalObjects.Enabled;
import schemasync.catalog.QualifiedName;
import schemasync.model.ObjectKind;
import schemasync.render.SqlRenderer;

/**
 * The lock a rule's or trigger's enabled-state step says it takes is the one PostgreSQL takes: the statement is run
 * in a transaction and pg_locks is read before the rollback. The hazard report and the lock budget trust this fact.
 */
class EnabledStateLocksTest {

    @Test
    void enablingAndDisablingRulesAndTriggersTakeTheLockTheStepDeclares() throws Exception {
        try (Scenario s = Scenario.start(
                "CREATE TABLE public.orders (id bigint PRIMARY KEY, note text)",
                "CREATE TABLE public.orders_log (id bigint)",
                "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch()",
                "CREATE RULE orders_copy AS ON INSERT TO public.orders DO ALSO INSERT INTO public.orders_log VALUES (NEW.id)")) {
            QualifiedName orders = new QualifiedName("public", "orders");
            for (Enabled state : List.of(Enabled.DISABLED, Enabled.REPLICA, Enabled.ALWAYS, Enabled.ORIGIN)) {
                for (var step : List.of(new StatisticsRuleSteps.SetEnabled(ObjectKind.RULE, orders, "orders_copy", state),
                        new StatisticsRuleSteps.SetEnabled(ObjectKind.TRIGGER, orders, "orders_touch", state))) {
                    assertEquals(step.facts().lock().mode(), strongestLockOn(s, SqlRenderer.render(step), "public.orders"),
                            step + " renders " + SqlRenderer.render(step));
                }
            }
        }
    }

    /** The strongest lock mode this backend holds on {@code relation} right after {@code sql}, rolled back. */
    private static String strongestLockOn(Scenario s, String sql, String relation) throws Exception {
        s.connection.setAutoCommit(false);
        try (Statement st = s.connection.createStatement()) {
            st.execute(sql);
            try (ResultSet rs = st.executeQuery("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid()"
                    + " AND locktype = 'relation' AND relation = '" + relation + "'::regclass")) {
                List<String> order = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
                        "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
                String strongest = null;
                while (rs.next()) {
                    String mode = rs.getString(1);
                    if (strongest == null || order.indexOf(mode) > order.indexOf(strongest)) strongest = mode;
                }
                return strongest;
            }
        } finally {
            s.connection.rollback();
            s.connection.setAutoCommit(true);
        }
    }
}
