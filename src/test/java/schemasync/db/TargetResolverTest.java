package schemasync.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.SchemaSyncException;

/**
 * Which database and credentials a run uses: the order of --database-url, DATABASE_URL,
 * DATABASE_URL_FILE and PGHOST/PGSERVICE; libpq's fill-ins for what a URL leaves out (service file,
 * then PG* variables, then the password file); the password command. No database needed: the
 * resolved target is compared; SecretsTest connects with each of these for real.
 */
class TargetResolverTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString()); // no ~/.pgpass or ~/.pg_service.conf of the machine
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    private static String password(TargetResolver.Resolved r) {
        return r.url().properties().getProperty("password");
    }

    @Test
    void theFirstSourceSetNamesTheDatabase() throws Exception {
        Path file = Files.writeString(dir.resolve("url"), "postgres://f@file-host/filedb\n");
        assertNull(TargetResolver.resolve(null, null, env()), "nothing set: the caller decides (embedded or an error)");
        assertEquals("--database-url", TargetResolver.resolve("postgres://flag/db", null,
                env("DATABASE_URL", "postgres://env/db", "PGHOST", "pghost")).source());
        assertEquals("jdbc:postgresql://env/db", TargetResolver.resolve(null, null,
                env("DATABASE_URL", "postgres://env/db", "PGHOST", "pghost")).url().jdbcUrl());
        TargetResolver.Resolved fromFile = TargetResolver.resolve(null, null, env("DATABASE_URL_FILE", file.toString(), "PGHOST", "x"));
        assertEquals("jdbc:postgresql://file-host/filedb", fromFile.url().jdbcUrl(), "trailing newline trimmed");
        assertEquals("DATABASE_URL_FILE", fromFile.source());
        assertEquals("jdbc:postgresql://pghost/", TargetResolver.resolve(null, null, env("PGHOST", "pghost")).url().jdbcUrl());
        var both = assertThrows(SchemaSyncException.class, () -> TargetResolver.resolve(null, null,
                env("DATABASE_URL", "postgres://a/b", "DATABASE_URL_FILE", file.toString())));
        assertTrue(both.getMessage().contains("both DATABASE_URL and DATABASE_URL_FILE are set"), both::getMessage);
        var missing = assertThrows(SchemaSyncException.class, () -> TargetResolver.resolve(null, null,
                env("DATABASE_URL_FILE", dir.resolve("nope").toString())));
        assertTrue(missing.getMessage().startsWith("cannot read DATABASE_URL_FILE "), missing::getMessage);
    }

    @Test
    void whatTheUrlLeavesOutComesFromThePgVariablesAndTheUrlWins() {
        var r = TargetResolver.resolve(null, null, env("DATABASE_URL", "postgres://db.internal/app",
                "PGUSER", "deploy", "PGPASSWORD", "from-env", "PGPORT", "6432", "PGSSLMODE", "require", "PGDATABASE", "other"));
        assertEquals("jdbc:postgresql://db.internal:6432/app", r.url().jdbcUrl());
        assertEquals("deploy", r.url().properties().getProperty("user"));
        assertEquals("from-env", password(r));
        assertEquals("require", r.url().properties().getProperty("sslmode"));
        assertFalse(r.url().display().contains("from-env"), r.url().display());

        var urlWins = TargetResolver.resolve(null, null, env("DATABASE_URL", "postgres://app:in-url@h:5433/db?sslmode=disable",
                "PGUSER", "deploy", "PGPASSWORD", "from-env", "PGPORT", "6432", "PGSSLMODE", "require", "PGHOST", "elsewhere"));
        assertEquals("jdbc:postgresql://h:5433/db", urlWins.url().jdbcUrl());
        assertEquals("disable", urlWins.url().properties().getProperty("sslmode"));
        assertEquals("app", urlWins.url().properties().getProperty("user"));
        assertEquals("in-url", password(urlWins));

        var onlyPg = TargetResolver.resolve(null, null, env("PGHOST", "h1,h2", "PGPORT", "5433", "PGDATABASE", "app",
                "PGUSER", "u", "PGAPPNAME", "deploy-job"));
        assertEquals("jdbc:postgresql://h1:5433,h2:5433/app", onlyPg.url().jdbcUrl());
        assertEquals("postgresql://u@h1:5433,h2:5433/app?application_name=deploy-job", onlyPg.url().display());
        assertEquals("deploy-job", onlyPg.url().properties().getProperty("ApplicationName"));

        var jdbc = TargetResolver.resolve(null, null, env("DATABASE_URL", "jdbc:postgresql://h/db?user=app", "PGPASSWORD", "pw"));
        assertEquals("pw", password(jdbc), "a JDBC URL takes PGPASSWORD too");

        var socket = assertThrows(SchemaSyncException.class, () -> TargetResolver.resolve(null, null, env("PGHOST", "/var/run/postgresql")));
        assertTrue(socket.getMessage().contains("Unix-socket directory"), socket::getMessage);
    }

    @Test
    void aServiceFileFillsInBeforeTheEnvironmentAndAnUnknownServiceIsAnError() throws Exception {
        Path services = Files.writeString(dir.resolve("services.conf"), """
                # deploy targets
                [other]
                host=wrong
                [prod]
                host = db.prod
                port=5434
                dbname=app
                user=deployer
                sslmode=verify-full
                """);
        var r = TargetResolver.resolve(null, null, env("PGSERVICE", "prod", "PGSERVICEFILE", services.toString(),
                "PGUSER", "loses-to-the-service", "PGPASSWORD", "pw"));
        assertEquals("jdbc:postgresql://db.prod:5434/app", r.url().jdbcUrl());
        assertEquals("verify-full", r.url().properties().getProperty("sslmode"));
        assertEquals("deployer", r.url().properties().getProperty("user"));
        assertEquals("pw", password(r));
        var viaUrl = TargetResolver.resolve(null, null, env("DATABASE_URL", "postgres:///?service=prod",
                "PGSERVICEFILE", services.toString()));
        assertEquals("postgresql://deployer@db.prod:5434/app?sslmode=verify-full", viaUrl.url().display());
        var unknown = assertThrows(SchemaSyncException.class, () -> TargetResolver.resolve(null, null,
                env("PGSERVICE", "nope", "PGSERVICEFILE", services.toString())));
        assertTrue(unknown.getMessage().startsWith("service \"nope\" (PGSERVICE or service=) is not defined in"), unknown::getMessage);
    }

    @Test
    void thePasswordFileMatchesLikeLibpqAndComesLast() throws Exception {
        Path pgpass = Files.writeString(dir.resolve("pgpass"), """
                # host:port:database:user:password
                other:*:*:*:not-this-one
                db.internal:5432:app:deploy:wrong-db
                db.internal:*:app2:deploy:pa\\:ss:with-colons
                *:*:*:*:fallback
                """);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        List<String> warnings = new java.util.ArrayList<>();
        var r = TargetResolver.resolve(null, null, env("DATABASE_URL", "postgres://deploy@db.internal/app2", "PGPASSFILE", pgpass.toString()));
        assertEquals("pa:ss:with-colons", password(r));
        assertEquals(List.of(), r.warnings());
        assertEquals("fallback", password(TargetResolver.resolve(null, null,
                env("DATABASE_URL", "postgres://deploy@db.internal:6000/app3", "PGPASSFILE", pgpass.toString()))));
        assertEquals("env-wins", password(TargetResolver.resolve(null, null, env("DATABASE_URL", "postgres://deploy@db.internal/app2",
                "PGPASSFILE", pgpass.toString(), "PGPASSWORD", "env-wins"))));
        Path home = Files.writeString(dir.resolve(".pgpass"), "*:*:*:*:from-home\n");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rw-r--r--"));
        var shared = TargetResolver.resolve(null, null, env("DATABASE_URL", "postgres://u@h/db"));
        assertEquals("from-home", password(shared), "~/.pgpass from HOME");
        assertEquals(1, shared.warnings().size());
        assertTrue(shared.warnings().get(0).contains("readable or writable by group or others") && !shared.warnings().get(0).contains("from-home"));
    }

    @Test
    void thePasswordCommandsFirstLineIsThePasswordAndItsOutputIsNeverShown() {
        var r = TargetResolver.resolve(null, "printf 'token-123\\nsecond line\\n'", env("DATABASE_URL", "postgres://u@h/db",
                "PGPASSWORD", "loses"));
        assertEquals("token-123", password(r));
        var fromEnv = TargetResolver.resolve(null, null, env("PGHOST", "h", "SCHEMA_SYNC_PASSWORD_COMMAND", "echo tok-env"));
        assertEquals("tok-env", password(fromEnv));
        var failed = assertThrows(SchemaSyncException.class, () -> TargetResolver.resolve(null,
                "echo leaked-secret; echo leaked-err >&2; exit 7", env("PGHOST", "h")));
        assertTrue(failed.getMessage().startsWith("the password command failed with exit status 7; its output is not shown"),
                failed::getMessage);
        assertFalse(failed.getMessage().contains("leaked"), failed::getMessage);
        var empty = assertThrows(SchemaSyncException.class, () -> TargetResolver.resolve(null, "true", env("PGHOST", "h")));
        assertTrue(empty.getMessage().contains("printed no password"), empty::getMessage);
        var two = assertThrows(SchemaSyncException.class, () -> TargetResolver.resolve(null, "echo t",
                env("DATABASE_URL", "postgres://u:pw@h/db")));
        assertTrue(two.getMessage().startsWith("both a password command and a password in DATABASE_URL"), two::getMessage);
    }

    @Test
    void aPasswordOnTheCommandLineIsWarnedAbout() {
        var r = TargetResolver.resolve("postgres://u:on-the-command-line@h/db", null, env());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("the password in --database-url is visible to every user of this machine (ps"));
        assertFalse(r.warnings().get(0).contains("on-the-command-line"));
        assertEquals(1, TargetResolver.resolve("jdbc:postgresql://h/db?user=u&password=x", null, env()).warnings().size());
        assertEquals(List.of(), TargetResolver.resolve("postgres://u@h/db", null, env("PGPASSWORD", "p")).warnings());
        assertEquals(List.of(), TargetResolver.resolve(null, null, env("DATABASE_URL", "postgres://u:p@h/db")).warnings());
    }
}
