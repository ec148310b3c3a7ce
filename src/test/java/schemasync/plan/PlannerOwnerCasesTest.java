package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.Operator;
import schemasync.catalog.OperatorObjects;
import schemasync.catalog.Statistics;
import schemasync.catalog.TextSearch;
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

    private static final Statistics CITY_ZIP = new Statistics(q("public.s_city_zip"), q("public.address"), List.of("ndistinct"),
            List.of("city", "zip"), List.of(), null);
    /** A foreign server, a publication and an event trigger: objects of the database, named without a schema. */
    private static final Catalog EXTERNALS = catalog().build().withExternals(new ExternalObjects(
            Map.of("films", new ForeignServer("films", "postgres_fdw", null, null, List.of())), Map.of(), Map.of(),
            Map.of("changes", new Publication("changes", true, List.of(), List.of(), Publication.ALL_OPERATIONS, false)),
            Map.of("audit_ddl", new EventTrigger("audit_ddl", "ddl_command_end", List.of(), q("public.log_ddl"),
                    ExternalObjects.Enabled.ORIGIN))));

    private static final Operator EQ = new Operator(q("public.==="), "public.money2", "public.money2", "public.money2_eq", null,
            null, null, null, false, false);
    private static final Operator NEG = new Operator(q("public.-"), null, "public.money2", "public.money2_neg", null, null, null,
            null, false, false);

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
                        List.of("create schema shop", "alter owner of schema shop")),
                new Case("a statistics object owned by another role: ALTER STATISTICS ... OWNER TO, no lock on its table",
                        owned(catalog().statistics(CITY_ZIP).build(), new OwnerTarget(OwnerTarget.Kind.STATISTICS, q("public.s_city_zip"), null), "postgres"),
                        db -> db.ensureOwner(OwnerOf.STATISTICS, "s_city_zip", "app_owner"), shapes().build(),
                        List.of("ALTER STATISTICS \"public\".\"s_city_zip\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("alter owner of statistics public.s_city_zip",
                                "undeclared statistics public.s_city_zip")),
                new Case("a foreign server owned by another role: ALTER SERVER, named without a schema",
                        owned(EXTERNALS, OwnerTarget.databaseWide(OwnerTarget.Kind.SERVER, "films"), "postgres"),
                        db -> db.ensureOwner(OwnerOf.FOREIGN_SERVER, "films", "app_owner"), shapes().build(),
                        List.of("ALTER SERVER \"films\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("alter owner of server films",
                                "undeclared server films", "undeclared publication changes", "undeclared event trigger audit_ddl")),
                new Case("a publication owned by another role: ALTER PUBLICATION",
                        owned(EXTERNALS, OwnerTarget.databaseWide(OwnerTarget.Kind.PUBLICATION, "changes"), "postgres"),
                        db -> db.ensureOwner(OwnerOf.PUBLICATION, "changes", "app_owner"), shapes().build(),
                        List.of("ALTER PUBLICATION \"changes\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("alter owner of publication changes",
                                "undeclared server films", "undeclared publication changes", "undeclared event trigger audit_ddl")),
                new Case("an event trigger owned by another role: ALTER EVENT TRIGGER",
                        owned(EXTERNALS, OwnerTarget.databaseWide(OwnerTarget.Kind.EVENT_TRIGGER, "audit_ddl"), "postgres"),
                        db -> db.ensureOwner(OwnerOf.EVENT_TRIGGER, "audit_ddl", "app_owner"), shapes().build(),
                        List.of("ALTER EVENT TRIGGER \"audit_ddl\" OWNER TO \"app_owner\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), List.of("alter owner of event trigger audit_ddl",
                                "undeclared server films", "undeclared publication changes", "undeclared event trigger audit_ddl")),
                new Case("an event trigger owned by the declared role: skipped",
                        owned(EXTERNALS, OwnerTarget.databaseWide(OwnerTarget.Kind.EVENT_TRIGGER, "audit_ddl"), "app_owner"),
                        db -> db.ensureOwner(OwnerOf.EVENT_TRIGGER, "audit_ddl", "app_owner"), shapes().build(),
                        List.of(), List.of(), List.of("unchanged owner of event trigger audit_ddl",
                                "undeclared server films", "undeclared publication changes", "undeclared event trigger audit_ddl")),
                new Case("a publication the run creates: CREATE PUBLICATION, then its owner set",
                        catalog().build(),
                        db -> db.ensurePublication("changes", p -> p.allTables()).ensureOwner(OwnerOf.PUBLICATION, "changes", "app_owner"),
                        shapes().build(),
                        List.of("CREATE PUBLICATION \"changes\" FOR ALL TABLES", "ALTER PUBLICATION \"changes\" OWNER TO \"app_owner\""),
                        List.of(List.of(), List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("create publication changes", "alter owner of publication changes")),
                new Case("a renamed table keeps its owner (the rename moves the owner entry): nothing to set",
                        owned(catalog().table(ORDERS).build(), ORDERS_OWNER, "app_owner"),
                        db -> db.ensureTableRenamed("orders", "purchases").ensureOwner(OwnerOf.TABLE, "purchases", "app_owner"),
                        shapes().build(),
                        List.of("ALTER TABLE \"public\".\"orders\" RENAME TO \"purchases\""), List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter table public.orders", "unchanged owner of table public.purchases")));
    }

    /** One object of each remaining kind, owned by another role: ALTER <kind> ... OWNER TO (PlannerCoverageTest asks for every kind). */
    static Stream<Case> everyOtherKind() {
        return Stream.of(
                otherKind(catalog().view("public.paid", "SELECT 1"), OwnerOf.VIEW, OwnerTarget.Kind.VIEW, "paid", null,
                        "ALTER VIEW \"public\".\"paid\"", "undeclared view public.paid"),
                otherKind(catalog().materializedView("public.order_count", "SELECT 1", true), OwnerOf.MATERIALIZED_VIEW,
                        OwnerTarget.Kind.MATERIALIZED_VIEW, "order_count", null, "ALTER MATERIALIZED VIEW \"public\".\"order_count\"",
                        "undeclared materialized view public.order_count"),
                otherKind(catalog().sequence(new schemasync.catalog.Sequence(q("public.invoice_number"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1,
                        false, null)), OwnerOf.SEQUENCE, OwnerTarget.Kind.SEQUENCE, "invoice_number", null,
                        "ALTER SEQUENCE \"public\".\"invoice_number\"", "undeclared sequence public.invoice_number"),
                otherKind(catalog().function("public.noop", "", "p"), OwnerOf.PROCEDURE, OwnerTarget.Kind.PROCEDURE, "noop", "",
                        "ALTER PROCEDURE \"public\".\"noop\"()", "undeclared function public.noop()"),
                otherKind(catalog().aggregate("public.total", "integer", "a"), OwnerOf.AGGREGATE, OwnerTarget.Kind.AGGREGATE, "total",
                        "integer", "ALTER AGGREGATE \"public\".\"total\"(integer)", "undeclared aggregate public.total(integer)"),
                otherKind(catalog().enumType("public.status", "new", "paid"), OwnerOf.TYPE, OwnerTarget.Kind.TYPE, "status", null,
                        "ALTER TYPE \"public\".\"status\"", "undeclared type public.status"),
                otherKind(catalog().domain(new schemasync.catalog.Domain(q("public.amount"), "numeric", false, null, null, List.of())),
                        OwnerOf.DOMAIN, OwnerTarget.Kind.DOMAIN, "amount", null, "ALTER DOMAIN \"public\".\"amount\"",
                        "undeclared domain public.amount"),
                otherKind(catalog().collation(new schemasync.catalog.Collation(q("public.posix"), "libc", "C", "C", null, null, true)),
                        OwnerOf.COLLATION, OwnerTarget.Kind.COLLATION, "posix", null, "ALTER COLLATION \"public\".\"posix\"",
                        "undeclared collation public.posix"),
                otherKind(catalog(), OwnerOf.FOREIGN_TABLE, OwnerTarget.Kind.FOREIGN_TABLE, "films", null,
                        "ALTER FOREIGN TABLE \"public\".\"films\""),
                // An operator is named by its two types; its name is operator characters, never quoted.
                otherKind(OPERATORS, OwnerOf.OPERATOR, OwnerTarget.Kind.OPERATOR, "===", "public.money2, public.money2",
                        "ALTER OPERATOR \"public\".=== (public.money2, public.money2)", "undeclared operator public.-(NONE, public.money2)", "undeclared operator public.===(public.money2, public.money2)"),
                otherKind(OPERATORS, OwnerOf.OPERATOR, OwnerTarget.Kind.OPERATOR, "-", "NONE, public.money2",
                        "ALTER OPERATOR \"public\".- (NONE, public.money2)", "undeclared operator public.-(NONE, public.money2)", "undeclared operator public.===(public.money2, public.money2)"),
                otherKind(TEXT_SEARCH, OwnerOf.TEXT_SEARCH_DICTIONARY, OwnerTarget.Kind.TEXT_SEARCH_DICTIONARY, "simple_en", null,
                        "ALTER TEXT SEARCH DICTIONARY \"public\".\"simple_en\"", "undeclared text search dictionary public.simple_en", "undeclared text search configuration public.english2"),
                otherKind(TEXT_SEARCH, OwnerOf.TEXT_SEARCH_CONFIGURATION, OwnerTarget.Kind.TEXT_SEARCH_CONFIGURATION, "english2", null,
                        "ALTER TEXT SEARCH CONFIGURATION \"public\".\"english2\"", "undeclared text search dictionary public.simple_en", "undeclared text search configuration public.english2"));
    }

    /** A binary and a prefix operator over money2 (keyed as the catalog keys them: format_type, NONE for no left type). */
    private static final Catalog OPERATORS = catalog().build().toBuilder().operators(new OperatorObjects(Map.of(
            EQ.key(), EQ, NEG.key(), NEG), Map.of())).build();
    private static final Catalog TEXT_SEARCH = catalog().build().toBuilder().textSearch(new TextSearch(
            Map.of(q("public.simple_en"), new TextSearch.Dictionary(q("public.simple_en"), q("pg_catalog.simple"), null)),
            Map.of(q("public.english2"), new TextSearch.Configuration(q("public.english2"), q("pg_catalog.default"), Map.of())))).build();

    private static Case otherKind(Fixtures.CatalogBuilder before, OwnerOf of, OwnerTarget.Kind kind, String name, String arguments,
                                  String alter, String... undeclared) {
        return otherKind(before.build(), of, kind, name, arguments, alter, undeclared);
    }

    private static Case otherKind(Catalog before, OwnerOf of, OwnerTarget.Kind kind, String name, String arguments,
                                  String alter, String... undeclared) {
        OwnerTarget target = new OwnerTarget(kind, q("public." + name), arguments);
        List<String> items = new java.util.ArrayList<>(List.of("alter owner of " + kind.word() + " " + target));
        items.addAll(List.of(undeclared));
        return new Case("a " + kind.word() + " owned by another role: " + alter + " OWNER TO", owned(before, target, "postgres"),
                db -> db.ensureOwner(of, arguments == null ? name : name + "(" + arguments + ")", "app_owner"), shapes().build(),
                // No ACCESS_EXCLUSIVE hazard here, on a view or sequence either: the classifier reports a brief lock on tables.
                List.of(alter + " OWNER TO \"app_owner\""), List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)), items);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOtherKind")
    void plansTheOwnerOfEveryOtherKind(Case c) {
        PlannerCasesTest.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    /** The replay and the working copy alike: a rename moves the owner entry and keeps the statistics on the table, a drop takes them (and its partitions') along. */
    @Test
    void renamesMoveAndDropsRemoveOwnerEntries() {
        Catalog before = owned(owned(catalog().table(ORDERS).statistics(new Statistics(q("public.s_id"), q("public.orders"), List.of("ndistinct"),
                List.of("id"), List.of(), null)).view("public.paid", "SELECT 1").build(), ORDERS_OWNER, "app_owner"),
                new OwnerTarget(OwnerTarget.Kind.STATISTICS, q("public.s_id"), null), "app_owner");
        before = owned(before, new OwnerTarget(OwnerTarget.Kind.VIEW, q("public.paid"), null), "app_owner");
        Catalog renamed = Effects.apply(new schemasync.step.Step.RenameTable(q("public.orders"), "purchases"), before);
        assertEquals(Map.of(new OwnerTarget(OwnerTarget.Kind.TABLE, q("public.purchases"), null), "app_owner",
                new OwnerTarget(OwnerTarget.Kind.STATISTICS, q("public.s_id"), null), "app_owner",
                new OwnerTarget(OwnerTarget.Kind.VIEW, q("public.paid"), null), "app_owner"), renamed.owners());
        assertTrue(CatalogOutline.of(renamed).contains("owner of table public.purchases: app_owner"), CatalogOutline.of(renamed).toString());
        // The statistics object stays on the renamed table (stxrelid is its oid), so its owner entry has its object.
        assertEquals(q("public.purchases"), renamed.statistics().get(q("public.s_id")).table());
        assertTrue(CatalogOutline.of(renamed, "app_owner").stream().noneMatch(f -> f.startsWith("owner of")), "the applying role's are left out");
        Catalog dropped = Effects.apply(new schemasync.step.Step.DropTable(q("public.purchases")), renamed);
        assertEquals(Map.of(new OwnerTarget(OwnerTarget.Kind.VIEW, q("public.paid"), null), "app_owner"), dropped.owners());
        assertEquals(Map.of(), dropped.statistics(), "DROP TABLE takes its statistics objects along");
        Catalog viewDropped = Effects.apply(new schemasync.step.Step.DropObject(schemasync.model.ObjectKind.VIEW, q("public.paid"), null), dropped);
        assertEquals(Map.of(), viewDropped.owners());
    }

    /** DROP OPERATOR and DROP TEXT SEARCH DICTIONARY take their owner entries along (the replay compares owners). */
    @Test
    void droppedOperatorsAndTextSearchObjectsTakeTheirOwnersAlong() {
        Catalog before = owned(owned(OPERATORS.toBuilder().textSearch(TEXT_SEARCH.textSearch()).build(),
                OwnerTarget.operator(q("public.==="), "public.money2", "public.money2"), "app_owner"),
                new OwnerTarget(OwnerTarget.Kind.TEXT_SEARCH_DICTIONARY, q("public.simple_en"), null), "app_owner");
        before = owned(before, OwnerTarget.operator(q("public.-"), null, "public.money2"), "app_owner");
        Catalog dropped = Effects.apply(new schemasync.step.Step.DropOperator(EQ), before);
        dropped = Effects.apply(new schemasync.step.Step.DropObject(schemasync.model.ObjectKind.TEXT_SEARCH_DICTIONARY,
                q("public.simple_en"), null), dropped);
        assertEquals(Map.of(OwnerTarget.operator(q("public.-"), null, "public.money2"), "app_owner"), dropped.owners());
    }

    /** An operator's owner names its two types; a later ensureNoOperator takes an earlier ensureOwner of it along. */
    @Test
    void anOperatorOwnerNeedsTwoTypesAndGoesWithTheOperatorsRemoval() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> db.ensureOwner(OwnerOf.OPERATOR, "===(public.money2)", "app_owner")
                        .ensureOwner(OwnerOf.OPERATOR, "a=(integer, integer)", "app_owner")))));
        assertTrue(e.getMessage().contains("C1: owner of operator public.===: write it as name(left type, right type)"), e.getMessage());
        assertTrue(e.getMessage().contains("owner of operator public.a=: 'a' cannot be part of an operator name"), e.getMessage());
        Plan plan = Planner.plan(OPERATORS, DeclaredSchema.of(List.of(
                Blocks.block("C2", db -> db.ensureOwner(OwnerOf.OPERATOR, "===(public.money2, public.money2)", "app_owner")),
                Blocks.block("C3", db -> db.ensureNoOperator("===", "public.money2", "public.money2")))), shapes().build(), Map.of());
        assertEquals(List.of("DROP OPERATOR \"public\".=== (public.money2, public.money2)"),
                plan.steps().stream().map(p -> schemasync.render.SqlRenderer.render(p.step())).toList());
    }

    @Test
    void anOwnerOfAServerThatDoesNotExistIsAnErrorNamingTheBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> Planner.plan(catalog().build(), DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> db.ensureOwner(OwnerOf.FOREIGN_SERVER, "nowhere", "app_owner")))), shapes().build(), Map.of()));
        assertTrue(e.getMessage().contains("C1: owner of server nowhere: no such object exists"), e.getMessage());
    }

    @Test
    void anOwnerOfAnObjectThatDoesNotExistIsAnErrorNamingTheBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> Planner.plan(catalog().build(), DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> db.ensureOwner(OwnerOf.VIEW, "nowhere", "app_owner")))), shapes().build(), Map.of()));
        assertTrue(e.getMessage().contains("C1: owner of view public.nowhere: no such object exists"), e.getMessage());
    }

    /** An operator class or family is keyed by its access method in a component of its own, never in {@code arguments}. */
    @Test
    void anOperatorClassOwnerIsKeyedByItsMethod() {
        OwnerTarget ofClass = OwnerTarget.usingMethod(OwnerTarget.Kind.OPERATOR_CLASS, q("public.money2_ops"), "btree");
        assertEquals("btree", ofClass.method());
        assertEquals(null, ofClass.arguments());
        assertEquals("public.money2_ops USING btree", ofClass.toString());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OwnerTarget(OwnerTarget.Kind.OPERATOR_FAMILY, q("public.money2_ops"), "btree"));
    }
}
