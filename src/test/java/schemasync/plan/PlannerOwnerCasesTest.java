package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.Blocks;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.Table;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.OwnerOf;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * ensureOwner: ALTER ... OWNER TO when the owner differs (an authorization change; on a relation also a brief
 * ACCESS EXCLUSIVE), skipped when it is the declared one, set after CREATE on what the run creates (its owner
 * is then the applying role, which the pure planner does not know), and an error naming the block for an
 * object that does not exist. Owners no block declares are not compared: no case can report them.
 */
class PlannerOwnerCasesTest {
    private static final Table ORDERS = Fixtures.table("public.orders", 10, 1, Fixtures.notNull("id", "bigint"));
    private static final OwnerTarget ORDERS_OWNER = new OwnerTarget(OwnerTarget.Kind.TABLE, q("public.orders"), null);

    private static Catalog owned(Catalog c, OwnerTarget target, String role) {
        Catalog.Builder b = c.toBuilder();
        b.owners().put(target, role);
        return b.build();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a table owned by another role: ALTER TABLE ... OWNER TO, a brief ACCESS EXCLUSIVE",
                        owned(catalog().table(ORDERS).build(), ORDERS_OWNER, "postgres"),
                        db -> db.ensureOwner(OwnerOf.TABLE, "orders", "app_owner"), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"orders\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION, HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("alter owner of table public.orders", "undeclared table public.orders")),
                new Case("a table owned by the declared role: skipped",
                        owned(catalog().table(ORDERS).build(), ORDERS_OWNER, "app_owner"),
                        db -> db.ensureOwner(OwnerOf.TABLE, "orders", "app_owner"), shapes().build(),
                        List.of(), List.of(), List.of("unchanged owner of table public.orders", "undeclared table public.orders")),
                new Case("a function owned by another role: ALTER FUNCTION name(identity arguments), no lock on a relation",
                        owned(catalog().function("public.add", "a integer, b integer", "SELECT a + b").build(),
                                new OwnerTarget(OwnerTarget.Kind.FUNCTION, q("public.add"), "a integer, b integer"), "postgres"),
                        db -> db.ensureOwner(OwnerOf.FUNCTION, "add(a integer, b integer)", "app_owner"), shapes().build(),
                        List.of("ALTER FUNCTION \"public\".\"add\"(a integer, b integer) OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("alter owner of function public.add(a integer, b integer)",
                                "undeclared function public.add(a integer, b integer)")),
                new Case("a schema owned by another role: ALTER SCHEMA ... OWNER TO",
                        owned(catalog().schema("shop").build(), OwnerTarget.schema("shop"), "postgres"),
                        db -> db.ensureOwner(OwnerOf.SCHEMA, "shop", "app_owner"), shapes().build(),
                        List.of("ALTER SCHEMA \"shop\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("alter owner of schema shop")),
                new Case("a schema the run creates: CREATE SCHEMA, then its owner set (the applying role's is not known)",
                        catalog().build(),
                        db -> db.ensureSchema("shop").ensureOwner(OwnerOf.SCHEMA, "shop", "app_owner"), shapes().build(),
                        List.of("CREATE SCHEMA \"shop\"", "ALTER SCHEMA \"shop\" OWNER TO \"app_owner\""),
                        List.of(List.of(), List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("create schema shop", "alter owner of schema shop")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    @Test
    void anOwnerOfAnObjectThatDoesNotExistIsAnErrorNamingTheBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> Planner.plan(catalog().build(), DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> db.ensureOwner(OwnerOf.VIEW, "nowhere", "app_owner")))), shapes().build(), Map.of()));
        assertTrue(e.getMessage().contains("C1: owner of view public.nowhere: no such object exists"), e.getMessage());
    }
}
