package schemasync.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pg_default_acl entry: the privileges objects of one kind get when {@code forRole} creates them,
 * in {@code schema} (null: anywhere). {@code objects} is TABLES, SEQUENCES, FUNCTIONS, TYPES or
 * SCHEMAS, as ALTER DEFAULT PRIVILEGES spells it.
 */
public record DefaultTarget(String forRole, String schema, String objects) {

    /** The object kinds of ALTER DEFAULT PRIVILEGES and the privileges each accepts. */
    public static final Map<String, List<String>> PRIVILEGES = Map.of(
            "TABLES", GrantTarget.Kind.TABLE.privileges,
            "SEQUENCES", GrantTarget.Kind.SEQUENCE.privileges,
            "FUNCTIONS", List.of("EXECUTE"),
            "TYPES", List.of("USAGE"),
            "SCHEMAS", List.of("USAGE", "CREATE"));

    /**
     * What a role's new objects get when no global entry exists (acldefault): PUBLIC may execute
     * functions and use types. A global entry replaces this baseline (it is stored in full); an entry
     * for one schema only adds to it.
     */
    public Set<Grant> baseline() {
        if (schema != null) return Set.of();
        return switch (objects) {
            case "FUNCTIONS" -> Set.of(new Grant("public", "EXECUTE"));
            case "TYPES" -> Set.of(new Grant("public", "USAGE"));
            default -> Set.of();
        };
    }

    /** pg_default_acl.defaclobjtype spelled as in ALTER DEFAULT PRIVILEGES. */
    static String objects(String defaclobjtype) {
        return switch (defaclobjtype) {
            case "r" -> "TABLES";
            case "S" -> "SEQUENCES";
            case "f" -> "FUNCTIONS";
            case "T" -> "TYPES";
            case "n" -> "SCHEMAS";
            default -> "UNKNOWN(" + defaclobjtype + ")";
        };
    }

    @Override
    public String toString() {
        return "for role " + forRole + (schema == null ? "" : " in schema " + schema) + " on " + objects;
    }
}
