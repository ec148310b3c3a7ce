package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/**
 * A table renamed twice, in two deploys: {@code users(email)} → {@code accounts(email_address)} in the first,
 * {@code accounts} → {@code members(address)} in the second. A database deployed with the first holds the middle
 * names; the second deploy must run only the second renames (the declarations of the first blocks name the table,
 * column and index by the names the database holds), and a fresh database must end the same.
 */
class RenameChainTest {

    private static final List<ChangeBlock> FIRST_DEPLOY = List.of(
            block("C1_Users", db -> {
                db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").primaryKey("id"));
                db.ensureIndex("users_email_idx").on("users").columns("email");
            }),
            block("C2_Accounts", db -> {
                db.ensureTableRenamed("users", "accounts");
                db.ensureColumnRenamed("accounts", "email", "email_address");
                db.ensureIndexRenamed("users_email_idx", "accounts_email_idx");
            }));

    private static final ChangeBlock MEMBERS = block("C3_Members", db -> {
        db.ensureTableRenamed("accounts", "members");
        db.ensureColumnRenamed("members", "email_address", "address");
        db.ensureIndexRenamed("accounts_email_idx", "members_address_idx");
    });

    private static List<ChangeBlock> secondDeploy() {
        List<ChangeBlock> blocks = new ArrayList<>(FIRST_DEPLOY);
        blocks.add(MEMBERS);
        return blocks;
    }

    @Test
    void aDatabaseDeployedUpToTheFirstRenameRunsOnlyTheSecond() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(FIRST_DEPLOY);
            s.execute("INSERT INTO accounts VALUES (1, 'a@example.com')");
            Plan plan = s.plan(secondDeploy());
            assertEquals(List.of("ALTER TABLE \"public\".\"accounts\" RENAME TO \"members\"",
                    "ALTER TABLE \"public\".\"members\" RENAME COLUMN \"email_address\" TO \"address\"",
                    "ALTER INDEX \"public\".\"accounts_email_idx\" RENAME TO \"members_address_idx\""), Scenario.sql(plan));
            assertEquals(List.of(), Scenario.drift(plan), plan::toString);
            s.applyAndConverge(secondDeploy());
            assertEquals("a@example.com", s.queryString("SELECT address FROM members"), "data kept");
            assertEquals(List.of(), Scenario.drift(s.plan(secondDeploy())), "the fully deployed chain reads as declared");
        }
    }

    @Test
    void aFreshDatabaseEndsTheSame() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(secondDeploy());
            assertEquals("members_address_idx", s.queryString("SELECT indexname FROM pg_indexes WHERE tablename = 'members'"
                    + " AND indexname <> 'users_pkey'"));
            assertEquals(List.of(), Scenario.drift(s.plan(secondDeploy())));
        }
    }
}
