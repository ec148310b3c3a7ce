package schemasync;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.db.EmbeddedDatabase;

/**
 * One real PostgreSQL server per test run, a fresh database per test. In order:
 * {@code SCHEMA_SYNC_TEST_DATABASE_URL} (a server you run; needs CREATEDB), else Testcontainers when
 * a Docker engine answers, else zonky's embedded PostgreSQL (what CI uses). Never a mock.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseUrl admin;
    private static String description;

    private TestDatabase() {
    }

    /** A new, empty database on the shared server. */
    public static synchronized DatabaseUrl fresh() {
        DatabaseUrl server = server();
        String name = "schema_sync_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = Connections.open(server); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + description, e);
        }
        return withDatabase(server, name);
    }

    public static synchronized String description() {
        server();
        return description;
    }

    private static DatabaseUrl server() {
        if (admin != null) return admin;
        String url = System.getenv("SCHEMA_SYNC_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            admin = DatabaseUrl.parse(url);
            description = "SCHEMA_SYNC_TEST_DATABASE_URL (" + admin.display() + ")";
        } else if (dockerLooksAvailable()) {
            admin = Testcontainer.start();
            description = "Testcontainers " + admin.display();
        } else {
            EmbeddedDatabase db = EmbeddedDatabase.startThrowaway(major());
            Runtime.getRuntime().addShutdownHook(new Thread(db::close));
            admin = db.url("postgres");
            description = "embedded " + admin.display();
        }
        return admin;
    }

    /**
     * The embedded server's major: {@code SCHEMA_SYNC_TEST_POSTGRES} (e.g. 13 or 18, what
     * scripts/corpus-roundtrip.sh sets), else the default the whole suite and CI run on.
     */
    static int major() {
        String major = System.getenv("SCHEMA_SYNC_TEST_POSTGRES");
        return major == null || major.isBlank() ? schemasync.db.PostgresBinaries.DEFAULT_MAJOR : Integer.parseInt(major.strip());
    }

    private static DatabaseUrl withDatabase(DatabaseUrl server, String database) {
        String jdbc = server.jdbcUrl();
        int q = jdbc.indexOf('?');
        String base = q < 0 ? jdbc : jdbc.substring(0, q);
        String params = q < 0 ? "" : jdbc.substring(q);
        String newBase = base.substring(0, base.lastIndexOf('/') + 1) + database;
        Properties props = server.properties();
        return new DatabaseUrl(newBase + params, props, "test database " + database);
    }

    /**
     * Asking Testcontainers directly logs an ERROR and can hang for minutes on a socket that accepts
     * and never answers, so look for the usual signs of an engine first and only then ask it.
     */
    private static boolean dockerLooksAvailable() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && host.startsWith("tcp://")) {
            String hostPort = host.substring("tcp://".length());
            int colon = hostPort.lastIndexOf(':');
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 500);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
        for (String socket : new String[] {"/var/run/docker.sock",
                System.getProperty("user.home") + "/.docker/run/docker.sock"}) {
            if (new File(socket).exists()) return Testcontainer.dockerAnswers();
        }
        return Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                && Testcontainer.dockerAnswers();
    }
}
