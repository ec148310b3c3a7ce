package schemasync.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import schemasync.SchemaSyncException;

/**
 * A real PostgreSQL server from zonky's binaries, for a newcomer's first run, verify and tests. The
 * binaries of the running platform are fetched from Maven Central on the first start only (see
 * {@link PostgresBinaries}); nothing of it is downloaded by a run against DATABASE_URL. With a data directory it keeps its data between runs (so dry-run, apply, dry-run shows the
 * whole cycle); without one it is throwaway.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server whose data lives in {@code dataDirectory} (created on first use, reused later). */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, MavenArtifacts.fromEnvironment());
    }

    /** As {@link #start(Path)}, with the binaries taken from (or fetched into) {@code artifacts}. */
    public static EmbeddedDatabase start(Path dataDirectory, MavenArtifacts artifacts) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off");
        PostgresBinaries.configure(builder, PostgresBinaries.DEFAULT_MAJOR, artifacts);
        try {
            Files.createDirectories(dataDirectory);
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (IllegalStateException e) {
            // zonky refuses a data directory another process is using (its epg-lock file).
            throw new SchemaSyncException(SchemaSyncException.Code.LOCK_BUSY, "the embedded PostgreSQL in "
                    + dataDirectory + " is in use by another run; wait for it to finish", e);
        }
    }

    /** Starts a throwaway server in a temporary directory, removed on close. */
    public static EmbeddedDatabase startThrowaway() {
        return startThrowaway(PostgresBinaries.DEFAULT_MAJOR);
    }

    /**
     * A throwaway server of the given major version, its binaries read from the local Maven repository
     * and downloaded there first if absent (see {@link PostgresBinaries}).
     */
    public static EmbeddedDatabase startThrowaway(int major) {
        return startThrowaway(major, MavenArtifacts.fromEnvironment());
    }

    public static EmbeddedDatabase startThrowaway(int major, MavenArtifacts artifacts) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("fsync", "off");
        PostgresBinaries.configure(builder, major, artifacts);
        try {
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL " + major, e);
        }
    }

    public DatabaseUrl url(String database) {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        return new DatabaseUrl(jdbc, props, "embedded PostgreSQL on localhost:" + postgres.getPort() + "/" + database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
