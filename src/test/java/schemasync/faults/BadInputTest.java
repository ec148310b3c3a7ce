package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.CliProcess.Run;
import schemasync.Scenario;
import schemasync.db.DatabaseUrl;

/**
 * Bad input of every kind, through the real command line in its own JVM: each is one clear error line
 * ("error: ..."), exit status 2, no stack trace, the password nowhere in the output (text or JSON), and
 * the database exactly as it was. Every case gets its own fresh database holding a {@code victim} table
 * that the injection attempts aim at. The command line runs in this JVM ({@link InProcess}: the same
 * entry as the script's, only without System.exit) so that sixty cases take seconds; SecretsTest runs
 * a sample of them, and every command, as real processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG_PASSWORD = "Wr0ng-Pa55word-7777";

    /** What a case gets: its own database (owned by the password role) and the fake servers' ports. */
    record Fixture(DatabaseUrl db, int httpPort, int hangUpPort) {
        String url() {
            return Roles.platformUrl(db, Roles.PASSWORD_USER, Roles.PASSWORD);
        }

        String url(String user, String password, String query) {
            return Roles.platformUrl(db, user, password) + query;
        }

        String database() {
            String jdbc = db.jdbcUrl();
            return jdbc.substring(jdbc.lastIndexOf('/') + 1);
        }

        String hostPort() {
            String rest = db.jdbcUrl().substring("jdbc:postgresql://".length());
            return rest.substring(0, rest.indexOf('/'));
        }
    }

    record Invocation(Map<String, String> env, String blocks, List<String> args) {
    }

    private static final Map<String, Function<Fixture, Invocation>> CASES = new LinkedHashMap<>();

    private static void url(String label, Function<Fixture, String> url) {
        CASES.put(label, f -> new Invocation(Map.of("DATABASE_URL", url.apply(f)), null, List.of("--apply")));
    }

    private static void args(String label, Function<Fixture, List<String>> args) {
        CASES.put(label, f -> new Invocation(Map.of("DATABASE_URL", f.url()), null, args.apply(f)));
    }

    private static void blocks(String blocks) {
        CASES.put("blocks " + blocks, f -> new Invocation(Map.of("DATABASE_URL", f.url()), blocks, List.of("--apply")));
    }

    static {
        // Malformed URLs and flags: refused before any connection.
        url("URL not a URL", f -> "not a url with " + Roles.PASSWORD);
        url("URL scheme only", f -> "postgres://");
        url("URL port not a number", f -> "postgres://u:" + Roles.PASSWORD + "@localhost:port/db");
        url("URL port out of range", f -> "postgres://u:" + Roles.PASSWORD + "@localhost:99999/db");
        url("URL mysql scheme", f -> "mysql://u:" + Roles.PASSWORD + "@localhost/db");
        url("URL jdbc mysql", f -> "jdbc:mysql://localhost/db?password=" + Roles.PASSWORD);
        url("URL http scheme", f -> "http://u:" + Roles.PASSWORD + "@localhost/db");
        url("URL bad percent-encoding", f -> "postgres://u:" + Roles.PASSWORD + "%ZZ@localhost/db");
        url("URL unclosed IPv6 bracket", f -> "postgres://u:" + Roles.PASSWORD + "@[::1/db");
        url("URL jdbc with user:password@", f -> "jdbc:postgresql://u:" + Roles.PASSWORD + "@localhost/db");
        url("URL bad sslmode", f -> f.url() + "?sslmode=bogus");
        args("flag --apply with --check", f -> List.of("--apply", "--check"));
        args("flag unknown", f -> List.of("--apply", "--frobnicate"));
        args("flag bad duration", f -> List.of("--apply", "--lock-timeout", "banana"));
        args("flag bad format", f -> List.of("--apply", "--format", "yaml"));
        args("flag --embedded with a URL", f -> List.of("--apply", "--embedded"));
        args("flag --plan-out with --apply", f -> List.of("--apply", "--plan-out", "target/never.json"));
        CASES.put("no DATABASE_URL without a terminal", f -> new Invocation(Map.of(), null, List.of("--apply")));
        // Unreachable or refusing servers.
        url("unreachable port", f -> "postgres://u:" + Roles.PASSWORD + "@127.0.0.1:1/db");
        url("unknown host", f -> "postgres://u:" + Roles.PASSWORD + "@no-such-host.invalid:5432/db");
        url("wrong password", f -> f.url(Roles.PASSWORD_USER, WRONG_PASSWORD, ""));
        url("missing password", f -> f.url(Roles.PASSWORD_USER, null, ""));
        url("unknown user", f -> f.url("no_such_user_here", Roles.PASSWORD, ""));
        url("missing database", f -> "postgres://" + Roles.PASSWORD_USER + ":" + Roles.PASSWORD + "@" + f.hostPort() + "/no_such_database");
        url("SSL required by the client, server has none", f -> f.url() + "?sslmode=require");
        url("SSL verify-full, server has none", f -> f.url() + "?sslmode=verify-full");
        url("SSL required by the server", f -> f.url(Roles.SSL_ONLY_USER, Roles.PASSWORD, "?sslmode=disable"));
        url("not PostgreSQL: an HTTP port", f -> "postgres://u:" + Roles.PASSWORD + "@127.0.0.1:" + f.httpPort() + "/db");
        url("not PostgreSQL: hangs up at once", f -> "postgres://u:" + Roles.PASSWORD + "@127.0.0.1:" + f.hangUpPort() + "/db");
        url("read-only role on --apply", f -> f.url(Roles.READ_ONLY_USER, Roles.PASSWORD, ""));
        // Invalid declarations, through the real blocks list.
        for (String b : List.of("blank-table", "blank-column", "long-table", "long-multibyte-table", "long-column",
                "long-index", "long-schema", "nul-in-name", "newline-in-name", "nul-in-column", "unknown-type",
                "unknown-type-column", "unknown-type-modifier", "table-twice", "column-twice", "block-id-twice",
                "index-on-missing-table", "column-on-missing-table", "enum-label-twice", "enum-label-too-long",
                "primary-key-unknown-column", "block-throws", "block-throws-npe", "default-injection",
                "default-injection-column", "default-comment-injection", "check-injection", "index-where-injection", "routine-body-broken")) {
            blocks(b);
        }
    }

    record Outcome(Fixture fixture, List<String> before, Run text, Run json, List<String> after) {
    }

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final FakeServers fakes = new FakeServers();

    @BeforeAll
    void runEveryCase() throws Exception {
        int http = fakes.start(FakeServers.Behaviour.HTTP);
        int hangUp = fakes.start(FakeServers.Behaviour.HANG_UP);
        long start = System.nanoTime();
        for (var c : CASES.entrySet()) {
            try (Scenario s = Scenario.start("CREATE TABLE victim (id int PRIMARY KEY, note text)",
                    "INSERT INTO victim VALUES (1, 'keep me')")) {
                Roles.ensure(s.connection);
                String database = s.queryString("SELECT current_database()");
                s.execute("ALTER DATABASE " + database + " OWNER TO " + Roles.PASSWORD_USER);
                s.execute("ALTER TABLE victim OWNER TO " + Roles.PASSWORD_USER);
                Roles.grantReadOnly(s.connection, database);
                Fixture fixture = new Fixture(s.url, http, hangUp);
                List<String> before = DbState.of(s.connection);
                Invocation inv = c.getValue().apply(fixture);
                Run text = InProcess.run(inv.env(), inv.blocks(), inv.args());
                List<String> jsonArgs = new ArrayList<>(inv.args());
                jsonArgs.addAll(List.of("--format", "json"));
                Run json = InProcess.run(inv.env(), inv.blocks(), jsonArgs);
                outcomes.put(c.getKey(), new Outcome(fixture, before, text, json, DbState.of(s.connection)));
            }
        }
        System.out.printf("BadInputTest: %d cases, each in text and JSON, %.1f s%n", CASES.size(), (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    void stopFakes() throws Exception {
        fakes.close();
    }

    Stream<String> cases() {
        return CASES.keySet().stream();
    }

    @Test
    void thereAreAtLeastFortyCases() {
        assertTrue(CASES.size() >= 40, "cases: " + CASES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachIsOneClearLineExitTwoNoSecretNothingChanged(String label) throws Exception {
        Outcome o = outcomes.get(label);
        Run text = o.text();
        String shown = label + " →\n" + text.all();
        assertEquals(2, text.exit(), shown);
        List<String> errLines = text.err().lines().filter(l -> !l.isBlank()).toList();
        assertFalse(errLines.isEmpty(), shown);
        assertTrue(errLines.get(0).startsWith("error: ") && errLines.get(0).length() > "error: ".length() + 10, shown);
        assertEquals(1, errLines.stream().filter(l -> l.startsWith("error: ")).count(), shown);
        // One headline; at most a short indented list of problems under it (and picocli's "Try --help.").
        assertTrue(errLines.stream().skip(1).allMatch(l -> l.startsWith("  ") || l.equals("Try --help.")), shown);
        assertTrue(errLines.size() <= 4, shown);
        assertFalse(Tool.hasStackTrace(text.all()), shown);
        assertNoSecret(text.all(), shown);

        Run json = o.json();
        String shownJson = label + " (json) →\n" + json.all();
        assertEquals(2, json.exit(), shownJson);
        assertFalse(Tool.hasStackTrace(json.all()), shownJson);
        assertNoSecret(json.all(), shownJson);
        if (!json.out().isBlank()) {
            JsonNode doc = JSON.readTree(json.out());
            assertEquals(2, doc.get("exitCode").asInt(), shownJson);
            assertEquals("BAD_INPUT", doc.get("error").get("code").asText(), shownJson);
        } else {
            assertTrue(json.err().startsWith("error: "), shownJson); // picocli rejected the flags before --format applied
        }

        assertEquals(o.before(), o.after(), label + ": the database changed");
    }

    private static void assertNoSecret(String output, String shown) {
        assertFalse(output.contains(Roles.PASSWORD), "password printed: " + shown);
        assertFalse(output.contains(WRONG_PASSWORD), "password printed: " + shown);
    }
}
