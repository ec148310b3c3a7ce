package schemasync.plan;

import schemasync.step.Step;
import java.util.Objects;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.PartitionColumnsDecl;
import schemasync.model.HazardKind;
import schemasync.plan.Summary.Verb;

/**
 * A partition's own defaults, NOT NULL and column comments ({@link PartitionColumnsDecl}) against the working copy,
 * as a table's columns are compared ({@link ColumnPlanner}): a declared default that differs is set (metadata only); a
 * declared NOT NULL is set on a partition this run creates (empty) and reported on an existing one (SET NOT NULL scans
 * it under ACCESS EXCLUSIVE); an own default or NOT NULL the database has and no declaration says is reported, left
 * alone; a declared comment that differs is set. What is not the partition's own is its parent's (PostgreSQL copies
 * the parent's defaults and NOT NULL into each partition, and ALTER TABLE on the parent reaches them).
 */
final class PartitionColumnsPlanner {
    private PartitionColumnsPlanner() {
    }

    static Decisions plan(PlanContext context, PartitionColumnsDecl d) {
        Decisions out = new Decisions();
        QualifiedName partition = context.renamesTable(d.name());
        Table have = context.state().tables().get(partition);
        schemasync.catalog.Catalog.Partitioning shape = context.state().partitioning().get(partition);
        if (have == null || shape == null || shape.parent() == null) return out; // the partition's own declaration reports it
        Table parent = context.state().tables().get(shape.parent());
        if (parent == null) return out;
        boolean created = context.original(partition) == null; // created in this run: empty, SET NOT NULL scans nothing
        for (String named : unknown(d, have)) {
            throw schemasync.SchemaSyncException.badInput(d.origin() + ": partition " + partition + " declares column " + named
                    + ", which its parent " + shape.parent() + " does not have");
        }
        for (Column c : have.columns()) {
            Column inherited = parent.column(c.name()).orElse(null);
            if (inherited == null) continue;
            String object = partition + "." + c.name();
            boolean declaresDefault = d.defaults().containsKey(c.name());
            String wantDefault = declaresDefault ? d.defaults().get(c.name()) : inherited.defaultExpr();
            if (!Objects.equals(wantDefault, c.defaultExpr())) {
                if (declaresDefault) {
                    out.change(d.origin(), "column default", object, Summary.will(Verb.SET).plus((wantDefault == null ? " no DEFAULT"
                            : " DEFAULT " + wantDefault) + (c.defaultExpr() == null ? "" : " (database has " + c.defaultExpr() + ")")),
                            context.original(partition), wantDefault == null ? new Step.DropColumnDefault(partition, c.name())
                                    : new Step.SetColumnDefault(partition, c.name(), wantDefault));
                } else if (context.laterChange(d.name(), c.name()) == null) {
                    // (A later ensureColumnChanged states it: generate splits an own default out of a creation-order cycle.)
                    out.drift(d.origin(), "column", object, "the partition has its own DEFAULT " + (c.defaultExpr() == null ? "none"
                            : c.defaultExpr()) + ", the parent's is " + (inherited.defaultExpr() == null ? "none" : inherited.defaultExpr())
                            + ": left alone; declare columnDefault(\"" + c.name() + "\", ...) to match", null);
                }
            }
            boolean wantNotNull = inherited.notNull() || d.notNull().contains(c.name());
            String named = d.notNullNames().get(c.name());
            if (named != null && inherited.notNull()) {
                out.drift(d.origin(), "column", object, "declared NOT NULL as constraint " + named + ", but the partition's NOT NULL is"
                        + " its parent's (PostgreSQL names it as the parent's): not changed; name it on " + shape.parent(), null);
            } else if (named != null && c.notNull()) {
                NotNullNamePlanner.differs(context, d.origin(), partition, c.name(), named).ifPresent(out::add);
            }
            if (wantNotNull && !c.notNull()) {
                if (created) {
                    out.change(d.origin(), "column", object, Summary.will(Verb.SET).plus(" NOT NULL (the partition's own"
                                    + (named == null ? "" : ", as constraint " + named) + ")"),
                            context.original(partition), new Step.SetNotNull(partition, c.name(), null, named));
                } else {
                    out.drift(d.origin(), "column", object, "declared NOT NULL, the partition allows NULL: not changed: SET NOT NULL"
                            + " scans the whole partition under an ACCESS EXCLUSIVE lock", HazardKind.FULL_SCAN_UNDER_LOCK);
                }
            } else if (!wantNotNull && c.notNull()) {
                out.drift(d.origin(), "column", object, "the partition has its own NOT NULL, which the declaration does not say:"
                        + " left alone; declare notNull(\"" + c.name() + "\") to match", null);
            }
            if (d.comments().containsKey(c.name()) && !Objects.equals(d.comments().get(c.name()), c.comment())) {
                out.change(d.origin(), "comment on column", object, Summary.will(Verb.SET), context.original(partition),
                        new Step.CommentOnColumn(partition, c.name(), d.comments().get(c.name())));
            }
        }
        return out;
    }

    /** Columns the declaration names that the partition does not have. */
    private static java.util.List<String> unknown(PartitionColumnsDecl d, Table have) {
        java.util.Set<String> named = new java.util.TreeSet<>(d.defaults().keySet());
        named.addAll(d.notNull());
        named.addAll(d.comments().keySet());
        named.removeIf(n -> have.column(n).isPresent());
        return java.util.List.copyOf(named);
    }
}
