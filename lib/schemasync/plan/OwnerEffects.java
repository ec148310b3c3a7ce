package schemasync.plan;

import java.util.EnumSet;
import java.util.Set;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.OwnerTarget.Kind;
import schemasync.catalog.QualifiedName;
import schemasync.model.ObjectKind;
import schemasync.step.ExternalSteps;

/**
 * What renames and drops do to the owners a catalog records ({@link Effects}): ALTER TABLE ... RENAME keeps the
 * owner (pg_class.relowner is a column of the renamed row), so the entry moves with the name; a DROP takes the
 * object's owner along, and DROP TABLE also its partitions' and its statistics objects'. A created object's owner
 * is the role that applies, which the pure planner does not know: no entry until an {@code ensureOwner} sets one
 * ({@link CatalogOutline#of(schemasync.catalog.Catalog, String)} compares accordingly).
 */
final class OwnerEffects {
    private OwnerEffects() {
    }

    static void renameTable(CatalogEdit c, QualifiedName from, QualifiedName to) {
        String role = c.owners.remove(new OwnerTarget(Kind.TABLE, from, null));
        if (role != null) c.owners.put(new OwnerTarget(Kind.TABLE, to, null), role);
    }

    /** After DROP TABLE: the table, its partitions and the statistics objects on them. */
    static void droppedTable(CatalogEdit c) {
        forgetGone(c, EnumSet.of(Kind.TABLE, Kind.STATISTICS));
    }

    static void droppedObject(CatalogEdit c, ObjectKind kind) {
        switch (kind) {
            case VIEW -> forgetGone(c, EnumSet.of(Kind.VIEW, Kind.STATISTICS));
            case MATERIALIZED_VIEW -> forgetGone(c, EnumSet.of(Kind.MATERIALIZED_VIEW, Kind.STATISTICS));
            case SEQUENCE -> forgetGone(c, EnumSet.of(Kind.SEQUENCE));
            case FUNCTION, PROCEDURE, AGGREGATE -> forgetGone(c, EnumSet.of(Kind.FUNCTION, Kind.PROCEDURE, Kind.AGGREGATE));
            case DOMAIN -> forgetGone(c, EnumSet.of(Kind.DOMAIN));
            case COMPOSITE_TYPE, RANGE_TYPE -> forgetGone(c, EnumSet.of(Kind.TYPE));
            case COLLATION -> forgetGone(c, EnumSet.of(Kind.COLLATION));
            case STATISTICS -> forgetGone(c, EnumSet.of(Kind.STATISTICS));
            case TEXT_SEARCH_DICTIONARY -> forgetGone(c, EnumSet.of(Kind.TEXT_SEARCH_DICTIONARY));
            case TEXT_SEARCH_CONFIGURATION -> forgetGone(c, EnumSet.of(Kind.TEXT_SEARCH_CONFIGURATION));
            default -> { } // constraints, triggers, rules, indexes, columns: no owner of their own
        }
    }

    /** After DROP OPERATOR (an operator is no {@code ObjectKind}: named by its types). */
    static void droppedOperator(CatalogEdit c) {
        forgetGone(c, EnumSet.of(Kind.OPERATOR));
    }

    /** After DROP OPERATOR CLASS or FAMILY (the family's classes go with it). */
    static void droppedOperatorClass(CatalogEdit c) {
        forgetGone(c, EnumSet.of(Kind.OPERATOR_CLASS, Kind.OPERATOR_FAMILY));
    }

    static void droppedExternal(CatalogEdit c, ExternalSteps.DropExternal d) {
        forgetGone(c, EnumSet.of(switch (d.kind()) {
            case FOREIGN_TABLE -> Kind.FOREIGN_TABLE;
            case PUBLICATION -> Kind.PUBLICATION;
            case EVENT_TRIGGER -> Kind.EVENT_TRIGGER;
        }));
    }

    /** Owner entries of these kinds whose object the edit no longer holds. */
    private static void forgetGone(CatalogEdit c, Set<Kind> kinds) {
        c.owners.keySet().removeIf(t -> kinds.contains(t.kind()) && !exists(c, t));
    }

    private static boolean exists(CatalogEdit c, OwnerTarget t) {
        QualifiedName o = t.name();
        return switch (t.kind()) {
            case SCHEMA -> c.schemas.contains(o.name());
            case TABLE -> c.tables.containsKey(o);
            case FOREIGN_TABLE -> c.externals.foreignTables.containsKey(o);
            case VIEW -> c.views.containsKey(o);
            case MATERIALIZED_VIEW -> c.materializedViews.containsKey(o);
            case SEQUENCE -> c.sequences.containsKey(o);
            case FUNCTION, PROCEDURE -> c.functions.containsKey(o + "(" + t.arguments() + ")");
            case AGGREGATE -> c.aggregates.containsKey(o + "(" + t.arguments() + ")");
            case TYPE -> c.enums.containsKey(o) || c.composites.containsKey(o) || c.rangeTypes.containsKey(o);
            case DOMAIN -> c.domains.containsKey(o);
            case COLLATION -> c.collations.containsKey(o);
            // A statistics object goes with the relation it is on (the edit keeps it until build: CatalogEdit.onExisting).
            case STATISTICS -> c.statistics.containsKey(o) && relation(c, c.statistics.get(o).table());
            case SERVER -> c.externals.servers.containsKey(o.name());
            case PUBLICATION -> c.externals.publications.containsKey(o.name());
            case EVENT_TRIGGER -> c.externals.eventTriggers.containsKey(o.name());
            case OPERATOR -> c.operators.containsKey(o + "(" + t.arguments() + ")");
            case OPERATOR_CLASS -> c.operatorClasses.containsKey(t.toString());
            case OPERATOR_FAMILY -> c.operatorFamilies.containsKey(t.toString());
            case TEXT_SEARCH_DICTIONARY -> c.textSearchDictionaries.containsKey(o);
            case TEXT_SEARCH_CONFIGURATION -> c.textSearchConfigurations.containsKey(o);
        };
    }

    private static boolean relation(CatalogEdit c, QualifiedName r) {
        return c.tables.containsKey(r) || c.views.containsKey(r) || c.materializedViews.containsKey(r);
    }
}
