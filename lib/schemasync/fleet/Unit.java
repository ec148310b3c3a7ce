package schemasync.fleet;

/**
 * What the fleet converges as one piece: a database, or one tenant schema in a database. Its
 * {@link #name()} is what results, shards and {@code --only-failed} go by: {@code staging}, or
 * {@code staging/tenant_042} for a tenant.
 */
public record Unit(FleetTarget target, String tenant) {

    public static Unit database(FleetTarget target) {
        return new Unit(target, null);
    }

    public static Unit tenant(FleetTarget target, String schema) {
        return new Unit(target, schema);
    }

    public String name() {
        return tenant == null ? target.name() : target.name() + "/" + tenant;
    }

    @Override
    public String toString() {
        return name();
    }
}
