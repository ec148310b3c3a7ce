package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/**
 * Operators and casts: created after the functions and types they use and before the tables whose CHECKs and indexes
 * use them, compared as pg_operator and pg_cast hold them (types through format_type, functions through regproc).
 */
class OperatorCastTest {

    private static final String EQ = "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a::text) = lower(b::text) $$";
    private static final String NE = "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a::text) <> lower(b::text) $$";

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("L1_Schema", db -> {
                db.ensureSchema("app").ensureDomain("app.code", "text");
                db.ensureCompositeType("app.pair").attribute("a", "int4").attribute("b", "int4");
            }),
            block("L2_Functions", db -> db
                    .ensureFunction("app.code_eq(a app.code, b app.code)", EQ)
                    .ensureFunction("app.code_ne(a app.code, b app.code)", NE)
                    .ensureFunction("app.pair_sum(p app.pair)", "RETURNS int4 LANGUAGE sql IMMUTABLE AS $$ SELECT p.a + p.b $$")),
            block("L3_Operators", db -> db
                    .ensureOperator("app.===", o -> o.leftArg("app.code").rightArg("app.code").function("app.code_eq")
                            .commutator("===").negator("!==").restrict("eqsel").join("eqjoinsel"))
                    .ensureOperator("app.!==", o -> o.leftArg("app.code").rightArg("app.code").function("app.code_ne")
                            .commutator("!==").negator("===").restrict("neqsel").join("neqjoinsel"))
                    .ensureCast("app.pair", "int4", c -> c.withFunction("app.pair_sum(app.pair)").asAssignment())),
            block("L4_Table", db -> db.ensureTable("app.items", t -> t.column("id", "bigint").column("code", "app.code")
                    .primaryKey("id").check("code_not_blank", "code OPERATOR(app.!==) ''::app.code"))));

    @Test
    void operatorsAndCastsAreCreatedBeforeTheirUsersAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(BLOCKS));
            assertTrue(sql.contains("CREATE OPERATOR \"app\".=== (LEFTARG = app.code, RIGHTARG = app.code, FUNCTION = app.code_eq,"
                    + " COMMUTATOR = OPERATOR(\"app\".===), NEGATOR = OPERATOR(\"app\".!==), RESTRICT = eqsel, JOIN = eqjoinsel)"), sql::toString);
            assertTrue(sql.contains("CREATE CAST (app.pair AS integer) WITH FUNCTION app.pair_sum(app.pair) AS ASSIGNMENT"), sql::toString);
            s.applyAndConverge(BLOCKS);
            s.execute("INSERT INTO app.items VALUES (1, 'Abc')");
            assertEquals("t", s.queryString("SELECT 'ABC'::app.code OPERATOR(app.===) 'abc'::app.code"));
            assertEquals("3", s.queryString("SELECT ROW(1, 2)::app.pair::int4"));
            var e = assertThrows(Exception.class, () -> s.execute("INSERT INTO app.items VALUES (2, '')"));
            assertTrue(e.getMessage().contains("code_not_blank"), e.getMessage());
        }
    }

    @Test
    void estimatorsAreAlteredInPlaceAndOtherDifferencesReported() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app", "CREATE DOMAIN app.code AS text",
                "CREATE FUNCTION app.code_eq(a app.code, b app.code) " + EQ,
                "CREATE FUNCTION app.code_ne(a app.code, b app.code) " + NE,
                "CREATE OPERATOR app.=== (LEFTARG = app.code, RIGHTARG = app.code, FUNCTION = app.code_ne, RESTRICT = scalarltsel)",
                "CREATE OPERATOR app.<~> (RIGHTARG = text, FUNCTION = pg_catalog.length)")) {
            List<ChangeBlock> blocks = List.of(block("L1", db -> db.ensureSchema("app").ensureDomain("app.code", "text")),
                    block("L2", db -> db.ensureFunction("app.code_eq(a app.code, b app.code)", EQ)
                            .ensureFunction("app.code_ne(a app.code, b app.code)", NE)),
                    block("L3", db -> db.ensureOperator("app.===", o -> o.leftArg("app.code").rightArg("app.code")
                            .function("app.code_eq").restrict("eqsel"))));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER OPERATOR \"app\".=== (app.code, app.code) SET (RESTRICT = eqsel, JOIN = NONE)"),
                    Scenario.sql(plan));
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("operator app.===(app.code, app.code): differs in function: declared")),
                    drift::toString);
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("operator app.<~>(NONE, text): undeclared operator")), drift::toString);
            s.apply(blocks);
            assertEquals("eqsel", s.queryString("SELECT oprrest::regproc::text FROM pg_operator WHERE oprname = '==='"));
        }
    }

    @Test
    void removedOperatorsAndCastsAreDroppedOnceThenAbsent() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app", "CREATE DOMAIN app.code AS text",
                "CREATE FUNCTION app.code_eq(a app.code, b app.code) " + EQ,
                "CREATE OPERATOR app.=== (LEFTARG = app.code, RIGHTARG = app.code, FUNCTION = app.code_eq, COMMUTATOR = OPERATOR(app.===))",
                "CREATE CAST (app.code AS int4) WITH INOUT")) {
            List<ChangeBlock> blocks = List.of(block("L1", db -> db.ensureSchema("app").ensureDomain("app.code", "text")),
                    block("L2", db -> db.ensureFunction("app.code_eq(a app.code, b app.code)", EQ)),
                    block("L9_Drop", db -> db.ensureNoOperator("app.===", "app.code", "app.code").ensureNoCast("app.code", "int4")));
            assertEquals(List.of("DROP OPERATOR \"app\".=== (app.code, app.code)", "DROP CAST (app.code AS integer)"),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_operator WHERE oprname = '==='"));
        }
    }

    @Test
    void aLaterRemovalTakesAnEarlierDeclarationAwayOnAnEmptyDatabase() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("L1", db -> db
                            .ensureOperator("#=#", o -> o.leftArg("int4").rightArg("int4").function("int4eq"))
                            .ensureCast("int4", "money", c -> c.withInout())),
                    block("L2_Gone", db -> db.ensureNoOperator("#=#", "int4", "int4").ensureNoCast("INT4", "money")));
            assertEquals(List.of(), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_operator WHERE oprname = '#=#'"));
        }
    }

    @Test
    void badOperatorNamesAndMissingOptionsAreClearErrors() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("L1_Bad", db -> db
                    .ensureOperator("public.abc", o -> o.rightArg("int4").function("int4abs"))
                    .ensureOperator("public.+-", o -> o.leftArg("int4").rightArg("int4").function("int4pl"))
                    .ensureOperator("public.@@@", o -> o.leftArg("int4"))
                    .ensureCast("int4", "text", c -> c)));
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
            assertTrue(e.getMessage().contains("'a' cannot be part of an operator name"), e.getMessage());
            assertTrue(e.getMessage().contains("a name ending in + or - needs one of"), e.getMessage());
            assertTrue(e.getMessage().contains("operator public.@@@ needs a function"), e.getMessage());
            assertTrue(e.getMessage().contains("cast (int4 AS text) needs a method"), e.getMessage());
        }
    }
}
