package schemasync.plan;

import schemasync.step.LineageSteps;
import schemasync.step.Step;
import java.util.List;
import java.util.Locale;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;

/**
 * What each kind of step costs, given the table it touches as it was before this run ({@code null}
 * when this run creates it, or the step touches no table): the body of {@link HazardClassifier}.
 * A step on a table nobody else can see yet costs nothing; so does a step that commits with the one
 * before it (that one states the cost of the pair).
 */
final class StepHazards extends ObjectStepHazards {

    StepHazards(Table table) {
        super(table);
    }

    // Schemas, extensions and types: a brief lock on an existing table when one is touched.

    public List<Hazard> createSchema(Step.CreateSchema s) {
        return none();
    }

    public List<Hazard> createExtension(Step.CreateExtension s) {
        return brief();
    }

    public List<Hazard> createEnum(Step.CreateEnum s) {
        return brief();
    }

    public List<Hazard> addEnumValue(Step.AddEnumValue s) {
        return brief();
    }

    public List<Hazard> commentOnObject(Step.CommentOnObject s) {
        return brief();
    }

    public List<Hazard> createSequence(Step.CreateSequence s) {
        return brief();
    }

    public List<Hazard> setSequenceOwner(Step.SetSequenceOwner s) {
        return brief();
    }

    public List<Hazard> createCompositeType(Step.CreateCompositeType s) {
        return brief();
    }

    public List<Hazard> createCollation(Step.CreateCollation s) {
        return brief();
    }

    public List<Hazard> createRangeType(Step.CreateRangeType s) {
        return brief();
    }

    public List<Hazard> createTextSearchDictionary(Step.CreateTextSearchDictionary s) {
        return brief();
    }

    public List<Hazard> createTextSearchConfiguration(Step.CreateTextSearchConfiguration s) {
        return brief();
    }

    public List<Hazard> addTextSearchMapping(Step.AddTextSearchMapping s) {
        return brief();
    }

    public List<Hazard> createConversion(Step.CreateConversion s) {
        return brief();
    }

    public List<Hazard> setSecurityLabel(Step.SetSecurityLabel s) {
        return brief();
    }

    public List<Hazard> createDomain(Step.CreateDomain s) {
        return brief();
    }

    public List<Hazard> addDomainConstraint(Step.AddDomainConstraint s) {
        return brief();
    }

    public List<Hazard> validateDomainConstraint(Step.ValidateDomainConstraint v) {
        // validateDomainConstraint opens every table with a column of the domain in SHARE mode
        // and reads it whole: writes to those tables wait until the scan (and the apply) ends.
        return List.of(new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK, "VALIDATE CONSTRAINT " + v.name() + " reads every table"
                + " with a column of domain " + v.domain() + " under a SHARE lock: writes to them wait"));
    }

    // Tables and columns.

    public List<Hazard> createTable(Step.CreateTable s) {
        return none();
    }

    public List<Hazard> addColumn(Step.AddColumn s) {
        return brief();
    }

    public List<Hazard> setColumnDefault(Step.SetColumnDefault s) {
        return brief();
    }

    public List<Hazard> alterColumnType(Step.AlterColumnType a) {
        if (table == null) return none();
        if (a.using() == null && ColumnChangeHazards.binaryCoercible(a.from(), a.to())) {
            return List.of(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + name + ": "
                    + a.from() + " to " + a.to() + " needs no rewrite"));
        }
        return List.of(small() ? new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "rewrites " + name + " (small: " + size()
                + ") under a brief ACCESS EXCLUSIVE lock")
                : new Hazard(HazardKind.TABLE_REWRITE, "rewrites every row of " + name + " (" + size() + ") and rebuilds"
                + " its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait until it finishes"));
    }

    public List<Hazard> setNotNull(Step.SetNotNull n) {
        if (table == null) return none();
        if (n.provenBy() != null) {
            return List.of(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + name
                    + " after the commit, in its own transaction: no scan, the validated " + n.provenBy() + " proves it"));
        }
        return List.of(small() ? HazardClassifier.brief(name) : new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK,
                (n.constraintName() == null ? "SET NOT NULL" : "ADD CONSTRAINT ... NOT NULL") + " reads " + name + " (" + size()
                        + ") under an ACCESS EXCLUSIVE lock"));
    }

    public List<Hazard> dropProvingCheck(Step.DropProvingCheck s) {
        return none();
    }

    public List<Hazard> dropNotNull(Step.DropNotNull s) {
        return brief();
    }

    public List<Hazard> addIdentity(Step.AddIdentity s) {
        return identity();
    }

    public List<Hazard> setIdentity(Step.SetIdentity s) {
        return identity();
    }

    /** AT_AddIdentity / AT_SetIdentity: catalog rows of the column and its sequence, no row read. */
    private List<Hazard> identity() {
        return table == null ? none() : List.of(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on "
                + name + ": metadata only (the identity's sequence), no row read or rewritten"));
    }

    public List<Hazard> dropColumnDefault(Step.DropColumnDefault s) {
        return brief();
    }

    public List<Hazard> commentOnTable(Step.CommentOnTable s) {
        return none();
    }

    public List<Hazard> commentOnColumn(Step.CommentOnColumn s) {
        return none();
    }

    public List<Hazard> renameTable(Step.RenameTable s) {
        return brief();
    }

    public List<Hazard> renameColumn(Step.RenameColumn s) {
        return brief();
    }

    public List<Hazard> dropTable(Step.DropTable s) {
        return deletes("drops table ", s);
    }

    public List<Hazard> dropColumn(Step.DropColumn s) {
        return deletes("drops column ", s);
    }

    private List<Hazard> deletes(String what, Step step) {
        if (table == null) return none();
        return List.of(new Hazard(HazardKind.DELETES_DATA, what + step.object() + " and its data (" + size() + ")"),
                HazardClassifier.brief(name));
    }

    public List<Hazard> addConstraint(Step.AddConstraint a) {
        return table == null ? none() : ConstraintHazards.add(a, table, size(), small());
    }

    public List<Hazard> validateConstraint(Step.ValidateConstraint v) {
        return table == null ? none() : ConstraintHazards.validate(v, table, size(), small());
    }

    // Indexes.

    public List<Hazard> createIndex(Step.CreateIndex ci) {
        if (table == null) return none();
        if (ci.concurrently()) {
            return List.of(new Hazard(HazardKind.NOT_TRANSACTIONAL, "CREATE INDEX CONCURRENTLY " + ci.name() + " runs after the"
                    + " commit: it reads " + name + " (" + size() + ") twice while reads and writes go on, and waits for"
                    + " older transactions; if it fails it leaves an INVALID index, which the next run drops and rebuilds"));
        }
        return List.of(small() ? new Hazard(HazardKind.WRITE_LOCK, "CREATE INDEX " + ci.name() + " in the transaction blocks"
                + " writes to " + name + " while it reads it (small: " + size() + ")")
                : new Hazard(HazardKind.INDEX_BUILD, "CREATE INDEX " + ci.name() + " blocks writes to " + name
                + " while it reads " + size()));
    }

    public List<Hazard> dropIndex(Step.DropIndex di) {
        if (table == null || !di.concurrently()) return brief();
        return List.of(new Hazard(HazardKind.NOT_TRANSACTIONAL, "DROP INDEX CONCURRENTLY " + di.index().name()
                + " runs after the commit and waits for transactions using " + name));
    }

    public List<Hazard> retireIndex(Step.RetireIndex s) {
        return table == null ? none() : List.of(new Hazard(HazardKind.NOT_TRANSACTIONAL, "two renames in a short transaction"
                + " of their own after the commit (SHARE UPDATE EXCLUSIVE on the indexes of " + name + ")"));
    }

    public List<Hazard> swapIndex(Step.SwapIndex s) {
        return none();
    }

    public List<Hazard> renameIndex(Step.RenameIndex s) {
        return brief();
    }

    // Routines, triggers, views, partitions, privileges, policies.

    public List<Hazard> createFunction(Step.CreateFunction s) {
        return brief();
    }

    public List<Hazard> createTrigger(Step.CreateTrigger s) {
        return table == null ? none()
                : List.of(new Hazard(HazardKind.WRITE_LOCK, "brief SHARE ROW EXCLUSIVE lock on " + name + ": writes wait"));
    }

    public List<Hazard> grantPrivileges(Step.GrantPrivileges g) {
        // GRANT and REVOKE take no lock a query waits on; what they change is who may do what.
        return List.of(new Hazard(HazardKind.CHANGES_AUTHORIZATION, (g.revoke() ? "takes " : "gives ") + g.role() + " "
                + String.join(", ", g.privileges()) + (g.revoke() ? " away on " : " on ") + g.target()));
    }

    public List<Hazard> alterDefaultPrivileges(Step.AlterDefaultPrivileges a) {
        return List.of(new Hazard(HazardKind.CHANGES_AUTHORIZATION, "changes what " + a.role() + " may do with "
                + a.target().objects().toLowerCase(Locale.ROOT) + " created from now on"));
    }

    public List<Hazard> createAggregate(Step.CreateAggregate s) {
        return brief();
    }

    public List<Hazard> setRowSecurity(Step.SetRowSecurity s) {
        return authorization("enables row-level security on " + name + ": rows no policy admits become invisible");
    }

    public List<Hazard> createPolicy(Step.CreatePolicy p) {
        return authorization("changes which rows of " + name + " policy " + p.object() + " admits");
    }

    private List<Hazard> authorization(String detail) {
        return table == null ? none()
                : List.of(new Hazard(HazardKind.CHANGES_AUTHORIZATION, detail), HazardClassifier.brief(name));
    }

    public List<Hazard> createView(Step.CreateView s) {
        return brief();
    }

    public List<Hazard> createPartition(Step.CreatePartition p) {
        if (table == null) return none();
        // table is the parent: DefineRelation locks it ACCESS EXCLUSIVE because its partition descriptor changes.
        Hazard lock = new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + table.name()
                + " (the partitioned parent)");
        if (p.defaultPartition() == null) return List.of(lock);
        return List.of(lock, new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK, "scans the default partition " + p.defaultPartition()
                + " under an ACCESS EXCLUSIVE lock, to check that none of its rows belong in the new partition"));
    }

    public List<Hazard> createMaterializedView(Step.CreateMaterializedView s) {
        return brief();
    }

    public List<Hazard> dropObject(Step.DropObject s) {
        return switch (s.kind()) {
            // The sequence's current value is data: one created again under the name starts over (duplicate keys).
            case SEQUENCE -> List.of(new Hazard(HazardKind.DELETES_DATA, "drops sequence " + s.object() + " and its current value"),
                    HazardClassifier.brief(s.object()));
            case MATERIALIZED_VIEW -> List.of(HazardClassifier.brief(s.object()));
            case STATISTICS -> none(); // SHARE UPDATE EXCLUSIVE on its table: reads and writes go on
            default -> brief();
        };
    }

    public List<Hazard> customSql(Step.CustomSql c) {
        return List.of(new Hazard(HazardKind.CUSTOM_SQL, "custom step " + c.id() + " runs SQL the tool cannot analyze"));
    }

    /** SHARE UPDATE EXCLUSIVE ones cost nothing worth naming; the others hold ACCESS EXCLUSIVE briefly. */
    public List<Hazard> setStorageParameters(Step.SetStorageParameters s) {
        return s.lock().mode().equals(Step.Lock.SHARE_UPDATE_EXCLUSIVE) ? none() : brief();
    }

    /** Only the mark, under SHARE UPDATE EXCLUSIVE: reads and writes go on. */
    public List<Hazard> clusterOn(Step.ClusterOn c) {
        return none();
    }

    /** SET LOGGED / UNLOGGED rewrites the table (and SET LOGGED writes all of it to the WAL). */
    public List<Hazard> setPersistence(Step.SetPersistence p) {
        if (table == null) return none();
        return List.of(small() ? new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "rewrites " + name + " (small: " + size()
                + ") under a brief ACCESS EXCLUSIVE lock to make it " + (p.unlogged() ? "UNLOGGED" : "LOGGED"))
                : new Hazard(HazardKind.TABLE_REWRITE, "rewrites every row of " + name + " (" + size() + ") to make it "
                + (p.unlogged() ? "UNLOGGED" : "LOGGED") + ", under an ACCESS EXCLUSIVE lock: reads and writes wait until it finishes"));
    }

    /** Metadata only; STORAGE and COMPRESSION under a brief ACCESS EXCLUSIVE lock, the others SHARE UPDATE EXCLUSIVE. */
    public List<Hazard> setColumnOption(Step.SetColumnOption s) {
        return s.lock().mode().equals(Step.Lock.SHARE_UPDATE_EXCLUSIVE) ? none() : brief();
    }

    /** Only the link (the columns and constraints are checked, no row is read) under a brief ACCESS EXCLUSIVE lock. */
    public List<Hazard> onlyThisTable(LineageSteps.OnlyThisTable s) {
        return s.step().accept(this);
    }

    public List<Hazard> inheritParent(Step.InheritParent s) {
        return brief();
    }
}
