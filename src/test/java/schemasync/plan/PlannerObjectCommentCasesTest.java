package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.Blocks;
import schemasync.SchemaSyncException;
import schemasync.catalog.Cast;
import schemasync.catalog.Catalog;
import schemasync.catalog.Collation;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.CommentTarget.Kind;
import schemasync.catalog.CompositeType;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.Operator;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;
import schemasync.catalog.OperatorObjects;
import schemasync.dsl.CommentOn;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.ObjectKind;
import schemasync.plan.PlannerCasesTest.Case;
import schemasync.step.ExternalSteps;
import schemasync.step.Step;

/**
 * Comments on the kinds whose comment the catalog did not read before (issue 13, point 3): collations, operators (named
 * by their two types), casts (by source and target), operator classes and families ({@code name USING method}), the
 * columns of materialized views, the attributes of composite types, and the database's extensions, foreign servers,
 * publications and event triggers (named without a schema). Each is set when missing, skipped when equal, replaced when
 * different, set after the CREATE of this run; a missing object is an error naming the block; a DROP takes the comment
 * along in the replay. Comments no block declares are left alone (no case reports one).
 */
class PlannerObjectCommentCasesTest {
    private static final Collation POSIX = new Collation(q("public.posix"), "libc", "C", "C", null, null, true);
    private static final Operator EQ = new Operator(q("public.==="), "public.money2", "public.money2", "public.money2_eq", null,
            null, null, null, false, false);
    private static final Operator NEG = new Operator(q("public.-"), null, "public.money2", "public.money2_neg", null, null, null,
            null, false, false);
    private static final Cast TO_INT = new Cast("public.money2", "integer", "public.money2_int(public.money2)", Cast.ASSIGNMENT,
            Cast.FUNCTION);
    private static final OperatorFamily FAMILY = new OperatorFamily(q("public.money2_ops"), "btree", List.of());
    private static final OperatorClass CLASS = new OperatorClass(q("public.money2_ops"), "btree", "public.money2", true,
            q("public.money2_ops"), null, List.of(new OperatorClass.Member(false, 3, "public.money2", "public.money2",
            "public.===(public.money2,public.money2)", null)));
    private static final Catalog OPERATORS = catalog().collation(POSIX).build().toBuilder().operators(new OperatorObjects(
            Map.of(EQ.key(), EQ, NEG.key(), NEG), Map.of(TO_INT.key(), TO_INT), Map.of(FAMILY.key(), FAMILY),
            Map.of(CLASS.key(), CLASS))).build();
    private static final Catalog RELATIONS = catalog().materializedView("public.order_count", "SELECT 1 AS n", true)
            .composite(new CompositeType(q("public.money_pair"), List.of(new CompositeType.Attribute("amount", "numeric", null),
                    new CompositeType.Attribute("currency", "text", null))))
            .extension("citext", "public", "1.6").build();
    /** A foreign server, a publication and an event trigger: objects of the database, named without a schema. */
    private static final Catalog EXTERNALS = catalog().build().withExternals(new ExternalObjects(
            Map.of("films", new ExternalObjects.ForeignServer("films", "postgres_fdw", null, null, List.of())), Map.of(), Map.of(),
            Map.of("changes", new ExternalObjects.Publication("changes", true, List.of(), List.of(),
                    ExternalObjects.Publication.ALL_OPERATIONS, false)),
            Map.of("audit_ddl", new ExternalObjects.EventTrigger("audit_ddl", "ddl_command_end", List.of(), q("public.log_ddl"),
                    ExternalObjects.Enabled.ORIGIN))));

    private static final List<String> UNDECLARED_OPERATORS = List.of("undeclared operator public.-(NONE, public.money2)",
            "undeclared operator public.===(public.money2, public.money2)", "undeclared cast (public.money2 AS integer)",
            "undeclared operator family public.money2_ops USING btree", "undeclared operator class public.money2_ops USING btree",
            "undeclared collation public.posix");
    private static final List<String> UNDECLARED_RELATIONS = List.of("undeclared materialized view public.order_count",
            "undeclared composite type public.money_pair");
    private static final List<String> UNDECLARED_EXTERNALS = List.of("undeclared server films", "undeclared publication changes",
            "undeclared event trigger audit_ddl");

    private static Catalog commented(Catalog c, CommentTarget target, String text) {
        Catalog.Builder b = c.toBuilder();
        b.comments().put(target, text);
        return b.build();
    }

    /** Set when missing: one case per kind, with the COMMENT ON it renders. */
    private static Case missing(Catalog before, CommentOn on, String object, String detail, CommentTarget target, String sql,
                                List<String> undeclared) {
        List<String> items = new ArrayList<>(List.of("alter comment on " + target.kind().word() + " " + target));
        items.addAll(undeclared);
        return new Case("a " + target.kind().word() + " without its comment: " + sql, before,
                db -> {
                    if (detail == null) db.ensureComment(on, object, "It's documented");
                    else db.ensureComment(on, object, detail, "It's documented");
                }, shapes().build(), List.of(sql + " IS 'It''s documented'"), List.of(List.of()), items);
    }

    static Stream<Case> everyKind() {
        return Stream.of(
                missing(OPERATORS, CommentOn.COLLATION, "posix", null, new CommentTarget(Kind.COLLATION, q("public.posix"), null),
                        "COMMENT ON COLLATION \"public\".\"posix\"", UNDECLARED_OPERATORS),
                // An operator's name is operator characters, never quoted; its types as format_type prints them.
                missing(OPERATORS, CommentOn.OPERATOR, "===(public.money2, public.money2)", null,
                        CommentTarget.operator(q("public.==="), "public.money2", "public.money2"),
                        "COMMENT ON OPERATOR \"public\".=== (public.money2, public.money2)", UNDECLARED_OPERATORS),
                missing(OPERATORS, CommentOn.OPERATOR, "-(NONE, public.money2)", null, CommentTarget.operator(q("public.-"), null, "public.money2"),
                        "COMMENT ON OPERATOR \"public\".- (NONE, public.money2)", UNDECLARED_OPERATORS),
                missing(OPERATORS, CommentOn.CAST, "public.money2 AS integer", null, CommentTarget.cast("public.money2", "integer"),
                        "COMMENT ON CAST (public.money2 AS integer)", UNDECLARED_OPERATORS),
                missing(OPERATORS, CommentOn.OPERATOR_CLASS, "money2_ops USING btree", null,
                        new CommentTarget(Kind.OPERATOR_CLASS, q("public.money2_ops"), "btree"),
                        "COMMENT ON OPERATOR CLASS \"public\".\"money2_ops\" USING \"btree\"", UNDECLARED_OPERATORS),
                missing(OPERATORS, CommentOn.OPERATOR_FAMILY, "money2_ops USING BTREE", null,
                        new CommentTarget(Kind.OPERATOR_FAMILY, q("public.money2_ops"), "btree"),
                        "COMMENT ON OPERATOR FAMILY \"public\".\"money2_ops\" USING \"btree\"", UNDECLARED_OPERATORS),
                missing(RELATIONS, CommentOn.MATERIALIZED_VIEW_COLUMN, "order_count", "n",
                        new CommentTarget(Kind.MATERIALIZED_VIEW_COLUMN, q("public.order_count"), "n"),
                        "COMMENT ON COLUMN \"public\".\"order_count\".\"n\"", UNDECLARED_RELATIONS),
                missing(RELATIONS, CommentOn.TYPE_ATTRIBUTE, "money_pair", "currency",
                        new CommentTarget(Kind.TYPE_ATTRIBUTE, q("public.money_pair"), "currency"),
                        "COMMENT ON COLUMN \"public\".\"money_pair\".\"currency\"", UNDECLARED_RELATIONS),
                missing(RELATIONS, CommentOn.EXTENSION, "citext", null, CommentTarget.databaseWide(Kind.EXTENSION, "citext"),
                        "COMMENT ON EXTENSION \"citext\"", UNDECLARED_RELATIONS),
                missing(EXTERNALS, CommentOn.FOREIGN_SERVER, "films", null, CommentTarget.databaseWide(Kind.SERVER, "films"),
                        "COMMENT ON SERVER \"films\"", UNDECLARED_EXTERNALS),
                missing(EXTERNALS, CommentOn.PUBLICATION, "changes", null, CommentTarget.databaseWide(Kind.PUBLICATION, "changes"),
                        "COMMENT ON PUBLICATION \"changes\"", UNDECLARED_EXTERNALS),
                missing(EXTERNALS, CommentOn.EVENT_TRIGGER, "audit_ddl", null, CommentTarget.databaseWide(Kind.EVENT_TRIGGER, "audit_ddl"),
                        "COMMENT ON EVENT TRIGGER \"audit_ddl\"", UNDECLARED_EXTERNALS));
    }

    static Stream<Case> cases() {
        CommentTarget cast = CommentTarget.cast("public.money2", "integer");
        CommentTarget family = new CommentTarget(Kind.OPERATOR_FAMILY, q("public.money2_ops"), "btree");
        return Stream.of(
                new Case("a cast's comment as declared (the parentheses DROP CAST writes are optional): skipped",
                        commented(OPERATORS, cast, "Cents, rounded"),
                        db -> db.ensureComment(CommentOn.CAST, "(public.money2 AS integer)", "Cents, rounded"), shapes().build(),
                        List.of(), List.of(), concat("unchanged comment on cast (public.money2 AS integer)", UNDECLARED_OPERATORS)),
                new Case("an operator family's comment that differs: replaced",
                        commented(OPERATORS, family, "old"),
                        db -> db.ensureComment(CommentOn.OPERATOR_FAMILY, "public.money2_ops USING btree", "Orders money2"), shapes().build(),
                        List.of("COMMENT ON OPERATOR FAMILY \"public\".\"money2_ops\" USING \"btree\" IS 'Orders money2'"), List.of(List.of()),
                        concat("alter comment on operator family public.money2_ops USING btree", UNDECLARED_OPERATORS)),
                new Case("a collation the run creates: CREATE COLLATION, then its comment",
                        catalog().build(),
                        db -> db.ensureCollation("posix", c -> c.libc("C")).ensureComment(CommentOn.COLLATION, "posix", "Byte order"),
                        shapes().collation(POSIX).build(),
                        List.of("CREATE COLLATION \"public\".\"posix\" (provider = libc, lc_collate = 'C', lc_ctype = 'C')",
                                "COMMENT ON COLLATION \"public\".\"posix\" IS 'Byte order'"), List.of(List.of(), List.of()),
                        List.of("create collation public.posix", "alter comment on collation public.posix")),
                new Case("a publication the run creates: CREATE PUBLICATION, then its comment (named without a schema)",
                        catalog().build(),
                        db -> db.ensurePublication("changes", p -> p.allTables()).ensureComment(CommentOn.PUBLICATION, "changes", "To the warehouse"),
                        shapes().build(),
                        List.of("CREATE PUBLICATION \"changes\" FOR ALL TABLES", "COMMENT ON PUBLICATION \"changes\" IS 'To the warehouse'"),
                        List.of(List.of(), List.of()), List.of("create publication changes", "alter comment on publication changes")));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(rest);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void setsTheCommentOfEveryKind(Case c) {
        PlannerCasesTest.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    @Test
    void aCommentOnACastOrEventTriggerThatDoesNotExistIsAnErrorNamingTheBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> Planner.plan(catalog().build(), DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> db.ensureComment(CommentOn.CAST, "text AS public.money2", "x")))), shapes().build(), Map.of()));
        assertTrue(e.getMessage().contains("C1: comment on cast (text AS public.money2): no such object exists"), e.getMessage());
        e = assertThrows(SchemaSyncException.class, () -> Planner.plan(catalog().build(), DeclaredSchema.of(List.of(
                Blocks.block("C2", db -> db.ensureComment(CommentOn.EVENT_TRIGGER, "audit_ddl", "x")))), shapes().build(), Map.of()));
        assertTrue(e.getMessage().contains("C2: comment on event trigger audit_ddl: no such object exists"), e.getMessage());
    }

    /** Bad names are refused before any connection, each naming its block and the spelling it wants. */
    @Test
    void badlyNamedTargetsAreRefusedWithTheSpellingTheyNeed() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(Blocks.block("C1", db -> db
                .ensureComment(CommentOn.OPERATOR, "===(public.money2)", "x")
                .ensureComment(CommentOn.CAST, "text", "x")
                .ensureComment(CommentOn.OPERATOR_CLASS, "money2_ops", "x")
                .ensureComment(CommentOn.EXTENSION, "citext", "detail", "x")
                .ensureComment(CommentOn.OPERATOR, "===(integer,integer)", "y")
                .ensureComment(CommentOn.OPERATOR, "===(integer, integer)", "z")))));
        String m = e.getMessage();
        assertTrue(m.contains("C1: comment on operator public.===(null): write it as name(left type, right type)"), m);
        assertTrue(m.contains("C1: comment on cast (text AS null): write the cast as source AS target"), m);
        assertTrue(m.contains("C1: comment on operator class public.money2_ops USING null: write it as name USING method"), m);
        assertTrue(m.contains("C1: comment on extension citext: an extension is named by itself"), m);
        assertTrue(m.contains("comment on operator public.===(integer, integer) is declared twice"), m);
    }

    /** The replay: a DROP takes the comment of what it drops along, and only that (a collation may share a type's name). */
    @Test
    void dropsTakeTheirCommentsAlong() {
        Catalog before = commented(commented(commented(commented(commented(commented(OPERATORS.toBuilder()
                        .externals(EXTERNALS.externals()).build(),
                new CommentTarget(Kind.COLLATION, q("public.posix"), null), "collation"),
                CommentTarget.cast("public.money2", "integer"), "cast"),
                CommentTarget.operator(q("public.==="), "public.money2", "public.money2"), "operator"),
                new CommentTarget(Kind.OPERATOR_CLASS, q("public.money2_ops"), "btree"), "class"),
                new CommentTarget(Kind.OPERATOR_FAMILY, q("public.money2_ops"), "btree"), "family"),
                CommentTarget.databaseWide(Kind.PUBLICATION, "changes"), "publication");
        before = commented(before, CommentTarget.databaseWide(Kind.EVENT_TRIGGER, "audit_ddl"), "event trigger");
        before = commented(before.toBuilder().composites(Map.of(q("public.posix"), new CompositeType(q("public.posix"),
                List.of(new CompositeType.Attribute("a", "integer", null))))).build(), new CommentTarget(Kind.TYPE_ATTRIBUTE, q("public.posix"), "a"), "attribute");
        Catalog typeDropped = Effects.apply(new Step.DropObject(ObjectKind.COMPOSITE_TYPE, q("public.posix"), null), before);
        assertEquals("collation", typeDropped.comments().get(new CommentTarget(Kind.COLLATION, q("public.posix"), null)),
                "a composite type's DROP leaves the collation of the same name its comment");
        assertTrue(typeDropped.comments().keySet().stream().noneMatch(k -> k.kind() == Kind.TYPE_ATTRIBUTE), typeDropped.comments()::toString);
        Catalog dropped = Effects.apply(new Step.DropObject(ObjectKind.COLLATION, q("public.posix"), null), typeDropped);
        dropped = Effects.apply(new Step.DropCast(TO_INT), dropped);
        dropped = Effects.apply(new Step.DropOperator(EQ), dropped);
        dropped = Effects.apply(new Step.DropOperatorFamily(FAMILY), dropped); // takes its class, and the class's comment
        dropped = Effects.apply(new ExternalSteps.DropExternal(ExternalSteps.Droppable.PUBLICATION, "changes", null), dropped);
        assertEquals(Map.of(CommentTarget.databaseWide(Kind.EVENT_TRIGGER, "audit_ddl"), "event trigger"), dropped.comments());
        dropped = Effects.apply(new ExternalSteps.DropExternal(ExternalSteps.Droppable.EVENT_TRIGGER, "audit_ddl", null), dropped);
        assertEquals(Map.of(), dropped.comments());
    }

    /** A later ensureNoOperator / ensureNoCast / ensureNoOperatorClass takes an earlier comment of its object along. */
    @Test
    void aLaterRemovalTakesAnEarlierCommentAlong() {
        Plan plan = Planner.plan(OPERATORS, DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> db.ensureComment(CommentOn.OPERATOR, "===(public.money2, public.money2)", "x")
                        .ensureComment(CommentOn.CAST, "public.money2 AS integer", "x")
                        .ensureComment(CommentOn.OPERATOR_CLASS, "money2_ops USING btree", "x")),
                Blocks.block("C2", db -> db.ensureNoOperatorClass("money2_ops", "btree")
                        .ensureNoCast("public.money2", "integer").ensureNoOperator("===", "public.money2", "public.money2")))),
                shapes().build(), Map.of());
        assertEquals(List.of("DROP OPERATOR CLASS \"public\".\"money2_ops\" USING \"btree\"", "DROP CAST (public.money2 AS integer)",
                        "DROP OPERATOR \"public\".=== (public.money2, public.money2)"),
                plan.steps().stream().map(p -> schemasync.render.SqlRenderer.render(p.step())).toList());
    }
}
