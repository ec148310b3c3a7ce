package schemasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void dependentsAreEveryNodeThatNeedsANodeThroughOthersAndRestrictingKeepsTheirOrder() {
        DependencyGraph<String> g = new DependencyGraph<String>().addAll(List.of("top", "middle", "table", "aside", "other"));
        g.edge("top", "middle").edge("middle", "table").edge("aside", "table").edge("other", "elsewhere");
        assertEquals(Set.of("middle", "top", "aside"), g.dependentsOf("table"));
        assertEquals(Set.of(), g.dependentsOf("top"));
        DependencyGraph<String> found = g.restrictedTo(Set.of("top", "middle", "aside")::contains);
        assertEquals(List.of("middle", "top", "aside"), found.order());
    }

    @Test
    void withoutEdgesTheGivenOrderStays() {
        DependencyGraph<String> g = new DependencyGraph<String>().addAll(List.of("c", "a", "b"));
        assertEquals(List.of("c", "a", "b"), g.order());
    }

    @Test
    void aNodeComesAfterWhatItNeedsAndTiesKeepTheGivenOrder() {
        DependencyGraph<String> g = new DependencyGraph<String>().addAll(List.of("table", "view", "function", "other"));
        g.edge("table", "function").edge("view", "table");
        assertEquals(List.of("function", "table", "view", "other"), g.order());
    }

    @Test
    void edgesToUnknownNodesAreIgnoredWhenAskedTo() {
        DependencyGraph<String> g = new DependencyGraph<String>().addAll(List.of("a", "b"));
        g.edgeBetweenKnown("a", "pg_catalog.now");
        assertEquals(List.of("a", "b"), g.order());
        assertEquals(Set.of(), g.prerequisitesOf("a"));
    }

    @Test
    void aCycleIsBrokenAtTheEarliestNodeWhenItsEdgesMayBeSetAside() {
        DependencyGraph<String> g = new DependencyGraph<String>().addAll(List.of("orders", "customers", "lonely"));
        g.edge("orders", "customers").edge("customers", "orders");
        DependencyGraph.Order<String> o = g.order(e -> true);
        // Nodes free to go are placed first; only a stuck graph breaks an edge.
        assertEquals(List.of("lonely", "orders", "customers"), o.nodes());
        assertEquals(List.of(new DependencyGraph.Edge<>("orders", "customers")), o.broken());
    }

    @Test
    void aCycleIsBrokenAtTheFirstNodeWhoseWaitingEdgesMayAllBeSetAside() {
        // a needs b through a column type (not breakable); b needs a through a foreign key (breakable).
        DependencyGraph<String> g = new DependencyGraph<String>().addAll(List.of("a", "b"));
        g.edge("a", "b").edge("b", "a");
        DependencyGraph.Order<String> o = g.order(e -> e.dependent().equals("b"));
        assertEquals(List.of("b", "a"), o.nodes());
        assertEquals(List.of(new DependencyGraph.Edge<>("b", "a")), o.broken());
    }

    @Test
    void aCycleThatMayNotBeBrokenIsNamed() {
        DependencyGraph<String> g = new DependencyGraph<String>().addAll(List.of("x", "f", "t"));
        g.edge("f", "t").edge("t", "f");
        IllegalStateException e = assertThrows(IllegalStateException.class, g::order);
        assertTrue(e.getMessage().contains("[f, t, f]"), e.getMessage());
        assertEquals(List.of(List.of("f", "t")), g.cycles());
    }

    @Test
    void mappingCollapsesNodesAndDropsInnerEdges() {
        DependencyGraph<ObjectId> g = new DependencyGraph<>();
        ObjectId table = ObjectId.of(ObjectId.Kind.TABLE, "public", "items");
        ObjectId check = ObjectId.onTable(ObjectId.Kind.CONSTRAINT, "public", "items", "items_slug_check");
        ObjectId function = ObjectId.of(ObjectId.Kind.FUNCTION, "public", "is_slug(t text)");
        g.edge(check, table).edge(check, function);
        DependencyGraph<ObjectId> owners = g.map(ObjectId::owner);
        assertEquals(List.of(function, table), owners.order());
        assertEquals(Set.of(function), owners.prerequisitesOf(table));
        assertEquals(Set.of(function), g.reachableFrom(check).stream().filter(n -> n.kind() == ObjectId.Kind.FUNCTION)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void subObjectIdsNameTheirTable() {
        assertThrows(IllegalArgumentException.class, () -> ObjectId.of(ObjectId.Kind.TRIGGER, "public", "t"));
        assertEquals("trigger public.docs.docs_touch", ObjectId.onTable(ObjectId.Kind.TRIGGER, "public", "docs", "docs_touch").toString());
        assertEquals("schema app", ObjectId.of(ObjectId.Kind.SCHEMA, null, "app").toString());
    }
}
