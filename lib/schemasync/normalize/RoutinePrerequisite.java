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
     * And when a standard SQL body fails only because it reads one of
     * {@code declaredBefore} (tables an earlier declaration creates, as {@code schema.name} and, in public,
     * bare), its {@link #standIn} is created instead: the apply will create the routine after that table.
     * A body reading a table declared after it is still reported through its users (the apply would fail).
     */
    static String bodyUnchecked(String createSql, java.util.Set<String> declaredBefore) {
        String tag = "$schema_sync_tolerant$";
        String quoted = "$schema_sync_tolerant_sql$";
        if (createSql.contains(tag) || createSql.contains(quoted)) return createSql;
        String stub = standIn(createSql);
        String stubQuoted = "$schema_sync_stand_in_sql$";
        String fallback = stub == null || stub.contains(stubQuoted) || declaredBefore.isEmpty() ? "NULL"
                : "IF pg_catalog.substring(SQLERRM, 'relation \"(.*)\" does not exist') = ANY (ARRAY["
                + declaredBefore.stream().sorted().map(schemasync.catalog.SqlText::literal).collect(java.util.stream.Collectors.joining(", "))
                + "]::text[]) THEN BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off',"
                + " true); EXECUTE " + stubQuoted + stub + stubQuoted + "; PERFORM pg_catalog.set_config('check_function_bodies', was, true);"
                + " EXCEPTION WHEN OTHERS THEN NULL; END; END IF";
        return "DO " + tag + " DECLARE was text := pg_catalog.current_setting('check_function_bodies'); BEGIN"
                + " PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE " + quoted + createSql + quoted
                + "; PERFORM pg_catalog.set_config('check_function_bodies', was, true); EXCEPTION WHEN OTHERS THEN " + fallback + "; END " + tag;
    }

    private static final java.util.regex.Pattern LANGUAGE_SQL = java.util.regex.Pattern.compile("(?i)LANGUAGE\\s+\"?sql\"?(?![A-Za-z0-9_])");

    private static final java.util.regex.Pattern STANDARD_BODY = java.util.regex.Pattern.compile(
            "(?i)(?<![A-Za-z0-9_$\"])(RETURN|BEGIN\\s+ATOMIC)(?![A-Za-z0-9_$\"])");

    /**
     * A standard SQL body ({@code RETURN ...} / {@code BEGIN ATOMIC ... END}, PostgreSQL 14+) is parsed at CREATE
     * whatever check_function_bodies says, so one reading a table that a later block creates cannot exist here;
     * the shadows of the tables calling it (a default, generated column, CHECK or index) need only its signature,
     * result and attributes. Its stand-in: the same header in PL/pgSQL with an empty body, which check_function_bodies off
     * leaves unchecked (rolled back with the rest; the apply creates the real one after the tables it reads).
     * Null when the body is not a standard SQL one (a quoted string precedes the keyword).
     */
    static String standIn(String createSql) {
        java.util.regex.Matcher m = STANDARD_BODY.matcher(createSql);
        if (!m.find()) return null;
        String header = createSql.substring(0, m.start());
        if (header.contains("'") || header.contains("$")) return null;
        java.util.regex.Matcher language = LANGUAGE_SQL.matcher(header);
        if (!language.find()) return null;
        // PL/pgSQL, not SQL: an IMMUTABLE SQL function is inlined when a generated column or index is created, and a
        // stand-in's body would then be checked against the declared result.
        boolean returnsRows = !header.matches("(?is).*\\bRETURNS\\b.*") || header.matches("(?is).*\\b(SETOF|TABLE\\s*\\()\\s*.*");
        return header.substring(0, language.start()) + "LANGUAGE plpgsql" + header.substring(language.end())
                + (returnsRows ? " AS 'BEGIN RETURN; END'" : " AS 'BEGIN RETURN NULL; END'");
    }
}
