package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.PolicyCommand;

/**
 * Row-level security and a policy of one partition alone, declared with {@code ensureRowLevelSecurity} and
 * {@code ensurePolicy(...).on(partition)}: PostgreSQL keeps both per relation (relrowsecurity, pg_policy of the
 * partition), and checks a partition's own only when it is queried directly. Created, set back, the next plan empty.
 */
class PartitionPoliciesTest {

    private static List<ChangeBlock> tickets() {
        return List.of(block("C1_Tickets", db -> {
            db.ensureTable("tickets", t -> t.column("id", "bigint").column("opened", "date").column("owner", "text")
                    .partitionBy("RANGE (opened)"));
            db.ensurePartition("tickets_2025", "tickets", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
            db.ensurePartition("tickets_2026", "tickets", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
            db.ensureRowLevelSecurity("tickets_2025", true);
            db.ensurePolicy("tickets_2025_own").on("tickets_2025").forCommand(PolicyCommand.SELECT).using("owner = current_user");
        }));
    }

    @Test
    void aPartitionsOwnRowLevelSecurityAndPolicyAreCreatedAndSetBack() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(tickets());
            String state = "SELECT string_agg(c.relname || ':' || c.relrowsecurity || c.relforcerowsecurity || ':'"
                    + " || (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid), ',' ORDER BY c.relname)"
                    + " FROM pg_class c WHERE c.relname LIKE 'tickets%'";
            assertEquals("tickets:falsefalse:0,tickets_2025:truetrue:1,tickets_2026:falsefalse:0", s.queryString(state));

            s.execute("DROP POLICY tickets_2025_own ON tickets_2025");
            s.execute("ALTER TABLE tickets_2025 DISABLE ROW LEVEL SECURITY");
            List<String> sql = Scenario.sql(s.plan(tickets()));
            assertTrue(sql.stream().anyMatch(q -> q.startsWith("CREATE POLICY") && q.contains("tickets_2025")), sql::toString);
            s.applyAndConverge(tickets());
            assertEquals("tickets:falsefalse:0,tickets_2025:truetrue:1,tickets_2026:falsefalse:0", s.queryString(state));
        }
    }
}
