package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;

/** Triggers with their function, created in one run, compared without touching the real table. */
class TriggerTest {
    private static final String TOUCH = "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$";

    private static List<ChangeBlock> blocks(String when) {
        return List.of(
                block("C1_Users", db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text")
                        .column("updated_at", "timestamptz").primaryKey("id"))),
                block("C2_Touch", db -> {
                    db.ensureFunction("set_updated_at()", TOUCH);
                    var trigger = db.ensureTrigger("users_touch").on("users").before("UPDATE").forEachRow();
                    if (when != null) trigger.when(when);
                    trigger.executes("set_updated_at()");
                }));
    }

    @Test
    void aTriggerAndItsFunctionAreCreatedInOneRunAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks("OLD.* IS DISTINCT FROM NEW.*"));
            assertEquals("CREATE TRIGGER \"users_touch\" BEFORE UPDATE ON \"public\".\"users\" FOR EACH ROW"
                    + " WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION set_updated_at()", Scenario.sql(plan).get(2));
            s.applyAndConverge(blocks("OLD.* IS DISTINCT FROM NEW.*"));
            s.execute("INSERT INTO users (id, email) VALUES (1, 'a')");
            s.execute("UPDATE users SET email = 'b'");
            assertEquals("t", s.queryString("SELECT updated_at IS NOT NULL FROM users"));
        }
    }

    @Test
    void onAnExistingTableItIsAddedWithItsLockAndADifferentOneIsDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE users (id bigint PRIMARY KEY, email text, updated_at timestamptz)",
                "CREATE FUNCTION set_updated_at() " + TOUCH, "CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER users_audit AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION audit()")) {
            Plan plan = s.plan(blocks(null));
            assertEquals(1, plan.steps().size());
            assertEquals(HazardKind.WRITE_LOCK, plan.steps().get(0).hazards().get(0).kind());
            assertTrue(Scenario.drift(plan).stream().anyMatch(d -> d.object().equals("public.users.users_audit")),
                    () -> Scenario.drift(plan).toString());
            s.applyAndConverge(blocks(null));
            Plan changed = s.plan(blocks("OLD.email IS DISTINCT FROM NEW.email"));
            assertTrue(changed.isEmpty());
            assertTrue(Scenario.drift(changed).get(0).message().startsWith("declared CREATE TRIGGER users_touch BEFORE UPDATE ON <table>"
                    + " FOR EACH ROW WHEN ((old.email IS DISTINCT FROM new.email))"), Scenario.drift(changed).get(0).message());
        }
    }

    @Test
    void anIncompleteTriggerIsRejected() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C3", db -> db.ensureTrigger("t").on("users").forEachRow()))));
        assertTrue(e.getMessage().contains("C3: trigger t has no events"), e.getMessage());
        assertTrue(e.getMessage().contains("C3: trigger t has no function"), e.getMessage());
    }
}
