package benchtools;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase through its Java API: one changeSet per table, each guarded by a tableExists
 * precondition with onFail=MARK_RAN (bench/out/liquibase-N/changelog.xml, written by bench.sh).
 * bench.sh turns analytics off (-Dliquibase.analytics.enabled=false). Usage:
 * LiquibaseRun JDBC_URL USER CHANGELOG_DIR
 */
public final class LiquibaseRun {
    @SuppressWarnings("deprecation") // Liquibase#update: the plain embedding API, still in 4.33
    public static void main(String[] a) throws Exception {
        try (Connection c = DriverManager.getConnection(a[0], a[1], "")) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase("changelog.xml", new DirectoryResourceAccessor(Path.of(a[2])), database)) {
                liquibase.update("");
            }
        }
        System.out.println("liquibase: update done");
    }
}
