package schemasync.fleet;

import schemasync.db.DatabaseUrl;

/**
 * One database of a fleet, known by its name. The URL is for connecting only: output, results and
 * errors name the target, never its URL (which may carry a password, or reveal a host).
 */
public record FleetTarget(String name, DatabaseUrl url) {
    public FleetTarget {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a target needs a name");
    }

    @Override
    public String toString() {
        return name;
    }
}
