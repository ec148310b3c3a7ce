package schemasync.normalize;

/**
 * A routine the shadows need (a trigger's function; the function a CHECK, default, generated column or
 * index calls) created as a prerequisite in normalization's rolled-back transaction, the way the apply
 * creates it: with check_function_bodies off, as pg_dump does. Its SQL body may read a table this run
 * creates in a later block, which the shadows never create (they are temporary twins under other names);
 * with the setting on, CREATE FUNCTION would fail on that table and every user of the function would be
 * reported as calling a function that does not exist. The apply checks the body before its commit, once
 * everything exists ({@code execute.RoutineBodies}).
 */
final class RoutinePrerequisite {
    private RoutinePrerequisite() {
    }

    /**
     * {@code createSql} (a CREATE [OR REPLACE] FUNCTION / PROCEDURE) with check_function_bodies off for it
     * alone, set back after it (on a failure the DO block's own savepoint takes the setting back too), in a
     * DO block that ignores its failure: a routine that cannot exist here is reported through its users.
     */
    static String bodyUnchecked(String createSql) {
        String tag = "$schema_sync_tolerant$";
        String quoted = "$schema_sync_tolerant_sql$";
        if (createSql.contains(tag) || createSql.contains(quoted)) return createSql;
        return "DO " + tag + " DECLARE was text := pg_catalog.current_setting('check_function_bodies'); BEGIN"
                + " PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE " + quoted + createSql + quoted
                + "; PERFORM pg_catalog.set_config('check_function_bodies', was, true); EXCEPTION WHEN OTHERS THEN NULL; END " + tag;
    }
}
