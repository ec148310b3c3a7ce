package schemasync;

import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import schemasync.db.DatabaseUrl;

/** Testcontainers, used only when a Docker engine is really there (see {@link TestDatabase}). */
final class Testcontainer {
    private Testcontainer() {
    }

    static boolean dockerAnswers() {
        try {
            return CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().isDockerAvailable())
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    static DatabaseUrl start() {
        PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:17-alpine");
        pg.start();
        Properties props = new Properties();
        props.setProperty("user", pg.getUsername());
        props.setProperty("password", pg.getPassword());
        String jdbc = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(5432) + "/postgres";
        return new DatabaseUrl(jdbc, props, "postgres:17-alpine on " + pg.getHost());
    }
}
