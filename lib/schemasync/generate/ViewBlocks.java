package schemasync.generate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;

/**
 * The views block: views and materialized views, each after the views and routines it reads (pg_depend records a
 * view's uses); with them the routines whose standard SQL body reads a view, and the domains, composite and range
 * types over a view's row type (a view's row type is created with the view, so CREATE DOMAIN / CREATE TYPE naming it
 * needs the view first) and the routines whose signature names one of those. Ties by name.
 */
final class ViewBlocks {
    private static final Comparator<QualifiedName> BY_NAME =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    private final Generator g;
    private final Source source;
    private final Catalog catalog;

    ViewBlocks(Generator g, Source source) {
        this.g = g;
        this.source = source;
        this.catalog = source.catalog();
    }

    /** Writes the block; {@code type} writes a type's call ({@code ensureDomain}, {@code ensureCompositeType}, …). */
    void write(RoutineBlocks routines, Consumer<QualifiedName> type) {
        Map<QualifiedName, String> views = new TreeMap<>(BY_NAME);
        views.putAll(catalog.views());
        Map<QualifiedName, Catalog.MaterializedView> matviews = new TreeMap<>(BY_NAME);
        matviews.putAll(catalog.materializedViews());
        Map<String, Catalog.Function> readers = new TreeMap<>();
        for (Catalog.Function r : routines.routinesReadingViews()) readers.put(r.signature(), r);
        ViewOrder creation = source.creationOrder().views();
        TreeSet<QualifiedName> relations = new TreeSet<>(BY_NAME);
        relations.addAll(views.keySet());
        relations.addAll(matviews.keySet());
        TreeSet<QualifiedName> types = new TreeSet<>(BY_NAME);
        types.addAll(creation.typesOverViews());
        if (relations.isEmpty() && readers.isEmpty()) return;
        g.startBlock("Views", "Views and materialized views, each after the views it reads");
        DependencyGraph<String> graph = new DependencyGraph<>();
        relations.forEach(v -> graph.add(v.toString()));
        types.forEach(t -> graph.add(t.toString()));
        readers.keySet().forEach(graph::add);
        for (QualifiedName v : relations) creation.viewPrerequisites(v).forEach(p -> graph.edgeBetweenKnown(v.toString(), p));
        for (QualifiedName t : types) creation.typePrerequisites(t).forEach(p -> graph.edgeBetweenKnown(t.toString(), p));
        for (String r : readers.keySet()) creation.routineReads(r).forEach(p -> graph.edgeBetweenKnown(r, p));
        Map<String, QualifiedName> byText = new HashMap<>();
        relations.forEach(v -> byText.put(v.toString(), v));
        types.forEach(t -> byText.put(t.toString(), t));
        for (String node : graph.order(e -> true).nodes()) {
            QualifiedName next = byText.get(node);
            if (next == null) {
                routines.routine(readers.get(node));
            } else if (types.contains(next)) {
                type.accept(next);
            } else if (views.containsKey(next)) {
                g.add(new Call.ViewCall(g.dslName(next), views.get(next).strip()));
            } else {
                materializedView(next, matviews.get(next));
            }
        }
    }

    private void materializedView(QualifiedName name, Catalog.MaterializedView m) {
        String query = m.definition().strip();
        if (query.endsWith(";")) query = query.substring(0, query.length() - 1);
        g.add(new Call.MaterializedViewCall(g.dslName(name), query, m.populated()));
        TableGenerator tg = new TableGenerator(g);
        for (schemasync.catalog.Index i : g.indexesOf(name)) {
            Call index = tg.index(i);
            g.add(index != null ? index : g.custom("index " + i.name(), "options the DSL does not express",
                    CustomSql.relationMissing(i.name()), g.indexDefinition(i.name()), g.dslName(i.name())));
        }
    }
}
