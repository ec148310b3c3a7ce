package schemasync.plan;

import schemasync.catalog.Catalog;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.DesiredState;

/** TEMPORARY: asserts the DesiredState fold answers as the planner's declaredX sets did (removed once they are gone). */
final class DesiredStateCheck {
    static void check(Planner p, DesiredState d) {
        StringBuilder out = new StringBuilder();
        for (Table t : p.before.tables().values()) {
            cmp(out, "touched " + t.name(), p.touched.contains(t.name()), d.touches(t.name()));
            cmp(out, "fully " + t.name(), p.fullyDeclared.contains(t.name()), d.declaresTable(t.name()));
            for (Table.Policy x : t.policies()) cmp(out, "policy " + t.name() + "." + x.name(),
                    p.declaredPolicies.contains(t.name() + "." + x.name()), d.declares(DesiredState.policy(t.name(), x.name())));
            for (Table.Trigger x : t.triggers()) cmp(out, "trigger " + t.name() + "." + x.name(),
                    p.declaredTriggers.contains(t.name() + "." + x.name()), d.declares(DesiredState.trigger(t.name(), x.name())));
        }
        for (Catalog.Function f : p.before.functions().values()) cmp(out, "function " + f.signature(),
                p.declaredFunctions.contains(f.signature()), d.declares(DesiredState.routine(f)));
        for (Catalog.Function f : p.before.aggregates().values()) cmp(out, "aggregate " + f.signature(),
                p.declaredAggregates.contains(f.signature()), d.declares(DesiredState.routine(f)));
        for (QualifiedName n : p.before.partitioning().keySet()) cmp(out, "partition " + n, p.declaredPartitions.contains(n), d.declaresPartition(n));
        for (QualifiedName n : p.before.materializedViews().keySet()) cmp(out, "mv " + n, p.declaredMaterializedViews.contains(n), d.declares(DesiredState.materializedView(n)));
        for (QualifiedName n : p.before.views().keySet()) cmp(out, "view " + n, p.declaredViews.contains(n), d.declares(DesiredState.view(n)));
        for (QualifiedName n : p.before.enums().keySet()) cmp(out, "enum " + n, p.declaredEnums.contains(n), d.declares(DesiredState.type(n)));
        for (QualifiedName n : p.before.domains().keySet()) cmp(out, "domain " + n, p.declaredTypes.contains(n), d.declares(DesiredState.type(n)));
        for (QualifiedName n : p.before.composites().keySet()) cmp(out, "composite " + n, p.declaredTypes.contains(n), d.declares(DesiredState.type(n)));
        for (QualifiedName n : p.before.sequences().keySet()) cmp(out, "sequence " + n, p.declaredSequences.contains(n), d.declares(DesiredState.sequence(n)));
        for (Index i : p.before.indexes().values()) cmp(out, "index " + i.name(), p.declaredIndexes.contains(i.name()), UndeclaredObjects.declaresIndex(d, i.name()));
        if (!out.isEmpty()) throw new IllegalStateException("DesiredState differs from the planner's sets:" + out);
    }

    private static void cmp(StringBuilder out, String what, boolean old, boolean now) {
        if (old != now) out.append("\n  ").append(what).append(": sets ").append(old).append(", fold ").append(now);
    }
}
