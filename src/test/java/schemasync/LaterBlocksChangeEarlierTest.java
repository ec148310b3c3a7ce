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
}
