package schemasync.plan;

import schemasync.catalog.Catalog;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.plan.PlanItem.Drift;

/**
 * Objects in the managed schemas that no block mentions: reported with ⚠ after the declared ones,
 * never dropped. Teams adopt the tool table by table, so a table only touched by ensureColumn or
 * ensureIndex is not "undeclared", and ignore(...) patterns silence the rest.
 */
final class UndeclaredObjects {
    private final Planner planner;
    private final GrantPlanner grants;
    private final ExternalPlanner externals;

    UndeclaredObjects(Planner planner, GrantPlanner grants, ExternalPlanner externals) {
        this.planner = planner;
        this.grants = grants;
        this.externals = externals;
    }

    Decisions report() {
        Decisions out = new Decisions();
        for (Table t : planner.before.tables().values()) {
            if (planner.touched.contains(t.name()) || t.partition() || planner.declared.isIgnored(t.name())) continue;
            out.add(new Drift(null, "table", t.name().toString(), "undeclared: no block declares it; left alone", null));
        }
        for (Table t : planner.before.tables().values()) {
            if (!planner.fullyDeclared.contains(t.name())) continue;
            out.addAll(grants.reportUndeclared(t));
            for (Table.Policy p : t.policies()) {
                if (planner.declaredPolicies.contains(t.name() + "." + p.name()) || planner.declared.isIgnoredColumn(t.name(), p.name())) continue;
                out.add(new Drift(null, "policy", t.name() + "." + p.name(), "undeclared policy on a declared table ("
                        + PolicyPlanner.describe(p) + "): left alone", null));
            }
            for (Table.Trigger g : t.triggers()) {
                if (planner.declaredTriggers.contains(t.name() + "." + g.name()) || planner.declared.isIgnoredColumn(t.name(), g.name())) continue;
                out.add(new Drift(null, "trigger", t.name() + "." + g.name(), "undeclared trigger on a declared table ("
                        + g.definition() + "): left alone", null));
            }
        }
        out.addAll(grants.reportUndeclared());
        for (Catalog.Function f : planner.before.functions().values()) {
            if (planner.declaredFunctions.contains(f.signature()) || planner.declared.isIgnored(f.name())) continue;
            String kind = f.definition() != null && f.definition().startsWith("CREATE OR REPLACE PROCEDURE") ? "procedure" : "function";
            out.add(new Drift(null, kind, f.signature(), "undeclared: no block declares it; left alone", null));
        }
        for (Catalog.Function a : planner.before.aggregates().values()) {
            if (planner.declaredAggregates.contains(a.signature()) || planner.declared.isIgnored(a.name())) continue;
            out.add(new Drift(null, "aggregate", a.signature(), "undeclared (" + a.definition()
                    + "): no block declares it; left alone", null));
        }
        for (var e : planner.before.partitioning().entrySet()) {
            QualifiedName partition = e.getKey();
            QualifiedName parent = e.getValue().parent();
            // Reported under a declared parent only (an undeclared parent is reported itself), as
            // information: partitions created at run time by the application are normal.
            if (parent == null || planner.declaredPartitions.contains(partition) || planner.declared.isIgnored(partition)
                    || !planner.fullyDeclared.contains(parent) && !planner.declaredPartitions.contains(parent)) continue;
            out.add(new Drift(null, "partition", partition.toString(), "partition of " + parent + " "
                    + e.getValue().bound() + " that no block declares: left alone, never dropped (applications often"
                    + " create partitions at run time; ignore(\"" + partition.name() + "\") or a pattern silences it)", null));
        }
        for (QualifiedName m : planner.before.materializedViews().keySet()) {
            if (planner.declaredMaterializedViews.contains(m) || planner.declared.isIgnored(m)) continue;
            out.add(new Drift(null, "materialized view", m.toString(), "undeclared: no block declares it; left alone", null));
        }
        for (QualifiedName v : planner.before.views().keySet()) {
            if (planner.declaredViews.contains(v) || planner.declared.isIgnored(v)) continue;
            out.add(new Drift(null, "view", v.toString(), "undeclared: no block declares it; left alone", null));
        }
        for (QualifiedName e : planner.before.enums().keySet()) {
            if (planner.declaredEnums.contains(e) || planner.declared.isIgnored(e)) continue;
            out.add(new Drift(null, "type", e.toString(), "undeclared enum " + planner.before.enums().get(e)
                    + ": no block declares it; left alone", null));
        }
        for (schemasync.catalog.Domain d : planner.before.domains().values()) {
            if (planner.declaredTypes.contains(d.name()) || planner.declared.isIgnored(d.name())) continue;
            out.add(new Drift(null, "domain", d.name().toString(), "undeclared domain (" + d.describe()
                    + "): no block declares it; left alone", null));
        }
        for (schemasync.catalog.CompositeType t : planner.before.composites().values()) {
            if (planner.declaredTypes.contains(t.name()) || planner.declared.isIgnored(t.name())) continue;
            out.add(new Drift(null, "composite type", t.name().toString(), "undeclared " + t.describe()
                    + ": no block declares it; left alone", null));
        }
        out.addAll(planner.kinds.reportUndeclared());
        out.addAll(externals.reportUndeclared());
        for (schemasync.catalog.Sequence q : planner.before.sequences().values()) {
            // A sequence some column owns (serial, identity, OWNED BY) is part of that column.
            if (q.owner() != null || planner.declaredSequences.contains(q.name()) || planner.declared.isIgnored(q.name())) continue;
            out.add(new Drift(null, "sequence", q.name().toString(), "undeclared sequence (" + q.describe()
                    + "): no block declares it; left alone", null));
        }
        for (Index i : planner.before.indexes().values()) {
            if (planner.declaredIndexes.contains(i.name()) || i.constraintBacked() || !planner.touched.contains(i.table())
                    || planner.declared.isIgnored(i.name())) continue;
            out.add(new Drift(null, "index", i.name().toString(), "undeclared index on " + i.table() + " ("
                    + IndexPlanner.describe(i.unique(), i.definition()) + "): left alone", null));
        }
        return out;
    }

}
