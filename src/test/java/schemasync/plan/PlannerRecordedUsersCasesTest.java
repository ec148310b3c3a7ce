package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.Blocks;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.SchemaChanges;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;
import schemasync.render.SqlRenderer;

/**
 * A removal of a routine or type whose users only pg_depend records ({@link RecordedUsers}), without a server: the
 * recorded graph is given as {@code catalog.Dependencies.read} names it (a routine with its identity arguments). Each
 * row: the removals, and either the refusal naming the user or the statements planned (the fixture's catalog holds
 * the routines, the table and the view, not the operator or domain, so only the routine's DROP is planned). Without the recorded graph
 * (the planner before it) every refused row planned its DROP and the apply failed half-way.
 */
class PlannerRecordedUsersCasesTest {
    private static final ObjectId SAME = ObjectId.of(Kind.FUNCTION, "public", "same(integer, integer)");
    private static final ObjectId OPERATOR = ObjectId.of(Kind.OPERATOR, "public", "===(integer, integer)");
    private static final ObjectId PAIRS_CHECK = ObjectId.onTable(Kind.CONSTRAINT, "public", "pairs", "pairs_same");
    private static final ObjectId POSITIVE = ObjectId.of(Kind.FUNCTION, "public", "positive(integer)");
    private static final ObjectId POS = ObjectId.of(Kind.TYPE, "public", "pos");
    private static final ObjectId LABEL = ObjectId.of(Kind.FUNCTION, "public", "label(integer)");
    private static final ObjectId LABELS = ObjectId.of(Kind.VIEW, "public", "labels");
    private static final ObjectId PAIRS_IDX = ObjectId.of(Kind.INDEX, "public", "pairs_label_idx");
    private static final ObjectId PAIRS = ObjectId.of(Kind.TABLE, "public", "pairs");
    private static final ObjectId PAIR_OPS = ObjectId.of(Kind.OPERATOR_CLASS, "public", "pair_ops USING btree");
    private static final ObjectId PAIR_FAMILY = ObjectId.of(Kind.OPERATOR_FAMILY, "public", "pair_ops USING btree");
    private static final ObjectId LESS = ObjectId.of(Kind.OPERATOR, "public", "<<<(integer, integer)");
    private static final ObjectId CMP = ObjectId.of(Kind.FUNCTION, "public", "cmp(integer, integer)");

    record Case(String name, Consumer<SchemaChanges> blocks, String refusal, List<String> sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Catalog BEFORE = catalog().table(table("public.pairs", 1, 1, column("a", "integer"), column("b", "integer"))
                    .withConstraints(List.of(Fixtures.check("pairs_same", "CHECK ((a OPERATOR(public.===) b))", true))))
            .index("public.pairs_label_idx", "public.pairs", false, "USING btree (public.label(a))")
            .function("public.same", "a integer, b integer", "CREATE FUNCTION public.same(a integer, b integer) ...")
            .function("public.positive", "v integer", "CREATE FUNCTION public.positive(v integer) ...")
            .function("public.label", "v integer", "CREATE FUNCTION public.label(v integer) ...")
            .view("public.labels", " SELECT public.label(pairs.a) AS label\n   FROM pairs;").build();

    /** pg_depend's rows as the graph reads them: the operator's function, the CHECK's operator, the domain's and view's calls. */
    private static final DependencyGraph<ObjectId> RECORDED = new DependencyGraph<ObjectId>().edge(OPERATOR, SAME).edge(PAIRS_CHECK, OPERATOR)
            .edge(PAIRS_CHECK, PAIRS).edge(POS, POSITIVE).edge(LABELS, LABEL).edge(LABELS, PAIRS).edge(PAIRS_IDX, LABEL).edge(PAIRS_IDX, PAIRS)
            .edge(PAIRS_IDX, PAIR_OPS).edge(PAIR_OPS, PAIR_FAMILY).edge(PAIR_OPS, CMP).edge(PAIR_OPS, LESS);

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a function backing a kept operator", db -> db.ensureNoFunction("same(integer, integer)"),
                        "function public.same (block C1) is still used by operator public.===(integer, integer) (recorded in pg_depend)", null),
                new Case("a function a kept domain's CHECK calls", db -> db.ensureNoFunction("positive(integer)"),
                        "function public.positive (block C1) is still used by type public.pos", null),
                new Case("a function a kept view calls", db -> db.ensureNoFunction("label(integer)"),
                        "function public.label (block C1) is still used by view public.labels", null),
                new Case("the operator removed too, and its CHECK: the CHECK is dropped first, then the function", db -> {
                    db.ensureNoOperator("===", "integer", "integer");
                    db.ensureNoFunction("same(integer, integer)");
                    db.ensureNoConstraint("pairs", "pairs_same");
                }, null, List.of("ALTER TABLE \"public\".\"pairs\" DROP CONSTRAINT \"pairs_same\"", "DROP ROUTINE \"public\".\"same\"(integer, integer)")),
                new Case("an operator a kept CHECK uses", db -> db.ensureNoOperator("===", "integer", "integer"),
                        "operator public.===(integer, integer) (block C1) is still used by constraint pairs_same of table public.pairs", null),
                new Case("an operator a kept operator class holds", db -> db.ensureNoOperator("<<<", "integer", "integer"),
                        "operator public.<<<(integer, integer) (block C1) is still used by operator class public.pair_ops USING btree", null),
                new Case("an operator class a kept index uses", db -> db.ensureNoOperatorClass("pair_ops", "btree"),
                        "operator class public.pair_ops USING btree (block C1) is still used by index public.pairs_label_idx on table public.pairs", null),
                new Case("an operator family whose class a kept index uses", db -> db.ensureNoOperatorFamily("pair_ops", "btree"),
                        "operator family public.pair_ops USING btree (block C1) is still used by index public.pairs_label_idx on table public.pairs", null),
                new Case("a support function of a kept operator class", db -> db.ensureNoFunction("cmp(integer, integer)"),
                        "function public.cmp (block C1) is still used by operator class public.pair_ops USING btree", null),
                new Case("the index removed too, written after: dropped first, in the transaction", db -> {
                    db.ensureNoOperatorFamily("pair_ops", "btree");
                    db.ensureNoIndex("pairs_label_idx");
                }, null, List.of("DROP INDEX \"public\".\"pairs_label_idx\"")),
                new Case("a domain removed with its function: no refusal", db -> {
                    db.ensureNoDomain("pos");
                    db.ensureNoFunction("positive(integer)");
                }, null, List.of("DROP ROUTINE \"public\".\"positive\"(integer)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recordedUsers(Case c) {
        DeclaredSchema declared = DeclaredSchema.of(List.of(Blocks.block("C1", c.blocks())));
        assertTrue(Planner.needsRecordedDependencies(declared), "a routine, type, operator or operator class removal reads pg_depend");
        if (c.refusal() != null) {
            String m = assertThrows(SchemaSyncException.class, () -> Planner.plan(BEFORE, declared, shapes().build(), Map.of(), RECORDED))
                    .getMessage();
            assertTrue(m.contains(c.refusal()), c.refusal() + " in: " + m);
            assertTrue(m.contains("nothing was changed"), m);
        } else {
            List<String> sql = Planner.plan(BEFORE, declared, shapes().build(), Map.of(), RECORDED).steps().stream()
                    .map(s -> SqlRenderer.render(s.step())).toList();
            assertEquals(c.sql(), sql);
        }
    }
}
