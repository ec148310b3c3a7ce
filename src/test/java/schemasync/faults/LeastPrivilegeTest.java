package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess.Run;
import schemasync.Scenario;

/**
 * What each mode needs (docs/PRIVILEGES.md). A role with nothing but CONNECT (plus what every role gets
 * from PUBLIC: USAGE on schema public, TEMPORARY on the database, reading pg_catalog) can run --dry-run
 * and --check on a database whose declared types and functions exist; its --apply is refused cleanly.
 * A role that is neither superuser nor anything but the database's owner can run --apply.
 */
class LeastPrivilegeTest {

    @Test
    void aConnectOnlyRoleCanPlanAndCheckButNotApply() throws Exception {
        try (Scenario s = Scenario.start()) {
            Roles.ensure(s.connection);
            s.applyAndConverge(Changes.ALL);
            String database = s.queryString("SELECT current_database()");
            Roles.grantReadOnly(s.connection, database);
            Map<String, String> env = Map.of("DATABASE_URL", Roles.platformUrl(s.url, Roles.READ_ONLY_USER, Roles.PASSWORD));
            assertEquals("f", s.queryString("SELECT has_table_privilege('" + Roles.READ_ONLY_USER + "', 'public.users', 'SELECT')"),
                    "the role cannot even read the tables");

            Run inSync = Tool.run(env, null, "--dry-run");
            assertEquals(0, inSync.exit(), inSync::all);
            assertTrue(inSync.out().contains("in sync, nothing to do (dry run)"), inSync::all);

            // Something to do: an index went missing. The role sees it, and --check says so.
            s.execute("DROP INDEX users_email_lower_key");
            Run pending = Tool.run(env, null, "--check");
            assertEquals(5, pending.exit(), pending::all);
            assertTrue(pending.out().contains("users_email_lower_key"), pending::all);

            List<String> before = DbState.of(s.connection);
            Run apply = Tool.run(env, null, "--apply");
            assertEquals(2, apply.exit(), apply::all);
            assertTrue(apply.err().startsWith("error: "), apply::all);
            assertFalse(Tool.hasStackTrace(apply.all()), apply::all);
            assertFalse(apply.all().contains(Roles.PASSWORD), apply::all);
            assertEquals(before, DbState.of(s.connection));
        }
    }

    @Test
    void theDatabaseOwnerWithoutSuperuserCanApply() throws Exception {
        try (Scenario s = Scenario.start()) {
            Roles.ensure(s.connection);
            String database = s.queryString("SELECT current_database()");
            s.execute("ALTER DATABASE " + database + " OWNER TO " + Roles.PASSWORD_USER);
            assertEquals("f", s.queryString("SELECT rolsuper FROM pg_roles WHERE rolname = '" + Roles.PASSWORD_USER + "'"));
            if (Integer.parseInt(s.queryString("SHOW server_version_num")) < 150000) {
                // Before 15, schema public belongs to the bootstrap superuser; from 15 on, to pg_database_owner.
                s.execute("ALTER SCHEMA public OWNER TO " + Roles.PASSWORD_USER);
            }
            Map<String, String> env = Map.of("DATABASE_URL", Roles.platformUrl(s.url, Roles.PASSWORD_USER, Roles.PASSWORD));
            Run apply = Tool.run(env, null, "--apply", "--quiet");
            assertEquals(0, apply.exit(), apply::all);
            assertTrue(apply.out().contains("verified in sync"), apply::all);
            assertTrue(s.plan(Changes.ALL).isEmpty());
        }
    }
}
