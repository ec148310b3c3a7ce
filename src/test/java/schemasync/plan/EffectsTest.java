package schemasync.plan;

import schemasync.step.Step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column.Identity;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.Constraint;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.TableSpec;

/**
 * What a replay predicts, without a server: the scenario tests check the same predictions against
 * PostgreSQL after every apply (Scenario.assertReplayPredicts).
 */
class EffectsTest {

    private static final TableSpec ORDERS = new TableSpec(q("orders"), List.of(
            new ColumnSpec("id", "bigserial", false, null, Identity.NONE, null),
            new ColumnSpec("code", "text", false, null, Identity.NONE, null),
            new ColumnSpec("n", "integer", false, null, Identity.BY_DEFAULT, null)), List.of("id"), null,
            List.of(new ConstraintSpec("orders_code_key", Constraint.Kind.UNIQUE, List.of("code"), null, null, false),
                    new ConstraintSpec("orders_code_check", Constraint.Kind.CHECK, List.of(), "code <> ''", null, false, true)),
            null);

    @Test
    void createTableBringsItsKeyIndexesOwnedSequencesAndLeavesNotValidConstraintsToTheirOwnStep() {
        Set<String> facts = CatalogOutline.of(Effects.apply(new Step.CreateTable(ORDERS), catalog().build()));
        assertTrue(facts.contains("table public.orders columns [id, code, n]"), facts::toString);
        assertTrue(facts.contains("column public.orders.id NOT NULL"), facts::toString);
        assertTrue(facts.contains("primary key public.orders orders_pkey [id]"), facts::toString);
        assertTrue(facts.contains("index public.orders_pkey on public.orders unique of a constraint"), facts::toString);
        assertTrue(facts.contains("index public.orders_code_key on public.orders unique of a constraint"), facts::toString);
        assertTrue(facts.contains("sequence public.orders_id_seq owned by public.orders.id"), facts::toString);
        assertTrue(facts.contains("sequence public.orders_n_seq owned by public.orders.n (identity)"), facts::toString);
        assertFalse(facts.stream().anyMatch(f -> f.contains("orders_code_check")), facts::toString);
    }

    /**
     * PostgreSQL 18's NOT ENFORCED flag (pg_constraint.conenforced) belongs to the constraint, not to its name or columns:
     * a RENAME COLUMN keeps it (the replay rebuilt every constraint of the table and lost it), also after a VALIDATE of
     * another constraint of the table. PostgreSQL refuses to VALIDATE a NOT ENFORCED constraint itself, so that is no case.
     */
    @Test
    void aColumnRenameKeepsANotEnforcedConstraintNotEnforced() {
        TableSpec spec = new TableSpec(q("rooms"), List.of(new ColumnSpec("id", "bigint", false, null, Identity.NONE, null),
                new ColumnSpec("code", "text", false, null, Identity.NONE, null)), List.of("id"), null,
                List.of(new ConstraintSpec("rooms_code_check", Constraint.Kind.CHECK, List.of("code"), "code <> ''", null, false, false,
                        null, true), new ConstraintSpec("rooms_id_check", Constraint.Kind.CHECK, List.of("id"), "id > 0", null, false, true)),
                null);
        Catalog created = Effects.apply(new Step.CreateTable(spec), catalog().build());
        created = Effects.apply(new Step.ValidateConstraint(q("rooms"), "rooms_id_check", true), created);
        Catalog renamed = Effects.apply(new Step.RenameColumn(q("rooms"), "code", "label"), created);
        Constraint check = renamed.tables().get(q("rooms")).constraints().stream()
                .filter(k -> k.name().equals("rooms_code_check")).findFirst().orElseThrow();
        assertTrue(check.notEnforced(), check::toString);
        assertEquals(List.of("label"), check.columns());
    }

    /**
     * ALTER TABLE ... SET / DROP DEFAULT on a partitioned table recurses to every partition, sub-partitions too (a default
     * split out of a creation-order cycle is set so by generate's later block); with ONLY it stays on the table.
     */
    @Test
    void aDefaultSetOnAPartitionedTableReachesEveryPartitionUnlessOnly() {
        Catalog tree = catalog().table(Fixtures.table("log", 0, 0, Fixtures.column("id", "bigint")))
                .table(Fixtures.table("log_2024", 0, 0, Fixtures.column("id", "bigint")))
                .table(Fixtures.table("log_2024_h1", 0, 0, Fixtures.column("id", "bigint")))
                .table(Fixtures.table("other", 0, 0, Fixtures.column("id", "bigint")))
                .partitioned("log", "RANGE (id)").partitionOf("log_2024", "log", "FOR VALUES FROM (1) TO (9)")
                .partitionOf("log_2024_h1", "log_2024", "FOR VALUES FROM (1) TO (5)").build();
        java.util.function.BiFunction<Catalog, String, String> dflt = (c, t) -> c.tables().get(q(t)).column("id").orElseThrow().defaultExpr();
        Catalog set = Effects.apply(new Step.SetColumnDefault(q("log"), "id", "next_id()"), tree);
        assertEquals(java.util.Arrays.asList("next_id()", "next_id()", "next_id()", null),
                java.util.stream.Stream.of("log", "log_2024", "log_2024_h1", "other").map(t -> dflt.apply(set, t)).toList());
        Catalog dropped = Effects.apply(new Step.DropColumnDefault(q("log_2024"), "id"), set);
        assertEquals(java.util.Arrays.asList("next_id()", null, null),
                java.util.stream.Stream.of("log", "log_2024", "log_2024_h1").map(t -> dflt.apply(dropped, t)).toList());
        Catalog only = Effects.apply(new schemasync.step.LineageSteps.OnlyThisTable(new Step.SetColumnDefault(q("log"), "id", "x()")), tree);
        assertEquals(java.util.Arrays.asList("x()", null), java.util.stream.Stream.of("log", "log_2024").map(t -> dflt.apply(only, t)).toList());
    }

    @Test
    void aRenameCarriesIndexesAndSequencesAndADropTakesThemAlong() {
        Catalog created = Effects.apply(new Step.CreateTable(ORDERS), catalog().build());
        Catalog renamed = Effects.replay(List.of(new Step.RenameTable(q("orders"), "purchases"),
                new Step.RenameColumn(q("purchases"), "code", "reference")), created);
        Set<String> facts = CatalogOutline.of(renamed);
        assertTrue(facts.contains("table public.purchases columns [id, reference, n]"), facts::toString);
        assertTrue(facts.contains("index public.orders_code_key on public.purchases unique of a constraint"), facts::toString);
        assertTrue(facts.contains("constraint public.purchases.orders_code_key UNIQUE [reference]"), facts::toString);
        assertTrue(facts.contains("sequence public.orders_id_seq owned by public.purchases.id"), facts::toString);

        Set<String> dropped = CatalogOutline.of(Effects.apply(new Step.DropColumn(q("purchases"), "reference"), renamed));
        assertFalse(dropped.stream().anyMatch(f -> f.contains("orders_code_key")), dropped::toString);
        assertEquals(Set.of("schema public"), CatalogOutline.of(Effects.apply(new Step.DropTable(q("purchases")), renamed)));
    }

    /**
     * DROP COLUMN takes along a CHECK and a plain index that mention the column, as read from a database (the CHECK's
     * columns from conkey, as the reader reads them; the index as pg_get_indexdef prints it), but not an index that only
     * has a longer name, a string literal, a function or an operator class spelled like the column.
     */
    @Test
    void aDroppedColumnTakesTheChecksAndPlainIndexesThatUseIt() {
        Catalog read = catalog().table(Fixtures.table("items", 0, 0, Fixtures.column("sku", "text"), Fixtures.column("qty", "integer"),
                        Fixtures.column("sku_note", "text"), Fixtures.column("Mixed", "text")).withConstraints(List.of(
                        Fixtures.check("items_qty_check", "CHECK (((qty > 0) AND (sku <> ''::text)))", true, "qty", "sku"),
                        Fixtures.check("items_note_check", "CHECK (((sku_note <> 'sku'::text) AND (qty < 100)))", true, "sku_note", "qty"),
                        Fixtures.check("items_mixed_check", "CHECK ((\"Mixed\" <> ''::text))", true, "Mixed"))))
                .index("items_sku_idx", "items", false, "USING btree (sku)")
                .index("items_lower_idx", "items", false, "USING btree (lower(sku) text_pattern_ops)")
                .index("items_where_idx", "items", false, "USING btree (qty) WHERE (sku IS NOT NULL)")
                .index("items_include_idx", "items", true, "USING btree (qty) INCLUDE (sku)")
                .index("items_note_idx", "items", false, "USING btree (sku_note COLLATE \"C\") WHERE (sku_note <> 'sku'::text)")
                .index("items_mixed_idx", "items", false, "USING btree (\"Mixed\")")
                .build();
        Set<String> facts = CatalogOutline.of(Effects.apply(new Step.DropColumn(q("items"), "sku"), read));
        assertTrue(facts.stream().noneMatch(f -> f.contains("items_qty_check") || f.contains("items_sku_idx")
                || f.contains("items_lower_idx") || f.contains("items_where_idx") || f.contains("items_include_idx")), facts::toString);
        assertTrue(facts.stream().anyMatch(f -> f.contains("items_note_check")), facts::toString);
        assertTrue(facts.stream().anyMatch(f -> f.contains("items_note_idx")), facts::toString);
        Set<String> mixed = CatalogOutline.of(Effects.apply(new Step.DropColumn(q("items"), "Mixed"), read));
        assertTrue(mixed.stream().noneMatch(f -> f.contains("items_mixed_check") || f.contains("items_mixed_idx")), mixed::toString);
        assertTrue(mixed.stream().anyMatch(f -> f.contains("items_sku_idx")), mixed::toString);
    }

    @Test
    void aStepOnATableTheReplayDoesNotKnowIsAnError() {
        assertThrows(IllegalStateException.class, () -> Effects.apply(new Step.DropColumn(q("nowhere"), "x"), catalog().build()));
    }

    @Test
    void customStepsMakeAPlanUnpredictable() {
        assertTrue(CatalogOutline.predictable(List.of(new Step.CreateSchema("audit"))));
        assertFalse(CatalogOutline.predictable(List.of(new Step.CustomSql("backfill", "SELECT true", "UPDATE t SET x = 1"))));
    }

    @Test
    void optionStepsSetStorageParametersPersistenceAndClusterOnAndFollowRenamesAndDrops() {
        Catalog created = Effects.apply(new Step.CreateTable(ORDERS), catalog().build());
        Catalog optioned = Effects.replay(List.of(
                new Step.SetStorageParameters(q("orders"), false, q("orders"), List.of("fillfactor=70", "toast.autovacuum_enabled=false"), false, false),
                new Step.SetStorageParameters(q("orders"), false, q("orders"), List.of("toast.autovacuum_enabled"), true, false),
                new Step.SetPersistence(q("orders"), true),
                new Step.ClusterOn(q("orders"), "orders_code_key", false),
                new Step.ClusterOn(q("orders"), "orders_pkey", false)), created);
        Set<String> facts = CatalogOutline.of(optioned);
        assertTrue(facts.contains("storage parameters of public.orders [fillfactor=70]"), facts::toString);
        assertTrue(facts.contains("unlogged public.orders"), facts::toString);
        assertTrue(facts.contains("clustered on public.orders_pkey"), facts::toString); // the later CLUSTER ON unmarks the first
        assertFalse(facts.contains("clustered on public.orders_code_key"), facts::toString);

        Set<String> moved = CatalogOutline.of(Effects.replay(List.of(new Step.RenameTable(q("orders"), "purchases"),
                new Step.RenameIndex(q("orders_pkey"), "purchases_pkey")), optioned));
        assertTrue(moved.containsAll(Set.of("storage parameters of public.purchases [fillfactor=70]", "unlogged public.purchases",
                "clustered on public.purchases_pkey")), moved::toString);
        Set<String> unclustered = CatalogOutline.of(Effects.replay(List.of(new Step.ClusterOn(q("orders"), null, false),
                new Step.SetPersistence(q("orders"), false)), optioned));
        assertFalse(unclustered.stream().anyMatch(f -> f.startsWith("clustered") || f.startsWith("unlogged")), unclustered::toString);
        assertEquals(Set.of("schema public"), CatalogOutline.of(Effects.apply(new Step.DropTable(q("orders")), optioned)));
    }

    @Test
    void columnOptionStepsAreReplayedAndFollowTheColumn() {
        Catalog created = Effects.apply(new Step.CreateTable(ORDERS), catalog().build());
        Catalog optioned = Effects.replay(List.of(
                new Step.SetColumnOption(q("orders"), "code", Step.ColumnOption.STATISTICS, List.of("500")),
                new Step.SetColumnOption(q("orders"), "code", Step.ColumnOption.COMPRESSION, List.of("lz4")),
                new Step.SetColumnOption(q("orders"), "code", Step.ColumnOption.SET_ATTRIBUTES, List.of("n_distinct=-1", "n_distinct_inherited=5")),
                new Step.SetColumnOption(q("orders"), "code", Step.ColumnOption.RESET_ATTRIBUTES, List.of("n_distinct_inherited")),
                new Step.SetColumnOption(q("orders"), "n", Step.ColumnOption.STATISTICS, List.of("100")),
                new Step.SetColumnOption(q("orders"), "n", Step.ColumnOption.STATISTICS, List.of("-1"))), created);
        Set<String> facts = CatalogOutline.of(optioned);
        assertTrue(facts.containsAll(Set.of("statistics target of public.orders.code 500", "compression of public.orders.code lz4",
                "attribute options of public.orders.code [n_distinct=-1]")), facts::toString);
        assertFalse(facts.stream().anyMatch(f -> f.startsWith("statistics target of public.orders.n")), facts::toString); // back to the default target

        Set<String> renamed = CatalogOutline.of(Effects.apply(new Step.RenameColumn(q("orders"), "code", "sku"), optioned));
        assertTrue(renamed.contains("statistics target of public.orders.sku 500"), renamed::toString);
        Set<String> dropped = CatalogOutline.of(Effects.replay(List.of(
                new Step.SetColumnOption(q("orders"), "code", Step.ColumnOption.COMPRESSION, List.of("DEFAULT")),
                new Step.DropColumn(q("orders"), "code")), optioned));
        assertFalse(dropped.stream().anyMatch(f -> f.contains("public.orders.code")), dropped::toString);
    }
}
