package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import schemasync.step.LineageSteps;
import schemasync.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Column;
import schemasync.catalog.CompositeType;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.TableForm;
import schemasync.catalog.TableLineage;
import schemasync.dsl.Declaration.TableDecl;

/**
 * Legacy inheritance and typed tables of declared tables against the working copy. A child declares only its own
 * columns (the parents' are theirs); a typed table's columns are its type's attributes. An existing table that lacks
 * a declared parent is linked with {@code ALTER TABLE ... INHERIT} when it already has the parent's columns and
 * CHECK constraints (PostgreSQL's own conditions), else the difference is reported; a parent or type the blocks do
 * not declare is reported, never removed.
 */
final class LineagePlanner {
    private LineagePlanner() {
    }

    /** The lineage of an existing table against its declaration. */
    static Decisions compare(PlanContext context, TableDecl t, QualifiedName actual) {
        Decisions out = new Decisions();
        TableForm form = t.form();
        TableLineage have = context.before().lineageOf(context.renamedFrom().getOrDefault(actual, actual));
        List<QualifiedName> parents = have == null ? List.of() : have.inherits();
        QualifiedName type = have == null ? null : have.ofType();
        String object = actual.toString();
        // One comparison per kind: Differ.lineage says whether INHERITS and OF differ (the declared parents named as
        // the tables are after this plan's renames); the inherited columns are planned column by column below.
        List<String> differing = schemasync.catalog.Differ.lineage(
                new TableLineage(form.inherits().stream().map(context::renamesTable).toList(), form.ofType()),
                have == null ? new TableLineage(List.of(), null) : have).stream().map(schemasync.model.Difference::field).toList();
        if (differing.contains("inherits")) {
            for (QualifiedName parent : form.inherits()) {
                QualifiedName p = context.renamesTable(parent);
                if (parents.contains(p)) continue;
                String missing = missing(context.state().tables().get(p), context.state().tables().get(actual));
                if (missing == null) {
                    out.change(t.origin(), "table inheritance", object, Summary.will(Summary.Verb.SET).plus(" INHERIT " + p),
                            context.original(actual), new Step.InheritParent(actual, p));
                } else {
                    out.drift(t.origin(), "table inheritance", object, "declared INHERITS (" + p + "), but the table "
                            + missing + ": not linked (ALTER TABLE ... INHERIT needs them)", null);
                }
            }
            for (QualifiedName p : parents) {
                if (form.inherits().stream().noneMatch(d -> context.renamesTable(d).equals(p))) {
                    out.drift(t.origin(), "table inheritance", object, "inherits from " + p
                            + " in the database, which the declaration does not say: left alone", null);
                }
            }
        }
        out.addAll(inheritedColumns(context, t, actual, have == null ? List.of() : have.inheritedColumns()));
        if (differing.contains("of type")) {
            out.drift(t.origin(), "typed table", object, (type == null ? "is not a typed table" : "is OF " + type)
                    + " in the database, declared " + (form.ofType() == null ? "without OF" : "OF " + form.ofType())
                    + ": left alone", null);
        }
        return out;
    }

    /** Why {@code child} cannot INHERIT {@code parent} (a column or CHECK it lacks), or null when it can. */
    private static String missing(Table parent, Table child) {
        if (parent == null) return "parent does not exist";
        for (Column c : parent.columns()) {
            var own = child.column(c.name());
            if (own.isEmpty()) return "has no column " + c.name();
            if (!own.get().type().equals(c.type())) return "has column " + c.name() + " as " + own.get().type() + ", not " + c.type();
            if (c.notNull() && !own.get().notNull()) return "has column " + c.name() + " nullable, the parent's is NOT NULL";
        }
        for (var k : parent.constraints()) {
            String text = k.definition() != null ? k.definition() : String.valueOf(k.check());
            if (k.kind() == schemasync.catalog.Constraint.Kind.CHECK && !text.contains("NO INHERIT")
                    && child.constraint(k.name()).isEmpty()) return "has no CHECK constraint " + k.name();
        }
        return null;
    }

    /**
     * Whether an existing table's column that no block declares comes from the declaration's parents or type (a
     * child merged with its parent keeps the parent's columns as its own: they are not the child's to declare).
     */
    static boolean fromLineage(PlanContext context, TableDecl t, String column) {
        for (QualifiedName parent : t.form().inherits()) {
            Table p = context.state().tables().get(context.renamesTable(parent));
            if (p != null && p.column(column).isPresent()) return true;
        }
        CompositeType type = t.form().ofType() == null ? null : context.state().composites().get(t.form().ofType());
        return type != null && type.attributes().stream().anyMatch(a -> a.name().equals(column));
    }

    /**
     * A new table's columns in the working copy (a typed table's from its type); its parents and type must exist
     * or be declared before it, or PostgreSQL would refuse the CREATE TABLE.
     */
    static List<Column> newColumns(PlanContext context, TableDecl t, List<Column> declared) {
        for (QualifiedName parent : t.form().inherits()) {
            if (!context.state().tables().containsKey(context.renamesTable(parent))) {
                throw schemasync.SchemaSyncException.badInput(t.origin() + ": table " + t.name() + " inherits from "
                        + parent + ", which does not exist: declare it in this or an earlier block, before the child");
            }
        }
        if (t.form().ofType() != null && !context.state().composites().containsKey(t.form().ofType())) {
            throw schemasync.SchemaSyncException.badInput(t.origin() + ": table " + t.name() + " is OF type "
                    + t.form().ofType() + ", which is not a composite type: declare it with ensureCompositeType before the table");
        }
        return typedColumns(context.state().composites(), t.form(), declared);
    }

    /** A new child's own defaults and NOT NULLs on inherited columns: planned once its CREATE TABLE is emitted. */
    static Decisions inheritedColumnsOfNew(PlanContext context, TableDecl t) {
        return inheritedColumns(context, t, t.name(), List.of());
    }

    /**
     * A child's own default or NOT NULL on inherited columns: set as declared after CREATE TABLE (PostgreSQL would make
     * a column written in CREATE TABLE ... INHERITS the child's own, attislocal, which pg_dump never does); one the
     * database has and no declaration says is reported, left alone. A declared default is compared as PostgreSQL
     * prints it (pg_get_expr).
     */
    private static Decisions inheritedColumns(PlanContext context, TableDecl t, QualifiedName actual, List<TableLineage.InheritedColumn> have) {
        Decisions out = new Decisions();
        String object = actual.toString();
        java.util.Map<String, TableLineage.InheritedColumn> had = new java.util.HashMap<>();
        for (TableLineage.InheritedColumn c : have) had.put(c.name(), c);
        for (TableLineage.InheritedColumn want : t.form().inheritedColumns()) {
            TableLineage.InheritedColumn h = had.remove(want.name());
            Column parent = parentColumn(context, t, want.name());
            if (parent == null) {
                throw schemasync.SchemaSyncException.badInput(t.origin() + ": table " + t.name() + " declares its own default or"
                        + " NOT NULL on column " + want.name() + ", which none of its parents has");
            }
            String wantDefault = want.ownDefault() ? spelledDefault(context, t, want) : parent.defaultExpr();
            String haveDefault = h != null && h.ownDefault() ? h.defaultExpr() : parent.defaultExpr();
            List<Step> steps = new ArrayList<>();
            // ONLY: the child's own, as pg_dump writes it; without it the tables inheriting from the child would get it too.
            if (!java.util.Objects.equals(wantDefault, haveDefault)) {
                steps.add(new LineageSteps.OnlyThisTable(wantDefault == null ? new Step.DropColumnDefault(actual, want.name())
                        : new Step.SetColumnDefault(actual, want.name(), wantDefault)));
            }
            boolean haveNotNull = parent.notNull() || h != null && h.ownNotNull();
            if (want.ownNotNull() && !haveNotNull) steps.add(new LineageSteps.OnlyThisTable(new Step.SetNotNull(actual, want.name(), null)));
            if (!want.ownNotNull() && !parent.notNull() && haveNotNull) {
                steps.add(new LineageSteps.OnlyThisTable(new Step.DropNotNull(actual, want.name())));
            }
            if (steps.isEmpty()) continue;
            out.change(t.origin(), "inherited column", object + "." + want.name(), Summary.will(Summary.Verb.SET)
                    .plus(" the child's own " + (want.ownDefault() ? "DEFAULT " + want.defaultExpr() : "")
                    + (want.ownDefault() && want.ownNotNull() ? ", " : "") + (want.ownNotNull() ? "NOT NULL" : "")),
                    context.original(actual), steps.toArray(Step[]::new));
        }
        for (TableLineage.InheritedColumn h : had.values()) {
            out.drift(t.origin(), "inherited column", object + "." + h.name(), "has "
                    + (h.ownDefault() ? "its own default (" + h.defaultExpr() + ")" : "") + (h.ownDefault() && h.ownNotNull() ? " and " : "")
                    + (h.ownNotNull() ? "its own NOT NULL" : "") + " on this inherited column, which the declaration does not say"
                    + " (inheritedDefault / inheritedNotNull): left alone", null);
        }
        return out;
    }

    /**
     * A declared own default on an inherited column as PostgreSQL spells it ({@code 'FR'} reads back {@code 'FR'::bpchar}),
     * from the child's shadow (normalize); the declared text when there is none (the planner run without a server, as
     * its table-driven cases do). Null: no default.
     */
    private static String spelledDefault(PlanContext context, TableDecl t, TableLineage.InheritedColumn want) {
        if (want.defaultExpr() == null) return null;
        Column spelled = context.shapes().columns().getOrDefault(t.name(), Map.of()).get(DeclaredShapes.inheritedDefault(want.name()));
        return spelled != null && spelled.defaultExpr() != null ? spelled.defaultExpr() : want.defaultExpr();
    }

    /** The column as the child's first parent that has it gives it: NOT NULL when any parent's is. */
    private static Column parentColumn(PlanContext context, TableDecl t, String column) {
        Column found = null;
        boolean notNull = false;
        for (QualifiedName parent : t.form().inherits()) {
            Table p = context.state().tables().get(context.renamesTable(parent));
            Column c = p == null ? null : p.column(column).orElse(null);
            if (c == null) continue;
            if (found == null || found.defaultExpr() == null && c.defaultExpr() != null) found = c;
            notNull |= c.notNull();
        }
        return found == null ? null : notNull ? TableEffects.notNull(found, true) : found;
    }

    /** A new typed table's columns: the type's attributes in order, each with what the declaration adds. */
    static List<Column> typedColumns(Map<QualifiedName, CompositeType> composites, TableForm form, List<Column> declared) {
        CompositeType type = form.ofType() == null ? null : composites.get(form.ofType());
        if (type == null) return declared;
        List<Column> columns = new ArrayList<>();
        for (CompositeType.Attribute a : type.attributes()) {
            columns.add(declared.stream().filter(c -> c.name().equals(a.name())).findFirst()
                    .orElse(new Column(a.name(), a.type(), false, null, Column.Identity.NONE, null, null, a.collation())));
        }
        return columns;
    }
}
