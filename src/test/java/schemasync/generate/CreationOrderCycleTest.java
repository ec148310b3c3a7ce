package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/**
 * Tables that need each other through something other than a foreign key (pg_depend: a column of the other's row
 * type, a generated column casting to it), without PostgreSQL: generate names the cycle in a clear error (SchemaSyncException,
 * bad input), never an IllegalStateException's stack trace; a table order without a cycle is still the graph's.
 */
class CreationOrderCycleTest {
    private static Table table(String name) {
        return new Table(QualifiedName.parse(name), List.of(new Column("id", "bigint", true, null, Column.Identity.NONE, null)), null,
                null, 0, false, List.of(), List.of(), Table.RowSecurity.OFF, List.of(), Set.of(), 0);
    }

    private static Catalog catalog(String... tables) {
        Catalog.Builder catalog = Catalog.builder().schemas(Set.of("public"));
        for (String t : tables) catalog.tables().put(QualifiedName.parse(t), table(t));
        return catalog.build();
    }

    private static ObjectId t(String name) {
        return ObjectId.of(Kind.TABLE, "public", name);
    }

    @Test
    void aTableCycleWithoutAForeignKeyIsAClearErrorNamingIt() {
        DependencyGraph<ObjectId> graph = new DependencyGraph<ObjectId>().edge(t("a_points"), t("b_shapes")).edge(t("b_shapes"), t("a_points"));
        CreationOrder order = new CreationOrder(graph, catalog("public.a_points", "public.b_shapes"));
        SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> order.tables(n -> n));
        assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
        assertTrue(e.getMessage().startsWith("generate cannot order these tables (public.a_points → public.b_shapes → public.a_points)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    }

    @Test
    void withoutACycleTheGraphDecidesTheOrder() {
        DependencyGraph<ObjectId> graph = new DependencyGraph<ObjectId>().edge(t("a_points"), t("b_shapes"));
        CreationOrder order = new CreationOrder(graph, catalog("public.a_points", "public.b_shapes"));
        assertEquals(List.of(QualifiedName.parse("public.b_shapes"), QualifiedName.parse("public.a_points")), order.tables(n -> n).order());
    }

    /**
     * A generated column naming the other table's row type cannot wait for a later block (a default naming it is split
     * out: CycleSplitRoundTripTest), so that cycle stays a clear error naming it and what PostgreSQL needs at CREATE.
     */
    @Test
    void generateOnALiveCycleThroughARowTypeAndAGeneratedColumnIsAClearError() throws Exception {
        try (schemasync.Scenario s = schemasync.Scenario.start(
                "CREATE TABLE a_points (id bigint PRIMARY KEY)",
                "CREATE TABLE b_shapes (id bigint PRIMARY KEY, n bigint GENERATED ALWAYS AS ((ROW(id)::a_points).id) STORED)",
                "ALTER TABLE a_points ADD COLUMN shape b_shapes")) {
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> Generator.generate(s.connection, List.of("public")));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertTrue(e.getMessage().startsWith("generate cannot order these tables (public.a_points → public.b_shapes → public.a_points):"
                    + " each needs the other when it is created"), e.getMessage());
            assertTrue(e.getMessage().contains("a generated column naming it"), e.getMessage());
        }
    }
}
