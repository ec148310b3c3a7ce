package benchtools;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway through its Java API, as an application's release phase would call it: one versioned
 * migration per table (bench/out/flyway-N/V&lt;i&gt;__bench_&lt;i&gt;.sql, written by bench.sh).
 * Usage: FlywayRun JDBC_URL USER MIGRATIONS_DIR
 */
public final class FlywayRun {
    public static void main(String[] a) {
        MigrateResult result = Flyway.configure()
                .dataSource(a[0], a[1], "")
                .locations("filesystem:" + a[2])
                .load()
                .migrate();
        System.out.println("flyway: " + result.migrationsExecuted + " migrations executed");
    }
}
