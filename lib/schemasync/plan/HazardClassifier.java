package schemasync.plan;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Table;

/**
 * The one place that decides what a step costs, from the step and the table it touches (never from
 * SQL text). A step on a table created earlier in the same run costs nothing: no other session can
 * see that table before the transaction commits.
 */
public final class HazardClassifier {
    private HazardClassifier() {
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
        if (step instanceof Step.DropTable || step instanceof Step.DropColumn) {
            hazards.add(new Hazard(HazardKind.DELETES_DATA, (step instanceof Step.DropTable ? "drops table " : "drops column ")
                    + step.object() + " and its data (" + size(table) + ")"));
        }
        String size = size(table);
        if (step instanceof Step.CreateIndex ci && ci.concurrently()) {
            hazards.add(new Hazard(HazardKind.NOT_TRANSACTIONAL, "CREATE INDEX CONCURRENTLY " + ci.name() + " runs after the"
                    + " commit: it reads " + table.name() + " (" + size + ") twice while reads and writes go on, and waits for"
                    + " older transactions; if it fails it leaves an INVALID index, which the next run drops and rebuilds"));
            return hazards;
        }
        if (step instanceof Step.DropIndex di && di.concurrently()) {
            hazards.add(new Hazard(HazardKind.NOT_TRANSACTIONAL, "DROP INDEX CONCURRENTLY " + di.index().name()
                    + " runs after the commit and waits for transactions using " + table.name()));
            return hazards;
        }
        if (step instanceof Step.SwapIndex w) {
            hazards.add(new Hazard(HazardKind.NOT_TRANSACTIONAL, "two renames in a short transaction of their own after the"
                    + " commit (SHARE UPDATE EXCLUSIVE on the indexes of " + table.name() + ")"));
            return hazards;
        }
        if (step instanceof Step.ValidateConstraint v && v.separate()) {
            hazards.add(new Hazard(HazardKind.VALIDATION_SCAN, "VALIDATE CONSTRAINT " + v.name() + " reads " + size
                    + " of " + table.name() + " after the commit, in its own transaction, under SHARE UPDATE EXCLUSIVE:"
                    + " reads and writes go on"));
            return hazards;
        }
        if (step instanceof Step.ValidateConstraint v) {
            // In its own transaction VALIDATE holds only SHARE UPDATE EXCLUSIVE; here it shares the apply's
            // transaction, so the lock the ADD CONSTRAINT took is held through the scan.
            hazards.add(new Hazard(HazardKind.VALIDATION_SCAN, "VALIDATE CONSTRAINT " + v.name() + " reads " + size
                    + " of " + table.name() + " inside the apply's transaction, while the lock of the ADD CONSTRAINT before"
                    + " it is still held"));
            return hazards;
        }
        if (step instanceof Step.AddConstraint a) {
            switch (a.constraint().kind()) {
                case UNIQUE -> hazards.add(new Hazard(HazardKind.INDEX_BUILD, "UNIQUE " + a.constraint().name()
                        + " builds an index on " + table.name() + " (" + size + ") under an ACCESS EXCLUSIVE lock"));
                case FOREIGN_KEY -> hazards.add(new Hazard(HazardKind.WRITE_LOCK, "SHARE ROW EXCLUSIVE lock on "
                        + table.name() + " and on " + a.constraint().foreignKey().references() + ": writes to both wait"));
                case CHECK -> hazards.add(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on "
                        + table.name()));
                case EXCLUSION -> hazards.add(new Hazard(HazardKind.INDEX_BUILD, "EXCLUDE " + a.constraint().name()
                        + " builds an index on " + table.name() + " (" + size + ") and checks every row under an ACCESS"
                        + " EXCLUSIVE lock (an exclusion constraint cannot be added NOT VALID)"));
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
            hazards.add(new Hazard(HazardKind.WRITE_LOCK, "brief SHARE ROW EXCLUSIVE lock on " + table.name() + ": writes wait"));
            return hazards;
        }
        if (step instanceof Step.CreateIndex ci) {
            hazards.add(new Hazard(HazardKind.INDEX_BUILD, "CREATE INDEX " + ci.index().name().name()
                    + " blocks writes to " + table.name() + " while it reads " + size));
        } else if (!(step instanceof Step.CommentOnTable || step instanceof Step.CommentOnColumn)) {
            // Metadata-only, but ACCESS EXCLUSIVE: queued behind long transactions it blocks every
            // query on the table, hence the apply's short lock_timeout.
            hazards.add(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on "
                    + table.name()));
        }
        return hazards;
    }

    private static String size(Table table) {
        long rows = table.estimatedRows();
        return rows < 0 ? "a table never analyzed (size unknown)" : "~" + rows + " rows";
    }
}
