package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column.Identity;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.Table;
import schemasync.catalog.TableSpec;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Summary.Verb;
import schemasync.step.Step;

/**
 * The planner's working copy is a value (issue 12): recording a declaration gives the planner the next state and
 * leaves the one a kind planner was handed as it was; a declaration's later parts see its earlier parts through a
 * context over a local state, nothing is recorded until the whole declaration is, and the parts' steps are applied
 * once. No server: the states are built from Java catalogs.
 */
class PlanStateTest {
    private static final TableSpec ORDERS = new TableSpec(q("orders"), List.of(
            new ColumnSpec("id", "bigserial", false, null, Identity.NONE, null)), List.of("id"), null, List.of(), null);

    private static Catalog before() {
        return catalog().table(table("users", 10, 1, notNull("id", "bigint"), column("email", "text")))
                .index("users_email_idx", "users", false, "CREATE INDEX users_email_idx ON public.users USING btree (email)")
                .comment(new CommentTarget(CommentTarget.Kind.CONSTRAINT, q("users"), "users_email_check"), "people").build();
    }

    private static Planner planner() {
        return Planner.start(before(), DeclaredSchema.of(List.of()), shapes().build(), Map.of());
    }

    /** Everything a state says, as the replay assertion compares it (CatalogOutline), read through a fresh edit. */
    private static Set<String> outline(PlanState state) {
        return CatalogOutline.of(new CatalogEdit(state, Spelled.NONE).build());
    }

    @Test
    void recordingLeavesTheStateAKindPlannerHoldsAsItWas() {
        Planner planner = planner();
        PlanState held = planner.state();
        Map<schemasync.catalog.QualifiedName, Table> heldTables = held.tables();
        Set<String> heldFacts = outline(held);
        assertTrue(heldFacts.contains("table public.users columns [id, email]"), heldFacts::toString);

        planner.record(new Decisions().change(null, "table", "public.orders", Summary.will(Verb.CREATE), null,
                        new Step.CreateSchema("app"), new Step.CreateTable(ORDERS))
                .change(null, "table", "public.users", Summary.will(Verb.DROP), null, new Step.DropTable(q("users"))));

        PlanState now = planner.state();
        assertTrue(now.tables().containsKey(q("orders")) && !now.tables().containsKey(q("users")), now.tables()::toString);
        assertTrue(now.schemas().contains("app"));
        assertFalse(now.indexes().containsKey(q("users_email_idx")), "DROP TABLE takes its index along");
        assertTrue(now.sequences().containsKey(q("orders_id_seq")));
        assertFalse(now.comments().containsKey(new CommentTarget(CommentTarget.Kind.CONSTRAINT, q("users"), "users_email_check")));

        assertEquals(heldFacts, outline(held), "the held state still answers as before the record");
        assertTrue(heldTables.containsKey(q("users")) && !heldTables.containsKey(q("orders")), heldTables::toString);
        assertFalse(held.schemas().contains("app"));
        assertTrue(held.indexes().containsKey(q("users_email_idx")));
        assertFalse(held.sequences().containsKey(q("orders_id_seq")));
        assertEquals("people", held.comments().get(new CommentTarget(CommentTarget.Kind.CONSTRAINT, q("users"), "users_email_check")));
    }

    @Test
    void aStateHandsOutMapsNoOneCanWriteTo() {
        PlanState state = planner().state();
        Table users = state.tables().get(q("users"));
        assertThrows(UnsupportedOperationException.class, () -> state.tables().put(q("orders"), users));
        assertThrows(UnsupportedOperationException.class, () -> state.tables().remove(q("users")));
        assertThrows(UnsupportedOperationException.class, () -> state.indexes().clear());
        assertThrows(UnsupportedOperationException.class, () -> state.tables().values().removeIf(t -> true));
        assertThrows(UnsupportedOperationException.class, () -> state.schemas().add("app"));
        assertThrows(UnsupportedOperationException.class, () -> state.comments().replaceAll((k, v) -> "x"));
        assertEquals(Set.of("public"), Set.copyOf(state.schemas()));
    }

    @Test
    void aLaterPartSeesTheEarlierPartsOnALocalStateAndNothingIsRecordedUntilTheWhole() {
        Planner planner = planner();
        PlanState recorded = planner.state();
        List<Boolean> seenByLaterPart = new ArrayList<>();
        List<PlanState> handedToLastPart = new ArrayList<>();
        Decisions whole = new DeclarationParts(planner.context(0))
                .then(part -> new Decisions().change(null, "table", "public.orders", Summary.will(Verb.CREATE), null,
                        new Step.CreateTable(ORDERS)))
                .then(part -> {
                    seenByLaterPart.add(part.state().tables().containsKey(q("orders")));
                    return new Decisions().unchanged(null, "column", "public.orders.id", "exists, skipped");
                })
                .then(part -> {
                    handedToLastPart.add(part.state());
                    return new Decisions();
                })
                .decisions();
        assertEquals(List.of(true), seenByLaterPart, "the second part reads the table the first part creates");
        assertTrue(planner.state() == recorded, "planning the parts records nothing");
        assertFalse(planner.state().tables().containsKey(q("orders")));
        assertTrue(planner.recorded().isEmpty());
        assertEquals(2, whole.list().size());

        planner.record(whole);
        assertTrue(planner.state().tables().containsKey(q("orders")));
        assertEquals(2, planner.recorded().size());
        assertFalse(recorded.tables().containsKey(q("orders")));
        // Applied once: the planner keeps the state the parts computed (the last part, with no steps, was handed it),
        // not a second replay of the same steps from the recorded state.
        assertSame(handedToLastPart.get(0), planner.state(), "the parts' steps are not applied again when recorded");
    }

    /** Decisions known to leave a state are applied anew when recorded on another state or once something is added. */
    @Test
    void theStateAPartLeavesIsKeptOnlyForTheStateItWasPlannedOn() {
        Planner planner = planner();
        PlanContext context = planner.context(0);
        Decisions parts = new DeclarationParts(context).then(part -> new Decisions().change(null, "table", "public.orders",
                Summary.will(Verb.CREATE), null, new Step.CreateTable(ORDERS))).decisions();
        planner.record(new Decisions().change(null, "schema", "app", Summary.will(Verb.CREATE), null, new Step.CreateSchema("app")));
        planner.record(parts); // planned on the state before CREATE SCHEMA app: its effects are applied to the recorded state
        assertTrue(planner.state().schemas().contains("app") && planner.state().tables().containsKey(q("orders")));

        Planner other = planner();
        Decisions grown = new DeclarationParts(other.context(0)).then(part -> new Decisions().change(null, "table",
                "public.orders", Summary.will(Verb.CREATE), null, new Step.CreateTable(ORDERS))).decisions();
        grown.change(null, "table", "public.users", Summary.will(Verb.DROP), null, new Step.DropTable(q("users")));
        other.record(grown);
        assertTrue(other.state().tables().containsKey(q("orders")));
        assertFalse(other.state().tables().containsKey(q("users")), "a change added after the parts is applied too");
    }

    /**
     * Kind planners take a {@link PlanContext}, a value, and never the {@link Planner}: no class of the package but the
     * planner itself has a field, a constructor or a method parameter of type {@code Planner} (issue 12: no shared
     * mutable state handed to kind planners).
     */
    @Test
    void noKindPlannerIsHandedThePlanner() throws Exception {
        List<String> offenders = new ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("lib/schemasync/plan"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (name.equals("Planner")) continue;
                Class<?> type = Class.forName("schemasync.plan." + name);
                for (Class<?> c : classAndNested(type)) {
                    for (var f : c.getDeclaredFields()) if (f.getType() == Planner.class) offenders.add(c.getName() + "." + f.getName());
                    for (var k : c.getDeclaredConstructors()) {
                        if (List.of(k.getParameterTypes()).contains(Planner.class)) offenders.add(c.getName() + " constructor");
                    }
                    for (var m : c.getDeclaredMethods()) {
                        if (List.of(m.getParameterTypes()).contains(Planner.class)) offenders.add(c.getName() + "." + m.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static List<Class<?>> classAndNested(Class<?> type) {
        List<Class<?>> all = new ArrayList<>(List.of(type));
        for (Class<?> nested : type.getDeclaredClasses()) all.addAll(classAndNested(nested));
        return all;
    }

    /** A step's edit starts from the state's own persistent maps: what it does not touch, the next state shares. */
    @Test
    void aStepSharesEveryMapItDoesNotEdit() {
        Catalog before = catalog().table(table("public.accounts", 10, 1, notNull("id", "bigint")))
                .index("accounts_id", "public.accounts", true, "USING btree (id)").build();
        PlanState state = new PlanState(before);
        CatalogEdit edit = new CatalogEdit(state, Spelled.NONE);
        edit.tables.renamed(q("public.accounts"), q("public.members"), edit.tables.get(q("public.accounts")).withName(q("public.members")));
        PlanState next = edit.state();
        org.junit.jupiter.api.Assertions.assertSame(state.indexes(), next.indexes(), "an untouched kind is the same map");
        org.junit.jupiter.api.Assertions.assertSame(state.comments(), next.comments());
        org.junit.jupiter.api.Assertions.assertSame(state.textSearchDictionaries(), next.textSearchDictionaries(),
                "text search is persistent maps too, not one value copied by every step");
        assertEquals(List.of(q("public.members")), List.copyOf(next.tables().keySet()));
        assertEquals(List.of(q("public.accounts")), List.copyOf(state.tables().keySet()), "the earlier state is unchanged");
    }

    /** The catalog's maps are LinkedHashMaps: the persistent map iterates as one would under the same puts and removes. */
    @Test
    void anOrderedMapKeepsTheOrderALinkedHashMapKeeps() {
        Random random = new Random(12);
        Map<Integer, Integer> linked = new LinkedHashMap<>();
        OrderedMap<Integer, Integer> ordered = OrderedMap.empty();
        List<OrderedMap<Integer, Integer>> earlier = new ArrayList<>();
        List<List<Map.Entry<Integer, Integer>>> earlierEntries = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int key = random.nextInt(60);
            int move = random.nextInt(6);
            if (move == 0 || move == 1) {
                linked.remove(key);
                ordered = ordered.minus(key);
            } else if (move == 2 && linked.containsKey(key)) {
                // A rename: the entry under another key, in its place (what the old code did with a LinkedHashMap copy).
                int to = 60 + random.nextInt(60);
                Map<Integer, Integer> renamed = new LinkedHashMap<>();
                int value = i;
                linked.remove(to);
                linked.forEach((k, v) -> renamed.put(k == key ? to : k, k == key ? value : v));
                linked = renamed;
                ordered = ordered.renamed(key, to, value);
            } else {
                linked.put(key, i);
                ordered = ordered.plus(key, i);
            }
            assertEquals(List.copyOf(linked.entrySet()), List.copyOf(ordered.entrySet()), "after operation " + i);
            assertEquals(linked.containsKey(key), ordered.containsKey(key));
            assertEquals(linked.size(), ordered.size());
            if (i % 100 == 0) {
                earlier.add(ordered);
                earlierEntries.add(List.copyOf(ordered.entrySet()));
            }
        }
        for (int i = 0; i < earlier.size(); i++) {
            assertEquals(earlierEntries.get(i), List.copyOf(earlier.get(i).entrySet()), "an earlier map is unchanged");
        }
    }
}
