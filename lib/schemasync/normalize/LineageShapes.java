package schemasync.normalize;

import java.util.function.Function;
import schemasync.catalog.Catalog;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.CompositeType;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.TableDecl;

/**
 * The shadow of an INHERITS child or a typed table also has the columns it gets from its parents or type, so that
 * PostgreSQL can spell a CHECK, index or trigger of the child that names them (the shadow itself is a plain temporary
 * table: a temporary table may not inherit from a permanent one's shadow across sessions, and need not).
 */
final class LineageShapes {
    private LineageShapes() {
    }

    static void inherit(Shadow child, TableDecl t, Catalog catalog, Function<QualifiedName, Shadow> shadowOf) {
        for (QualifiedName parent : t.form().inherits()) {
            shadowOf.apply(parent).columns.values().forEach(c -> child.columns.putIfAbsent(c.name(), c));
        }
        CompositeType type = t.form().ofType() == null ? null : catalog.composites().get(t.form().ofType());
        if (type == null) return;
        for (CompositeType.Attribute a : type.attributes()) {
            child.columns.putIfAbsent(a.name(), new ColumnSpec(a.name(), a.type(), false, null,
                    schemasync.catalog.Column.Identity.NONE, null, null, a.collation()));
        }
    }
}
