package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import schemasync.SchemaSyncException;
import schemasync.catalog.Column;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.model.HazardKind;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.plan.Summary.Verb;

/**
 * A declared table against the working copy: {@code ensureTable} (create it, or compare its columns, primary key,
 * partition key, lineage, constraints and comment), {@code ensureColumn} and {@code ensureConstraints} on a table
 * that exists or that an earlier block declares. Its parts (columns, lineage, constraints...) return their decisions,
 * and an {@code ensureTable} returns them all as one, recorded once: a later part reads the working copy as the
 * earlier ones leave it ({@link DeclarationParts} hands each part a context over that state), so a parent's columns and
 * the constraints are compared after the columns this declaration adds, a new child's inherited columns after its
 * CREATE TABLE.
 */
final class TablePlanner {
    private final PlanContext context;

    TablePlanner(PlanContext context) {
        this.context = context;
    }

    /** An {@code ensureTable}: its parts' decisions, each part planned on the state the earlier ones leave ({@link DeclarationParts}). */
    Decisions table(TableDecl t) {
        QualifiedName actual = context.renamesTable(t.name());
        Table existing = context.state().tables().get(actual);
        if (existing == null) return createTable(t);
        DeclarationParts parts = new DeclarationParts(context);
        parts.then(part -> new Decisions().unchanged(t.origin(), "table", t.name().toString(), actual.equals(t.name()) ? "exists, skipped"
                : "exists as " + actual + " (renamed by a later block), skipped"));
        for (ColumnSpec c : t.columns()) parts.then(part -> new ColumnPlanner(part).plan(t.origin(), t.name(), actual, c));
        parts.then(part -> {
            Decisions out = new Decisions();
            for (Column c : existing.columns()) {
                if (!part.desired().columns(actual).contains(c.name())
                        && !part.desired().columns(t.name()).contains(c.name()) && !part.declared().isIgnoredColumn(actual, c.name())
                        && !LineagePlanner.fromLineage(part, t, c.name())) {
                    out.add(new Drift(t.origin(), "column", actual + "." + c.name(),
                            "exists in the database (" + c.type() + ") but no block declares it: left alone", null));
                }
            }
            out.addAll(primaryKey(t, existing));
            out.addAll(new PartitionPlanner(part).compareKey(t, actual));
            return out;
        });
        parts.then(part -> LineagePlanner.compare(part, t, actual)); // the parents' columns against the ones added above
        parts.then(part -> new ConstraintPlanner(part).compare(t, actual));
        parts.then(part -> NotNullNamePlanner.compare(part, t, actual)); // PostgreSQL 18's named NOT NULL
        if (t.comment() != null && !schemasync.catalog.Differ.comment(t.comment(), existing.comment()).isEmpty()) {
            parts.then(part -> new Decisions().change(t.origin(), "comment on table", actual.toString(), Summary.will(Verb.SET), existing,
                    new Step.CommentOnTable(actual, t.comment())));
        }
        return parts.decisions();
    }

    /** {@code ensureConstraints}: a later block's constraints on a table that exists, or that an earlier block declares. */
    Decisions laterConstraints(Declaration.ConstraintsDecl k) {
        QualifiedName actual = context.renamesTable(k.table());
        if (!context.state().tables().containsKey(actual)) {
            throw SchemaSyncException.badInput(k.origin() + ": ensureConstraints on table " + k.table()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        return new ConstraintPlanner(context).compare(new TableDecl(k.table(), List.of(), List.of(), null, k.constraints(), null, null, k.origin()),
                actual, false);
    }

    private Decisions createTable(TableDecl t) {
        if (!context.state().schemas().contains(t.name().schema())) {
            throw SchemaSyncException.badInput(t.origin() + ": table " + t.name() + " is in schema "
                    + t.name().schema() + ", which does not exist: declare ensureSchema(\""
                    + t.name().schema() + "\") in this or an earlier block");
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.CreateTable(t.spec()));
        // Declared NOT VALID: added after CREATE TABLE, which would mark it valid (the table is empty).
        for (schemasync.catalog.ConstraintSpec c : t.constraints()) {
            if (c.notValid()) steps.add(new Step.AddConstraint(t.name(), c, true));
        }
        if (t.comment() != null) steps.add(new Step.CommentOnTable(t.name(), t.comment()));
        for (ColumnSpec c : t.columns()) {
            if (c.comment() != null) steps.add(new Step.CommentOnColumn(t.name(), c.name(), c.comment()));
        }
        // The new table's columns and constraints as PostgreSQL spells them, for the working copy.
        List<Column> columns = LineagePlanner.newColumns(context, t, t.columns().stream().map(c -> context.shapes().column(t.name(), c.name())).toList());
        Table spelled = new Table(t.name(), columns, null, null, 0, false, new ConstraintPlanner(context).forNewTable(t), List.of(),
                Table.RowSecurity.OFF, List.of(), java.util.Set.of());
        Decisions create = new Decisions().change(t.origin(), "table", t.name().toString(), Summary.will(Verb.CREATE), null,
                Spelled.as(spelled, new PartitionPlanner(context).created(t)), steps.toArray(Step[]::new));
        // Only a child's own default or NOT NULL on an inherited column is planned on the new table; without any, nothing is.
        if (t.form().inheritedColumns().isEmpty()) return create;
        return new DeclarationParts(context).then(part -> create)
                .then(part -> LineagePlanner.inheritedColumnsOfNew(part, t)) // reads the new table, as its CREATE TABLE leaves it
                .decisions();
    }

    private Decisions primaryKey(TableDecl t, Table existing) {
        Decisions out = new Decisions();
        List<String> actual = existing.primaryKey() == null ? List.of() : existing.primaryKey().columns();
        String object = t.name() + " primary key";
        Set<String> differ = schemasync.catalog.Differ.fields(schemasync.catalog.Differ.primaryKey(
                new Table.PrimaryKey(t.primaryKeyName(), t.primaryKey()), existing.primaryKey(), t.primaryKeyName() != null));
        if (!differ.contains("primary key")) { // the name only when declared (Differ.primaryKey says why)
            if (differ.contains("primary key name")) {
                out.add(new Drift(t.origin(), "constraint", object, "declared as " + t.primaryKeyName() + ", database has it as "
                        + existing.primaryKey().name() + ": not renamed; ALTER TABLE ... RENAME CONSTRAINT, or declare its name", null));
            }
            KeyOptionsDrift.primaryKey(t, existing.primaryKey(), object).ifPresent(out::add);
            return out;
        }
        if (t.primaryKey().isEmpty()) {
            out.add(new Drift(t.origin(), "constraint", object, "database has PRIMARY KEY " + actual
                    + ", the declaration has none: left alone", null));
        } else {
            out.add(new Drift(t.origin(), "constraint", object, "declared PRIMARY KEY " + t.primaryKey()
                    + ", database has " + (actual.isEmpty() ? "none" : actual.toString())
                    + ": not changed: adding one scans the table and builds an index under an ACCESS EXCLUSIVE lock",
                    HazardKind.FULL_SCAN_UNDER_LOCK));
        }
        return out;
    }

    Decisions addedColumn(ColumnDecl c) {
        QualifiedName actual = context.renamesTable(c.table());
        if (!context.state().tables().containsKey(actual)) {
            throw SchemaSyncException.badInput(c.origin() + ": ensureColumn on table " + c.table()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        Decisions out = new ColumnPlanner(context).plan(c.origin(), c.table(), actual, c.column());
        // A NOT NULL named by an ensureColumn on a column the database has NOT NULL: compared as a table's (PostgreSQL 18).
        Column had = context.state().tables().get(actual).column(context.renamesColumn(c.table(), c.column().name())).orElse(null);
        if (c.column().notNullName() != null && had != null && had.notNull()) {
            NotNullNamePlanner.differs(context, c.origin(), actual, had.name(), c.column().notNullName()).ifPresent(out::add);
        }
        return out;
    }
}
