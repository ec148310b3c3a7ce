package schemasync.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * One privilege held by one role on one object ({@code public} for PUBLIC), as aclexplode /
 * the aclitem text name it: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, USAGE,
 * CREATE, EXECUTE. The owner's implicit privileges are never listed.
 */
public record Grant(String role, String privilege) {

    public static final Comparator<Grant> ORDER = Comparator.comparing(Grant::role).thenComparing(Grant::privilege);

    /**
     * An immutable set in role, privilege order. Not {@code Set.copyOf}: its iteration order changes
     * from one JVM to the next, and catalog fingerprints (reviewed plan files) hash {@code toString()}.
     */
    public static Set<Grant> sorted(Collection<Grant> grants) {
        TreeSet<Grant> set = new TreeSet<>(ORDER);
        set.addAll(grants);
        return Collections.unmodifiableSet(set);
    }
}
