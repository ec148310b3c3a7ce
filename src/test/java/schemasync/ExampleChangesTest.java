package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.execute.SchemaSync.Result;
import schemasync.plan.Plan;

/** The example schema shipped in changes/ builds an empty database and then stays converged. */
class ExampleChangesTest {

    @Test
    void shippedChangesApplyOnAnEmptyDatabaseAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(Changes.ALL);
            List<String> sql = Scenario.sql(plan);
            assertEquals(18, sql.size(), () -> String.join("\n", sql));
            assertTrue(sql.contains("CREATE UNIQUE INDEX \"users_email_lower_key\" ON \"public\".\"users\" USING btree"
                    + " ((lower(email))) WHERE deleted_at IS NULL"), () -> String.join("\n", sql));
            assertTrue(sql.contains("ALTER TABLE \"public\".\"users\" ADD COLUMN \"last_login_at\" timestamp with time zone"));

            Result applied = s.applyAndConverge(Changes.ALL);
            assertEquals(Outcome.APPLIED, applied.outcome());
            assertEquals(sql, applied.executed().stream().map(e -> e.sql()).toList(), "dry run predicts the apply exactly");
            assertEquals("4", s.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
            assertEquals("6", s.queryString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"
                    + " AND indexname NOT LIKE '%pkey'"), "every declared index exists");
            assertEquals(0, Scenario.drift(s.plan(Changes.ALL)).size());
        }
    }
}
