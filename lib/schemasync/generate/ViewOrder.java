package schemasync.generate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/**
 * The graph's answers for the views block ({@link ViewBlocks}): what each view, each routine written with the views and
 * each type over a view's row type needs there. A view's row type is created with the view, so a domain, composite or
 * range type over it (and a type over that type) cannot be created before the views, nor a routine whose signature
 * names one.
 */
final class ViewOrder {
    private final DependencyGraph<ObjectId> graph;
    private final Catalog catalog;
    private Set<ObjectId> overViews;

    ViewOrder(DependencyGraph<ObjectId> graph, Catalog catalog) {
        this.graph = graph;
        this.catalog = catalog;
    }

    /**
     * Views and materialized views the routine reads (a standard SQL body), or a type over a view's row type its
     * signature names ({@link PlacedTypes#overViews}): it is created with the views.
     */
    boolean readsViews(String signature) {
        return !routineReads(signature).isEmpty();
    }

    /** The views, materialized views and types over their row types ({@link #typesOverViews}) a routine needs, by name. */
    Set<String> routineReads(String signature) {
        Set<String> out = new TreeSet<>();
        Map<ObjectId, ObjectId> multiranges = PlacedTypes.multiranges(catalog);
        for (ObjectId p : graph.prerequisitesOf(CreationOrder.routine(signature))) {
            p = multiranges.getOrDefault(p, p);
            if (p.kind() == Kind.VIEW || p.kind() == Kind.MATERIALIZED_VIEW || overViews().contains(p)) out.add(p.schema() + "." + p.name());
        }
        return out;
    }

    /** The views, materialized views, routines and types over a view's row type a view needs, as names or signatures. */
    Set<String> viewPrerequisites(QualifiedName view) {
        Set<String> out = new TreeSet<>();
        for (Kind kind : List.of(Kind.VIEW, Kind.MATERIALIZED_VIEW)) {
            for (ObjectId p : graph.prerequisitesOf(ObjectId.of(kind, view.schema(), view.name()))) {
                if (p.kind() == Kind.VIEW || p.kind() == Kind.MATERIALIZED_VIEW || p.kind() == Kind.FUNCTION || overViews().contains(p)) {
                    out.add(p.schema() + "." + p.name());
                }
            }
        }
        return out;
    }

    /** The domains, composite and range types over a view's row type, in name order: created with the views. */
    List<QualifiedName> typesOverViews() {
        return overViews().stream().map(CreationOrder::name).toList();
    }

    /** The types each type over a view's row type needs that are views or such types too, by name. */
    Set<String> typePrerequisites(QualifiedName type) {
        Set<String> out = new TreeSet<>();
        Map<ObjectId, ObjectId> multiranges = PlacedTypes.multiranges(catalog);
        for (ObjectId p : graph.prerequisitesOf(PlacedTypes.id(type))) {
            p = multiranges.getOrDefault(p, p);
            if (p.kind() == Kind.VIEW || p.kind() == Kind.MATERIALIZED_VIEW || p.kind() == Kind.TYPE) out.add(p.schema() + "." + p.name());
        }
        return out;
    }

    private Set<ObjectId> overViews() {
        if (overViews == null) overViews = new java.util.LinkedHashSet<>(PlacedTypes.overViews(catalog, graph));
        return overViews;
    }
}
