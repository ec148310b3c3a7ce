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

/** Grants on columns, sequences, schemas and routines: granted when missing, reported when extra, revoked only when declared. */
class PrivilegesTest {
    private static final String ROLE = "DO $$ BEGIN CREATE ROLE \"Schema Sync Reader\"; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    private static final String R = "\"Schema Sync Reader\"";
    private static final String[] START = {ROLE, "CREATE SCHEMA audit", "CREATE SEQUENCE order_numbers",
            "CREATE FUNCTION app_add(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$"};

    private static List<ChangeBlock> blocks(boolean revoke) {
        return List.of(block("C1_Grants", db -> {
            db.ensureTable("reports", t -> t.column("id", "int").column("secret", "text"));
            db.ensureColumnGrant("reports", "id", "Schema Sync Reader", "SELECT", "update");
            db.ensureSequenceGrant("order_numbers", "Schema Sync Reader", "USAGE");
            db.ensureSchemaGrant("audit", "Schema Sync Reader", "USAGE");
            db.ensureFunctionGrant("app_add(int4, integer)", "Schema Sync Reader", "EXECUTE");
            if (revoke) {
                db.ensureNoSchemaGrant("audit", "Schema Sync Reader", "CREATE");
                db.ensureNoFunctionGrant("app_add(int, int)", "PUBLIC", "EXECUTE");
            }
        }));
    }

    @Test
    void grantsOnEveryKindAreAddedOnceAndConverge() throws Exception {
        try (Scenario s = Scenario.start(START)) {
            Plan plan = s.plan(blocks(false));
            assertEquals(List.of(
                    "GRANT SELECT (\"id\"), UPDATE (\"id\") ON TABLE \"public\".\"reports\" TO " + R,
                    "GRANT USAGE ON SEQUENCE \"public\".\"order_numbers\" TO " + R,
                    "GRANT USAGE ON SCHEMA \"audit\" TO " + R,
                    "GRANT EXECUTE ON ROUTINE \"public\".\"app_add\"(a integer, b integer) TO " + R),
                    Scenario.sql(plan).subList(1, 5));
            assertEquals(List.of("column grant public.reports.id to Schema Sync Reader", "sequence grant public.order_numbers to"
                    + " Schema Sync Reader", "schema grant audit to Schema Sync Reader",
                    "function grant public.app_add(a integer, b integer) to Schema Sync Reader"),
                    plan.changes().subList(1, 5).stream().map(c -> c.kind() + " " + c.object()).toList());
            assertEquals(HazardKind.CHANGES_AUTHORIZATION, plan.steps().get(1).hazards().get(0).kind());
            // PUBLIC may execute every new function (acldefault): reported once a block grants on it, not revoked.
            assertTrue(Scenario.drift(plan).stream().anyMatch(d -> (d.kind() + " " + d.object() + ": " + d.message()).equals(
                    "function grant public.app_add(a integer, b integer) to public: EXECUTE is granted but no block declares it:"
                            + " left alone (never revoked implicitly)")), () -> Scenario.drift(plan).toString());
            s.applyAndConverge(blocks(false));
            assertEquals("t", s.queryString("SELECT has_column_privilege('Schema Sync Reader', 'reports', 'id', 'UPDATE')"));
            assertEquals("f", s.queryString("SELECT has_column_privilege('Schema Sync Reader', 'reports', 'secret', 'SELECT')"));
            assertEquals("t", s.queryString("SELECT has_sequence_privilege('Schema Sync Reader', 'order_numbers', 'USAGE')"));
            assertEquals("t", s.queryString("SELECT has_schema_privilege('Schema Sync Reader', 'audit', 'USAGE')"));
        }
    }

    @Test
    void driftIsReportedWithBothSidesAndOnlyDeclaredRevocationsRevoke() throws Exception {
        try (Scenario s = Scenario.start(START[0], START[1], START[2], START[3],
                "CREATE TABLE reports (id int, secret text)",
                "GRANT SELECT (id, secret) ON reports TO " + R,
                "GRANT USAGE, SELECT ON SEQUENCE order_numbers TO " + R,
                "GRANT USAGE, CREATE ON SCHEMA audit TO " + R,
                "GRANT EXECUTE ON FUNCTION app_add(int, int) TO " + R)) {
            Plan plan = s.plan(blocks(true));
            assertEquals(List.of(
                    "GRANT UPDATE (\"id\") ON TABLE \"public\".\"reports\" TO " + R,
                    "REVOKE CREATE ON SCHEMA \"audit\" FROM " + R,
                    "REVOKE EXECUTE ON ROUTINE \"public\".\"app_add\"(a integer, b integer) FROM PUBLIC"), Scenario.sql(plan));
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertTrue(drift.contains("column grant public.reports.secret to Schema Sync Reader: SELECT is granted but no block"
                    + " declares it: left alone (never revoked implicitly)"), drift::toString);
            assertTrue(drift.contains("sequence grant public.order_numbers to Schema Sync Reader: SELECT is granted but no block"
                    + " declares it: left alone (never revoked implicitly)"), drift::toString);
            assertTrue(drift.stream().noneMatch(d -> d.startsWith("schema grant") || d.startsWith("function grant")), drift::toString);
            s.applyAndConverge(blocks(true));
            assertEquals("f", s.queryString("SELECT has_schema_privilege('Schema Sync Reader', 'audit', 'CREATE')"));
            assertEquals("t", s.queryString("SELECT has_sequence_privilege('Schema Sync Reader', 'order_numbers', 'SELECT')"));
            assertEquals("f", s.queryString("SELECT has_function_privilege('public', 'app_add(int, int)', 'EXECUTE')"));
            assertEquals("t", s.queryString("SELECT has_function_privilege('Schema Sync Reader', 'app_add(int, int)', 'EXECUTE')"));
        }
    }

    private static final List<ChangeBlock> SAME_RUN = List.of(block("C1_Objects", db -> {
        db.ensureSchema("reporting");
        db.ensureTable("reporting.totals", t -> t.column("id", "serial").column("n", "int"));
        db.ensureFunction("reporting.double_it(x int)", "RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 2 * x $$");
        db.ensureProcedure("reporting.noop()", "LANGUAGE sql AS $$ SELECT 1 $$");
        db.ensureAggregate("reporting.total(integer)", "SFUNC = int4pl, STYPE = integer");
    }), block("C2_Grants", db -> {
        db.ensureSchemaGrant("reporting", "Schema Sync Reader", "USAGE");
        db.ensureSequenceGrant("reporting.totals_id_seq", "Schema Sync Reader", "USAGE");
        db.ensureColumnGrant("reporting.totals", "n", "Schema Sync Reader", "SELECT");
        db.ensureFunctionGrant("reporting.double_it(integer)", "Schema Sync Reader", "EXECUTE");
        db.ensureFunctionGrant("reporting.double_it(x integer)", "public", "EXECUTE"); // the catalog's own key
        db.ensureFunctionGrant("reporting.noop()", "Schema Sync Reader", "EXECUTE");
        db.ensureFunctionGrant("reporting.total(int4)", "Schema Sync Reader", "EXECUTE");
        db.ensureNoFunctionGrant("reporting.total(int4)", "public", "EXECUTE");
    }));

    @Test
    void grantsOnObjectsAnEarlierBlockCreatesConverge() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            Plan plan = s.plan(SAME_RUN);
            List<String> sql = Scenario.sql(plan);
            assertEquals(List.of(
                    "GRANT USAGE ON SCHEMA \"reporting\" TO " + R,
                    "GRANT USAGE ON SEQUENCE \"reporting\".\"totals_id_seq\" TO " + R,
                    "GRANT SELECT (\"n\") ON TABLE \"reporting\".\"totals\" TO " + R,
                    "GRANT EXECUTE ON ROUTINE \"reporting\".\"double_it\"(x integer) TO " + R,
                    "GRANT EXECUTE ON ROUTINE \"reporting\".\"noop\"() TO " + R,
                    "GRANT EXECUTE ON ROUTINE \"reporting\".\"total\"(integer) TO " + R,
                    "REVOKE EXECUTE ON ROUTINE \"reporting\".\"total\"(integer) FROM PUBLIC"), sql.subList(sql.size() - 7, sql.size()));
            // A routine created in this run is executable by PUBLIC (acldefault): held, so not granted again.
            assertTrue(plan.items().stream().anyMatch(i -> i instanceof schemasync.plan.PlanItem.Unchanged u
                    && u.object().equals("reporting.double_it(x integer) to public")), () -> plan.items().toString());
            s.applyAndConverge(SAME_RUN);
            assertEquals("t", s.queryString("SELECT has_function_privilege('Schema Sync Reader', 'reporting.total(int)', 'EXECUTE')"));
            assertEquals("f", s.queryString("SELECT has_function_privilege('public', 'reporting.total(int)', 'EXECUTE')"));
            assertEquals("t", s.queryString("SELECT has_sequence_privilege('Schema Sync Reader', 'reporting.totals_id_seq', 'USAGE')"));
        }
    }

    @Test
    void aRoutineThatDoesNotExistIsRejectedNamingTheBlock() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(block("C3", db ->
                    db.ensureFunctionGrant("nope(int)", "Schema Sync Reader", "EXECUTE")))));
            assertEquals("C3: grant on function public.nope(int): routine public.nope(int) does not exist in the database"
                    + " and no earlier block declares it", e.getMessage());
        }
    }

    @Test
    void unknownPrivilegesAndContradictionsAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C2", db -> {
            db.ensureSequenceGrant("s", "app", "EXECUTE");
            db.ensureFunctionGrant("f", "app", "EXECUTE");
            db.ensureSchemaGrant("audit", "app", "USAGE");
        }), block("C3", db -> db.ensureNoSchemaGrant("audit", "app", "usage")))));
        assertTrue(e.getMessage().contains("C2: grant on sequence public.s: unknown sequence privilege 'EXECUTE' (one of USAGE,"
                + " SELECT, UPDATE)"), e.getMessage());
        assertTrue(e.getMessage().contains("C2: grant on function public.f(null): write the signature as name(argument types)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("C3: USAGE on schema audit to app is granted by C2"), e.getMessage());
    }
}
