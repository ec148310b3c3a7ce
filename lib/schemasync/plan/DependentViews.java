package schemasync.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.Catalog.ViewDependency;
import schemasync.catalog.QualifiedName;
import schemasync.model.ObjectKind;

/**
 * The views a column type change must drop and re-create: PostgreSQL refuses ALTER COLUMN TYPE on a
 * column a view reads ("cannot alter type of a column used by a view or rule"). Those views, and the
 * views that read them, are dropped dependents first and re-created dependencies first, with their
 * current definitions, in the same transaction, so no session ever sees them missing. (Grants and
 * comments on those views are not re-created: see docs/SAFETY.md.)
 */
final class DependentViews {
    private final List<QualifiedName> ordered = new ArrayList<>();
    private final Planner planner;

    DependentViews(Planner planner, QualifiedName table, String column) {
        this.planner = planner;
        List<ViewDependency> all = planner.before.viewDependencies();
        Set<QualifiedName> found = new LinkedHashSet<>();
        for (ViewDependency d : all) {
            if (d.on().equals(table) && column.equals(d.column()) && planner.views.containsKey(d.view())) found.add(d.view());
        }
        // Views over those views, transitively.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ViewDependency d : all) {
                if (found.contains(d.on()) && planner.views.containsKey(d.view()) && found.add(d.view())) grew = true;
            }
        }
        // Dependencies first: a view comes after every found view it reads.
        Set<QualifiedName> placed = new LinkedHashSet<>();
        while (placed.size() < found.size()) {
            boolean progress = false;
            for (QualifiedName v : found) {
                if (placed.contains(v)) continue;
                boolean ready = all.stream().noneMatch(d -> d.view().equals(v) && found.contains(d.on()) && !placed.contains(d.on()));
                if (ready) {
                    placed.add(v);
                    progress = true;
                }
            }
            if (!progress) break; // a cycle cannot exist between views; stop rather than loop
        }
        ordered.addAll(placed);
    }

    List<Step> drops() {
        List<Step> steps = new ArrayList<>();
        for (int i = ordered.size() - 1; i >= 0; i--) steps.add(new Step.DropObject(ObjectKind.VIEW, ordered.get(i), null));
        return steps;
    }

    List<Step> creates() {
        // pg_get_viewdef ends the query with a semicolon, and qualifies every name (read under search_path pg_catalog).
        return ordered.stream().map(v -> (Step) new Step.CreateView(v, planner.views.get(v).strip().replaceAll(";$", ""), false))
                .toList();
    }

    String note() {
        return ordered.isEmpty() ? "" : " (re-creating the views that read it: "
                + String.join(", ", ordered.stream().map(QualifiedName::toString).toList()) + ")";
    }
}
