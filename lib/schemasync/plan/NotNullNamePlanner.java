package schemasync.plan;

import schemasync.catalog.Column;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.NotNullNames;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.plan.PlanItem.Drift;

/**
 * The name of a NOT NULL constraint (PostgreSQL 18+), compared where a block names it ({@code .notNullNamed}): another
 * name in the database is drift, like a CHECK under another name, and is never renamed (a rename is the user's call,
 * {@code ALTER TABLE ... RENAME CONSTRAINT}). A column declared NOT NULL without a name accepts any: PostgreSQL picks
 * {@code <table>_<column>_not_null}, and a column or table rename leaves the old name in place. A column the
 * database has nullable is the column planner's (SET NOT NULL, which takes PostgreSQL's default name).
 */
final class NotNullNamePlanner {
    private NotNullNamePlanner() {
    }

    /** What the database's NOT NULL constraints are named, against an existing table's declared names. */
    static Decisions compare(PlanContext context, TableDecl t, QualifiedName actual) {
        Decisions out = new Decisions();
        Table existing = context.state().tables().get(actual);
        if (existing == null) return out;
        for (ColumnSpec c : t.columns()) {
            if (c.notNullName() == null) continue;
            Column had = existing.columns().stream().filter(x -> x.name().equals(c.name())).findFirst().orElse(null);
            if (had == null || !had.notNull()) continue;
            String name = context.before().notNullNames().getOrDefault(new NotNullNames.Key(actual, c.name()),
                    NotNullNames.defaultName(actual.name(), c.name()));
            if (!name.equals(c.notNullName())) {
                out.add(new Drift(t.origin(), "constraint", actual + "." + c.notNullName(), "NOT NULL on " + c.name() + " declared as " + c.notNullName()
                        + ", database has it as " + name + ": not renamed (ALTER TABLE ... RENAME CONSTRAINT is yours to run)", null));
            }
        }
        return out;
    }
}
