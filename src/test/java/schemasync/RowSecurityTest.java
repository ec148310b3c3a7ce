package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/** Row-level security and policies: enabled, created, altered; never relaxed or dropped implicitly. */
class RowSecurityTest {
    private static final String ROLE = "DO $$ BEGIN CREATE ROLE schema_sync_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$";

    private static List<ChangeBlock> blocks(String using) {
        return List.of(block("C1_Docs", db -> {
            db.ensureTable("documents", t -> t.column("id", "bigint").column("owner", "text").primaryKey("id"));
            db.ensureRowLevelSecurity("documents");
            db.ensurePolicy("documents_own").on("documents").forCommand("select").to("schema_sync_app").using(using);
            db.ensurePolicy("documents_insert").on("documents").forCommand("INSERT").withCheck("owner = current_user");
        }));
    }

    @Test
    void securityAndPoliciesAreCreatedAndConverge() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            Plan plan = s.plan(blocks("owner = current_user"));
            assertEquals(List.of("ALTER TABLE \"public\".\"documents\" ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY \"documents_own\" ON \"public\".\"documents\" AS PERMISSIVE FOR SELECT TO \"schema_sync_app\""
                            + " USING (owner = current_user)",
                    "CREATE POLICY \"documents_insert\" ON \"public\".\"documents\" AS PERMISSIVE FOR INSERT TO PUBLIC"
                            + " WITH CHECK (owner = current_user)"), Scenario.sql(plan).subList(1, 4));
            s.applyAndConverge(blocks("owner = current_user"));
            assertEquals("t", s.queryString("SELECT relrowsecurity FROM pg_class WHERE relname = 'documents'"));
        }
    }

    @Test
    void aChangedExpressionIsAlteredAndUndeclaredPoliciesAreReported() throws Exception {
        try (Scenario s = Scenario.start(ROLE, "CREATE TABLE documents (id bigint PRIMARY KEY, owner text)",
                "ALTER TABLE documents ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY",
                "CREATE POLICY documents_own ON documents FOR SELECT TO schema_sync_app USING (true)",
                "CREATE POLICY documents_insert ON documents FOR INSERT WITH CHECK (owner = current_user)",
                "CREATE POLICY documents_legacy ON documents FOR DELETE USING (false)")) {
            Plan plan = s.plan(blocks("owner = current_user"));
            assertEquals(List.of("ALTER POLICY \"documents_own\" ON \"public\".\"documents\" TO \"schema_sync_app\""
                    + " USING (owner = current_user)"), Scenario.sql(plan));
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.object() + ": " + d.message()).toList();
            assertTrue(drift.get(0).startsWith("public.documents row level security: database forces it"), drift.toString());
            assertTrue(drift.get(1).startsWith("public.documents.documents_legacy: undeclared policy"), drift.toString());
            s.applyAndConverge(blocks("owner = current_user"));
        }
    }
}
