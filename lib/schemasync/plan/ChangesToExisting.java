package schemasync.plan;

import schemasync.step.Step;
import schemasync.plan.Summary.Verb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import schemasync.SchemaSyncException;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.CustomStepDecl;
import schemasync.model.ObjectKind;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.dsl.Declaration.RenameDecl;
import schemasync.plan.PlanItem.Conflict;
import schemasync.plan.PlanItem.Unchanged;

/**
 * The planner's explicit changes to what exists: renames, removals and guarded custom steps. Each is
 * idempotent by construction: a rename happens only while the old name exists and the new one does
 * not; a removal only while the object exists; a custom step only while its guard says so.
 */
final class ChangesToExisting {
    private final PlanContext context;

    ChangesToExisting(PlanContext context) {
        this.context = context;
    }

    Decisions rename(RenameDecl r) {
        Decisions out = new Decisions();
        switch (r.kind()) {
            case TABLE -> out.addAll(renameTable(r));
            case COLUMN -> out.addAll(renameColumn(r));
            case INDEX -> out.addAll(renameIndex(r));
        }
        return out;
    }

    private Decisions renameTable(RenameDecl r) {
        Decisions out = new Decisions();
        QualifiedName from = r.fromName();
        QualifiedName to = from.sibling(r.to());
        Table table = context.state().tables().get(from);
        if (decide(out, r, from.toString(), to.toString(), table != null, context.state().tables().containsKey(to))) {
            out.change(r.origin(), "table", from.toString(), Summary.will(Verb.RENAME).plus(" to " + r.to()), context.before().tables().get(from),
                    new Step.RenameTable(from, r.to()));
        }
        return out;
    }

    private Decisions renameColumn(RenameDecl r) {
        Decisions out = new Decisions();
        QualifiedName tableName = context.renamesTable(r.table());
        Table table = context.state().tables().get(tableName);
        if (table == null) {
            throw SchemaSyncException.badInput(r.origin() + ": ensureColumnRenamed on table " + r.table()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        var column = table.column(r.from());
        if (decide(out, r, tableName + "." + r.from(), tableName + "." + r.to(), column.isPresent(), table.column(r.to()).isPresent())) {
            out.change(r.origin(), "column", tableName + "." + r.from(), Summary.will(Verb.RENAME).plus(" to " + r.to()),
                    context.before().tables().get(tableName), new Step.RenameColumn(tableName, r.from(), r.to()));
        }
        return out;
    }

    private Decisions renameIndex(RenameDecl r) {
        Decisions out = new Decisions();
        QualifiedName from = r.fromName();
        QualifiedName to = from.sibling(r.to());
        Index index = context.state().indexes().get(from);
        if (decide(out, r, from.toString(), to.toString(), index != null, context.state().indexes().containsKey(to))) {
            out.change(r.origin(), "index", from.toString(), Summary.will(Verb.RENAME).plus(" to " + r.to()),
                    context.before().tables().get(index.table()), new Step.RenameIndex(from, r.to()));
        }
        return out;
    }

    /** True when the rename must run; otherwise records why not (done already, nothing to do, conflict). */
    private boolean decide(Decisions out, RenameDecl r, String from, String to, boolean fromExists, boolean toExists) {
        String kind = r.kind().word();
        if (fromExists && !toExists) return true;
        if (fromExists) {
            out.add(new Conflict(r.origin(), kind, from, "cannot rename to " + to + ": both exist."
                    + " Decide which one to keep and remove the other by hand (or with ensureNo" + capitalized(kind)
                    + "); the apply refuses to run until then"));
        } else {
            out.add(new Unchanged(r.origin(), kind, to, toExists ? "already renamed from " + from + ", skipped"
                    : "neither " + from + " nor " + to + " exists: nothing to rename"));
        }
        return false;
    }

    Decisions removal(RemovalDecl r) {
        return removal(r, false);
    }

    /**
     * @param heldInTransaction an index removal another removal of the run waits for ({@link RemovalOrder#awaitedIndexDrops}):
     *                          DROP INDEX CONCURRENTLY runs after the commit, too late for the DROP OPERATOR CLASS before it
     */
    Decisions removal(RemovalDecl r, boolean heldInTransaction) {
        Decisions out = new Decisions();
        String kind = r.kind().word();
        if (r.kind().ordinal() > ObjectKind.FUNCTION.ordinal()) {
            out.addAll(new ObjectRemovals(context).remove(r)); // materialized view, sequence, domain, composite type, procedure, aggregate, partition
        } else if (r.kind() == ObjectKind.TABLE) {
            Table table = context.state().tables().get(r.object());
            if (table == null) {
                out.add(new Unchanged(r.origin(), kind, r.object().toString(), "absent, nothing to drop"));
                return out;
            }
            out.change(r.origin(), kind, r.object().toString(), Summary.will(Verb.DROP).plus(", with its data"),
                    context.original(r.object()), new Step.DropTable(r.object()));
        } else if (r.kind() == ObjectKind.COLUMN) {
            QualifiedName tableName = r.object();
            Table table = context.state().tables().get(tableName);
            String object = tableName + "." + r.column();
            if (table == null || table.column(r.column()).isEmpty()) {
                out.add(new Unchanged(r.origin(), kind, object, "absent, nothing to drop"));
                return out;
            }
            out.change(r.origin(), kind, object, Summary.will(Verb.DROP).plus(", with its data"), context.original(tableName),
                    new Step.DropColumn(tableName, r.column()));
        } else if (r.kind() != ObjectKind.INDEX) {
            out.addAll(removeOther(r));
        } else {
            Index index = context.state().indexes().get(r.object());
            if (index == null) {
                out.add(new Unchanged(r.origin(), kind, r.object().toString(), "absent, nothing to drop"));
            } else if (index.constraintBacked()) {
                out.drift(r.origin(), kind, r.object().toString(), "backs a primary key or unique constraint: not"
                        + " dropped (the constraint owns it)", null);
            } else {
                boolean online = !heldInTransaction && context.online(index.table());
                out.change(r.origin(), kind, r.object().toString(), Summary.will(Verb.DROP).plus(online ? " concurrently, after the commit" : ""), context.before().tables().get(index.table()), new Step.DropIndex(r.object(), online));
            }
        }
        return out;
    }

    /** Constraints, triggers, views and functions: dropped when present, never with CASCADE. */
    private Decisions removeOther(RemovalDecl r) {
        Decisions out = new Decisions();
        String kind = r.kind().word();
        Table table = context.state().tables().get(r.object());
        boolean present = switch (r.kind()) {
            case CONSTRAINT -> table != null && table.constraint(r.column()).isPresent();
            case TRIGGER -> table != null && table.trigger(r.column()).isPresent();
            case VIEW -> context.state().views().containsKey(r.object());
            case FUNCTION -> context.state().functions().values().stream().anyMatch(f -> f.name().equals(r.object()));
            default -> false;
        };
        Step.DropObject drop = new Step.DropObject(r.kind(), r.object(), r.column());
        if (!present) {
            out.add(new Unchanged(r.origin(), kind, drop.object(), "absent, nothing to drop"));
            return out;
        }
        if (r.kind() == ObjectKind.FUNCTION && context.state().functions().values().stream().filter(f -> f.name().equals(r.object())).count() > 1) {
            out.drift(r.origin(), kind, drop.object(), "has several overloads: not dropped; drop the one you mean by hand", null);
            return out;
        }
        out.change(r.origin(), kind, drop.object(), Summary.will(Verb.DROP), context.before().tables().get(r.object()), drop);
        return out;
    }

    Decisions custom(CustomStepDecl c) {
        Decisions out = new Decisions();
        GuardAnswer answer = context.guards().getOrDefault(c.id(), GuardAnswer.NEEDED);
        boolean earlierChanges = context.recorded().stream().anyMatch(PlanItem.Change.class::isInstance);
        if (answer == GuardAnswer.NOT_NEEDED && earlierChanges) {
            // Asked before this run's earlier steps: they may change the answer (a rename, a new column).
            out.change(c.origin(), "custom step", c.id(), Summary.text("guard says not needed now; asked again after the earlier"
                    + " steps of this run, runs only if needed then"), null, new Step.CustomSql(c.id(), c.guardSql(), c.sql()));
            return out;
        }
        switch (answer) {
            case NOT_NEEDED -> out.add(new Unchanged(c.origin(), "custom step", c.id(),
                    "guard says not needed, skipped"));
            case NEEDED -> out.change(c.origin(), "custom step", c.id(), Summary.text("guard says needed: ").plusWill(Verb.RUN), null,
                    new Step.CustomSql(c.id(), c.guardSql(), c.sql()));
            case AFTER_EARLIER_STEPS -> out.change(c.origin(), "custom step", c.id(), Summary.text("guard refers to objects this"
                    + " run creates: asked again during the apply, runs if still needed"), null,
                    new Step.CustomSql(c.id(), c.guardSql(), c.sql()));
        }
        return out;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
