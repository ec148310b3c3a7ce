package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/** Extensions, and columns of the types they bring, in one run. */
class ExtensionTest {

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("C1_Ext", db -> db.ensureExtension("citext")),
            block("C2_Users", db -> db.ensureTable("users", t -> t.column("email", "citext").column("nick", "CITEXT"))));

    @Test
    void anExtensionAndAColumnOfItsTypeConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(BLOCKS);
            assertEquals(List.of("CREATE EXTENSION \"citext\"",
                    "CREATE TABLE \"public\".\"users\" (\"email\" citext, \"nick\" CITEXT)"), Scenario.sql(plan));
            s.applyAndConverge(BLOCKS);
            assertEquals("t", s.queryString("SELECT 'A'::citext = 'a'::citext"));
        }
    }

    @Test
    void anotherVersionIsReportedAndAMissingExtensionIsBadInput() throws Exception {
        try (Scenario s = Scenario.start("CREATE EXTENSION citext")) {
            Plan plan = s.plan(List.of(block("C1", db -> db.ensureExtension("citext", null, "0.1"))));
            assertTrue(plan.isEmpty());
            assertTrue(Scenario.drift(plan).get(0).message().startsWith("declared version 0.1, database has it in schema public version"),
                    Scenario.drift(plan).get(0).message());
        }
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(
                    block("C1", db -> db.ensureExtension("no_such_extension")),
                    block("C2", db -> db.ensureTable("t", t -> t.column("a", "int"))))));
            assertTrue(e.getMessage().contains("extension \"no_such_extension\" is not available"), e.getMessage());
        }
    }
}
