package schemasync.plan;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.catalog.Dependencies;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredCalls;
import schemasync.model.DependencyGraph;
import schemasync.model.Identifiers;
import schemasync.model.ObjectId;

/**
 * The dependency graph the planner asks, without a server: the catalog's part ({@link Dependencies#of}:
 * views and what they read), each existing trigger's function (from pg_get_triggerdef's
 * {@code EXECUTE FUNCTION}), each existing table's routines and user types ({@link #tableUses}: what pg_depend
 * records of its defaults, CHECKs, indexes, policies and column types), and each declared trigger's function. Routines are named here without
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
                if (m.find()) graph.edge(trigger(t.name(), g.name()), DeclaredCalls.routineId(m.group(1)));
            }
        }
        for (Declaration d : declarations) {
            if (d instanceof Declaration.TriggerDecl g) graph.edge(trigger(g.table(), g.name()), DeclaredCalls.routineId(DeclaredCalls.calledName(g.function())));
        }
        tableUses(catalog, graph);
        return graph;
    }

    /**
     * What pg_depend records for a table and the planner reads from the model's texts instead (it reads no pg_depend):
     * the routines its defaults, generated columns, CHECKs, indexes and policies call (pg_get_expr prints them
     * qualified; recognised as {@link DeclaredCalls#callOf} recognises a declared call), and the user types
     * (domain, enum, composite, range) its columns have. The table stands for all of them: DROP TABLE takes them along.
     */
    private static void tableUses(Catalog catalog, DependencyGraph<ObjectId> graph) {
        Map<QualifiedName, Pattern> calls = new java.util.LinkedHashMap<>();
        catalog.functions().values().forEach(f -> calls.computeIfAbsent(f.name(), DeclaredCalls::callOf));
        catalog.aggregates().values().forEach(f -> calls.computeIfAbsent(f.name(), DeclaredCalls::callOf));
        Map<QualifiedName, StringBuilder> texts = new java.util.HashMap<>();
        for (Index i : catalog.indexes().values()) texts.computeIfAbsent(i.table(), k -> new StringBuilder()).append(i.definition()).append('\n');
        for (Table t : catalog.tables().values()) {
            ObjectId table = ObjectId.of(ObjectId.Kind.TABLE, t.name().schema(), t.name().name());
            StringBuilder text = texts.computeIfAbsent(t.name(), k -> new StringBuilder());
            for (Column c : t.columns()) {
                text.append(c.defaultExpr()).append('\n').append(c.generated()).append('\n');
                QualifiedName type = userType(catalog, c.type());
                if (type != null) graph.edge(table, ObjectId.of(ObjectId.Kind.TYPE, type.schema(), type.name()));
            }
            for (Constraint k : t.constraints()) if (k.check() != null) text.append(k.check()).append('\n');
            for (Table.Policy p : t.policies()) text.append(p.using()).append('\n').append(p.withCheck()).append('\n');
            if (calls.isEmpty()) continue;
            String all = text.toString();
            calls.forEach((routine, call) -> {
                if (call.matcher(all).find()) graph.edge(table, DeclaredCalls.routineId(routine));
            });
        }
    }

    /** The domain, enum, composite or range type a column's type names ({@code public.mood[]} too), or null for a built-in one. */
    static QualifiedName userType(Catalog catalog, String type) {
        // The catalog's reader prints every user type qualified, quote_ident'ed part by part ("my.schema"."Mood"); a
        // built-in one (bigint, character varying(320)) has no dot: most columns are answered without parsing.
        if (type.indexOf('.') < 0) return null;
        String element = type;
        while (element.endsWith("[]")) element = element.substring(0, element.length() - 2);
        List<String> parts = Identifiers.splitQualified(element);
        if (parts.size() != 2) return null;
        QualifiedName n = new QualifiedName(parts.get(0), parts.get(1));
        boolean user = catalog.domains().containsKey(n) || catalog.enums().containsKey(n) || catalog.composites().containsKey(n)
                || catalog.rangeTypes().containsKey(n);
        return user ? n : null;
    }

    static ObjectId trigger(QualifiedName table, String name) {
        return ObjectId.onTable(ObjectId.Kind.TRIGGER, table.schema(), table.name(), name);
    }
}
