package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;

/**
 * Removing a routine whose users only pg_depend knows: an operator it backs (itself used by a kept table's CHECK), a
 * domain whose CHECK calls it, a view whose query calls it. The model's texts show none of them (no {@code f(} in the
 * table's CHECK), so before the plan let the removals through and the apply failed half-way with PostgreSQL's
 * "cannot drop function … because other objects depend on it". Now refused before anything runs, naming each user;
 * removing the user in the same run lets the routine go.
 */
class RecordedRemovalUsersTest {
    private static final String[] SCHEMA = {
        "CREATE FUNCTION zz_same(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a = b $$",
        "CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = zz_same)",
        "CREATE TABLE zz_pairs (a integer, b integer, CONSTRAINT zz_pairs_same CHECK (a === b))",
        "CREATE FUNCTION zz_positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$",
        "CREATE DOMAIN zz_pos AS integer CONSTRAINT zz_pos_ok CHECK (zz_positive(VALUE))",
        "CREATE FUNCTION zz_label(v integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || v $$",
        "CREATE VIEW zz_labels AS SELECT zz_label(a) AS label FROM zz_pairs"};

    @Test
    void aRoutineAnOperatorADomainOrAViewStillUsesIsRefusedNamingTheUser() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureNoFunction("zz_same(integer, integer)");
            db.ensureNoFunction("zz_positive(integer)");
            db.ensureNoFunction("zz_label(integer)");
        }));
        try (Scenario s = Scenario.start(SCHEMA)) {
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
            String m = e.getMessage();
            for (String expected : List.of(
                    "function public.zz_same (block C1) is still used by operator public.===(integer, integer)",
                    "function public.zz_positive (block C1) is still used by type public.zz_pos",
                    "function public.zz_label (block C1) is still used by view public.zz_labels")) {
                assertTrue(m.contains(expected), expected + " in: " + m);
            }
            assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertEquals("3", s.queryString("SELECT count(*) FROM pg_proc WHERE proname IN ('zz_same', 'zz_positive', 'zz_label')"),
                    "nothing was changed");
        }
    }

    @Test
    void aRoutineWhoseUsersTheRunRemovesIsDroppedAfterThem() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureNoView("zz_labels");
            db.ensureNoFunction("zz_label(integer)");
            // Written before the domain that calls it: pg_depend's edge plans DROP DOMAIN first.
            db.ensureNoFunction("zz_positive(integer)");
            db.ensureNoDomain("zz_pos");
        }));
        try (Scenario s = Scenario.start(SCHEMA)) {
            s.applyAndConverge(blocks);
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_proc WHERE proname IN ('zz_same', 'zz_positive', 'zz_label')"));
        }
    }
}
