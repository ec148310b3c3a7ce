package schemasync.normalize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.ColumnSpec;
import schemasync.dsl.Declaration.IndexDecl;

/**
 * The pure part of normalization: a table whose declarations already read as the catalog does needs
 * no shadow ({@link CanonicalText}), and tables of one shape share one shadow ({@link #shapeKey}).
 */
final class ShadowShortcut {
    private ShadowShortcut() {
    }

    /**
     * Fills the shapes of a table whose every declaration is already spelled as the catalog spells
     * it, and says so; false (and nothing filled) when anything would need PostgreSQL to spell it.
     * CHECKs, triggers and policies always take the shadow.
     */
    static boolean settle(Shadow s, Catalog catalog, Map<QualifiedName, Map<String, Column>> columns,
                                  Map<QualifiedName, String> indexes, Map<QualifiedName, Map<String, String>> checks,
                                  Map<QualifiedName, Map<String, String>> triggers,
                                  Map<QualifiedName, Map<String, Table.Policy>> policies) {
        Table existing = catalog.tables().get(s.table);
        if (existing == null || !s.checks.isEmpty() || !s.triggers.isEmpty() || !s.policies.isEmpty()) return false;
        // Indexes first: an expression or predicate written as people write it (lower(email), not
        // lower((email)::text)) is the usual reason for a shadow, and a table has fewer indexes than columns.
        Map<QualifiedName, String> definitions = new HashMap<>();
        for (IndexDecl i : s.indexes) {
            String definition = CanonicalText.index(i, catalog.indexes().get(i.name()));
            if (definition == null) return false;
            definitions.put(i.name(), definition);
        }
        Map<String, Column> byName = new HashMap<>();
        for (ColumnSpec spec : s.declaredSpecs.values()) {
            Column settled = CanonicalText.column(spec, existing.column(spec.name()).orElse(null));
            if (settled == null) return false;
            byName.put(spec.name(), settled);
        }
        if (!LineageShapes.settle(s, existing, byName)) return false;
        columns.put(s.table, byName);
        indexes.putAll(definitions);
        checks.put(s.table, Map.of());
        triggers.put(s.table, Map.of());
        policies.put(s.table, Map.of());
        return true;
    }

    /**
     * Everything the statements of a shadow are made of except its names: two shadows with equal
     * keys run the same SQL but for the names, and PostgreSQL spells them alike. (Built from the
     * records rather than by rendering the SQL: rendering thousands of statements costs more CPU
     * than the comparison saves.)
     */
    record ShapeKey(List<ColumnSpec> columns, List<schemasync.catalog.ConstraintSpec> checks, List<IndexShape> indexes) {
    }

    private record IndexShape(boolean unique, schemasync.dsl.IndexMethod method, List<schemasync.catalog.KeyPart> keys,
                              List<String> include, String where, boolean nullsNotDistinct) {
    }

    static ShapeKey shapeKey(Shadow s) {
        return new ShapeKey(List.copyOf(s.columns.values()), List.copyOf(s.checks), s.indexes.stream()
                .map(i -> new IndexShape(i.unique(), i.method(), i.keys(), i.include(), i.where(), i.nullsNotDistinct())).toList());
    }
}
