package schemasync.normalize;

import java.util.Map;
import java.util.function.Function;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.CompositeType;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.TableLineage;
import schemasync.dsl.Declaration.TableDecl;

/**
 * The shadow of an INHERITS child or a typed table also has the columns it gets from its parents or type, so that
 * PostgreSQL can spell a CHECK, index or trigger of the child that names them (the shadow itself is a plain temporary
 * table: a temporary table may not inherit from a permanent one's shadow across sessions, and need not).
 *
 * <p>A child's own default on an inherited column ({@code inheritedDefault("country", "'FR'")}) is put on that
 * shadow column, so PostgreSQL spells it as it will print it ({@code 'FR'::bpchar}): the planner compares that
 * spelling with pg_get_expr's, as it does a column default, and a hand-written default converges.
 */
final class LineageShapes {
    private LineageShapes() {
    }

    static void inherit(Shadow child, TableDecl t, Catalog catalog, Function<QualifiedName, Shadow> shadowOf) {
        for (QualifiedName parent : t.form().inherits()) {
            shadowOf.apply(parent).columns.values().forEach(c -> child.columns.putIfAbsent(c.name(), c));
        }
        for (TableLineage.InheritedColumn own : t.form().inheritedColumns()) {
            ColumnSpec c = child.columns.get(own.name());
            if (!own.ownDefault() || own.defaultExpr() == null || c == null || child.declaredSpecs.containsKey(own.name())) continue;
            child.columns.put(own.name(), new ColumnSpec(c.name(), c.type(), false, own.defaultExpr(), c.identity(), null,
                    c.generatedSql(), c.collation(), null, c.virtual()));
            child.inheritedDefaults.add(own.name());
        }
        CompositeType type = t.form().ofType() == null ? null : catalog.composites().get(t.form().ofType());
        if (type == null) return;
        for (CompositeType.Attribute a : type.attributes()) {
            child.columns.putIfAbsent(a.name(), new ColumnSpec(a.name(), a.type(), false, null,
                    schemasync.catalog.Column.Identity.NONE, null, null, a.collation()));
        }
    }

    /** The inherited defaults of {@code s} as the shadow table {@code t} (built for it) reads back. */
    static void read(Shadow s, Table t, Map<String, Column> byName) {
        for (String name : s.inheritedDefaults) {
            t.column(name).ifPresent(c -> byName.put(DeclaredShapes.inheritedDefault(name), c));
        }
    }

    /**
     * The shortcut for inherited defaults: one already written as the existing child's pg_get_expr text is its
     * spelling; false when one is not (the shadow must spell it).
     */
    static boolean settle(Shadow s, Table existing, Map<String, Column> byName) {
        for (String name : s.inheritedDefaults) {
            Column have = existing.column(name).orElse(null);
            String declared = s.columns.get(name).defaultSql();
            if (have == null || !declared.equals(have.defaultExpr())) return false;
            byName.put(DeclaredShapes.inheritedDefault(name), have);
        }
        return true;
    }
}
