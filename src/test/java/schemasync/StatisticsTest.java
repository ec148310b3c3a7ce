package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.StatisticsKind.DEPENDENCIES;
import static schemasync.dsl.StatisticsKind.MCV;
import static schemasync.dsl.StatisticsKind.NDISTINCT;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/** Extended statistics (CREATE STATISTICS): created after their table, the target changed in place, the rest re-created. */
class StatisticsTest {

    private static final ChangeBlock ADDRESS = block("S1_Address", db -> db.ensureTable("public.address", t -> t
            .column("id", "bigint").column("city", "text").column("postal_code", "text").primaryKey("id")));

    private static List<ChangeBlock> blocks(ChangeBlock statistics) {
        return List.of(ADDRESS, statistics);
    }

    @Test
    void statisticsAreCreatedWithTheirKindsExpressionsAndTargetAndConverge() throws Exception {
        List<ChangeBlock> blocks = blocks(block("S2_Statistics", db -> db
                .ensureStatistics("public.s_city_zip", s -> s.on("public.address").kinds(NDISTINCT, DEPENDENCIES)
                        .columns("postal_code", "city").target(500))
                .ensureStatistics("s_lower_city", s -> s.on("address").columns("postal_code").expressions("lower( city )"))));
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertEquals(List.of("CREATE STATISTICS \"public\".\"s_city_zip\" (ndistinct, dependencies) ON \"city\", \"postal_code\""
                    + " FROM \"public\".\"address\"", "ALTER STATISTICS \"public\".\"s_city_zip\" SET STATISTICS 500",
                    "CREATE STATISTICS \"public\".\"s_lower_city\" (ndistinct, dependencies, mcv) ON \"postal_code\", (lower( city ))"
                            + " FROM \"public\".\"address\""), sql.subList(1, 4));
            s.applyAndConverge(blocks);
            assertEquals("{d,f}", s.queryString("SELECT stxkind::text FROM pg_statistic_ext WHERE stxname = 's_city_zip'"));
            assertEquals("500", s.queryString("SELECT stxstattarget FROM pg_statistic_ext WHERE stxname = 's_city_zip'"));
            s.execute("INSERT INTO address SELECT g, 'c' || (g % 10), 'z' || (g % 10) FROM generate_series(1, 200) g; ANALYZE address");
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_stats_ext WHERE statistics_name = 's_city_zip'"
                    + " AND n_distinct IS NOT NULL"));
        }
    }

    @Test
    void aChangedTargetIsSetInPlaceAndChangedKindsDropAndCreate() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE address (id bigint PRIMARY KEY, city text, postal_code text)",
                "CREATE STATISTICS s_city_zip (ndistinct) ON city, postal_code FROM address",
                "ALTER STATISTICS s_city_zip SET STATISTICS 100",
                "CREATE STATISTICS s_by_hand ON city, postal_code FROM address")) {
            List<ChangeBlock> target = blocks(block("S2_Target", db -> db.ensureStatistics("s_city_zip", x -> x.on("address")
                    .kinds(NDISTINCT).columns("city", "postal_code").target(200)).ignore("s_by_hand")));
            assertEquals(List.of("ALTER STATISTICS \"public\".\"s_city_zip\" SET STATISTICS 200"), Scenario.sql(s.plan(target)));
            s.applyAndConverge(target);
            List<ChangeBlock> kinds = blocks(block("S2_Kinds", db -> db.ensureStatistics("s_city_zip", x -> x.on("address")
                    .kinds(MCV).columns("city", "postal_code").target(200)).ignore("s_by_hand")));
            Plan plan = s.plan(kinds);
            assertEquals(List.of("DROP STATISTICS \"public\".\"s_city_zip\"", "CREATE STATISTICS \"public\".\"s_city_zip\" (mcv) ON"
                    + " \"city\", \"postal_code\" FROM \"public\".\"address\"", "ALTER STATISTICS \"public\".\"s_city_zip\" SET"
                    + " STATISTICS 200"), Scenario.sql(plan));
            assertTrue(plan.items().stream().anyMatch(i -> i.toString().contains("differs in kinds")), plan.items()::toString);
            s.applyAndConverge(kinds);
            assertEquals("{m}", s.queryString("SELECT stxkind::text FROM pg_statistic_ext WHERE stxname = 's_city_zip'"));
        }
    }

    @Test
    void undeclaredStatisticsAreReportedAndARemovalDropsOnce() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE address (id bigint PRIMARY KEY, city text, postal_code text)",
                "CREATE STATISTICS s_old ON city, postal_code FROM address")) {
            List<ChangeBlock> none = List.of(ADDRESS);
            List<String> drift = Scenario.drift(s.plan(none)).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertEquals(List.of("statistics public.s_old: undeclared statistics ((ndistinct, dependencies, mcv) ON city, postal_code"
                    + " FROM public.address): no block declares it; left alone"), drift);
            List<ChangeBlock> removal = blocks(block("S9_Drop", db -> db.ensureNoStatistics("s_old")));
            assertEquals(List.of("DROP STATISTICS \"public\".\"s_old\""), Scenario.sql(s.plan(removal)));
            s.applyAndConverge(removal);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_statistic_ext WHERE stxname = 's_old'"));
        }
    }

    @Test
    void badStatisticsAreAClearErrorAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            var noTable = assertThrows(SchemaSyncException.class, () -> s.plan(blocks(block("S2_Bad", db -> db
                    .ensureStatistics("s_one", x -> x.columns("city", "city").target(20000))))));
            assertTrue(noTable.getMessage().contains("S2_Bad: statistics public.s_one names no table"), noTable.getMessage());
            assertTrue(noTable.getMessage().contains("column city is named twice"), noTable.getMessage());
            assertTrue(noTable.getMessage().contains("target 20000 is outside 0–10000"), noTable.getMessage());
            var oneColumn = assertThrows(SchemaSyncException.class, () -> s.plan(blocks(block("S2_One", db -> db
                    .ensureStatistics("s_one", x -> x.on("address").columns("city"))))));
            assertTrue(oneColumn.getMessage().contains("S2_One: statistics public.s_one needs at least two columns, or an expression"),
                    oneColumn.getMessage());
            var unknownColumn = assertThrows(SchemaSyncException.class, () -> s.apply(blocks(block("S2_Unknown", db -> db
                    .ensureStatistics("s_two", x -> x.on("address").columns("city", "nowhere"))))));
            assertTrue(unknownColumn.getMessage().contains("nowhere"), unknownColumn.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'address'"));
        }
    }
}
