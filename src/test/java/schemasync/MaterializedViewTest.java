package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Drift;

/**
 * Materialized views: created WITH DATA or WITH NO DATA after the tables they read, with their indexes;
 * compared on pg_get_viewdef of the declared query; a different query is reported, never re-created.
 */
class MaterializedViewTest {
    private static final String TOTALS = "select customer_id, sum(amount) as total from orders group by customer_id";

    private static List<ChangeBlock> blocks(String query, boolean withData) {
        return List.of(
                block("C1_Orders", db -> db.ensureTable("orders", t -> t.column("id", "bigint").column("customer_id", "bigint")
                        .column("amount", "numeric").primaryKey("id"))),
                block("C2_Totals", db -> {
                    db.ensureMaterializedView("customer_totals", query, withData);
                    db.ensureIndex("customer_totals_customer").on("customer_totals").unique().columns("customer_id");
                }));
    }

    @Test
    void aMaterializedViewAndItsIndexAreCreatedAfterTheirTableAndConverge() throws Exception {
        List<ChangeBlock> blocks = blocks(TOTALS, true);
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(blocks);
            assertEquals(List.of("CREATE TABLE \"public\".\"orders\" (\"id\" bigint NOT NULL, \"customer_id\" bigint, \"amount\" numeric,"
                            + " PRIMARY KEY (\"id\"))",
                    "CREATE MATERIALIZED VIEW \"public\".\"customer_totals\" AS " + TOTALS + " WITH DATA",
                    "CREATE UNIQUE INDEX \"customer_totals_customer\" ON \"public\".\"customer_totals\" USING btree (\"customer_id\")"),
                    Scenario.sql(plan));
            s.applyAndConverge(blocks);
            assertEquals("t", s.queryString("SELECT relispopulated FROM pg_class WHERE relname = 'customer_totals'"));
            s.execute("INSERT INTO orders VALUES (1, 7, 2), (2, 7, 3)");
            s.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY customer_totals");
            assertEquals("5", s.queryString("SELECT total FROM customer_totals WHERE customer_id = 7"));
            assertTrue(s.plan(blocks).isEmpty());
        }
    }

    @Test
    void withNoDataItStaysEmptyUntilTheApplicationRefreshesIt() throws Exception {
        List<ChangeBlock> blocks = blocks(TOTALS, false);
        try (Scenario s = Scenario.start()) {
            assertTrue(Scenario.sql(s.plan(blocks)).get(1).endsWith(" WITH NO DATA"));
            s.applyAndConverge(blocks);
            assertEquals("f", s.queryString("SELECT relispopulated FROM pg_class WHERE relname = 'customer_totals'"));
            s.execute("REFRESH MATERIALIZED VIEW customer_totals");
            assertTrue(s.plan(blocks).isEmpty() && Scenario.drift(s.plan(blocks)).isEmpty());
            // Declared WITH DATA but never refreshed: reported, not refreshed behind the application's back.
            s.execute("DROP MATERIALIZED VIEW customer_totals");
            s.execute("CREATE MATERIALIZED VIEW customer_totals AS " + TOTALS + " WITH NO DATA");
            s.execute("CREATE UNIQUE INDEX customer_totals_customer ON customer_totals (customer_id)");
            Plan populated = s.plan(blocks(TOTALS, true));
            assertTrue(populated.isEmpty());
            assertEquals(HazardKind.ACCESS_EXCLUSIVE_LOCK, Scenario.drift(populated).get(0).hazard());
            assertTrue(Scenario.drift(populated).get(0).message().startsWith("declared WITH DATA, database has it unpopulated"));
        }
    }

    @Test
    void anEquivalentSpellingIsUnchangedAndADifferentQueryIsDriftWithBothSides() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount numeric)",
                "CREATE MATERIALIZED VIEW customer_totals AS SELECT orders.customer_id, sum(orders.amount) AS total FROM orders"
                        + " GROUP BY orders.customer_id",
                "CREATE UNIQUE INDEX customer_totals_customer ON customer_totals USING btree (customer_id)",
                "CREATE INDEX customer_totals_total ON customer_totals (total)",
                "CREATE MATERIALIZED VIEW legacy_totals AS SELECT 1 AS one")) {
            Plan same = s.plan(blocks(TOTALS, true));
            assertTrue(same.isEmpty(), () -> Scenario.sql(same).toString());
            List<Drift> undeclared = Scenario.drift(same);
            assertEquals(List.of("materialized view public.legacy_totals", "index public.customer_totals_total"),
                    undeclared.stream().map(d -> d.kind() + " " + d.object()).toList());

            Plan changed = s.plan(blocks("select customer_id, max(amount) as total from orders group by customer_id", true));
            assertTrue(changed.isEmpty(), () -> Scenario.sql(changed).toString());
            Drift drift = Scenario.drift(changed).get(0);
            assertEquals("materialized view public.customer_totals", drift.kind() + " " + drift.object());
            assertEquals(HazardKind.DELETES_DATA, drift.hazard());
            assertEquals("declared SELECT customer_id, max(amount) AS total FROM public.orders GROUP BY customer_id, database has"
                    + " SELECT customer_id, sum(amount) AS total FROM public.orders GROUP BY customer_id: not changed: re-creating"
                    + " it drops its rows and its indexes, and readers fail until it is refreshed", drift.message());
            s.applyAndConverge(blocks("select customer_id, max(amount) as total from orders group by customer_id", true));
        }
    }

    @Test
    void anIndexOnAMaterializedViewIsComparedLikeATablesIndex() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount numeric)",
                "CREATE MATERIALIZED VIEW customer_totals AS " + TOTALS,
                "CREATE INDEX customer_totals_customer ON customer_totals (customer_id)")) {
            Drift drift = Scenario.drift(s.plan(blocks(TOTALS, true))).get(0);
            assertEquals("declared UNIQUE USING btree (customer_id), database has USING btree (customer_id): not changed:"
                    + " it is on a materialized view; drop it with ensureNoIndex and declare it again", drift.message());
        }
    }

    @Test
    void pagilaRentalByCategoryDeclaredAsDumpedIsUnchanged() throws Exception {
        String ddl = Files.readString(CorpusSnapshotTest.corpus("pagila.sql"));
        String query = ddl.substring(ddl.indexOf("CREATE MATERIALIZED VIEW public.rental_by_category AS") + 54,
                ddl.indexOf("WITH NO DATA;", ddl.indexOf("CREATE MATERIALIZED VIEW public.rental_by_category")));
        try (Scenario loaded = Scenario.start("DO $$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $$", ddl);
             Scenario s = Scenario.reconnect(loaded.url)) {
            List<ChangeBlock> blocks = List.of(block("C1_Reports", db -> {
                db.ensureMaterializedViewWithNoData("rental_by_category", query);
                db.ensureIndex("rental_category").on("rental_by_category").unique().columns("category");
            }));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertEquals(List.of(), Scenario.drift(plan).stream().filter(d -> d.object().contains("rental_by")
                    || d.object().contains("rental_category")).toList());
        }
    }

    /** Written before the table they read, in the same block: still created after it. */
    @Test
    void viewsListedBeforeTheirTableInABlockAreCreatedAfterIt() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1_All", db -> {
            db.ensureMaterializedView("customer_totals", TOTALS);
            db.ensureIndex("customer_totals_customer").on("customer_totals").unique().columns("customer_id");
            db.ensureView("big_orders", "SELECT id FROM orders WHERE amount > 100");
            db.ensureTable("orders", t -> t.column("id", "bigint").column("customer_id", "bigint").column("amount", "numeric")
                    .primaryKey("id"));
        }));
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertTrue(sql.get(0).startsWith("CREATE TABLE \"public\".\"orders\""), sql::toString);
            assertTrue(sql.get(1).startsWith("CREATE MATERIALIZED VIEW"), sql::toString);
            assertTrue(sql.get(2).startsWith("CREATE UNIQUE INDEX"), sql::toString);
            assertTrue(sql.get(3).startsWith("CREATE VIEW"), sql::toString);
            s.applyAndConverge(blocks);
        }
    }

    @Test
    void aMissingQueryOrADuplicateNameIsRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C9", db -> {
            db.ensureMaterializedView("m", " ");
            db.ensureView("v", "SELECT 1");
            db.ensureMaterializedView("v", "SELECT 1");
        }))));
        assertTrue(e.getMessage().contains("C9: materialized view public.m has no query"), e.getMessage());
        assertTrue(e.getMessage().contains("C9: materialized view public.v is declared twice (also as a view)"), e.getMessage());
    }
}
