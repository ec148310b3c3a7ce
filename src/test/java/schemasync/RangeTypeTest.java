package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.RangeTypeOptions;
import schemasync.plan.Plan;

/** Range types (and their multiranges): created after the functions they name and before the tables using them. */
class RangeTypeTest {

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("R1_Schema", db -> db.ensureSchema("sched")
                    .ensureExtension("btree_gist")
                    .ensureFunction("sched.hours_between(a time, b time)", "RETURNS double precision LANGUAGE sql IMMUTABLE"
                            + " AS $$ SELECT EXTRACT(EPOCH FROM (a - b)) / 3600 $$")),
            block("R2_Ranges", db -> db
                    .ensureRangeType("sched.floatrange", "float8", r -> r.subtypeDiff("float8mi"))
                    .ensureRangeType("sched.timerange", "time", r -> r.subtypeDiff("sched.hours_between"))),
            block("R3_Shifts", db -> db.ensureTable("sched.shifts", t -> t
                    .column("id", "bigint").column("room", "int").column("during", ColumnType.type("sched.timerange"))
                    .column("weights", ColumnType.type("sched.floatrange"))
                    .primaryKey("id").exclude("shifts_no_overlap", "USING gist (room WITH =, during WITH &&)"))));

    @Test
    void rangeTypesAndATableUsingThemAreCreatedAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(BLOCKS));
            assertTrue(sql.contains("CREATE TYPE \"sched\".\"floatrange\" AS RANGE (subtype = float8, subtype_diff = float8mi)"),
                    sql::toString);
            assertTrue(sql.contains("CREATE TYPE \"sched\".\"timerange\" AS RANGE (subtype = time, subtype_diff = sched.hours_between)"),
                    sql::toString);
            s.applyAndConverge(BLOCKS);
            s.execute("INSERT INTO sched.shifts VALUES (1, 7, '[09:00,12:00)', '[1,2]')");
            var e = assertThrows(java.sql.SQLException.class,
                    () -> s.execute("INSERT INTO sched.shifts VALUES (2, 7, '[11:00,13:00)', NULL)"));
            assertTrue(e.getMessage().contains("conflicting key value violates exclusion constraint"), e.getMessage());
            // The multirange PostgreSQL 14+ makes with it, under the name it derives.
            if (multiranges(s)) assertEquals("sched.timemultirange", s.queryString("SELECT to_regtype('sched.timemultirange')::text"));
        }
    }

    @Test
    void aDifferingRangeTypeIsReportedWithBothSidesAndNotAltered() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA sched",
                "CREATE TYPE sched.floatrange AS RANGE (subtype = float8)",
                "CREATE TYPE sched.undeclared_range AS RANGE (subtype = int4)")) {
            List<ChangeBlock> blocks = List.of(block("R1", db -> db.ensureSchema("sched")
                    .ensureRangeType("sched.floatrange", "double precision", r -> r.subtypeDiff("float8mi"))));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            String floats = multiranges(s) ? ", multirange = sched.floatmultirange" : "";
            assertEquals(List.of("range type sched.floatrange: differs in subtype_diff: declared (subtype = double precision,"
                            + " subtype_diff = float8mi" + floats + "), database has (subtype = double precision" + floats + "):"
                            + " not changed (a range type's options cannot be altered: create one under another name and move the"
                            + " columns to it)",
                    "range type sched.undeclared_range: undeclared range type (subtype = integer"
                            + (multiranges(s) ? ", multirange = sched.undeclared_multirange" : "")
                            + "): no block declares it; left alone"), drift);
        }
    }

    @Test
    void anEqualRangeWrittenDifferentlyIsUnchangedAndARemovalDropsIt() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA sched", "CREATE TYPE sched.gone AS RANGE (subtype = int4)")) {
            // A multirange of its own name from PostgreSQL 14 on (13 has none and refuses the option).
            boolean named = multiranges(s);
            s.execute("CREATE TYPE sched.floatrange AS RANGE (subtype = double precision, subtype_diff = pg_catalog.float8mi"
                    + (named ? ", multirange_type_name = sched.floats)" : ")"));
            List<ChangeBlock> blocks = List.of(block("R1", db -> db.ensureSchema("sched")
                    .ensureRangeType("sched.floatrange", "float8", r -> {
                        RangeTypeOptions o = r.subtypeDiff("float8mi").subtypeOpclass("float8_ops");
                        return named ? o.multirangeTypeName("floats") : o;
                    })),
                    block("R9_Drop", db -> db.ensureNoRangeType("sched.gone")));
            Plan plan = s.plan(blocks);
            assertEquals(List.of("DROP TYPE \"sched\".\"gone\""), Scenario.sql(plan));
            assertTrue(Scenario.drift(plan).isEmpty(), () -> plan.items().toString());
            s.applyAndConverge(blocks);
            assertEquals(null, s.queryString("SELECT to_regtype('sched.gonemultirange')::text"));
        }
    }

    private static boolean multiranges(Scenario s) throws java.sql.SQLException {
        return Integer.parseInt(s.queryString("SHOW server_version_num")) >= 140000;
    }

    @Test
    void aSubtypeOrFunctionThatDoesNotResolveIsAClearErrorAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("R1_Bad", db -> db
                    .ensureRangeType("badrange", "no_such_type")
                    .ensureRangeType("baddiff", "float8", r -> r.subtypeDiff("no_such_function"))));
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
            assertTrue(e.getMessage().contains("R1_Bad: range type public.badrange: ERROR: type \"no_such_type\" does not exist"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("R1_Bad: range type public.baddiff: ERROR: function no_such_function"), e.getMessage());
            assertEquals(null, s.queryString("SELECT to_regtype('public.badrange')::text"));
        }
    }

    @Test
    void badRangeTypesAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("R1", db -> db.ensureRangeType("norange", " ").ensureRangeType("inject", "float8",
                        r -> r.subtypeDiff("float8mi); DROP TABLE x; --"))),
                block("R2", db -> db.ensureDomain("taken", "int")),
                block("R3", db -> db.ensureRangeType("taken", "int4").ensureRangeType("self", "int4", r -> r.multirangeTypeName("self"))))));
        assertTrue(e.getMessage().contains("R1: range type public.norange has no subtype"), e.getMessage());
        assertTrue(e.getMessage().contains("R1: range type public.inject: subtypeDiff "), e.getMessage());
        assertTrue(e.getMessage().contains("R3: range type public.taken is also declared as domain"), e.getMessage());
        assertTrue(e.getMessage().contains("R3: range type public.self: its multirange type needs another name"), e.getMessage());
    }
}
