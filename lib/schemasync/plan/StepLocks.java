package schemasync.plan;

import schemasync.catalog.QualifiedName;
import schemasync.catalog.Constraint;

/**
 * The relation a step locks and the lock it asks for, from the step alone (PostgreSQL's lock table
 * in the "explicit locking" chapter). Used to say which lock a step waited on when it ran into
 * lock_timeout, and by the hazard classifier's wording.
 */
public final class StepLocks {
    private StepLocks() {
    }

    /** The table (or index) the step's lock is taken on, or null when it locks no existing relation. */
    public static QualifiedName relation(Step step) {
        if (step instanceof Step.AddColumn s) return s.table();
        if (step instanceof Step.SetColumnDefault s) return s.table();
        if (step instanceof Step.AlterColumnType s) return s.table();
        if (step instanceof Step.SetNotNull s) return s.table();
        if (step instanceof Step.DropNotNull s) return s.table();
        if (step instanceof Step.DropColumnDefault s) return s.table();
        if (step instanceof Step.AddIdentity s) return s.table();
        if (step instanceof Step.SetIdentity s) return s.table();
        if (step instanceof Step.CommentOnTable s) return s.table();
        if (step instanceof Step.CommentOnColumn s) return s.table();
        if (step instanceof Step.CreateIndex s) return s.index().table();
        if (step instanceof Step.DropIndex s) return s.index();
        if (step instanceof Step.SwapIndex s) return s.index();
        if (step instanceof Step.RenameTable s) return s.table();
        if (step instanceof Step.RenameColumn s) return s.table();
        if (step instanceof Step.RenameIndex s) return s.index();
        if (step instanceof Step.DropTable s) return s.table();
        if (step instanceof Step.DropColumn s) return s.table();
        if (step instanceof Step.AddConstraint s) return s.table();
        if (step instanceof Step.ValidateConstraint s) return s.table();
        if (step instanceof Step.CreateTrigger s) return s.table();
        if (step instanceof Step.SetRowSecurity s) return s.table();
        if (step instanceof Step.CreatePolicy s) return s.table();
        if (step instanceof Step.CreateView s) return s.replace() ? s.name() : null;
        if (step instanceof Step.DropObject s) return s.kind() == schemasync.dsl.Declaration.ObjectKind.FUNCTION ? null : s.target();
        return null;
    }

    /** The lock mode the step requests on {@link #relation}, as pg_locks names it. */
    public static String mode(Step step) {
        if (step instanceof Step.CreateIndex s) return s.concurrently() ? "ShareUpdateExclusiveLock" : "ShareLock";
        if (step instanceof Step.DropIndex s && s.concurrently()) return "ShareUpdateExclusiveLock";
        if (step instanceof Step.SwapIndex || step instanceof Step.ValidateConstraint) return "ShareUpdateExclusiveLock";
        if (step instanceof Step.CreateTrigger) return "ShareRowExclusiveLock";
        if (step instanceof Step.AddConstraint a && a.constraint().kind() == Constraint.Kind.FOREIGN_KEY) {
            return "ShareRowExclusiveLock";
        }
        if (step instanceof Step.GrantPrivileges) return "no table lock (it updates pg_class.relacl)";
        return "AccessExclusiveLock";
    }
}
