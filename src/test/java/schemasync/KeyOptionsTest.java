package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Drift;

/** UNIQUE constraints with INCLUDE and DEFERRABLE [INITIALLY DEFERRED]; indexes with NULLS NOT DISTINCT (PG 15+). */
class KeyOptionsTest {

    private static final List<ChangeBlock> SLOTS = List.of(
            block("C1_Slots", db -> db.ensureTable("slots", t -> t
                    .column("id", "bigint").column("seat", "int").column("label", "text").column("code", "text")
                    .primaryKey("id")
                    .unique("seat").initiallyDeferred()
                    .unique("code").include("label").deferrable().named("slots_code_uq"))),
            block("C2_Index", db -> db.ensureIndex("slots_label_idx").on("slots").unique().columns("label").nullsNotDistinct()));

    @Test
    void keyOptionsAreCreatedReadBackEqualAndBehaveAsDeclared() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(SLOTS);
            assertEquals(List.of(
                    "CREATE TABLE \"public\".\"slots\" (\"id\" bigint NOT NULL, \"seat\" int, \"label\" text, \"code\" text,"
                            + " PRIMARY KEY (\"id\"), CONSTRAINT \"slots_seat_key\" UNIQUE (\"seat\") DEFERRABLE INITIALLY DEFERRED,"
                            + " CONSTRAINT \"slots_code_uq\" UNIQUE (\"code\") INCLUDE (\"label\") DEFERRABLE)",
                    "CREATE UNIQUE INDEX \"slots_label_idx\" ON \"public\".\"slots\" USING btree (\"label\") NULLS NOT DISTINCT"),
                    Scenario.sql(plan));
            s.applyAndConverge(SLOTS);
            assertEquals("UNIQUE (code) INCLUDE (label) DEFERRABLE",
                    s.queryString("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'slots_code_uq'"));
            // Deferred to commit: swapping two seats in one statement passes.
            s.execute("INSERT INTO slots VALUES (1, 1, 'a', 'x'), (2, 2, 'b', 'y')");
            s.execute("UPDATE slots SET seat = 3 - seat");
            assertEquals("2", s.queryString("SELECT seat FROM slots WHERE id = 1"));
            // NULLS NOT DISTINCT: a second NULL label is a duplicate.
            s.execute("INSERT INTO slots (id, seat, code) VALUES (3, 3, 'z')");
            var e = assertThrows(java.sql.SQLException.class, () -> s.execute("INSERT INTO slots (id, seat, code) VALUES (4, 4, 'w')"));
            assertEquals("23505", e.getSQLState());
        }
    }

    @Test
    void anExistingConstraintOrIndexWithoutTheOptionsIsDriftAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE slots (id bigint PRIMARY KEY, seat int, label text, code text,"
                        + " CONSTRAINT slots_seat_key UNIQUE (seat), CONSTRAINT slots_code_uq UNIQUE (code) INCLUDE (label) DEFERRABLE)",
                "CREATE UNIQUE INDEX slots_label_idx ON slots (label)")) {
            Plan plan = s.plan(SLOTS);
            assertEquals(List.of(), Scenario.sql(plan));
            List<Drift> drift = Scenario.drift(plan);
            assertEquals(2, drift.size(), drift::toString);
            assertTrue(drift.stream().anyMatch(d -> d.object().equals("public.slots.slots_seat_key") && d.message().startsWith(
                    "declared UNIQUE (seat) DEFERRABLE INITIALLY DEFERRED, database has UNIQUE (seat): not changed")), drift::toString);
            assertTrue(drift.stream().anyMatch(d -> d.object().contains("slots_label_idx") && d.message().contains("NULLS NOT DISTINCT")),
                    drift::toString);
        }
    }

    @Test
    void keyOptionsOutsideAUniqueAreRejectedNamingTheBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C3_Bad", db ->
                db.ensureTable("t", t -> t.column("a", "int").column("b", "int").check("t_a", "a > 0").include("b"))))));
        assertTrue(e.getMessage().contains("C3_Bad")
                && e.getMessage().contains("include() applies to the .primaryKey(...) or .unique(...) declared just before it"), e.getMessage());
        var onCheck = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C4_Bad", db ->
                db.ensureTable("t", t -> t.column("a", "int").check("t_a", "a > 0").initiallyDeferred())))));
        assertTrue(onCheck.getMessage().contains("C4_Bad")
                && onCheck.getMessage().contains("initiallyDeferred() applies to the .primaryKey(...) or .unique(...)"), onCheck.getMessage());
    }

    private static final List<ChangeBlock> FILLED = List.of(block("C1_Filled", db -> db.ensureTable("filled", t -> t
            .column("id", "bigint").column("code", "text")
            .primaryKey("id").indexWith("fillfactor", "70")
            .unique("code").indexWith("fillfactor", "80").indexWith("deduplicate_items", "off"))));

    @Test
    void theStorageParametersOfAKeysIndexAreSetAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(FILLED);
            assertEquals("{fillfactor=70}", s.queryString("SELECT reloptions::text FROM pg_class WHERE relname = 'filled_pkey'"));
            assertEquals("{fillfactor=80,deduplicate_items=off}",
                    s.queryString("SELECT reloptions::text FROM pg_class WHERE relname = 'filled_code_key'"));
        }
        try (Scenario s = Scenario.start("CREATE TABLE filled (id bigint PRIMARY KEY WITH (fillfactor = 90), code text UNIQUE)")) {
            Plan plan = s.plan(FILLED);
            assertEquals(List.of("ALTER INDEX \"public\".\"filled_pkey\" SET (\"fillfactor\" = '70')",
                    "ALTER INDEX \"public\".\"filled_code_key\" SET (\"fillfactor\" = '80', \"deduplicate_items\" = 'off')"),
                    Scenario.sql(plan));
            s.applyAndConverge(FILLED);
        }
    }

    @Test
    void indexWithOutsideAKeyIsRejectedNamingTheBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C5_Bad", db ->
                db.ensureTable("t", t -> t.column("a", "int").check("t_a", "a > 0").indexWith("fillfactor", "70"))))));
        assertTrue(e.getMessage().contains("C5_Bad") && e.getMessage().contains("indexWith() applies to the primary key, unique"),
                e.getMessage());
    }

    private static final List<ChangeBlock> LEDGER = List.of(block("C1_Ledger", db -> db.ensureTable("ledger", t -> t
            .column("id", "bigint").column("seq", "int").column("note", "text")
            .primaryKey("id", "seq").include("note").initiallyDeferred())));

    @Test
    void aPrimaryKeyWithIncludeAndDeferrableIsCreatedAndAPlainOneIsDrift() throws Exception {
        try (Scenario s = Scenario.start()) {
            assertEquals(List.of("CREATE TABLE \"public\".\"ledger\" (\"id\" bigint NOT NULL, \"seq\" int NOT NULL, \"note\" text,"
                    + " PRIMARY KEY (\"id\", \"seq\") INCLUDE (\"note\") DEFERRABLE INITIALLY DEFERRED)"), Scenario.sql(s.plan(LEDGER)));
            s.applyAndConverge(LEDGER);
            assertEquals("PRIMARY KEY (id, seq) INCLUDE (note) DEFERRABLE INITIALLY DEFERRED",
                    s.queryString("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ledger_pkey'"));
        }
        try (Scenario s = Scenario.start("CREATE TABLE ledger (id bigint, seq int, note text, PRIMARY KEY (id, seq))")) {
            Plan plan = s.plan(LEDGER);
            assertEquals(List.of(), Scenario.sql(plan));
            List<Drift> drift = Scenario.drift(plan);
            assertEquals(1, drift.size(), drift::toString);
            assertEquals("declared PRIMARY KEY [id, seq] INCLUDE (note) DEFERRABLE INITIALLY DEFERRED, database has PRIMARY KEY [id, seq]:"
                    + " not changed; replacing it means dropping and adding it again", drift.get(0).message());
        }
    }
}
