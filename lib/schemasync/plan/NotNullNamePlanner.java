package schemasync.plan;

import java.util.Optional;
import schemasync.catalog.Column;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.NotNullNames;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.dsl.Origin;
import schemasync.plan.PlanItem.Drift;

/**
 * The name of a NOT NULL constraint (PostgreSQL 18+), compared where a block names it ({@code notNullNamed}, on a table's
 * or a partition's column, in an {@code ensureColumn} or an {@code ensureColumnChanged}): another name in the database
 * is drift, like a CHECK or primary key under another name, reported with the {@code ALTER TABLE ... RENAME CONSTRAINT}
 * that would match it and never run (the house rule for constraint renames: a rename is the user's call, since
 * scripts and monitoring may name the constraint). A column declared NOT NULL without a name accepts any: PostgreSQL
 * picks {@code <table>_<column>_not_null}, and a column or table rename leaves the old name in place. A column the
 * database has nullable is the column planner's: {@code ensureColumnChanged(...).notNullNamed(name)} adds it
 * ({@code ADD CONSTRAINT name NOT NULL}), a table's declaration reports it.
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
            differs(context, t.origin(), actual, c.name(), c.notNullName()).ifPresent(out::add);
        }
        return out;
    }

    /** A column that is NOT NULL in the working copy, declared under {@code declared}: drift when its constraint has another name. */
    static Optional<Drift> differs(PlanContext context, Origin origin, QualifiedName table, String column, String declared) {
        String name = context.state().notNullNames().getOrDefault(new NotNullNames.Key(table, column),
                NotNullNames.defaultName(table.name(), column));
        if (name.equals(declared)) return Optional.empty();
        return Optional.of(new Drift(origin, "constraint", table + "." + declared, "NOT NULL on " + column + " declared as " + declared
                + ", database has it as " + name + ": not renamed; to match, run "
                + schemasync.render.SqlRenderer.renameConstraint(table, name, declared), null));
    }
}
