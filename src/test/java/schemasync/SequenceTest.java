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

/**
 * Standalone sequences: created before the table whose default calls nextval(), OWNED BY set once the
 * table exists, options compared as pg_sequence holds them; serial and identity sequences never undeclared.
 */
class SequenceTest {

    private static List<ChangeBlock> invoices(long start) {
        return List.of(
                block("C1_Sequence", db -> db.ensureSequence("invoice_number").as("int").startWith(start).minValue(1000)
                        .cache(1).ownedBy("invoices.number")),
                block("C2_Invoices", db -> db.ensureTable("invoices", t -> t
                        .column("id", ColumnType.type("bigint").identityAlways())
                        .column("legacy_id", "serial")
                        .column("number", ColumnType.type("integer").notNull(), dflt("nextval('invoice_number')"))
                        .primaryKey("id"))));
    }

    @Test
    void aSequenceItsTableAndItsOwnerAreCreatedInOrderAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(invoices(1000));
            assertEquals(List.of("CREATE SEQUENCE \"public\".\"invoice_number\" AS int MINVALUE 1000 START WITH 1000 CACHE 1",
                    "CREATE TABLE \"public\".\"invoices\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"legacy_id\" serial"
                            + " NOT NULL, \"number\" integer NOT NULL DEFAULT nextval('invoice_number'), PRIMARY KEY (\"id\"))",
                    "ALTER SEQUENCE \"public\".\"invoice_number\" OWNED BY \"public\".\"invoices\".\"number\""), Scenario.sql(plan));
            s.applyAndConverge(invoices(1000));
            assertEquals("1000", s.queryString("INSERT INTO invoices DEFAULT VALUES RETURNING number"));
            // The identity's and the serial's sequences exist, and are not reported as undeclared.
            assertTrue(Scenario.drift(s.plan(invoices(1000))).isEmpty());
        }
    }

    @Test
    void differentOptionsAndOwnersAreReportedWithBothSides() throws Exception {
        try (Scenario s = Scenario.start("CREATE SEQUENCE invoice_number AS integer MINVALUE 1000 START WITH 1000 INCREMENT BY 10",
                "CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, legacy_id serial NOT NULL,"
                        + " number integer NOT NULL DEFAULT nextval('invoice_number'), other integer)",
                "ALTER SEQUENCE invoice_number OWNED BY invoices.other",
                "CREATE SEQUENCE stray_counter")) {
            Plan plan = s.plan(invoices(1000));
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(List.of("sequence public.invoice_number: declared AS integer INCREMENT BY 1 MINVALUE 1000 MAXVALUE 2147483647"
                            + " START WITH 1000 CACHE 1 NO CYCLE, database has AS integer INCREMENT BY 10 MINVALUE 1000 MAXVALUE"
                            + " 2147483647 START WITH 1000 CACHE 1 NO CYCLE: not changed (ALTER SEQUENCE is yours to run)",
                    "column public.invoices.other: exists in the database (integer) but no block declares it: left alone",
                    "sequence owner public.invoice_number: declared OWNED BY public.invoices.number, database has OWNED BY"
                            + " public.invoices.other: not changed",
                    "sequence public.stray_counter: undeclared sequence (AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE"
                            + " 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE): no block declares it; left alone"),
                    Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList());
        }
    }

    @Test
    void anExistingSequenceWithoutOwnerGetsItsOwner() throws Exception {
        try (Scenario s = Scenario.start("CREATE SEQUENCE invoice_number AS integer MINVALUE 1000 START 1000",
                "CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, legacy_id serial NOT NULL,"
                        + " number integer NOT NULL DEFAULT nextval('invoice_number'))")) {
            assertEquals(List.of("ALTER SEQUENCE \"public\".\"invoice_number\" OWNED BY \"public\".\"invoices\".\"number\""),
                    Scenario.sql(s.plan(invoices(1000))));
            s.applyAndConverge(invoices(1000));
        }
    }

    @Test
    void badSequencesAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureSequence("s").as("text").incrementBy(0).minValue(5).maxValue(5).ownedBy("nodot")),
                block("C2", db -> db.ensureSequence("s")))));
        assertTrue(e.getMessage().contains("C1: sequence public.s: AS must be smallint, integer or bigint, not text"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: sequence public.s: INCREMENT BY must not be 0"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: sequence public.s: MINVALUE 5 must be less than MAXVALUE 5"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: sequence public.s: write OWNED BY as \"table.column\""), e.getMessage());
        assertTrue(e.getMessage().contains("C2: sequence public.s is declared twice"), e.getMessage());
    }
}
