package schemasync.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import schemasync.catalog.CatalogVersion;
import schemasync.dsl.Declaration.CustomStepDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.PendingDeclarations;
import schemasync.model.HazardKind;

/**
 * The no-op {@code --apply} that does not pay for the full catalog read: when the catalog rows the
 * reader depends on are exactly those of the last verified apply ({@link CatalogVersion}), with the same
 * declarations and the same tool version, planning again would find what that apply's check found:
 * nothing to do. Any DDL by anyone changes the catalog version and leads to the full comparison.
 *
 * <p>The record is a database-level setting ({@code ALTER DATABASE … SET schema_sync.fingerprint}): no
 * table of ours in the user's schema, visible to every new session, read in the same statement as the
 * catalog version. It lives in pg_db_role_setting, a shared catalog the version does not cover, so
 * recording it does not change what it records. It needs the database owner (and on PostgreSQL 15+ for a
 * role that is not superuser, {@code GRANT SET ON PARAMETER schema_sync.fingerprint}): without it the run
 * says so in verbose output and every run takes the full comparison, as before.
 *
 * <p>Never for blocks with custom steps: their guards read data, which no catalog version sees.
 */
public final class FastPath {

    /**
     * inSync: the fast path was taken; why: one line for --verbose either way; recorded: the setting as read
     * (null when unset), so a verified apply does not record the same value again.
     */
    public record Decision(boolean inSync, String why, String recordedAt, int warnings, String recorded) {
    }

    private FastPath() {
    }

    /** Custom steps' guards read data: their answers are not in the catalog. */
    public static boolean eligible(DeclaredSchema declared) {
        return declared.declarations().stream().noneMatch(CustomStepDecl.class::isInstance);
    }

    /**
     * Decided without the advisory lock, from one statement's snapshot: if the committed catalog is the one a
     * verified apply left, with the same declarations and tool, planning again under the lock would find nothing
     * to do either — whether or not another apply is running. Another run with these declarations has nothing to
     * do in that state; one with other declarations (a new release rolling out) changes the catalog in its own
     * transaction, which this snapshot does not see, exactly as if this run had finished a moment earlier. So the
     * fast path is a read of one consistent snapshot and needs no lock (nor, changing nothing, the pooler check).
     */
    public static Decision check(CatalogVersion.Reading reading, PendingDeclarations.Folded folded, String toolVersion,
                                 Collection<HazardKind> allowedHazards) {
        if (folded.customSteps()) {
            return new Decision(false, "the blocks hold custom steps, whose guards read data", null, 0, reading.recorded());
        }
        if (folded.listProblems()) {
            return new Decision(false, "the list of blocks has problems", null, 0, reading.recorded());
        }
        if (reading.recorded() == null) {
            return new Decision(false, "no verified apply recorded on this database yet (" + CatalogVersion.SETTING
                    + " is not set)", null, 0, null);
        }
        Recorded recorded = Recorded.parse(reading.recorded());
        String key = key(toolVersion, folded.fingerprint(), allowedHazards, reading.rows());
        if (recorded == null || !recorded.keys().contains(key)) {
            return new Decision(false, "the catalog, the blocks or the tool version changed since the last verified apply"
                    + (recorded == null ? "" : " (" + recorded.at() + ")"), null, 0, reading.recorded());
        }
        return new Decision(true, "catalog, blocks and tool version unchanged since the last verified apply ("
                + recorded.at() + ")", recorded.at(), recorded.warnings(), reading.recorded());
    }

    /**
     * What a verified apply keys on: the tool, the blocks, the run's plan options and the catalog version it verified.
     * The hazards a run allows do not change a plan (they decide whether --apply runs it), and a verified state
     * plans nothing whatever they are; they are keyed all the same, so that nothing the command line says about
     * the plan is taken for granted. The managed schemas need no place of their own: the blocks name them, and the
     * catalog version covers the schemas recorded beside the key.
     */
    static String key(String toolVersion, String blocksFingerprint, Collection<HazardKind> allowedHazards, String catalogRows) {
        return Fingerprint.of(toolVersion + "\n" + blocksFingerprint + "\nallow-hazard=" + new TreeSet<>(allowedHazards)
                + "\n" + catalogRows);
    }

    /**
     * Records the verified state; returns null when recorded (or already recorded), else why it could not be
     * (never fails the run: the next run simply takes the full comparison).
     *
     * @param catalogRows the catalog version read in the same snapshot as the check that found nothing to do
     * @param warnings    the warnings (drift) that check reported: the fast path says how many there were
     */
    public static String record(Connection connection, String toolVersion, PendingDeclarations declarations,
                                Collection<HazardKind> allowedHazards, String catalogRows, String previouslyRecorded, int warnings) {
        String key = key(toolVersion, declarations.unvalidatedFingerprint().fingerprint(), allowedHazards, catalogRows);
        String schemas = CatalogVersion.encodeSchemas(declarations.validated().managedSchemas());
        Recorded previous = previouslyRecorded == null ? null : Recorded.parse(previouslyRecorded);
        boolean sameState = previous != null && previous.warnings() == warnings && schemas.equals(previous.schemas());
        if (sameState && previous.keys().contains(key)) return null;
        // Keys verified on the same schemas with the same warnings stay beside the new one: two builds of the same
        // blocks (JBang's and the release artifact's compile to different bytes) then both take the fast path
        // rather than each undoing the other's record. A key also holds its catalog version, so a kept key of an
        // older catalog matches only that catalog: no fast path is taken that a verified apply did not record.
        List<String> keys = new ArrayList<>(List.of(key));
        if (sameState) previous.keys().stream().filter(k -> !k.equals(key)).limit(KEPT_KEYS - 1).forEach(keys::add);
        String value = new Recorded(keys, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), warnings, schemas).format();
        try {
            setOnDatabase(connection, CatalogVersion.SETTING, value);
            return null;
        } catch (SQLException e) {
            return "the fast path for later no-op runs was not recorded: " + e.getMessage().lines().findFirst().orElse("")
                    + " (it needs the database owner, and on PostgreSQL 15+ a role that is not superuser also needs"
                    + " GRANT SET ON PARAMETER " + CatalogVersion.SETTING + "; every run compares the full catalog meanwhile)";
        }
    }

    /**
     * {@code ALTER DATABASE <current> SET name = 'value'}, outside any transaction (the setting lives in the shared
     * pg_db_role_setting, which no catalog version covers). Both names and values are the tool's own (a prefix and
     * hex digits; hex digits, a timestamp and counts), so a literal is safe; the database name is quoted.
     */
    public static void setOnDatabase(Connection connection, String setting, String value) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (!connection.getAutoCommit()) connection.rollback();
            connection.setAutoCommit(true);
            String database;
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            st.execute("ALTER DATABASE " + schemasync.model.Identifiers.quote(database) + " SET " + setting + " = '" + value + "'");
        }
    }

    /** How many verified keys the record keeps (the latest first): a few builds or flag sets of the same blocks. */
    static final int KEPT_KEYS = 4;

    /**
     * {@code <key>[,<key>...] <ISO instant> <warnings> <schemas>}, as stored in the setting; the schemas as
     * {@link CatalogVersion#encodeSchemas} writes them, which the catalog version reads back (the fourth field).
     */
    record Recorded(List<String> keys, String at, int warnings, String schemas) {
        String format() {
            return String.join(",", keys) + " " + at + " " + warnings + " " + schemas;
        }

        static Recorded parse(String value) {
            String[] parts = value.trim().split(" ");
            if (parts.length != 4) return null; // also a value an earlier version wrote: the full comparison records anew
            try {
                return new Recorded(List.of(parts[0].split(",")), parts[1], Integer.parseInt(parts[2]), parts[3]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
