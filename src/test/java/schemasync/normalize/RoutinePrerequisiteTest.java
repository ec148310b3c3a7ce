package schemasync.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stand-in a normalization shadow sees for a standard SQL body that cannot be created yet (it reads a table an
 * earlier block creates): the same header in PL/pgSQL with an empty body; none for a quoted body, whose text
 * check_function_bodies off already leaves alone. Without PostgreSQL: the round trips prove it on a server.
 */
class RoutinePrerequisiteTest {
    @Test
    void aReturnBodyGetsAPlpgsqlStandInWithItsHeader() {
        assertEquals("CREATE OR REPLACE FUNCTION \"public\".\"f\"(c text) RETURNS numeric\n LANGUAGE plpgsql\n IMMUTABLE\n"
                        + " AS 'BEGIN RETURN NULL; END'",
                RoutinePrerequisite.standIn("CREATE OR REPLACE FUNCTION \"public\".\"f\"(c text) RETURNS numeric\n LANGUAGE sql\n"
                        + " IMMUTABLE\nRETURN (SELECT rate FROM public.rates WHERE code = c)"));
    }

    @Test
    void aBeginAtomicBodyReturningRowsGetsAnEmptyReturn() {
        assertEquals("CREATE FUNCTION f() RETURNS SETOF bigint LANGUAGE plpgsql STABLE  AS 'BEGIN RETURN; END'",
                RoutinePrerequisite.standIn("CREATE FUNCTION f() RETURNS SETOF bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT id FROM t; END"));
    }

    @Test
    void quotedBodiesAndOtherLanguagesGetNone() {
        assertNull(RoutinePrerequisite.standIn("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$"));
        assertNull(RoutinePrerequisite.standIn("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'"));
        assertNull(RoutinePrerequisite.standIn("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"));
    }

    @Test
    void theStandInIsTriedOnlyForATableDeclaredBefore() {
        String create = "CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN (SELECT count(*) FROM public.t)";
        assertTrue(RoutinePrerequisite.bodyUnchecked(create, Set.of("public.t", "t")).contains("ARRAY['public.t', 't']::text[]"));
        assertTrue(!RoutinePrerequisite.bodyUnchecked(create, Set.of()).contains("LANGUAGE plpgsql"), "no table declared before: no stand-in");
    }
}
