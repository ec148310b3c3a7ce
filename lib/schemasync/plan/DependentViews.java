package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import schemasync.catalog.Catalog;
import schemasync.catalog.Catalog.ViewDependency;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.Dependencies;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectKind;

/**
 * The views a column type change must drop and re-create: PostgreSQL refuses ALTER COLUMN TYPE on a
 * column a view reads ("cannot alter type of a column used by a view or rule"). Those views, and every
 * view that reads them (the dependency graph's dependents, {@link Dependencies#of}), are dropped
 * dependents first and re-created dependencies first, with their current definitions, their grants
 * (on the view and its columns) and their comments (on the view and its columns), in the same
 * transaction, so no session ever sees them missing or without their privileges. DROP VIEW takes the
 * grants and comments with it; CREATE VIEW gives the view only the creating role's default privileges.
 * A materialized view over the column is not re-created (its data would be recomputed under the lock):
 * PostgreSQL refuses the change, naming it.
 */
final class DependentViews {
    private final List<QualifiedName> ordered = new ArrayList<>();
    private final PlanContext context;

    DependentViews(PlanContext context, QualifiedName table, String column) {
        this.context = context;
        Catalog before = context.before();
        DependencyGraph<ObjectId> graph = Dependencies.of(before);
        Set<ObjectId> found = new LinkedHashSet<>();
        for (ViewDependency d : before.viewDependencies()) {
            if (d.on().equals(table) && column.equals(d.column())) {
                ObjectId view = Dependencies.relation(before, d.view());
                found.add(view);
                found.addAll(graph.dependentsOf(view));
            }
        }
        found.removeIf(v -> v.kind() != ObjectId.Kind.VIEW || !context.state().views().containsKey(name(v)));
        // Dependencies first: a view after every found view it reads (views cannot form a cycle).
        for (ObjectId v : graph.restrictedTo(found::contains).order()) ordered.add(name(v));
    }

    private static QualifiedName name(ObjectId id) {
        return new QualifiedName(id.schema(), id.name());
    }

    List<Step> drops() {
        List<Step> steps = new ArrayList<>();
        for (int i = ordered.size() - 1; i >= 0; i--) steps.add(new Step.DropObject(ObjectKind.VIEW, ordered.get(i), null));
        return steps;
    }

    /** Each view's CREATE VIEW, then the GRANTs and COMMENTs it had (DROP VIEW took them). */
    List<Step> creates() {
        List<Step> steps = new ArrayList<>();
        for (QualifiedName v : ordered) {
            // pg_get_viewdef ends the query with a semicolon, and qualifies every name (read under search_path pg_catalog).
            steps.add(new Step.CreateView(v, context.state().views().get(v).strip().replaceAll(";$", ""), false));
            steps.addAll(grants(v));
            steps.addAll(comments(v));
        }
        return steps;
    }

    /** GRANTs on the view and on its columns, one step per target and role, privileges in GRANT's order. */
    private List<Step> grants(QualifiedName view) {
        List<Step> steps = new ArrayList<>();
        List<GrantTarget> targets = context.before().grants().keySet().stream()
                .filter(t -> (t.kind() == GrantTarget.Kind.TABLE || t.kind() == GrantTarget.Kind.COLUMN) && t.qualifiedName().equals(view))
                .sorted(Comparator.comparing((GrantTarget t) -> t.kind().ordinal()).thenComparing(GrantTarget::toString)).toList();
        for (GrantTarget t : targets) {
            Map<String, List<String>> byRole = new TreeMap<>();
            for (Grant g : context.before().grants().get(t)) byRole.computeIfAbsent(g.role(), k -> new ArrayList<>()).add(g.privilege());
            byRole.forEach((role, privileges) -> steps.add(new Step.GrantPrivileges(t, role,
                    privileges.stream().sorted(Comparator.comparingInt(t.kind().privileges::indexOf)).toList(), false)));
        }
        return steps;
    }

    /** COMMENT ON VIEW and COMMENT ON COLUMN, as the working copy has them. */
    private List<Step> comments(QualifiedName view) {
        List<Step> steps = new ArrayList<>();
        context.state().comments().entrySet().stream()
                .filter(e -> (e.getKey().kind() == CommentTarget.Kind.VIEW || e.getKey().kind() == CommentTarget.Kind.VIEW_COLUMN)
                        && e.getKey().object().equals(view))
                .sorted(Comparator.comparing((Map.Entry<CommentTarget, String> e) -> e.getKey().kind().ordinal())
                        .thenComparing(e -> String.valueOf(e.getKey().detail())))
                .forEach(e -> steps.add(new Step.CommentOnObject(e.getKey(), e.getValue())));
        return steps;
    }

    String note() {
        return ordered.isEmpty() ? "" : " (re-creating the views that read it, with their grants and comments: "
                + String.join(", ", ordered.stream().map(QualifiedName::toString).toList()) + ")";
    }
}
