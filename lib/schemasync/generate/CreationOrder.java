package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.Constraint;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.model.ObjectId.Kind;

/**
 * The generator's questions to the one dependency graph ({@link schemasync.catalog.Dependencies}):
 * which routines the tables need before them, the order of the tables (foreign keys that close a
 * cycle set aside, as pg_dump adds them after both tables), the order of routines and of views.
 * The blocks keep their kinds' sequence (schemas, types, routines the tables use, tables, routines,
 * views, triggers, policies, grants); inside each, the graph decides and the name breaks ties.
 */
final class CreationOrder {
    static final Comparator<QualifiedName> BY_NAME = Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    private final DependencyGraph<ObjectId> graph;
    private final Catalog catalog;

    CreationOrder(DependencyGraph<ObjectId> graph, Catalog catalog) {
        this.graph = graph;
        this.catalog = catalog;
    }

    /** Tables in creation order and the foreign keys ("schema.table.constraint") to add once all exist. */
    record Tables(List<QualifiedName> order, Set<String> deferredForeignKeys) {
    }

    /**
     * Each table (a partition as its root: its block creates the whole tree) after the tables it needs:
     * those its foreign keys reference, and any other the graph records (a column of another table's
     * row type). Stuck on a cycle, the first table by name goes first, and its foreign keys to tables not
     * yet created wait for a later {@code ensureConstraints}; a cycle without a foreign key to set aside
     * cannot be created by any order, and is a clear error naming it (never a stack trace).
     */
    Tables tables(Function<QualifiedName, QualifiedName> rootOf) {
        DependencyGraph<QualifiedName> tables = new DependencyGraph<>();
        catalog.tables().keySet().stream().map(rootOf).sorted(BY_NAME).forEach(tables::add);
        Map<List<QualifiedName>, List<String>> foreignKeys = new LinkedHashMap<>();
        for (Table t : catalog.tables().values()) {
            QualifiedName root = rootOf.apply(t.name());
            for (Constraint c : t.constraints()) {
                if (c.kind() != Constraint.Kind.FOREIGN_KEY) continue;
                QualifiedName target = rootOf.apply(c.foreignKey().table());
                if (target.equals(root)) continue;
                tables.edgeBetweenKnown(root, target);
                foreignKeys.computeIfAbsent(List.of(root, target), k -> new ArrayList<>())
                        .add(t.name().schema() + "." + t.name().name() + "." + c.name());
            }
        }
        for (ObjectId n : graph.nodes()) {
            if (n.kind() != Kind.TABLE) continue;
            for (ObjectId p : graph.prerequisitesOf(n)) {
                if (p.kind() == Kind.TABLE) tables.edgeBetweenKnown(rootOf.apply(name(n)), rootOf.apply(name(p)));
            }
        }
        DependencyGraph.Order<QualifiedName> order;
        try {
            order = tables.order(e -> foreignKeys.containsKey(List.of(e.dependent(), e.prerequisite())));
        } catch (IllegalStateException e) {
            // pg_dump would split the default or CHECK out of the cycle (ALTER TABLE ... SET DEFAULT / ADD CONSTRAINT
            // after both tables); the DSL declares a table whole, so the cycle is named instead of guessed at.
            String cycle = e.getMessage().replaceFirst("^a dependency cycle: \\[", "").replaceFirst("]$", "").replace(", ", " → ");
            throw SchemaSyncException.badInput("generate cannot order these tables (" + cycle
                    + "): they need each other through something other than a foreign key (a column of the other's row type,"
                    + " a default or generated column naming it); nothing was written. Break the cycle in the source database"
                    + " (e.g. move the default into a trigger), or generate without one of their schemas (--exclude-schema)");
        }
        Set<String> deferred = new TreeSet<>();
        for (DependencyGraph.Edge<QualifiedName> e : order.broken()) {
            deferred.addAll(foreignKeys.get(List.of(e.dependent(), e.prerequisite())));
        }
        return new Tables(order.nodes(), deferred);
    }

    /**
     * The routines a table's default, generated column, CHECK, exclusion constraint or index calls
     * ("schema.name(identity arguments)", as {@link schemasync.catalog.Catalog.Function#signature()}): PostgreSQL resolves
     * the call when it creates the table, so these come before the tables.
     */
    Set<String> routinesTablesUse() {
        Set<String> out = new TreeSet<>();
        for (ObjectId n : graph.nodes()) {
            boolean onTable = n.kind() == Kind.TABLE || n.kind() == Kind.CONSTRAINT
                    || n.kind() == Kind.INDEX && graph.prerequisitesOf(n).stream().anyMatch(p -> p.kind() == Kind.TABLE);
            if (!onTable) continue;
            for (ObjectId p : graph.prerequisitesOf(n)) if (p.kind() == Kind.FUNCTION) out.add(p.schema() + "." + p.name());
        }
        return out;
    }

    /** The routines a domain's CHECK or default calls (a composite or range type names none PostgreSQL records). */
    Set<String> routinesTypesUse() {
        Set<String> out = new TreeSet<>();
        for (ObjectId n : graph.nodes()) {
            if (n.kind() != Kind.TYPE) continue;
            for (ObjectId p : graph.prerequisitesOf(n)) if (p.kind() == Kind.FUNCTION) out.add(p.schema() + "." + p.name());
        }
        return out;
    }

    /** The routine needs nothing of the managed schemas but schemas, extensions and routines (its types are PostgreSQL's). */
    boolean needsOnlyRoutines(String signature) {
        return graph.prerequisitesOf(routine(signature)).stream()
                .allMatch(p -> p.kind() == Kind.SCHEMA || p.kind() == Kind.EXTENSION || p.kind() == Kind.FUNCTION);
    }

    /** Routines the routine {@code signature} uses by pg_depend: an aggregate's functions, a standard SQL body's calls. */
    Set<String> routinesUsedBy(String signature) {
        Set<String> out = new TreeSet<>();
        for (ObjectId p : graph.prerequisitesOf(routine(signature))) if (p.kind() == Kind.FUNCTION) out.add(p.schema() + "." + p.name());
        return out;
    }

    /** Views and materialized views the routine reads (a standard SQL body): it is created with the views. */
    boolean readsViews(String signature) {
        return graph.prerequisitesOf(routine(signature)).stream()
                .anyMatch(p -> p.kind() == Kind.VIEW || p.kind() == Kind.MATERIALIZED_VIEW);
    }

    /** The views, materialized views and routines a view or routine needs, as relation names or signatures. */
    Set<String> viewPrerequisites(QualifiedName view) {
        Set<String> out = new TreeSet<>();
        for (Kind kind : List.of(Kind.VIEW, Kind.MATERIALIZED_VIEW)) {
            for (ObjectId p : graph.prerequisitesOf(ObjectId.of(kind, view.schema(), view.name()))) {
                if (p.kind() == Kind.VIEW || p.kind() == Kind.MATERIALIZED_VIEW || p.kind() == Kind.FUNCTION) {
                    out.add(p.schema() + "." + p.name());
                }
            }
        }
        return out;
    }

    /** The views and materialized views a routine reads, by name. */
    Set<String> routineReads(String signature) {
        Set<String> out = new TreeSet<>();
        for (ObjectId p : graph.prerequisitesOf(routine(signature))) {
            if (p.kind() == Kind.VIEW || p.kind() == Kind.MATERIALIZED_VIEW) out.add(p.schema() + "." + p.name());
        }
        return out;
    }

    private static ObjectId routine(String signature) {
        int dot = signature.indexOf('.');
        return ObjectId.of(Kind.FUNCTION, signature.substring(0, dot), signature.substring(dot + 1));
    }

    private static QualifiedName name(ObjectId id) {
        return new QualifiedName(id.schema(), id.name());
    }
}
