package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.DATE;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.Privilege;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem;

/**
 * ensureNoMaterializedView / Sequence / Domain / CompositeType / Procedure / Aggregate / Partition: a later
 * block removes what an earlier block declared (the earlier block is never edited). On a database where the
 * earlier block ran, each is dropped once (sequence and partition only with DELETES_DATA allowed); on an
 * empty database none of them is ever created.
 */
class LaterRemovalsTest {
    private static final ChangeBlock DECLARES = block("C1_Objects", db -> {
        db.ensureTable("items", t -> t.column("id", BIGINT.notNull()).primaryKey("id"));
        db.ensureMaterializedView("item_count", "SELECT count(*) AS n FROM items");
        db.ensureIndex("item_count_n").on("item_count").columns("n");
        db.ensureSequence("ticket_no").startWith(100);
        db.ensureSequenceGrant("ticket_no", "public", Privilege.USAGE);
        db.ensureDomain("positive_int", "integer").check("positive_int_check", "VALUE > 0");
        db.ensureCompositeType("pair").attribute("a", "integer").attribute("b", "integer");
        db.ensureProcedure("touch_items(integer)", "LANGUAGE sql AS $$ SELECT 1 $$");
        db.ensureAggregate("my_sum(integer)", "SFUNC = int4pl, STYPE = integer");
        db.ensureTable("events", t -> t.column("id", BIGINT.notNull()).column("at", DATE.notNull()).partitionBy("RANGE (at)"));
        db.ensurePartition("events_2024", "events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    });
    private static final ChangeBlock REMOVES = block("C2_Removals", db -> {
        db.ensureNoMaterializedView("item_count");
        db.ensureNoSequence("ticket_no");
        db.ensureNoDomain("positive_int");
        db.ensureNoCompositeType("pair");
        db.ensureNoProcedure("touch_items(integer)");
        db.ensureNoAggregate("my_sum(integer)");
        db.ensureNoPartition("events_2024");
    });

    @Test
    void aLaterBlockDropsWhatTheEarlierBlockCreatedOnceAndOnlyWithDeletesDataAllowed() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(DECLARES));
            s.execute("INSERT INTO events VALUES (1, '2024-03-01')");
            List<ChangeBlock> blocks = List.of(DECLARES, REMOVES);
            Plan plan = s.plan(blocks);
            assertEquals(List.of("DROP AGGREGATE \"public\".\"my_sum\"(integer)", "DROP DOMAIN \"public\".\"positive_int\"",
                    "DROP MATERIALIZED VIEW \"public\".\"item_count\"", "DROP PROCEDURE \"public\".\"touch_items\"(integer)",
                    "DROP SEQUENCE \"public\".\"ticket_no\"", "DROP TABLE \"public\".\"events_2024\"",
                    "DROP TYPE \"public\".\"pair\""), Scenario.sql(plan).stream().sorted().toList());

            // The partition's rows and the sequence's current value are data: refused until allowed, nothing changed.
            var refused = s.apply(blocks);
            assertEquals(Outcome.REFUSED, refused.outcome());
            assertEquals(List.of("DropObject public.ticket_no", "DropTable public.events_2024"), refused.review().refusals().stream()
                    .map(r -> r.step().getClass().getSimpleName() + " " + r.step().object()).sorted().toList());
            assertEquals("1", s.queryString("SELECT count(*) FROM events"));

            s.applyAndConverge(blocks, HazardKind.DELETES_DATA);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname IN ('item_count', 'item_count_n',"
                    + " 'ticket_no', 'events_2024')"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_type WHERE typname IN ('positive_int', 'pair')"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_proc WHERE proname IN ('touch_items', 'my_sum')"));
            assertEquals("2", s.queryString("SELECT count(*) FROM pg_class WHERE relname IN ('items', 'events')"), "the rest stays");
        }
    }

    @Test
    void onAnEmptyDatabaseWhatALaterBlockRemovesIsNeverCreated() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(DECLARES, REMOVES);
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertEquals(List.of("items", "events"), sql.stream().filter(q -> q.startsWith("CREATE"))
                    .map(q -> q.replaceAll("^CREATE TABLE \"public\"\\.\"(\\w+)\".*$", "$1")).toList(), sql.toString());
            assertTrue(sql.stream().noneMatch(q -> q.startsWith("DROP") || q.startsWith("GRANT")), sql.toString());
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname IN ('item_count', 'ticket_no', 'events_2024')"));
        }
    }

    @Test
    void absentObjectsAreSkippedAndATableIsNotDroppedAsAPartition() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE plain (id int)")) {
            List<ChangeBlock> blocks = List.of(block("C1_Gone", db -> {
                db.ensureNoSequence("never_was");
                db.ensureNoAggregate("never_was(integer)");
                db.ensureNoPartition("plain");
            }));
            Plan plan = s.plan(blocks);
            assertTrue(Scenario.sql(plan).isEmpty(), Scenario.sql(plan).toString());
            assertEquals(List.of("is a table, not a partition: not dropped (ensureNoTable drops a table)"),
                    Scenario.drift(plan).stream().map(PlanItem.Drift::message).toList());
            assertEquals(2, plan.items().stream().filter(PlanItem.Unchanged.class::isInstance).count());
        }
    }

    @Test
    void declaringAndRemovingInTheSameBlockIsRejectedBeforeAnyConnection() {
        var problem = org.junit.jupiter.api.Assertions.assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1_Both", db -> {
                    db.ensureDomain("positive_int", "integer");
                    db.ensureNoDomain("positive_int");
                }))));
        assertTrue(problem.getMessage().contains("domain public.positive_int is declared by C1_Both"), problem.getMessage());
    }
}
