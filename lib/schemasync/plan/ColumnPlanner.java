package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import schemasync.step.Step;
import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.ColumnSpec;
import schemasync.dsl.Origin;
import schemasync.model.HazardKind;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.plan.Summary.Verb;

/**
 * One declared column (of an ensureTable or an ensureColumn) against the working copy of its table:
 * add it when missing and addable without a rewrite or scan; set its default and comment; report
 * every other difference with its hazard.
 */
final class ColumnPlanner {
    private final PlanContext context;

    ColumnPlanner(PlanContext context) {
        this.context = context;
    }

    /**
     * One declared column against the working copy of its table. {@code declaredTable} keys the
     * normalized shapes; {@code tableName} is the table's current name (after later renames).
     */
    Decisions plan(Origin origin, QualifiedName declaredTable, QualifiedName tableName, ColumnSpec spec) {
        Decisions out = new Decisions();
        Table table = context.state().tables().get(tableName);
        Column want = context.shapes().column(declaredTable, spec.name());
        String columnName = context.renamesColumn(declaredTable, spec.name());
        String object = tableName + "." + columnName;
        Column have = table.column(columnName).orElse(null);
        Table original = context.before().tables().get(tableName);
        if (have == null) {
            if (original != null && spec.generated() && !spec.virtual()) {
                out.drift(origin, "column", object, "declared " + spec.describe() + ", missing: not added: adding a stored"
                        + " generated column computes it for every row, rewriting " + tableName + " under an ACCESS EXCLUSIVE lock",
                        HazardKind.TABLE_REWRITE);
            } else if (original != null && (spec.identity() != Column.Identity.NONE || spec.serial())) {
                out.drift(origin, "column", object, "declared " + spec.describe() + ", missing: not added: adding an identity"
                        + " or serial column rewrites " + tableName + " under an ACCESS EXCLUSIVE lock", HazardKind.TABLE_REWRITE);
            } else if (original != null && spec.notNull() && !spec.hasDefault()) {
                out.drift(origin, "column", object, "declared " + spec.describe() + ", missing: not added: a NOT NULL column"
                        + " without a default cannot be added to a table that may hold rows; give it a default, or add"
                        + " it nullable and backfill", HazardKind.FULL_SCAN_UNDER_LOCK);
            } else if (original != null && context.shapes().rewritingAdds().contains(new DeclaredShapes.ColumnRef(tableName, spec.name()))) {
                out.drift(origin, "column", object, "declared " + spec.describe() + ", missing: not added: its volatile default"
                        + " rewrites " + tableName + " under an ACCESS EXCLUSIVE lock; add it without the default,"
                        + " backfill, then declare the default", HazardKind.TABLE_REWRITE);
            } else {
                List<Step> steps = new ArrayList<>();
                steps.add(new Step.AddColumn(tableName, spec));
                if (spec.comment() != null) steps.add(new Step.CommentOnColumn(tableName, spec.name(), spec.comment()));
                out.change(origin, "column", object, Summary.will(Verb.ADD), original, Spelled.as(want), steps.toArray(Step[]::new));
            }
            return out;
        }
        boolean same = true;
        // A comment the declaration does not state is whatever the database has.
        java.util.Set<String> differs = schemasync.catalog.Differ.fields(schemasync.catalog.Differ.column(
                want.withDefaultAndComment(want.defaultExpr(), spec.comment() == null ? have.comment() : spec.comment()), have));
        String laterChange = context.laterChange(declaredTable, spec.name());
        if (laterChange != null && (differs.contains("type") || differs.contains("not null"))) {
            out.add(new Unchanged(origin, "column", object, "differs; ensureColumnChanged in " + laterChange + " changes it"));
            return out;
        }
        if (differs.contains("type")) {
            same = false;
            out.drift(origin, "column", object, "declared " + want.type() + ", database has " + have.type()
                    + ": not changed: changing the type rewrites the table", HazardKind.TABLE_REWRITE);
        }
        if (differs.contains("generated") || differs.contains("virtual") || differs.contains("collation")) {
            same = false;
            out.addAll(ColumnDetails.drift(context, origin, object, want, have));
        }
        Decisions identity = new IdentityPlanner(context).plan(origin, tableName, columnName, spec, want, have);
        if (!identity.isEmpty()) same = false;
        out.addAll(identity);
        if (differs.contains("not null") && want.notNull()) {
            same = false;
            out.drift(origin, "column", object, "declared NOT NULL, database allows NULL: not changed: SET NOT NULL scans the"
                    + " whole table under an ACCESS EXCLUSIVE lock" + (spec.notNullName() == null ? "" : "; ensureColumnChanged(...)"
                    + ".notNullNamed(\"" + spec.notNullName() + "\") adds it online"), HazardKind.FULL_SCAN_UNDER_LOCK);
        } else if (differs.contains("not null")) {
            same = false;
            out.drift(origin, "column", object, "database has NOT NULL, the declaration allows NULL: left alone; declare"
                    + " .notNull() to match", null);
        }
        if (differs.contains("default") && spec.defaultSql() == null && laterChange != null) {
            // A later ensureColumnChanged states the default (generate splits one out of a creation-order cycle): it is
            // compared there.
        } else if (differs.contains("default") && want.identity() == Column.Identity.NONE) {
            same = false;
            if (spec.defaultSql() == null) {
                // Never drop or replace a default the declaration does not state (a serial's nextval()
                // included): inserts relying on it would start failing.
                out.drift(origin, "column", object, "database has DEFAULT " + (have.hasDefault() ? have.defaultExpr() : "none")
                        + ", the declaration has " + (want.hasDefault() ? want.defaultExpr() : "none")
                        + ": left alone; declare the default to match", null);
            } else {
                out.change(origin, "column default", object, Summary.will(Verb.SET).plus(" DEFAULT " + want.defaultExpr()
                                + (have.hasDefault() ? " (database has " + have.defaultExpr() + ")" : "")), original,
                        Spelled.as(want), new Step.SetColumnDefault(tableName, columnName, spec.defaultSql()));
            }
        }
        if (differs.contains("comment")) {
            same = false;
            out.change(origin, "comment on column", object, Summary.will(Verb.SET), original,
                    new Step.CommentOnColumn(tableName, columnName, spec.comment()));
        }
        if (same) out.add(new Unchanged(origin, "column", object, "exists, skipped"));
        return out;
    }
}
