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
 * Operator families and classes: a btree class over a domain with its own operators and comparison function, created
 * after them and before the index that names it, compared as pg_opclass, pg_amop and pg_amproc hold them.
 */
class OperatorClassTest {

    private static String compare(String op) {
        return "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a::text) " + op + " lower(b::text) $$";
    }

    private static final String CMP = "RETURNS int4 LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN lower(a::text) < lower(b::text)"
            + " THEN -1 WHEN lower(a::text) > lower(b::text) THEN 1 ELSE 0 END $$";

    private static final String[][] OPERATORS = {{"<", "lt"}, {"<=", "le"}, {"=", "eq"}, {">=", "ge"}, {">", "gt"}};

    private static ChangeBlock functions() {
        return block("L2_Functions", db -> {
            for (String[] o : OPERATORS) db.ensureFunction("app.code_" + o[1] + "(a app.code, b app.code)", compare(o[0]));
            db.ensureFunction("app.code_cmp(a app.code, b app.code)", CMP);
        });
    }

    private static ChangeBlock operators() {
        return block("L3_Operators", db -> {
            for (String[] o : OPERATORS) {
                db.ensureOperator("app." + o[0], x -> x.leftArg("app.code").rightArg("app.code").function("app.code_" + o[1]));
            }
        });
    }

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("L1_Schema", db -> db.ensureSchema("app").ensureDomain("app.code", "text")),
            functions(), operators(),
            block("L4_Class", db -> db
                    .ensureOperatorFamily("app.code_family", f -> f.using("btree"))
                    .ensureOperatorClass("app.code_ops", c -> c.forType("app.code").using("btree").family("code_family")
                            .operator(1, "app.<").operator(2, "app.<=").operator(3, "app.=(app.code,app.code)")
                            .operator(4, "app.>=").operator(5, "app.>").function(1, "app.code_cmp(app.code,app.code)"))),
            block("L5_Table", db -> {
                db.ensureTable("app.items", t -> t.column("id", "bigint").column("code", "app.code").primaryKey("id"));
                db.ensureIndex("items_code_idx").on("app.items").key("code app.code_ops");
            }));

    @Test
    void aClassIsCreatedAfterItsOperatorsAndBeforeTheIndexUsingItAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(BLOCKS));
            assertTrue(sql.contains("CREATE OPERATOR FAMILY \"app\".\"code_family\" USING \"btree\""), sql::toString);
            assertTrue(sql.contains("CREATE OPERATOR CLASS \"app\".\"code_ops\" FOR TYPE app.code USING btree FAMILY app.code_family AS"
                    + " OPERATOR 1 app.<(app.code,app.code), OPERATOR 2 app.<=(app.code,app.code), OPERATOR 3 app.=(app.code,app.code),"
                    + " OPERATOR 4 app.>=(app.code,app.code), OPERATOR 5 app.>(app.code,app.code),"
                    + " FUNCTION 1 (app.code, app.code) app.code_cmp(app.code,app.code)"), sql::toString);
            assertTrue(sql.indexOf(sql.stream().filter(q -> q.startsWith("CREATE OPERATOR CLASS")).findFirst().orElseThrow())
                    < sql.indexOf(sql.stream().filter(q -> q.startsWith("CREATE INDEX")).findFirst().orElseThrow()), sql::toString);
            s.applyAndConverge(BLOCKS);
            s.execute("INSERT INTO app.items VALUES (1, 'b'), (2, 'A')");
            assertEquals("app.code_ops", s.queryString("SELECT opc.opcnamespace::regnamespace || '.' || opc.opcname FROM pg_index i"
                    + " JOIN pg_opclass opc ON opc.oid = i.indclass[0] WHERE i.indexrelid = 'app.items_code_idx'::regclass"));
        }
    }

    @Test
    void aDifferentClassIsReportedWithTheStatementsItWouldTakeAndAnUndeclaredOneNamed() throws Exception {
        List<String> setup = new java.util.ArrayList<>(List.of("CREATE SCHEMA app", "CREATE DOMAIN app.code AS text"));
        for (String[] o : OPERATORS) {
            setup.add("CREATE FUNCTION app.code_" + o[1] + "(a app.code, b app.code) " + compare(o[0]));
            setup.add("CREATE OPERATOR app." + o[0] + " (LEFTARG = app.code, RIGHTARG = app.code, FUNCTION = app.code_" + o[1] + ")");
        }
        setup.add("CREATE FUNCTION app.code_cmp(a app.code, b app.code) " + CMP);
        // The database's class lacks operator 2 and is DEFAULT; another class no block declares.
        setup.add("CREATE OPERATOR CLASS app.code_ops DEFAULT FOR TYPE app.code USING btree AS OPERATOR 1 app.<, OPERATOR 3 app.=,"
                + " OPERATOR 4 app.>=, OPERATOR 5 app.>, FUNCTION 1 app.code_cmp(app.code, app.code)");
        setup.add("CREATE OPERATOR CLASS app.code_hash_ops FOR TYPE app.code USING hash AS OPERATOR 1 app.=, FUNCTION 1 hashtext(text)");
        try (Scenario s = Scenario.start(setup.toArray(String[]::new))) {
            List<ChangeBlock> blocks = List.of(block("L1_Schema", db -> db.ensureSchema("app").ensureDomain("app.code", "text")),
                    functions(), operators(),
                    block("L4_Class", db -> db.ensureOperatorClass("app.code_ops", c -> c.forType("app.code").using("btree")
                            .operator(1, "app.<").operator(2, "app.<=").operator(3, "app.=").operator(4, "app.>=").operator(5, "app.>")
                            .function(1, "app.code_cmp(app.code,app.code)"))));
            Plan plan = s.plan(blocks);
            assertEquals(List.of(), Scenario.sql(plan));
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("operator class app.code_ops USING btree: differs in default, members")
                    && d.contains("DROP OPERATOR CLASS \"app\".\"code_ops\" USING \"btree\"")), drift::toString);
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("operator class app.code_hash_ops USING hash: undeclared operator class")),
                    drift::toString);
            s.apply(blocks);
            assertEquals("t", s.queryString("SELECT opcdefault FROM pg_opclass WHERE opcname = 'code_ops'"));
        }
    }

    @Test
    void removedClassesAndFamiliesAreDroppedOnceThenAbsent() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app",
                "CREATE OPERATOR CLASS app.int_ops FOR TYPE int4 USING btree AS OPERATOR 1 <, FUNCTION 1 btint4cmp(int4, int4)",
                "CREATE OPERATOR FAMILY app.loose USING hash")) {
            List<ChangeBlock> blocks = List.of(block("L1", db -> db.ensureSchema("app")),
                    block("L9_Drop", db -> db.ensureNoOperatorClass("app.int_ops", "btree").ensureNoOperatorFamily("app.int_ops", "btree")
                            .ensureNoOperatorFamily("app.loose", "hash")));
            assertEquals(List.of("DROP OPERATOR CLASS \"app\".\"int_ops\" USING \"btree\"",
                    "DROP OPERATOR FAMILY \"app\".\"int_ops\" USING \"btree\"", "DROP OPERATOR FAMILY \"app\".\"loose\" USING \"hash\""),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_opfamily WHERE opfnamespace = 'app'::regnamespace"));
        }
    }

    @Test
    void aFamilyWithLooseMembersIsCreatedAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("L1", db -> db.ensureSchema("app")),
                    block("L2", db -> db.ensureOperatorFamily("app.mixed", f -> f.using("btree")
                            .operator(1, "<(int4,int8)").function(1, "int4", "int8", "btint48cmp(int4,int8)"))));
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertTrue(sql.contains("ALTER OPERATOR FAMILY \"app\".\"mixed\" USING \"btree\" ADD OPERATOR 1 <(integer,bigint),"
                    + " FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint)"), sql::toString);
            s.applyAndConverge(blocks);
        }
    }

    @Test
    void missingPartsAreClearErrors() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("L1_Bad", db -> db
                    .ensureOperatorClass("public.a_ops", c -> c.using("btree").operator(0, "<").function(1, "btint4cmp"))
                    .ensureOperatorFamily("public.f", f -> f.operator(1, "<"))));
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
            assertTrue(e.getMessage().contains("operator class public.a_ops needs an input type"), e.getMessage());
            assertTrue(e.getMessage().contains("strategy and support numbers start at 1"), e.getMessage());
            assertTrue(e.getMessage().contains("name the function with its argument types"), e.getMessage());
            assertTrue(e.getMessage().contains("operator family public.f needs an access method"), e.getMessage());
            assertTrue(e.getMessage().contains("a family's operator needs its argument types"), e.getMessage());
        }
    }
}
