package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.catalog.Catalog;
import schemasync.model.DependencyGraph;

/**
 * What generate does with kinds the DSL cannot declare yet. Security labels (issue 13): no test server loads a label
 * provider, so SECURITY LABEL cannot run here; a label is inserted into pg_seclabel instead. Tested: pg_seclabels is read
 * (empty: no block, no census line); a label on a kind the DSL names is written as ensureSecurityLabel (the source
 * compiles, plans nothing against the database it came from), a routine's as a guarded custom step named after it,
 * none counted as not compared; the guard runs on a server without a provider, and PostgreSQL refuses the statement.
 * Operator classes and families: declared kinds since issue 13 ({@code ensureOperatorFamily} / {@code ensureOperatorClass}),
 * written with zero custom steps.
 */
class SecurityLabelsAndOperatorClassesTest {
    private static final SecurityLabels.Label LABEL = new SecurityLabels.Label("column", "shop.orders.note", "selinux",
            "system_u:object_r:sepgsql_secret_table_t:s0");
    private static final SecurityLabels.Label ROUTINE_LABEL = new SecurityLabels.Label("function", "shop.total(integer)", "selinux",
            "system_u:object_r:sepgsql_proc_exec_t:s0");

    @Test
    void aLabelTheDslNamesIsDeclaredAndARoutinesIsAGuardedCustomStepNoneCountedAsNotCompared() {
        java.util.Map<schemasync.catalog.SecurityLabelTarget, String> labels = new java.util.LinkedHashMap<>();
        for (SecurityLabels.Label l : List.of(ROUTINE_LABEL, LABEL)) {
            labels.put(new schemasync.catalog.SecurityLabelTarget(l.provider(), l.objectType(), l.object()), l.label());
        }
        Source source = new Source(Catalog.builder().schemas(java.util.Set.of("shop")).securityLabels(labels).build(), List.of(),
                new DependencyGraph<>(), java.util.Map.of());
        Generator.Result result = Generator.generate(source, List.of("shop"));
        String sql = "SECURITY LABEL FOR selinux ON FUNCTION shop.total(integer) IS 'system_u:object_r:sepgsql_proc_exec_t:s0'";
        assertEquals(1, result.carried().size(), result.carried().toString());
        assertEquals("security label selinux on function shop.total(integer)", result.carried().get(0).what());
        GeneratedBlock block = result.blocks().get(result.blocks().size() - 1);
        assertTrue(block.className().endsWith("_SecurityLabels"), block.className());
        assertEquals(List.of(new SecurityLabels.SecurityLabelCall("selinux", schemasync.dsl.SecurityLabelOn.COLUMN, "shop.orders.note",
                        "system_u:object_r:sepgsql_secret_table_t:s0"),
                new Call.CustomCall("security label selinux on function shop.total(integer)", false, ROUTINE_LABEL.guard(), sql)),
                block.calls());
        assertEquals(java.util.Map.of(), result.unmodeled());
        assertEquals(2, result.objects().get("security label"));
    }

    /**
     * A label inserted into pg_seclabel (no test server loads a provider, so SECURITY LABEL cannot write one): generate
     * writes ensureSecurityLabel with the block's names (quotes undone, public bare), the source compiles and declares
     * what the model declares, and a plan of those blocks against the source database is empty of statements.
     */
    @Test
    void aLabelOnTheServerIsWrittenAsTheVerbWhoseSourceCompilesAndPlansNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute("CREATE SCHEMA shop; CREATE TABLE shop.\"Orders\" (id int, note text); CREATE TABLE public.notes (body text)");
            s.execute(schemasync.SecurityLabelScenarioTest.labelSql("'shop.\"Orders\"'::regclass", "pg_class", 2, "selinux", "it's secret"));
            s.execute(schemasync.SecurityLabelScenarioTest.labelSql("'public.notes'::regclass", "pg_class", 0, "dummy", "public"));
            s.execute("CREATE FUNCTION public.noop() RETURNS event_trigger LANGUAGE plpgsql AS $f$ BEGIN END $f$;"
                    + " CREATE EVENT TRIGGER \"Audit\" ON ddl_command_end EXECUTE FUNCTION public.noop()");
            s.execute(schemasync.SecurityLabelScenarioTest.labelSql("(SELECT oid FROM pg_event_trigger WHERE evtname = 'Audit')",
                    "pg_event_trigger", 0, "dummy", "audited"));
            Generator.Result result = Generator.generate(s.connection, List.of("public", "shop"));
            List<GeneratedFiles.File> files = GeneratedFiles.of(result.blocks(), dir.resolve("generated"), "generated");
            String all = files.stream().map(GeneratedFiles.File::content).reduce("", String::concat);
            assertTrue(all.contains("db.ensureSecurityLabel(\"selinux\", SecurityLabelOn.COLUMN, \"shop.Orders.note\", \"it's secret\");")
                    && all.contains("db.ensureSecurityLabel(\"dummy\", SecurityLabelOn.TABLE, \"notes\", \"public\");"), all);
            assertTrue(result.carried().stream().noneMatch(c -> c.what().startsWith("security label")), result.carried().toString());
            // An event trigger's label in the event triggers' block, the last: the trigger does not exist before it.
            assertEquals(List.of(new SecurityLabels.SecurityLabelCall("dummy", schemasync.dsl.SecurityLabelOn.EVENT_TRIGGER, "Audit", "audited")),
                    result.blocks().get(result.blocks().size() - 1).calls().stream().filter(SecurityLabels.SecurityLabelCall.class::isInstance).toList());
            GeneratedFiles.write(files, false);
            var compiled = GeneratedSourcesCompileTest.compile(dir.resolve("generated"), dir.resolve("classes"));
            assertEquals(schemasync.dsl.DeclaredSchema.of(result.blocks()).declarations(),
                    schemasync.dsl.DeclaredSchema.of(compiled).declarations());
            assertEquals(List.of(), Scenario.sql(s.plan(compiled)), "the labels the database holds: nothing to do");
        }
    }

    @Test
    void pgSeclabelIsReadAndTheGuardRunsWithoutAProviderWhoseStatementPostgresRefuses() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute("CREATE SCHEMA shop; CREATE TABLE shop.orders (id int, note text)");
            Generator.Result result = Generator.generate(s.connection, List.of("shop"));
            assertTrue(result.blocks().stream().noneMatch(b -> b.className().endsWith("_SecurityLabels")), "no labels, no block");
            assertFalse(result.objects().containsKey("security label"), result.objects().toString());
            assertEquals("t", s.queryString(LABEL.guard()), "the guard: needed while the column does not carry the label");
            SQLException e = assertThrows(SQLException.class, () -> s.execute(LABEL.sql()));
            assertTrue(e.getMessage().contains("security label provider") || e.getMessage().contains("no security label providers"),
                    e.getMessage());
        }
    }

    /**
     * A btree class in its own family over a user support function, used by an index, a hash family whose members
     * are loose (ALTER OPERATOR FAMILY ... ADD) over a user operator and function, and a btree class over a domain
     * with its own operators and comparison function, used by an index: generate declares them (no custom step) after
     * the operators and before the tables (their functions earlier), the copy's catalog equals the source's (the indexes
     * name the classes) and both plans are empty.
     */
    @Test
    void operatorClassesAndFamiliesRoundTripAsDeclarations() throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            source.execute("""
                    CREATE SCHEMA shop;
                    CREATE FUNCTION shop.reverse_cmp(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $f$ SELECT btint4cmp(b, a) $f$;
                    CREATE OPERATOR FAMILY shop.reverse_ops USING btree;
                    CREATE OPERATOR CLASS shop.reverse_int_ops FOR TYPE integer USING btree FAMILY shop.reverse_ops AS
                        OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
                        FUNCTION 1 shop.reverse_cmp(integer, integer);
                    CREATE FUNCTION shop.same(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT a = b $f$;
                    CREATE FUNCTION shop.int_hash(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $f$ SELECT hashint4(a) $f$;
                    CREATE OPERATOR shop.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = shop.same);
                    CREATE OPERATOR FAMILY shop.same_ops USING hash;
                    ALTER OPERATOR FAMILY shop.same_ops USING hash ADD OPERATOR 1 shop.=== (integer, integer),
                        FUNCTION 1 (integer, integer) shop.int_hash(integer);
                    CREATE DOMAIN shop.code AS text;
                    CREATE FUNCTION shop.code_lt(a shop.code, b shop.code) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(a) < lower(b) $f$;
                    CREATE FUNCTION shop.code_eq(a shop.code, b shop.code) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(a) = lower(b) $f$;
                    CREATE FUNCTION shop.code_gt(a shop.code, b shop.code) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(a) > lower(b) $f$;
                    CREATE FUNCTION shop.code_cmp(a shop.code, b shop.code) RETURNS integer LANGUAGE sql IMMUTABLE
                        AS $f$ SELECT bttextcmp(lower(a), lower(b)) $f$;
                    CREATE OPERATOR shop.< (LEFTARG = shop.code, RIGHTARG = shop.code, FUNCTION = shop.code_lt);
                    CREATE OPERATOR shop.= (LEFTARG = shop.code, RIGHTARG = shop.code, FUNCTION = shop.code_eq);
                    CREATE OPERATOR shop.> (LEFTARG = shop.code, RIGHTARG = shop.code, FUNCTION = shop.code_gt);
                    CREATE OPERATOR CLASS shop.code_ops FOR TYPE shop.code USING btree AS
                        OPERATOR 1 shop.<, OPERATOR 3 shop.=, OPERATOR 5 shop.>, FUNCTION 1 shop.code_cmp(shop.code, shop.code);
                    CREATE TABLE shop.orders (id int, code shop.code);
                    CREATE INDEX orders_id_reverse ON shop.orders (id shop.reverse_int_ops);
                    CREATE INDEX orders_code ON shop.orders (code shop.code_ops);
                    """);
            schemasync.verify.RoundTrip.Report report = ExactRoundTrip.run(source, List.of("shop"), target);
            assertEquals(List.of(), report.generated().carried().stream().map(Generator.Carried::what).toList(), "no custom step");
            assertEquals(List.of(), report.generated().notCarried());
            assertEquals(java.util.Map.of(), report.generated().unmodeled());
            assertEquals(2, report.generated().objects().get("operator class"), report.generated().objects().toString());
            assertEquals(3, report.generated().objects().get("operator family"), report.generated().objects().toString());
            String code = report.generated().blocks().stream().flatMap(b -> b.calls().stream()).map(Object::toString)
                    .filter(c -> c.contains("ClassCall") || c.contains("FamilyCall")).toList().toString();
            assertTrue(code.contains("shop.code_ops") && code.contains("shop.same_ops"), code);
            assertEquals(List.of(), report.diff().differences(), "catalog differences");
            assertTrue(report.ok(), "plans: " + report.sourcePlan() + report.sourceDrift() + report.targetPlan() + report.targetDrift());
            String members = """
                    SELECT string_agg(f.opfname || ' ' || o.amopstrategy || ' ' || o.amopopr::regoperator, ', ' ORDER BY f.opfname, o.amopstrategy)
                    FROM pg_amop o JOIN pg_opfamily f ON f.oid = o.amopfamily WHERE f.opfnamespace = 'shop'::regnamespace""";
            assertEquals(source.queryString(members), target.queryString(members));
            assertEquals("CREATE INDEX orders_id_reverse ON shop.orders USING btree (id shop.reverse_int_ops)",
                    target.queryString("SELECT pg_get_indexdef('shop.orders_id_reverse'::regclass)"));
            assertEquals("CREATE INDEX orders_code ON shop.orders USING btree (code shop.code_ops)",
                    target.queryString("SELECT pg_get_indexdef('shop.orders_code'::regclass)"));
        }
    }
}
