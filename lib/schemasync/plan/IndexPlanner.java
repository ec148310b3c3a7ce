package schemasync.plan;

import schemasync.step.Step;
import schemasync.plan.Summary.Verb;

import schemasync.model.HazardKind;
import java.nio.charset.StandardCharsets;
import schemasync.SchemaSyncException;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Declared indexes against the working copy. On a table that existed before this run every build
 * and drop is CONCURRENTLY, after the commit: a plain CREATE INDEX holds a SHARE lock (writes wait
 * for the whole build) and a plain DROP INDEX an ACCESS EXCLUSIVE one. A failed concurrent build
 * leaves an INVALID index, which is never "present": it is dropped and rebuilt. A changed definition
 * declared with {@code rebuildWhenChanged()} is built under a temporary name, swapped in by renames,
 * and the old index dropped; leftovers of an interrupted rebuild are finished by the next run.
 */
final class IndexPlanner {
    /** Suffixes of a rebuild's temporary names; stable, so an interrupted run's leftovers are found again. */
    static final String NEW_SUFFIX = "_ssnew";
    static final String OLD_SUFFIX = "_ssold";

    private final PlanContext context;

    IndexPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(IndexDecl i) {
        Decisions out = new Decisions();
        QualifiedName table = context.renamesTable(i.table());
        QualifiedName name = context.renamesIndex(i.name());
        if (!context.state().tables().containsKey(table) && !context.state().materializedViews().containsKey(table)) {
            throw SchemaSyncException.badInput(i.origin() + ": index " + i.name() + " is on table " + i.table()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        // An index on a materialized view is spelled on a shadow with the view's columns; one created in this
        // run has none (it is new anyway). Indexes on materialized views are built in the transaction: a
        // plain CREATE INDEX there blocks REFRESH, not readers.
        String shape = context.state().tables().containsKey(table) ? context.shapes().index(i.name()) : context.shapes().indexes().get(i.name());
        String want = shape == null ? null : context.renamesColumnsInDefinition(shape, i.table());
        Index have = context.state().indexes().get(name);
        Table original = context.before().tables().get(table);
        boolean online = context.online(table);
        String object = name.toString();
        Index created = new Index(i.name(), i.table(), i.unique(), i.method().amname(), want, true, false);
        QualifiedName retired = name.sibling(temporaryName(name.name(), OLD_SUFFIX));
        QualifiedName replacement = name.sibling(temporaryName(name.name(), NEW_SUFFIX));
        if (have == null) {
            out.change(i.origin(), "index", object, Summary.will(Verb.CREATE).plus(online ? " concurrently, after the commit" : ""),
                    original, Spelled.as(created), new Step.CreateIndex(i.spec(), online, null));
        } else if (!have.table().equals(table)) {
            out.drift(i.origin(), "index", object, "declared on " + table + ", but an index with this name exists on "
                    + have.table() + ": not changed", null);
        } else if (!have.valid()) {
            out.change(i.origin(), "index", object, Summary.text("is INVALID (a failed concurrent build): ").plusWill(Verb.DROP).plus(" ").and(Verb.REBUILD),
                    original, Spelled.as(created), new Step.DropIndex(i.name(), online), new Step.CreateIndex(i.spec(), online, null));
        } else if (want != null && !java.util.Collections.disjoint(java.util.Set.of("unique", "method", "definition"), schemasync.catalog.Differ
                .fields(schemasync.catalog.Differ.index(new Index(name, table, i.unique(), i.method().amname(), want, true,
                        have.constraintBacked()), have)))) {
            if (!i.rebuildWhenChanged() || have.constraintBacked() || !online) {
                out.drift(i.origin(), "index", object, "declared " + describe(i.unique(), want) + ", database has "
                        + describe(have.unique(), have.definition()) + ": not changed: " + (have.constraintBacked()
                        ? "a constraint owns it" : !context.state().tables().containsKey(table)
                        ? "it is on a materialized view; drop it with ensureNoIndex and declare it again" : i.rebuildWhenChanged() ? "this run renames or drops its table"
                        : "declare .rebuildWhenChanged() to rebuild it online"), HazardKind.INDEX_BUILD);
                return out;
            }
            out.addAll(rebuild(i, object, original, replacement, retired, created));
            // The rebuild drops both leftovers itself (and its own names are gone after the swap): none to finish.
            return out;
        } else {
            out.add(new Unchanged(i.origin(), "index", object, "exists, skipped"));
        }
        if (i.rebuildWhenChanged() && online) out.addAll(finishInterruptedRebuild(i, original, retired, replacement));
        return out;
    }

    /** Build the new definition beside the old one, swap the names, drop the old one: no moment without an index. */
    private Decisions rebuild(IndexDecl i, String object, Table original, QualifiedName replacement, QualifiedName retired, Index created) {
        Decisions out = new Decisions();
        java.util.List<Step> steps = new java.util.ArrayList<>();
        // Leftovers of an interrupted rebuild: an INVALID or complete replacement, a retired old index.
        if (context.state().indexes().containsKey(replacement)) steps.add(new Step.DropIndex(replacement, true));
        if (context.state().indexes().containsKey(retired)) steps.add(new Step.DropIndex(retired, true));
        steps.add(new Step.CreateIndex(i.spec(), true, replacement.name()));
        steps.add(new Step.RetireIndex(i.name(), retired.name()));
        steps.add(new Step.SwapIndex(i.name(), replacement.name()));
        steps.add(new Step.DropIndex(retired, true));
        out.change(i.origin(), "index", object, Summary.text("definition changed: will build the new one concurrently as "
                + replacement.name() + ", swap, ").then(Verb.DROP).plus(" the old one"), original, Spelled.as(created),
                steps.toArray(Step[]::new));
        return out;
    }

    /** The declared index is in place; a retired copy (a run killed after the swap) is dropped. */
    private Decisions finishInterruptedRebuild(IndexDecl i, Table original, QualifiedName... leftovers) {
        Decisions out = new Decisions();
        for (QualifiedName leftover : leftovers) {
            if (!context.state().indexes().containsKey(leftover)) continue;
            out.change(i.origin(), "index", leftover.toString(), Summary.text("left by an interrupted rebuild of " + i.name()
                    + ": ").plusWill(Verb.DROP).plus(" concurrently"), original, new Step.DropIndex(leftover, true));
        }
        return out;
    }

    static String describe(boolean unique, String definition) {
        return (unique ? "UNIQUE " : "") + definition;
    }

    /** {@code name + suffix}, the name cut so the whole stays within 63 bytes. */
    static String temporaryName(String name, String suffix) {
        String base = name;
        while ((base + suffix).getBytes(StandardCharsets.UTF_8).length > QualifiedName.MAX_IDENTIFIER_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }
}
