package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import schemasync.SchemaSyncException;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Differ;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SqlText;
import schemasync.catalog.Table;
import schemasync.catalog.ConstraintSpec;
import schemasync.dsl.Declaration.ColumnChangeDecl;
import schemasync.model.ObjectKind;
import schemasync.plan.PlanItem.Unchanged;

/**
 * ensureColumnChanged: what an existing column must become, planned with PostgreSQL's online-safe
 * statements and shown as ⚠ changes with their hazards (the policy decides whether --apply runs them).
 * NOT NULL on a table that existed before this run goes through a CHECK (col IS NOT NULL) added NOT
 * VALID (brief lock, no scan), validated after the commit under SHARE UPDATE EXCLUSIVE, then SET NOT
 * NULL, which PostgreSQL 12+ proves from the valid check without scanning, and the check dropped.
 * A type change re-creates the views that depend on the column around it ({@link DependentViews}).
 */
final class ColumnChangePlanner {
    static final String CHECK_SUFFIX = "_ssnn";

    private final PlanContext context;

    ColumnChangePlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(ColumnChangeDecl c) {
        Decisions out = new Decisions();
        QualifiedName tableName = context.renamesTable(c.table());
        Table table = context.state().tables().get(tableName);
        Optional<Column> existing = table == null ? Optional.empty() : table.column(c.column());
        if (existing.isEmpty()) {
            throw SchemaSyncException.badInput(c.origin() + ": ensureColumnChanged on column " + tableName + "." + c.column()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        Column have = existing.get();
        Table original = context.before().tables().get(tableName);
        boolean online = context.online(tableName);
        Column target = context.shapes().changed(c.table(), context.position());
        List<Step> steps = new ArrayList<>();
        List<String> what = new ArrayList<>();
        // What the declaration changes is what the column differ finds (verify compares with it too).
        Set<String> differ = target == null ? Set.of() : Differ.fields(Differ.column(target, have));
        if (c.type() != null && differ.contains("type")) {
            DependentViews views = new DependentViews(context, tableName, c.column());
            steps.addAll(views.drops());
            steps.add(new Step.AlterColumnType(tableName, c.column(), c.type(), c.using(), have.type(), target.type()));
            steps.addAll(views.creates());
            what.add("type " + have.type() + " → " + target.type() + views.note());
        }
        if (c.defaultSql() != null && differ.contains("default")) {
            steps.add(onlyIfAsked(c, new Step.SetColumnDefault(tableName, c.column(), c.defaultSql())));
            what.add("DEFAULT " + target.defaultExpr() + (have.hasDefault() ? " (was " + have.defaultExpr() + ")" : "")
                    + (c.onlyThisTable() ? " on this table only" : ""));
        } else if (c.dropDefault() && have.hasDefault()) {
            steps.add(onlyIfAsked(c, new Step.DropColumnDefault(tableName, c.column())));
            what.add("no DEFAULT (was " + have.defaultExpr() + ")" + (c.onlyThisTable() ? " on this table only" : ""));
        }
        String check = checkName(tableName.name(), c.column());
        Optional<Constraint> leftover = table.constraint(check);
        if (Boolean.TRUE.equals(c.notNull()) && !have.notNull()) {
            if (online) {
                if (leftover.isEmpty()) {
                    steps.add(new Step.AddConstraint(tableName, new ConstraintSpec(check, Constraint.Kind.CHECK, List.of(),
                            SqlText.quoteIdent(c.column()) + " IS NOT NULL", null, false), true));
                }
                if (leftover.isEmpty() || !leftover.get().validated()) {
                    steps.add(new Step.ValidateConstraint(tableName, check, true));
                }
                steps.add(new Step.SetNotNull(tableName, c.column(), check, c.notNullName()));
                steps.add(new Step.DropProvingCheck(tableName, check));
                what.add(notNull(c) + " (through a validated CHECK, without a scan under lock)");
            } else {
                steps.add(new Step.SetNotNull(tableName, c.column(), null, c.notNullName()));
                what.add(notNull(c));
            }
        } else if (Boolean.FALSE.equals(c.notNull()) && have.notNull()) {
            steps.add(new Step.DropNotNull(tableName, c.column()));
            what.add("NULL allowed");
        } else if (leftover.isPresent() && have.notNull()) {
            // A check of ours left by someone else's hand: SET NOT NULL and its drop commit together.
            steps.add(new Step.DropObject(ObjectKind.CONSTRAINT, tableName, check));
        }
        String object = tableName + "." + c.column();
        if (c.notNullName() != null && have.notNull()) {
            NotNullNamePlanner.differs(context, c.origin(), tableName, c.column(), c.notNullName()).ifPresent(out::add);
        }
        if (steps.isEmpty()) {
            out.add(new Unchanged(c.origin(), "column", object, "already as declared by ensureColumnChanged, skipped"));
            return out;
        }
        out.change(c.origin(), "column", object, Summary.text("⚠ will change: " + String.join(", ", what)), original,
                Spelled.as(target), steps.toArray(Step[]::new));
        return out;
    }

    /** The default step with ONLY when declared so: the partitions (or inheriting tables) keep their own defaults. */
    private static Step onlyIfAsked(ColumnChangeDecl c, Step defaultStep) {
        return c.onlyThisTable() ? new schemasync.step.LineageSteps.OnlyThisTable(defaultStep) : defaultStep;
    }

    private static String notNull(ColumnChangeDecl c) {
        return c.notNullName() == null ? "NOT NULL" : "NOT NULL as constraint " + c.notNullName();
    }

    /** The temporary CHECK's name: {@code <table>_<column>_ssnn}, cut to 63 bytes. */
    static String checkName(String table, String column) {
        return IndexPlanner.temporaryName(table + "_" + column, CHECK_SUFFIX);
    }
}
