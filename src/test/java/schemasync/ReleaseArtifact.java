package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import schemasync.CliProcess.Run;

/**
 * The release artifact, built by the documented command ({@code ./mvnw -q -B package -DskipTests},
 * docs/DEPLOYING.md) in a copy of the project's sources, so a test runs the very jar a deploy runs
 * without waiting for Maven's package phase (which comes after the tests). Built once per test JVM.
 */
public final class ReleaseArtifact {
    /** Where the build writes it, relative to the project: what every recipe must reference. */
    public static final String PATH = "target/schema-sync.jar";
    private static Path jar;

    private ReleaseArtifact() {
    }

    public static synchronized Path jar() throws IOException, InterruptedException {
        if (jar != null) return jar;
        Path project = Files.createTempDirectory("schema-sync-artifact");
        for (String source : List.of("pom.xml", "mvnw", ".mvn", "lib", "changes", "sync-production-schema.java")) {
            copy(Path.of(source), project.resolve(source));
        }
        String repo = System.getProperty("maven.repo.local", "");
        List<String> command = repo.isBlank()
                ? List.of("./mvnw", "-q", "-B", "package", "-DskipTests")
                : List.of("./mvnw", "-q", "-B", "-Dmaven.repo.local=" + repo, "package", "-DskipTests");
        Run build = CliProcess.exec(command, project, Map.of(), 900);
        assertEquals(0, build.exit(), build::all);
        Path built = project.resolve(PATH);
        assertTrue(Files.isRegularFile(built), "the documented build writes " + PATH);
        jar = built;
        return jar;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
