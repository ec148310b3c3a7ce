package schemasync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import schemasync.db.DatabaseUrl;

/**
 * The real command line, {@code SyncProductionSchema} (compiled from sync-production-schema.java),
 * in its own JVM without a terminal, as a release phase or CI runs it.
 */
public final class CliProcess {
    private CliProcess() {
    }

    public record Run(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public static Run run(Path workingDirectory, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local", ""),
                "-cp", System.getProperty("java.class.path"), "SyncProductionSchema"));
        command.addAll(List.of(args));
        return exec(command, workingDirectory, env, 120);
    }

    public static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(Path.of("."), env, args);
    }

    public static Run exec(List<String> command, Path workingDirectory, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        pb.environment().remove("DATABASE_URL");
        // Test databases are throwaway: the sample blocks may run there (a test that checks the guard sets it to "0").
        pb.environment().put("SCHEMA_SYNC_ALLOW_SAMPLE", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        // Read both streams concurrently so a chatty process never blocks on a full pipe.
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + command);
        return new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The test database as a platform URL with a password (ignored by trust auth, real otherwise). */
    public static String platformUrl(DatabaseUrl db) {
        String hostAndDb = db.jdbcUrl().substring("jdbc:postgresql://".length());
        return "postgres://" + db.properties().getProperty("user") + ":" + secret(db) + "@" + hostAndDb;
    }

    public static String secret(DatabaseUrl db) {
        return db.properties().getProperty("password", "hunter2-Secret");
    }
}
