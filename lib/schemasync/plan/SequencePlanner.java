package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.dsl.TypeDecl.SequenceDecl;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Standalone sequences: created when missing; other options than declared are reported, never
 * altered (ALTER SEQUENCE ... RESTART or a new MAXVALUE changes what the application's inserts get).
 * OWNED BY is settled after every declaration is planned: a table's default often calls nextval() of
 * the sequence, so the sequence comes first and the table that owns it later.
 */
final class SequencePlanner {
    private final PlanContext context;

    SequencePlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(SequenceDecl q) {
        Decisions out = new Decisions();
        String object = q.name().toString();
        Sequence have = context.state().sequences().get(q.name());
        Sequence want = context.shapes().types().sequence(q.name());
        if (have == null) {
            if (!context.state().schemas().contains(q.name().schema())) {
                throw schemasync.SchemaSyncException.badInput(q.origin() + ": sequence " + q.name() + " is in schema "
                        + q.name().schema() + ", which does not exist: declare ensureSchema(\"" + q.name().schema() + "\") first");
            }
            out.change(q.origin(), "sequence", object, Summary.will(Verb.CREATE), null, Spelled.as(want), new Step.CreateSequence(q.spec()));
        } else if (Differ.fields(Differ.sequence(want, have)).stream().anyMatch(f -> !f.equals("owner"))) { // OWNED BY: settleOwners
            out.drift(q.origin(), "sequence", object, "declared " + want.describe() + ", database has " + have.describe()
                    + ": not changed (ALTER SEQUENCE is yours to run)", null);
        } else {
            out.add(new Unchanged(q.origin(), "sequence", object, "exists, skipped"));
        }
        return out;
    }

    /** OWNED BY of one sequence, once every table the blocks declare exists in the working copy. */
    Decisions settleOwner(SequenceDecl q) {
        Decisions out = new Decisions();
        QualifiedName table = context.renamesTable(q.ownedTable());
        Table t = context.state().tables().get(table);
        if (t == null || t.column(q.ownedColumn()).isEmpty()) {
            throw schemasync.SchemaSyncException.badInput(q.origin() + ": sequence " + q.name() + " is OWNED BY "
                    + q.ownedTable() + "." + q.ownedColumn() + ", a column that does not exist and that no block declares");
        }
        Sequence current = context.state().sequences().get(q.name());
        Sequence.Owner owner = current.owner();
        String object = q.name().toString();
        if (owner == null) {
            out.change(q.origin(), "sequence owner", object, Summary.will(Verb.SET).plus(" OWNED BY " + table + "." + q.ownedColumn()),
                    context.before().tables().get(table), new Step.SetSequenceOwner(q.name(), table, q.ownedColumn()));
        } else if (!owner.table().equals(table) || !owner.column().equals(q.ownedColumn())) {
            out.drift(q.origin(), "sequence owner", object, "declared OWNED BY " + table + "." + q.ownedColumn()
                    + ", database has OWNED BY " + owner + ": not changed", null);
        }
        return out;
    }
}
