package schemasync.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.SchemaSyncException;

/**
 * Jars in the local Maven repository, fetched from a remote one (Maven Central by default) only when
 * absent. This is how the embedded PostgreSQL gets the server binaries of the running platform the
 * first time it starts: the one network use of the tool besides the target database, and only for a
 * developer's embedded database (a run against DATABASE_URL never gets here).
 *
 * @param localRepository where Maven keeps jars ({@code ~/.m2/repository} unless configured)
 * @param remote          the repository to download from (Maven Central, or a mirror of it)
 */
public record MavenArtifacts(Path localRepository, URI remote) {
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    /**
     * As Maven would choose: {@code -Dmaven.repo.local}, then {@code MAVEN_REPO_LOCAL}, then the
     * {@code <localRepository>} of {@code ~/.m2/settings.xml}, then {@code ~/.m2/repository}. The remote is
     * {@code MAVEN_REPO_URL} (as ./jbang reads it), else {@code MVNW_REPOURL}, else Maven Central.
     */
    public static MavenArtifacts fromEnvironment(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        String local = System.getProperty("maven.repo.local", "");
        if (local.isBlank()) local = env.getOrDefault("MAVEN_REPO_LOCAL", "");
        if (local.isBlank()) local = settingsLocalRepository(home.resolve(".m2").resolve("settings.xml"));
        Path repo = local.isBlank() ? home.resolve(".m2").resolve("repository") : Path.of(local);
        String remote = env.getOrDefault("MAVEN_REPO_URL", "");
        if (remote.isBlank()) remote = env.getOrDefault("MVNW_REPOURL", "");
        if (remote.isBlank()) remote = CENTRAL;
        return new MavenArtifacts(repo, URI.create(remote.endsWith("/") ? remote : remote + "/"));
    }

    public static MavenArtifacts fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Where Maven keeps {@code group:artifact:version} (a jar). */
    public Path localJar(String group, String artifact, String version) {
        return localRepository.resolve(relativePath(group, artifact, version));
    }

    /**
     * The jar from the local repository, downloaded first if absent (checked against the remote's SHA-1,
     * written atomically so an interrupted download never leaves a broken jar behind).
     */
    public Path jar(String group, String artifact, String version, PrintStream progress) {
        Path jar = localJar(group, artifact, version);
        if (Files.isRegularFile(jar)) return jar;
        String path = relativePath(group, artifact, version);
        URI uri = remote.resolve(path);
        progress.println("Downloading " + artifact + "-" + version + ".jar (once) from " + remote.getHost()
                + " into " + jar.getParent());
        Path partial = null;
        try {
            Files.createDirectories(jar.getParent());
            partial = Files.createTempFile(jar.getParent(), artifact, ".part");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String expected = fetchText(http, remote.resolve(path + ".sha1")).trim().split("\\s+")[0];
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode() + " for " + uri);
            }
            String actual = copyWithSha1(response.body(), partial);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("checksum mismatch for " + uri + " (SHA-1 " + actual + ", expected " + expected + ")");
            }
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw unavailable(group, artifact, version, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(group, artifact, version, "interrupted");
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a stray .part file is harmless: the next download uses a new temporary name
                }
            }
        }
    }

    private SchemaSyncException unavailable(String group, String artifact, String version, String reason) {
        return SchemaSyncException.badInput("cannot download " + group + ":" + artifact + ":" + version + " from "
                + remote.getHost() + " (" + reason + "). The embedded PostgreSQL needs it once; when offline, copy it into "
                + localRepository + " (e.g. ./mvnw dependency:get -Dartifact=" + group + ":" + artifact + ":" + version
                + " on a connected machine), set MAVEN_REPO_URL to a reachable mirror, or set DATABASE_URL to use a real database");
    }

    private static String fetchText(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " for " + uri);
        return response.body();
    }

    private static String copyWithSha1(InputStream in, Path target) throws IOException {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (in; var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha1.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static String relativePath(String group, String artifact, String version) {
        return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version + ".jar";
    }

    /** The {@code <localRepository>} of a settings file, if set without property references. */
    public static String settingsLocalRepository(Path settings) {
        try {
            if (!Files.isRegularFile(settings)) return "";
            Matcher m = Pattern.compile("<localRepository>\\s*([^<$]+?)\\s*</localRepository>")
                    .matcher(Files.readString(settings).replaceAll("(?s)<!--.*?-->", ""));
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
