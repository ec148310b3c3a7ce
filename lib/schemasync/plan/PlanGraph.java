package schemasync.plan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.Catalog;
import schemasync.catalog.Dependencies;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;

/**
 * The dependency graph the planner asks, without a server: the catalog's part ({@link Dependencies#of}:
 * views and what they read), each existing trigger's function (from pg_get_triggerdef's
 * {@code EXECUTE FUNCTION}), and each declared trigger's function. Routines are named here without
 * their arguments ({@code FUNCTION public.f}), as removals and trigger declarations name them.
 */
final class PlanGraph {
    private static final Pattern EXECUTE = Pattern.compile("\\bEXECUTE (?:FUNCTION|PROCEDURE) (.+?)\\(");

    private PlanGraph() {
    }

    static DependencyGraph<ObjectId> of(Catalog catalog, List<Declaration> declarations) {
        DependencyGraph<ObjectId> graph = Dependencies.of(catalog);
        for (Table t : catalog.tables().values()) {
            for (Table.Trigger g : t.triggers()) {
                Matcher m = EXECUTE.matcher(g.definition());
                if (m.find()) graph.edge(trigger(t.name(), g.name()), routine(m.group(1)));
            }
        }
        for (Declaration d : declarations) {
            if (d instanceof Declaration.TriggerDecl g) graph.edge(trigger(g.table(), g.name()), routine(calledName(g.function())));
        }
        return graph;
    }

    /** The routine a trigger declaration's {@code function} text calls: {@code audit.stamp()} → {@code audit.stamp}. */
    static String calledName(String function) {
        String f = function.strip();
        int paren = f.indexOf('(');
        return (paren < 0 ? f : f.substring(0, paren)).strip();
    }

    static ObjectId trigger(QualifiedName table, String name) {
        return ObjectId.onTable(ObjectId.Kind.TRIGGER, table.schema(), table.name(), name);
    }

    /** A routine by its (possibly quoted, possibly unqualified: public) name, arguments left out. */
    static ObjectId routine(String name) {
        return routine(QualifiedName.parse(name.strip().replace("\"", "")));
    }

    static ObjectId routine(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.FUNCTION, name.schema(), name.name());
    }
}
