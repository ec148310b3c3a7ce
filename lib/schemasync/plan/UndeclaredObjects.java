package schemasync.plan;

import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.DesiredState;
import schemasync.model.ObjectId;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.Predicate;
import schemasync.plan.PlanItem.Drift;

/**
 * Objects in the managed schemas that no block mentions: reported with ⚠ after the declared ones,
 * never dropped. Teams adopt the tool table by table, so a table only touched by ensureColumn or
 * ensureIndex is not "undeclared", and ignore(...) patterns silence the rest.
 */
final class UndeclaredObjects {
    private final PlanContext context;
    private final GrantPlanner grants;
    private final ExternalPlanner externals;

    UndeclaredObjects(PlanContext context) {
        this.context = context;
        this.grants = new GrantPlanner(context);
        this.externals = new ExternalPlanner(context);
    }

    Decisions report() {
        Decisions out = new Decisions();
        DesiredState desired = context.desired();
        for (Table t : context.before().tables().values()) {
            if (desired.touches(t.name()) || t.partition() || context.declared().isIgnored(t.name())) continue;
            out.add(new Drift(null, "table", t.name().toString(), "undeclared: no block declares it; left alone", null));
        }
        for (Table t : context.before().tables().values()) {
            if (!desired.declaresTable(t.name())) continue;
            out.addAll(grants.reportUndeclared(t));
            report(out, t.policies(), p -> DesiredState.policy(t.name(), p.name()), p -> context.declared().isIgnoredColumn(t.name(), p.name()),
                    p -> new Drift(null, "policy", t.name() + "." + p.name(), "undeclared policy on a declared table ("
                            + PolicyPlanner.describe(p) + "): left alone", null));
            report(out, t.triggers(), g -> DesiredState.trigger(t.name(), g.name()), g -> context.declared().isIgnoredColumn(t.name(), g.name()),
                    g -> new Drift(null, "trigger", t.name() + "." + g.name(), "undeclared trigger on a declared table ("
                            + g.definition() + "): left alone", null));
        }
        out.addAll(grants.reportUndeclared());
        report(out, context.before().functions().values(), DesiredState::routine, f -> context.declared().isIgnored(f.name()), f -> {
            String kind = f.definition() != null && f.definition().startsWith("CREATE OR REPLACE PROCEDURE") ? "procedure" : "function";
            return new Drift(null, kind, f.signature(), "undeclared: no block declares it; left alone", null);
        });
        report(out, context.before().aggregates().values(), DesiredState::routine, a -> context.declared().isIgnored(a.name()),
                a -> new Drift(null, "aggregate", a.signature(), "undeclared (" + a.definition()
                        + "): no block declares it; left alone", null));
        for (var e : context.before().partitioning().entrySet()) {
            QualifiedName partition = e.getKey();
            QualifiedName parent = e.getValue().parent();
            // Reported under a declared parent only (an undeclared parent is reported itself), as
            // information: partitions created at run time by the application are normal.
            if (parent == null || desired.declaresPartition(partition) || context.declared().isIgnored(partition)
                    || !desired.declaresTable(parent) && !desired.declaresPartition(parent)) continue;
            out.add(new Drift(null, "partition", partition.toString(), "partition of " + parent + " "
                    + e.getValue().bound() + " that no block declares: left alone, never dropped (applications often"
                    + " create partitions at run time; ignore(\"" + partition.name() + "\") or a pattern silences it)", null));
        }
        report(out, context.before().materializedViews().keySet(), DesiredState::materializedView, context.declared()::isIgnored,
                m -> new Drift(null, "materialized view", m.toString(), "undeclared: no block declares it; left alone", null));
        report(out, context.before().views().keySet(), DesiredState::view, context.declared()::isIgnored,
                v -> new Drift(null, "view", v.toString(), "undeclared: no block declares it; left alone", null));
        report(out, context.before().enums().keySet(), DesiredState::type, context.declared()::isIgnored,
                e -> new Drift(null, "type", e.toString(), "undeclared enum " + context.before().enums().get(e)
                        + ": no block declares it; left alone", null));
        report(out, context.before().domains().values(), d -> DesiredState.type(d.name()), d -> context.declared().isIgnored(d.name()),
                d -> new Drift(null, "domain", d.name().toString(), "undeclared domain (" + d.describe()
                        + "): no block declares it; left alone", null));
        report(out, context.before().composites().values(), t -> DesiredState.type(t.name()), t -> context.declared().isIgnored(t.name()),
                t -> new Drift(null, "composite type", t.name().toString(), "undeclared " + t.describe()
                        + ": no block declares it; left alone", null));
        out.addAll(new KindPlanner(context).reportUndeclared());
        out.addAll(externals.reportUndeclared());
        // A sequence some column owns (serial, identity, OWNED BY) is part of that column.
        report(out, context.before().sequences().values(), q -> DesiredState.sequence(q.name()), q -> q.owner() != null || context.declared().isIgnored(q.name()),
                q -> new Drift(null, "sequence", q.name().toString(), "undeclared sequence (" + q.describe()
                        + "): no block declares it; left alone", null));
        for (Index i : context.before().indexes().values()) {
            if (declaresIndex(desired, i.name()) || i.constraintBacked() || !desired.touches(i.table())
                    || context.declared().isIgnored(i.name())) continue;
            out.add(new Drift(null, "index", i.name().toString(), "undeclared index on " + i.table() + " ("
                    + IndexPlanner.describe(i.unique(), i.definition()) + "): left alone", null));
        }
        return out;
    }

    /** The one question per object: does the desired state declare it (by ObjectId)? If not, and not ignored, report it. */
    private <T> void report(Decisions out, Collection<T> objects, Function<T, ObjectId> id, Predicate<T> ignored, Function<T, Drift> drift) {
        for (T object : objects) {
            if (context.desired().declares(id.apply(object)) || ignored.test(object)) continue;
            out.add(drift.apply(object));
        }
    }

    /** A declared index, or the temporary name a rebuildWhenChanged index is built or retired under. */
    static boolean declaresIndex(DesiredState desired, QualifiedName index) {
        if (desired.declares(DesiredState.index(index))) return true;
        for (QualifiedName rebuilt : desired.rebuiltIndexes()) {
            if (index.equals(rebuilt.sibling(IndexPlanner.temporaryName(rebuilt.name(), IndexPlanner.OLD_SUFFIX)))
                    || index.equals(rebuilt.sibling(IndexPlanner.temporaryName(rebuilt.name(), IndexPlanner.NEW_SUFFIX)))) return true;
        }
        return false;
    }
}
