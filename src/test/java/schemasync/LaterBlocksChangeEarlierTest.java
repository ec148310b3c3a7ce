package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;

/**
 * The one rule: a block that reached production is never edited; a later block changes what an
 * earlier one declared. Here a view moved after a rename and a function changed, both on an empty
 * database and on one where only the earlier blocks ran. (The function is plpgsql: a LANGUAGE sql body
 * is checked when it is created, so one that reads the new name cannot be compared before the rename
 * has run; the plan reports it and the next run replaces it.)
 */
class LaterBlocksChangeEarlierTest {
    static final ChangeBlock C1 = block("C1_Members", db -> {
        db.ensureTable("memberships", t -> t.column("user_id", SQLDataType.BIGINT.notNull()).column("role", "text"));
        db.ensureView("admins", "SELECT user_id FROM memberships WHERE role = 'admin'");
        db.ensureFunction("member_count()", "RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM memberships); END $$");
    });
    static final ChangeBlock C2 = block("C2_Rename", db -> {
        db.ensureTableRenamed("memberships", "organization_members");
        db.ensureView("admins", "SELECT user_id FROM organization_members WHERE role = 'admin'");
        db.ensureFunction("member_count()", "RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM organization_members); END $$");
    });

    @Test
    void onAnEmptyDatabaseTheLatestDeclarationIsCreatedOnce() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(C1, C2));
            assertTrue(s.queryString("SELECT pg_get_viewdef('admins')").contains("organization_members"));
            assertEquals("0", s.queryString("SELECT member_count()"));
        }
    }

    @Test
    void whereTheEarlierBlockRanTheLaterOneReplacesIt() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(C1));
            s.applyAndConverge(List.of(C1, C2));
            assertTrue(s.queryString("SELECT pg_get_viewdef('admins')").contains("organization_members"));
            assertTrue(s.queryString("SELECT prosrc FROM pg_proc WHERE proname = 'member_count'").contains("organization_members"));
        }
    }

    @Test
    void twiceInTheSameBlockIsStillAnError() {
        ChangeBlock twice = block("C3_Twice", db -> {
            db.ensureView("v", "SELECT 1 AS x");
            db.ensureView("v", "SELECT 2 AS x");
        });
        Exception e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(twice)));
        assertTrue(e.getMessage().contains("view public.v is declared twice"), e.getMessage());
    }

    static final ChangeBlock P1 = block("P1_Projects", db -> {
        db.ensureTable("projects", t -> t
                .column("id", SQLDataType.BIGINT.notNull())
                .column("budget", SQLDataType.NUMERIC(12, 2))
                .column("budget_cents", SQLDataType.BIGINT)
                .primaryKey("id")
                .check("projects_budget_not_negative", "budget >= 0"));
        db.ensureIndex("projects_budget_idx").on("projects").columns("budget");
        db.ensureView("project_budgets", "SELECT id, budget FROM projects");
    });
    /** The contract step of a type change, declared without editing P1. */
    static final ChangeBlock P2 = block("P2_DropBudget", db -> {
        db.ensureNoView("project_budgets");
        db.ensureNoIndex("projects_budget_idx");
        db.ensureNoConstraint("projects", "projects_budget_not_negative");
        db.ensureNoColumn("projects", "budget");
        db.allowHazard(schemasync.model.HazardKind.DELETES_DATA, "budget_cents replaced it; no code reads it");
    });

    @Test
    void aLaterRemovalTakesAwayWhatAnEarlierBlockDeclaredOnAnEmptyDatabase() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(P1, P2));
            assertEquals("0", s.queryString("SELECT count(*) FROM information_schema.columns WHERE table_name = 'projects'"
                    + " AND column_name = 'budget'"));
            assertEquals(null, s.queryString("SELECT to_regclass('project_budgets')::text"));
        }
    }

    @Test
    void aLaterRemovalDropsWhatTheEarlierBlockCreated() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(P1));
            s.execute("INSERT INTO projects SELECT g, g, g * 100 FROM generate_series(1, 50) g");
            s.applyAndConverge(List.of(P1, P2));
            assertEquals("0", s.queryString("SELECT count(*) FROM information_schema.columns WHERE table_name = 'projects'"
                    + " AND column_name = 'budget'"));
            assertEquals(null, s.queryString("SELECT to_regclass('projects_budget_idx')::text"));
            assertEquals("50", s.queryString("SELECT count(budget_cents) FROM projects"), "the other columns keep their data");
        }
    }

    @Test
    void aRemovalInTheSameBlockAsTheDeclarationIsStillAContradiction() {
        ChangeBlock both = block("C4_Both", db -> {
            db.ensureView("w", "SELECT 1 AS x");
            db.ensureNoView("w");
        });
        Exception e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(both)));
        assertTrue(e.getMessage().contains("is declared by C4_Both"), e.getMessage());
    }
}
