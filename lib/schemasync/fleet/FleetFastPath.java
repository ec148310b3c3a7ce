package schemasync.fleet;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.zip.CRC32;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.Fingerprint;

/**
 * The no-op fleet run of a tenant database that reads one catalog version instead of every tenant's catalog.
 * An --apply that found every tenant of a database in sync, with no drift, from one snapshot records the catalog
 * version of that snapshot ({@link schemasync.catalog.CatalogVersion}, over all the tenant schemas and the
 * shared ones, read in the same REPEATABLE READ transaction as the catalog); the next run with the same tool,
 * blocks and tenant list reads the version (one statement) and, when it is unchanged, every tenant is in sync
 * without reading or planning any of them (a dry run or a check too: taking it only reads; recording is a
 * change, so only --apply records). Any DDL in any tenant, any new or dropped tenant schema, changes it.
 *
 * <p>Per tenant selection, not per database: the setting is {@code schema_sync.fleet_<crc32 of placeholder
 * and selection>}, so the single-database record ({@code schema_sync.fingerprint}) and fleets selecting other
 * tenants (another {@code --tenant-schemas} pattern, another shard) never overwrite each other's record, and
 * the number of settings stays that of the selections a team runs (not one per tenant: PostgreSQL loads every
 * database setting into every new session). Runs of a few named tenants ({@code --tenant}) or of
 * {@code --only-failed} are one-offs: they do not record.
 *
 * <p>Like the single fast path it lives in pg_db_role_setting (ALTER DATABASE … SET), which needs the database
 * owner; on PostgreSQL 15+ a role that is not superuser also needs {@code GRANT SET ON PARAMETER} for the
 * setting. Without it, the run says so and compares every tenant, as before.
 */
public final class FleetFastPath {
    static final String PREFIX = "schema_sync.fleet_";

    /**
     * @param setting the database setting the record lives in
     * @param basis   what the record holds besides the catalog version: tool, blocks, placeholder and tenants
     */
    public record Key(String setting, String basis) {
        /** The recorded value for this catalog version. */
        String value(String versionRows) {
            return Fingerprint.of(basis + "\n" + versionRows);
        }

        /** Whether {@code recorded} (the setting as this session saw it) is the record of {@code versionRows}. */
        public boolean matches(String recorded, String versionRows) {
            if (recorded == null || versionRows == null) return false;
            int space = recorded.indexOf(' ');
            return (space < 0 ? recorded : recorded.substring(0, space)).equals(value(versionRows));
        }
    }

    private FleetFastPath() {
    }

    /**
     * @param selection what chose the tenants (the --tenant-schemas argument and the shard), naming the setting
     * @param tenants   the tenants of this database the run handles
     */
    public static Key key(String toolVersion, DeclaredSchema declared, String placeholder, String selection,
                          Collection<String> tenants) {
        CRC32 crc = new CRC32();
        crc.update((placeholder + "\n" + selection).getBytes(StandardCharsets.UTF_8));
        String setting = PREFIX + HexFormat.of().toHexDigits((int) crc.getValue());
        String basis = toolVersion + "\n" + DeclaredSchema.fingerprint(declared.declarations()) + "\n" + placeholder
                + "\n" + Fingerprint.of(String.join(",", new TreeSet<>(tenants)));
        return new Key(setting, basis);
    }

    /** The setting as this session saw it at its start (null when unset). */
    public static String recorded(Connection connection, Key key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.current_setting(?, true)")) {
            ps.setString(1, key.setting());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String value = rs.getString(1);
                return value == null || value.isEmpty() ? null : value;
            }
        }
    }

    /**
     * Records that every tenant was in sync in the snapshot whose catalog version is {@code versionRows}; returns
     * null when recorded, else why not (never fails the run: the next one compares every tenant).
     */
    public static String record(Connection connection, Key key, String versionRows) {
        String value = key.value(versionRows) + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            schemasync.execute.FastPath.setOnDatabase(connection, key.setting(), value);
            return null;
        } catch (SQLException e) {
            return "the fast path for later no-op fleet runs was not recorded: " + e.getMessage().lines().findFirst().orElse("")
                    + " (it needs the database owner, and on PostgreSQL 15+ a role that is not superuser also needs"
                    + " GRANT SET ON PARAMETER " + key.setting() + ")";
        }
    }
}
