package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.Default.dflt;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Plan;

/** Enum types: created, extended in place, never shrunk. */
class EnumTest {

    private static List<ChangeBlock> roles(String... labels) {
        return List.of(
                block("C1_Schema", db -> db.ensureSchema("app")),
                block("C2_Roles", db -> db.ensureEnum("app.membership_role", labels)),
                block("C3_Members", db -> db.ensureTable("app.members", t -> t
                        .column("id", "bigint").column("role", ColumnType.type("app.membership_role").notNull(), dflt("'member'"))
                        .primaryKey("id"))));
    }

    @Test
    void anEnumAndAColumnOfItAreCreatedTogetherAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(roles("owner", "admin", "member"));
            assertEquals(List.of("CREATE SCHEMA \"app\"", "CREATE TYPE \"app\".\"membership_role\" AS ENUM ('owner', 'admin', 'member')",
                    "CREATE TABLE \"app\".\"members\" (\"id\" bigint NOT NULL, \"role\" app.membership_role NOT NULL"
                            + " DEFAULT 'member', PRIMARY KEY (\"id\"))"), Scenario.sql(plan));
            s.applyAndConverge(roles("owner", "admin", "member"));
        }
    }

    @Test
    void missingLabelsAreAddedInTheirDeclaredPosition() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app", "CREATE TYPE app.membership_role AS ENUM ('admin', 'member')",
                "CREATE TABLE app.members (id bigint PRIMARY KEY, role app.membership_role NOT NULL DEFAULT 'member')")) {
            List<ChangeBlock> blocks = roles("owner", "admin", "member", "guest");
            assertEquals(List.of("ALTER TYPE \"app\".\"membership_role\" ADD VALUE 'owner' BEFORE 'admin'",
                    "ALTER TYPE \"app\".\"membership_role\" ADD VALUE 'guest' AFTER 'member'"), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("{owner,admin,member,guest}", s.queryString("SELECT enum_range(NULL::app.membership_role)::text"));
        }
    }

    @Test
    void extraOrReorderedLabelsAreDriftNeverDropped() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app", "CREATE TYPE app.membership_role AS ENUM ('member', 'admin', 'legacy')",
                "CREATE TABLE app.members (id bigint PRIMARY KEY, role app.membership_role NOT NULL DEFAULT 'member')",
                "CREATE TYPE app.undeclared_mood AS ENUM ('happy')")) {
            Plan plan = s.plan(roles("admin", "member"));
            assertTrue(plan.isEmpty());
            List<String> messages = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertEquals(List.of("type app.membership_role: declared labels [admin, member], database has [member, admin, legacy]"
                            + " in another order: not changed (PostgreSQL cannot reorder enum labels)",
                    "type app.undeclared_mood: undeclared enum [happy]: no block declares it; left alone"), messages);
            s.applyAndConverge(roles("admin", "member"));
        }
    }

    @Test
    void badEnumsAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureEnum("feeling", "happy", "happy")),
                block("C2", db -> db.ensureEnum("mood", "x".repeat(64)).ensureEnum("mood", "sad")))));
        assertTrue(e.getMessage().contains("C1: enum public.feeling lists 'happy' twice"), e.getMessage());
        // In one block, twice is a contradiction; a later block's ensureEnum extends the earlier one (see below).
        assertTrue(e.getMessage().contains("C2: enum public.mood is declared twice"), e.getMessage());
        assertTrue(e.getMessage().contains("C2: enum public.mood: label '" + "x".repeat(64) + "' is 64 bytes; PostgreSQL allows 63"),
                e.getMessage());
    }

    /** The one rule: a label is added by a later block, never by editing the block that shipped the type. */
    @Test
    void aLaterBlockAddsALabelWithoutEditingTheShippedOne() throws Exception {
        List<ChangeBlock> shipped = roles("owner", "admin", "member");
        List<ChangeBlock> later = new java.util.ArrayList<>(shipped);
        later.add(block("C4_Viewer", db -> db.ensureEnum("app.membership_role", "owner", "admin", "member", "viewer")));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(shipped);
            Plan plan = s.plan(later);
            assertEquals(List.of("ALTER TYPE \"app\".\"membership_role\" ADD VALUE 'viewer' AFTER 'member'"), Scenario.sql(plan));
            assertEquals("C4_Viewer", plan.items().stream().filter(i -> i.object().equals("app.membership_role"))
                    .findFirst().orElseThrow().origin().blockId(), "the change is the later block's");
            s.applyAndConverge(later);
            assertEquals("{owner,admin,member,viewer}", s.queryString("SELECT enum_range(NULL::app.membership_role)::text"));
        }
        try (Scenario s = Scenario.start()) { // an empty database: the type is created once, before the table that uses it
            assertEquals("CREATE TYPE \"app\".\"membership_role\" AS ENUM ('owner', 'admin', 'member', 'viewer')",
                    Scenario.sql(s.plan(later)).get(1));
            s.applyAndConverge(later);
        }
    }
}
