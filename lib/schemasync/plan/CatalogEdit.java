package schemasync.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.CompositeType;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.Domain;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;

/** A mutable copy of a catalog that {@link Effects} edits step by step; {@link #build()} freezes it again. */
final class CatalogEdit {
    final Set<String> schemas;
    final Map<QualifiedName, Table> tables;
    final Map<QualifiedName, Index> indexes;
    final Map<QualifiedName, List<String>> enums;
    final Map<QualifiedName, String> views;
    final Map<String, Catalog.Function> functions;
    final Map<String, Catalog.Extension> extensions;
    final Map<QualifiedName, Domain> domains;
    final Map<GrantTarget, Set<Grant>> grants;
    final Map<DefaultTarget, Set<Grant>> defaultPrivileges;
    final Map<String, Catalog.Function> aggregates;
    final Map<QualifiedName, CompositeType> composites;
    final Map<QualifiedName, Sequence> sequences;
    final Map<CommentTarget, String> comments;
    final Map<QualifiedName, Catalog.Partitioning> partitioning;
    final Map<QualifiedName, Catalog.MaterializedView> materializedViews;
    final List<Catalog.ViewDependency> viewDependencies;

    CatalogEdit(Catalog c) {
        schemas = new LinkedHashSet<>(c.schemas());
        tables = new LinkedHashMap<>(c.tables());
        indexes = new LinkedHashMap<>(c.indexes());
        enums = new LinkedHashMap<>(c.enums());
        views = new LinkedHashMap<>(c.views());
        functions = new LinkedHashMap<>(c.functions());
        extensions = new LinkedHashMap<>(c.extensions());
        domains = new LinkedHashMap<>(c.domains());
        grants = new LinkedHashMap<>(c.grants());
        defaultPrivileges = new LinkedHashMap<>(c.defaultPrivileges());
        aggregates = new LinkedHashMap<>(c.aggregates());
        composites = new LinkedHashMap<>(c.composites());
        sequences = new LinkedHashMap<>(c.sequences());
        comments = new LinkedHashMap<>(c.comments());
        partitioning = new LinkedHashMap<>(c.partitioning());
        materializedViews = new LinkedHashMap<>(c.materializedViews());
        viewDependencies = new ArrayList<>(c.viewDependencies());
    }

    Catalog build() {
        return new Catalog(schemas, tables, indexes, enums, views, functions, extensions, domains, grants, defaultPrivileges,
                aggregates, composites, sequences, comments, partitioning, materializedViews, viewDependencies);
    }

    /** The table a step names; a step on a table the replay does not know is a planner bug, said loudly. */
    Table table(QualifiedName name) {
        Table table = tables.get(name);
        if (table == null) throw new IllegalStateException("replay: a step names table " + name + ", which does not exist here");
        return table;
    }

    void table(QualifiedName name, UnaryOperator<Table> change) {
        tables.put(name, change.apply(table(name)));
    }

    /** Replaces one grant set: add or remove {@code privileges} of {@code role}. */
    static Set<Grant> granted(Set<Grant> current, String role, List<String> privileges, boolean revoke) {
        Set<Grant> next = new LinkedHashSet<>(current == null ? Set.of() : current);
        for (String p : privileges) {
            if (revoke) next.remove(new Grant(role, p));
            else next.add(new Grant(role, p));
        }
        return Grant.sorted(next);
    }
}
