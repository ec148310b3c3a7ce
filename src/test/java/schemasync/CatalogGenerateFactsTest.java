package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.Differ;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/**
 * What the catalog reads for {@code generate} beside what the plan compares (issue 12: generate reads the catalog
 * model, not records of its own): a routine's {@link Catalog.Function.Header}, the triggers of views and foreign
 * tables, the whole pg_get_indexdef, indexes and triggers field by field, and foreign tables that are partitions; and that the plan's comparison of a
 * routine ignores the header. The plan's read leaves the generate-only parts out, and only them.
 */
class CatalogGenerateFactsTest {

    private static final String SCHEMA = """
            CREATE TABLE t (id int PRIMARY KEY, v text);
            CREATE INDEX t_v ON t (v) WITH (fillfactor = 70);
            CREATE VIEW tv AS SELECT * FROM t;
            CREATE FUNCTION tv_ins() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER tv_ins INSTEAD OF INSERT ON tv FOR EACH ROW EXECUTE FUNCTION tv_ins();
            CREATE CONSTRAINT TRIGGER t_c AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tv_ins();
            CREATE TRIGGER t_plain BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION tv_ins();
            CREATE FUNCTION f_out(a int, b int DEFAULT 2, OUT s int) LANGUAGE sql AS $$SELECT a + b$$;
            CREATE PROCEDURE pr(a int) LANGUAGE sql AS $$SELECT 1$$;
            CREATE FUNCTION s_acc(int, int) RETURNS int LANGUAGE sql AS 'SELECT $1 + $2';
            CREATE FUNCTION s_fin(int) RETURNS int LANGUAGE sql AS 'SELECT $1 * 10';
            CREATE AGGREGATE agg_sum(int) (SFUNC = s_acc, STYPE = int, FINALFUNC = s_fin);
            CREATE EXTENSION postgres_fdw;
            CREATE SERVER srv FOREIGN DATA WRAPPER postgres_fdw;
            CREATE TABLE p (id int, k int) PARTITION BY RANGE (k);
            CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
            CREATE FOREIGN TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20) SERVER srv;
            CREATE TRIGGER p2_t BEFORE INSERT ON p2 FOR EACH ROW EXECUTE FUNCTION tv_ins();
            """;

    @Test
    void theCatalogHoldsWhatGenerateWrites() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute(SCHEMA);
            Catalog c = CatalogReader.read(s.connection, Set.of("public"), CatalogReader.Detail.GENERATE);

            // PostgreSQL 14+ lists OUT arguments among the identity ones too; only the whole list has the DEFAULT.
            Catalog.Function f = c.functions().values().stream().filter(r -> r.name().name().equals("f_out")).findFirst().orElseThrow();
            assertEquals(new Catalog.Function.Header("f", "a integer, b integer DEFAULT 2, OUT s integer", null, null, null), f.header());
            assertEquals("p", c.functions().values().stream().filter(r -> r.name().name().equals("pr")).findFirst().orElseThrow()
                    .header().kind());
            assertEquals(new Catalog.Function.Header("a", "integer", "public.s_acc", "public.s_fin", null),
                    c.aggregates().get("public.agg_sum(integer)").header());
            // The plan compares the arguments and the definition only: a routine a step makes has no header.
            assertEquals(List.of(), Differ.routine(new Catalog.Function(f.name(), f.arguments(), f.definition()), f));

            QualifiedName tv = QualifiedName.parse("public.tv");
            List<Table.Trigger> viewTriggers = c.relationTriggers().get(tv);
            assertEquals(List.of("tv_ins"), viewTriggers.stream().map(Table.Trigger::name).toList());
            assertEquals("CREATE TRIGGER tv_ins INSTEAD OF INSERT ON public.tv FOR EACH ROW EXECUTE FUNCTION public.tv_ins()",
                    viewTriggers.get(0).definitionOn(tv));
            assertEquals(List.of("p2_t"), c.relationTriggers().get(QualifiedName.parse("public.p2")).stream()
                    .map(Table.Trigger::name).toList(), "a foreign partition's own trigger");
            assertFalse(c.relationTriggers().containsKey(QualifiedName.parse("public.t")), "a table's triggers stay on the table");
            Table t = c.tables().get(QualifiedName.parse("public.t"));
            assertTrue(t.trigger("t_c").orElseThrow().constraintTrigger());
            assertFalse(t.trigger("t_plain").orElseThrow().constraintTrigger());

            assertEquals("CREATE INDEX t_v ON public.t USING btree (v) WITH (fillfactor='70')",
                    c.indexDefinitions().get(QualifiedName.parse("public.t_v")));

            // The same index and triggers field by field (what generate writes its calls from), spelling back their text.
            schemasync.catalog.IndexParts parts = c.indexParts().get(QualifiedName.parse("public.t_v"));
            assertEquals(new schemasync.catalog.IndexParts(List.of(new schemasync.catalog.IndexParts.Key("v", null, null, null,
                    List.of(), false, false)), List.of(), null, false), parts);
            assertEquals(c.indexes().get(QualifiedName.parse("public.t_v")).definition(), parts.definition("btree"));
            schemasync.catalog.TriggerParts tc = c.triggerParts().get(new schemasync.catalog.TriggerParts.Key(
                    QualifiedName.parse("public.t"), "t_c"));
            assertEquals(new schemasync.catalog.TriggerParts.Deferral(false, true, true), tc.constraint());
            assertEquals(t.trigger("t_c").orElseThrow().definition(), tc.definition("t_c", null));
            assertEquals("INSTEAD OF", c.triggerParts().get(new schemasync.catalog.TriggerParts.Key(tv, "tv_ins")).timing());

            assertEquals(new Catalog.Partitioning(null, QualifiedName.parse("public.p"), "FOR VALUES FROM (10) TO (20)"),
                    c.foreignPartitions().get(QualifiedName.parse("public.p2")));
            assertFalse(c.partitioning().containsKey(QualifiedName.parse("public.p2")), "the plan's partitioning has no foreign table");
            assertTrue(c.partitioning().containsKey(QualifiedName.parse("public.p1")));
        }
    }

    /**
     * The plan, the normalizer's shadow reads, verify and the fleet read at {@link CatalogReader.Detail#PLAN}: the five
     * components only generate writes from are empty (their per-key queries are not in the batch: issue 12, the dry
     * run at 2,000 tables), and every component the plan or a differ compares is exactly what generate's read holds.
     */
    @Test
    void thePlanReadLeavesOutOnlyTheGenerateOnlyParts() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.execute(SCHEMA);
            s.connection.setAutoCommit(false);
            Catalog full = CatalogReader.read(s.connection, Set.of("public"), CatalogReader.Detail.GENERATE);
            s.connection.rollback();
            Catalog plan = CatalogReader.read(s.connection, Set.of("public"));
            s.connection.rollback();
            assertFalse(full.indexParts().isEmpty() || full.triggerParts().isEmpty() || full.relationTriggers().isEmpty()
                    || full.indexDefinitions().isEmpty() || full.foreignPartitions().isEmpty(), "the schema has every generate-only part");
            assertEquals(java.util.Map.of(), plan.indexParts());
            assertEquals(java.util.Map.of(), plan.triggerParts());
            assertEquals(java.util.Map.of(), plan.relationTriggers());
            assertEquals(java.util.Map.of(), plan.indexDefinitions());
            assertEquals(java.util.Map.of(), plan.foreignPartitions());
            assertEquals(full.toBuilder().indexParts(java.util.Map.of()).triggerParts(java.util.Map.of())
                    .relationTriggers(java.util.Map.of()).indexDefinitions(java.util.Map.of()).foreignPartitions(java.util.Map.of())
                    .build(), plan, "everything else reads the same at both details");
        }
    }
}
