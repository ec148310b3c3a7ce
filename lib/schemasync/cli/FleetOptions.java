package schemasync.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The fleet's flags: many databases (--targets) and tenant schemas (--tenant-schemas), run as units. */
final class FleetOptions {
    @Option(names = "--targets", paramLabel = "FILE",
            description = "Run against every target of FILE (lines `name  URL-or-$VARIABLE`, # comments); see the guide's Fleets.")
    Path targets;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Only this target of --targets (repeatable); without --targets: dev, staging or production,"
                    + " each from DATABASE_URL_DEV, DATABASE_URL_STAGING, DATABASE_URL_PRODUCTION.")
    List<String> only = new ArrayList<>();

    @Option(names = "--tenant-schemas", paramLabel = "PATTERN",
            description = "Apply the per-tenant declarations to every schema LIKE PATTERN (e.g. 'tenant_%'), or that a"
                    + " SELECT returns, in each target database.")
    String tenantSchemas;

    @Option(names = "--tenant", paramLabel = "SCHEMA",
            description = "This tenant schema (repeatable), created if it does not exist yet: a new tenant in one command.")
    List<String> tenants = new ArrayList<>();

    @Option(names = "--tenant-placeholder", paramLabel = "SCHEMA", defaultValue = "tenant",
            description = "The schema the blocks declare per-tenant objects in (default: ${DEFAULT-VALUE}).")
    String placeholder;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Units run at once (default: ${DEFAULT-VALUE}), lowered to half the server's free connections.")
    int parallel;

    @Option(names = "--canary", paramLabel = "K", defaultValue = "0",
            description = "The first K units run first and must all succeed before the others start (default: ${DEFAULT-VALUE}).")
    int canary;

    @Option(names = "--fail-fast", description = "Start no further unit after one fails (default: the others go on).")
    boolean failFast;

    @Option(names = "--only-failed", paramLabel = "RESULTS",
            description = "Run only the units that did not succeed in RESULTS (the JSON lines of an earlier fleet run).")
    Path onlyFailed;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Handle only the units whose name hashes (CRC-32) to shard I of N, e.g. $(JOB_COMPLETION_INDEX)/8.")
    String shard;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Also write each unit's result as JSON lines to FILE (for --only-failed).")
    Path results;

    /** Whether this is a fleet run; a plain run is one database, no tenants. */
    boolean active() {
        return targets != null || !only.isEmpty() || tenantSchemas != null || !tenants.isEmpty()
                || onlyFailed != null || shard != null || results != null;
    }
}
