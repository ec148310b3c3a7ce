package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SchemaChanges;

/**
 * Removing an operator, an operator class or an operator family that a kept object uses: pg_depend records the users
 * (a CHECK or a view using the operator, a class holding it as a member, an index using the class), the model's texts
 * do not. Before, the plan let the DROP through and the apply failed half-way with PostgreSQL's "cannot drop operator
 * … because other objects depend on it"; now it is refused before anything runs, naming the user. Removing the users
 * in the same run, written after, plans their removals first.
 */
class OperatorRemovalUsersTest {
    private static final String[] SCHEMA = {
        "CREATE FUNCTION zz_same(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a = b $$",
        "CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = zz_same)",
        "CREATE TABLE zz_pairs (a integer, b integer, CONSTRAINT zz_pairs_same CHECK (a === b))",
        "CREATE VIEW zz_same_pairs AS SELECT a === b AS same FROM zz_pairs",
        "CREATE FUNCTION zz_eq(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a = b $$",
        "CREATE OPERATOR =~= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = zz_eq)",
        "CREATE FUNCTION zz_cmp(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE"
                + " AS $$ SELECT CASE WHEN $1 < $2 THEN -1 WHEN $1 > $2 THEN 1 ELSE 0 END $$",
        "CREATE OPERATOR CLASS zz_ops FOR TYPE integer USING btree AS OPERATOR 3 =~=, FUNCTION 1 zz_cmp(integer, integer)",
        "CREATE TABLE zz_items (a integer)",
        "CREATE INDEX zz_items_a ON zz_items (a zz_ops)",
        "CREATE TYPE zz_money AS (v numeric)",
        "CREATE FUNCTION zz_to_text(zz_money) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT ($1).v::text $$",
        "CREATE CAST (zz_money AS text) WITH FUNCTION zz_to_text(zz_money)",
        "CREATE TABLE zz_prices (m zz_money, label text DEFAULT (ROW(1)::zz_money)::text)"};

    record Refusal(Consumer<SchemaChanges> blocks, List<String> expected) {
    }

    private static final String COUNTS = "SELECT (SELECT count(*) FROM pg_operator WHERE oprname IN ('===', '=~='))"
            + " || ',' || (SELECT count(*) FROM pg_opclass WHERE opcname = 'zz_ops')"
            + " || ',' || (SELECT count(*) FROM pg_opfamily WHERE opfname = 'zz_ops')"
            + " || ',' || (SELECT count(*) FROM pg_class WHERE relname IN ('zz_items_a', 'zz_same_pairs'))"
            + " || ',' || (SELECT count(*) FROM pg_cast WHERE castsource = 'zz_money'::regtype)"
            + " || ',' || (SELECT count(*) FROM pg_proc WHERE proname IN ('zz_same', 'zz_eq', 'zz_cmp', 'zz_to_text'))";

    @Test
    void aRemovalOfAnOperatorOrClassAKeptObjectUsesIsRefusedNamingTheUser() throws Exception {
        List<Refusal> refusals = List.of(
                new Refusal(db -> db.ensureNoOperator("===", "integer", "integer"), List.of(
                        "operator public.===(integer, integer) (block C1) is still used by constraint zz_pairs_same of table public.zz_pairs",
                        "operator public.===(integer, integer) (block C1) is still used by view public.zz_same_pairs")),
                new Refusal(db -> db.ensureNoOperator("=~=", "integer", "integer"), List.of(
                        "operator public.=~=(integer, integer) (block C1) is still used by operator class public.zz_ops USING btree")),
                new Refusal(db -> db.ensureNoOperatorClass("zz_ops", "btree"), List.of(
                        "operator class public.zz_ops USING btree (block C1) is still used by index public.zz_items_a on table public.zz_items")),
                new Refusal(db -> db.ensureNoOperatorFamily("zz_ops", "btree"), List.of(
                        "operator family public.zz_ops USING btree (block C1) is still used by index public.zz_items_a on table public.zz_items")),
                // A support function is a member of the class too (pg_amproc records it).
                new Refusal(db -> db.ensureNoFunction("zz_cmp(integer, integer)"), List.of(
                        "function public.zz_cmp (block C1) is still used by operator class public.zz_ops USING btree")));
        try (Scenario s = Scenario.start(SCHEMA)) {
            String before = s.queryString(COUNTS);
            assertEquals("2,1,1,2,1,4", before);
            for (Refusal refusal : refusals) {
                List<ChangeBlock> blocks = List.of(block("C1", refusal.blocks()));
                String m = assertThrows(SchemaSyncException.class, () -> s.plan(blocks), refusal.expected().get(0)).getMessage();
                for (String expected : refusal.expected()) assertTrue(m.contains(expected), expected + " in: " + m);
                assertTrue(m.contains("nothing was changed"), m);
                assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
                assertEquals(before, s.queryString(COUNTS), "nothing was changed");
            }
        }
    }

    @Test
    void theUsersRemovedInTheSameRunAreDroppedFirstWhateverTheOrderWritten() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureNoColumn("zz_prices", "label");
            db.ensureNoOperator("=~=", "integer", "integer");
            db.ensureNoFunction("zz_cmp(integer, integer)");
            db.ensureNoOperatorFamily("zz_ops", "btree");
            db.ensureNoIndex("zz_items_a");
            db.ensureNoFunction("zz_same(integer, integer)");
            db.ensureNoOperator("===", "integer", "integer");
            db.ensureNoConstraint("zz_pairs", "zz_pairs_same");
            db.ensureNoView("zz_same_pairs");
            // PostgreSQL records no user of a cast (the dropped default recorded the cast's function): the function waits for it.
            db.ensureNoFunction("zz_to_text(zz_money)");
            db.ensureNoCast("zz_money", "text");
        }));
        try (Scenario s = Scenario.start(SCHEMA)) {
            s.applyAndConverge(blocks, schemasync.model.HazardKind.DELETES_DATA);
            assertEquals("0,0,0,0,0,1", s.queryString(COUNTS), "only zz_eq is left");
        }
    }
}
