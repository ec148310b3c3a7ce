package schemasync.plan;

import schemasync.model.HazardKind;
import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Constraint;
import schemasync.catalog.Table;

/**
 * The one place that decides what a step costs, from the step and the table it touches as it was
 * before this run (never from SQL text). A step on a table created earlier in the same run costs
 * nothing: no other session can see that table before the transaction commits. A rewrite, a scan or
 * a plain index build of a {@link #small} table is only its brief lock; of any other table (or one
 * whose size is unknown) it is the full hazard, which {@code --apply} refuses unless allowed.
 */
public final class HazardClassifier {
    /** Small: at most 128 pages (1 MB with 8 kB pages) and 10,000 rows, per the last VACUUM / ANALYZE. */
    public static final long SMALL_PAGES = 128;
    public static final long SMALL_ROWS = 10_000;

    private HazardClassifier() {
    }

    /**
     * Known to be small: reltuples and relpages both known (a table never vacuumed or analyzed reads
     * reltuples -1 and may hold anything) and both under the limits. Statistics lag behind bulk
     * loads; that is why a non-trivial size needs only the last ANALYZE to be noticed.
     */
    public static boolean small(Table table) {
        return table.estimatedRows() >= 0 && table.pages() >= 0 && table.estimatedRows() <= SMALL_ROWS
                && table.pages() <= SMALL_PAGES;
    }

    /**
     * @param table the table as it was before this run, or null when this run creates it
     */
    public static List<Hazard> classify(Step step, Table table) {
        List<Hazard> hazards = new ArrayList<>();
        if (step instanceof Step.CustomSql c) {
            hazards.add(new Hazard(HazardKind.CUSTOM_SQL, "custom step " + c.id() + " runs SQL the tool cannot analyze"));
            return hazards;
        }
        if (step instanceof Step.ValidateDomainConstraint v) {
            // validateDomainConstraint opens every table with a column of the domain in SHARE mode
            // and reads it whole: writes to those tables wait until the scan (and the apply) ends.
            hazards.add(new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK, "VALIDATE CONSTRAINT " + v.name() + " reads every table"
                    + " with a column of domain " + v.domain() + " under a SHARE lock: writes to them wait"));
            return hazards;
        }
        if (step instanceof Step.GrantPrivileges g) {
            // GRANT and REVOKE take no lock a query waits on; what they change is who may do what.
            hazards.add(new Hazard(HazardKind.CHANGES_AUTHORIZATION, (g.revoke() ? "takes " : "gives ") + g.role() + " "
                    + String.join(", ", g.privileges()) + (g.revoke() ? " away on " : " on ") + g.target()));
            return hazards;
        }
        if (step instanceof Step.AlterDefaultPrivileges a) {
            hazards.add(new Hazard(HazardKind.CHANGES_AUTHORIZATION, "changes what " + a.role() + " may do with " + a.target().objects()
                    .toLowerCase(java.util.Locale.ROOT) + " created from now on"));
            return hazards;
        }
        if (table == null || step instanceof Step.CreateSchema || step instanceof Step.CreateTable) {
            return hazards;
        }
        String name = table.name().toString();
        String size = size(table);
        boolean small = small(table);
        if (step instanceof Step.DropTable || step instanceof Step.DropColumn) {
            hazards.add(new Hazard(HazardKind.DELETES_DATA, (step instanceof Step.DropTable ? "drops table " : "drops column ")
                    + step.object() + " and its data (" + size + ")"));
            hazards.add(brief(name));
            return hazards;
        }
        if (step instanceof Step.CreateIndex ci && ci.concurrently()) {
            hazards.add(new Hazard(HazardKind.NOT_TRANSACTIONAL, "CREATE INDEX CONCURRENTLY " + ci.name() + " runs after the"
                    + " commit: it reads " + name + " (" + size + ") twice while reads and writes go on, and waits for"
                    + " older transactions; if it fails it leaves an INVALID index, which the next run drops and rebuilds"));
            return hazards;
        }
        if (step instanceof Step.DropIndex di && di.concurrently()) {
            hazards.add(new Hazard(HazardKind.NOT_TRANSACTIONAL, "DROP INDEX CONCURRENTLY " + di.index().name()
                    + " runs after the commit and waits for transactions using " + name));
            return hazards;
        }
        if (step instanceof Step.SwapIndex) {
            hazards.add(new Hazard(HazardKind.NOT_TRANSACTIONAL, "two renames in a short transaction of their own after the"
                    + " commit (SHARE UPDATE EXCLUSIVE on the indexes of " + name + ")"));
            return hazards;
        }
        if (step instanceof Step.ValidateConstraint v) {
            if (v.separate()) {
                hazards.add(new Hazard(HazardKind.VALIDATION_SCAN, "VALIDATE CONSTRAINT " + v.name() + " reads " + size
                        + " of " + name + " after the commit, in its own transaction, under SHARE UPDATE EXCLUSIVE:"
                        + " reads and writes go on"));
            } else {
                // In the apply's transaction the lock of the ADD CONSTRAINT before it is held through the scan.
                hazards.add(new Hazard(small ? HazardKind.VALIDATION_SCAN : HazardKind.FULL_SCAN_UNDER_LOCK, "VALIDATE"
                        + " CONSTRAINT " + v.name() + " reads " + size + " of " + name + " inside the apply's transaction,"
                        + " while the lock of the ADD CONSTRAINT before it is still held"));
            }
            return hazards;
        }
        if (step instanceof Step.AddConstraint a) {
            String constraint = a.constraint().name();
            if (a.constraint().kind() == Constraint.Kind.UNIQUE) {
                hazards.add(small ? new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "UNIQUE " + constraint + " builds an index"
                        + " on " + name + " (small: " + size + ") under a brief ACCESS EXCLUSIVE lock")
                        : new Hazard(HazardKind.INDEX_BUILD, "UNIQUE " + constraint + " builds an index on " + name
                        + " (" + size + ") under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build"));
            } else if (a.constraint().kind() == Constraint.Kind.EXCLUSION) {
                // An exclusion constraint cannot be added NOT VALID: its index is built and every row checked under lock.
                hazards.add(small ? new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "EXCLUDE " + constraint + " builds an index"
                        + " on " + name + " (small: " + size + ") under a brief ACCESS EXCLUSIVE lock")
                        : new Hazard(HazardKind.INDEX_BUILD, "EXCLUDE " + constraint + " builds an index on " + name + " ("
                        + size + ") and checks every row under an ACCESS EXCLUSIVE lock (an exclusion constraint cannot be"
                        + " added NOT VALID)"));
            } else if (!a.notValid() && !small) {
                hazards.add(new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK, constraint + " is checked against every row of "
                        + name + " (" + size + ") while the lock is held"));
            } else if (a.constraint().kind() == Constraint.Kind.FOREIGN_KEY) {
                hazards.add(new Hazard(HazardKind.WRITE_LOCK, "brief SHARE ROW EXCLUSIVE lock on " + name + " and on "
                        + a.constraint().foreignKey().references() + ": writes to both wait"));
            } else {
                hazards.add(brief(name));
            }
            return hazards;
        }
        if (step instanceof Step.CreatePartition p) {
            // table is the parent: DefineRelation locks it ACCESS EXCLUSIVE because its partition descriptor changes.
            hazards.add(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + table.name()
                    + " (the partitioned parent)"));
            if (p.defaultPartition() != null) {
                hazards.add(new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK, "scans the default partition " + p.defaultPartition()
                        + " under an ACCESS EXCLUSIVE lock, to check that none of its rows belong in the new partition"));
            }
            return hazards;
        }
        if (step instanceof Step.CreateTrigger) {
            hazards.add(new Hazard(HazardKind.WRITE_LOCK, "brief SHARE ROW EXCLUSIVE lock on " + name + ": writes wait"));
            return hazards;
        }
        if (step instanceof Step.CreateIndex ci) {
            hazards.add(small ? new Hazard(HazardKind.WRITE_LOCK, "CREATE INDEX " + ci.name() + " in the transaction blocks"
                    + " writes to " + name + " while it reads it (small: " + size + ")")
                    : new Hazard(HazardKind.INDEX_BUILD, "CREATE INDEX " + ci.name() + " blocks writes to " + name
                    + " while it reads " + size));
            return hazards;
        }
        if (step instanceof Step.SetRowSecurity || step instanceof Step.CreatePolicy) {
            hazards.add(new Hazard(HazardKind.CHANGES_AUTHORIZATION, step instanceof Step.SetRowSecurity
                    ? "enables row-level security on " + name + ": rows no policy admits become invisible"
                    : "changes which rows of " + name + " policy " + step.object() + " admits"));
            hazards.add(brief(name));
            return hazards;
        }
        hazards.addAll(ColumnChangeHazards.classify(step, table, size, small));
        if (hazards.isEmpty() && !(step instanceof Step.CommentOnTable || step instanceof Step.CommentOnColumn)) {
            // Metadata-only, but ACCESS EXCLUSIVE: queued behind long transactions it blocks every
            // query on the table, hence the apply's short lock_timeout.
            hazards.add(brief(name));
        }
        return hazards;
    }

    static Hazard brief(String table) {
        return new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + table);
    }

    static String size(Table table) {
        long rows = table.estimatedRows();
        if (rows < 0) return "size unknown: never vacuumed or analyzed";
        return "~" + rows + " rows" + (table.pages() >= 0 ? ", " + table.pages() + " pages" : "");
    }
}
