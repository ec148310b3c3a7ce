package schemasync.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;

/**
 * Roles with real password authentication on the shared test server. The embedded server trusts every
 * local connection, so this prepends pg_hba.conf lines for these roles only (and reloads): then a wrong
 * password is really refused, and a role can be made to require SSL. Other tests are not affected.
 */
final class Roles {
    /** Known passwords: the secrets tests assert they never appear in any output. */
    static final String PASSWORD = "Kn0wn-S3cret-pw-4242";
    static final String PASSWORD_USER = "faults_pw";
    static final String READ_ONLY_USER = "faults_read_only";
    static final String SSL_ONLY_USER = "faults_ssl_only";
    private static boolean ready;

    private Roles() {
    }

    /** Once per test JVM: the roles and their pg_hba.conf lines. Skips when the server's files are not local. */
    static synchronized void ensure(Connection admin) throws Exception {
        if (ready) return;
        try (Statement st = admin.createStatement()) {
            for (String role : new String[] {PASSWORD_USER, READ_ONLY_USER, SSL_ONLY_USER}) {
                st.execute("DO $$ BEGIN CREATE ROLE " + role + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
                st.execute("ALTER ROLE " + role + " PASSWORD '" + PASSWORD + "'");
            }
            var rs = st.executeQuery("SHOW hba_file");
            rs.next();
            Path hba = Path.of(rs.getString(1));
            Assumptions.assumeTrue(Files.isWritable(hba), "pg_hba.conf of the test server is not local: " + hba);
            String current = Files.readString(hba);
            if (!current.contains("# schema-sync faults tests")) {
                Files.writeString(hba, "# schema-sync faults tests\n"
                        + "host all " + PASSWORD_USER + " all scram-sha-256\n"
                        + "host all " + READ_ONLY_USER + " all scram-sha-256\n"
                        + "hostnossl all " + SSL_ONLY_USER + " all reject\n"
                        + current);
                st.execute("SELECT pg_reload_conf()");
            }
        }
        // The reload is asynchronous: wait until a password-less login is really refused.
        DatabaseUrl probe = new DatabaseUrl(adminJdbc(admin), props(PASSWORD_USER, null), "probe");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = Connections.open(probe)) {
                Thread.sleep(50);
            } catch (RuntimeException refused) {
                ready = true;
                return;
            }
        }
        throw new IllegalStateException("pg_hba.conf reload did not take effect");
    }

    /** A read-only role on this database: CONNECT and catalog access, nothing else. */
    static void grantReadOnly(Connection admin, String database) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("GRANT CONNECT ON DATABASE " + database + " TO " + READ_ONLY_USER);
        }
    }

    static String adminJdbc(Connection admin) throws SQLException {
        return admin.getMetaData().getURL();
    }

    static Properties props(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return p;
    }

    /** {@code postgres://user:password@host:port/db} for the given JDBC URL of the test database. */
    static String platformUrl(DatabaseUrl db, String user, String password) {
        String hostAndDb = db.jdbcUrl().substring("jdbc:postgresql://".length());
        return "postgres://" + user + (password == null ? "" : ":" + password) + "@" + hostAndDb;
    }
}
