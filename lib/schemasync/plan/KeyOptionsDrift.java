package schemasync.plan;

import java.util.Optional;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.model.HazardKind;
import schemasync.plan.PlanItem.Drift;

/**
 * A primary key on the declared columns whose INCLUDE, DEFERRABLE or WITHOUT OVERLAPS differs: reported, never changed. PostgreSQL
 * alters neither in place (ALTER CONSTRAINT changes the deferrability of foreign keys only): the key would be
 * dropped and added again, which rebuilds its index under an ACCESS EXCLUSIVE lock.
 */
final class KeyOptionsDrift {
    private KeyOptionsDrift() {
    }

    static Optional<Drift> primaryKey(TableDecl t, Table.PrimaryKey have, String object) {
        if (have == null || t.primaryKeyOptions().equals(have.options())) return Optional.empty(); // no key on either side
        return Optional.of(new Drift(t.origin(), "constraint", object, "declared PRIMARY KEY " + t.primaryKey()
                + overlaps(t.primaryKeyOptions()) + t.primaryKeyOptions().sql() + ", database has PRIMARY KEY " + have.columns()
                + overlaps(have.options()) + have.options().sql()
                + ": not changed; replacing it means dropping and adding it again", HazardKind.FULL_SCAN_UNDER_LOCK));
    }

    /** PostgreSQL 18: the key's last column is compared with && rather than =. */
    private static String overlaps(schemasync.catalog.KeyOptions o) {
        return o.withoutOverlaps() ? " (the last WITHOUT OVERLAPS)" : "";
    }
}
