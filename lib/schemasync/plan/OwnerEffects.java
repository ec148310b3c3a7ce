package schemasync.plan;

import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.Operator;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.OwnerTarget.Kind;
import schemasync.catalog.QualifiedName;
import schemasync.step.ExternalSteps;
import schemasync.step.Step;

/**
 * What renames and drops do to the owners a catalog records ({@link Effects}): ALTER TABLE ... RENAME keeps the
 * owner (pg_class.relowner is a column of the renamed row), so the entry moves with the name; a DROP takes the
 * object's owner along, and DROP TABLE also its partitions' and its statistics objects': each drop effect names what it
 * took and the entries go by key ({@link #forgetGone}), so a drop costs no scan of the owners. A created object's owner
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

    /**
     * After DROP of a view, sequence, type, domain, collation, statistics object or text search object: its own entry,
     * by key. A table's (and its partitions' and statistics objects') go in {@link TableEffects#drop} and
     * {@link TableDependents#dropped}, a routine's in {@link #droppedRoutines}: those drops know what they took.
     */
    static void droppedObject(CatalogEdit c, Step.DropObject d) {
        Kind kind = switch (d.kind()) {
            case VIEW -> Kind.VIEW;
            case MATERIALIZED_VIEW -> Kind.MATERIALIZED_VIEW;
            case SEQUENCE -> Kind.SEQUENCE;
            case DOMAIN -> Kind.DOMAIN;
            case COMPOSITE_TYPE, RANGE_TYPE -> Kind.TYPE;
            case COLLATION -> Kind.COLLATION;
            case STATISTICS -> Kind.STATISTICS;
            case TEXT_SEARCH_DICTIONARY -> Kind.TEXT_SEARCH_DICTIONARY;
            case TEXT_SEARCH_CONFIGURATION -> Kind.TEXT_SEARCH_CONFIGURATION;
            case CONVERSION -> Kind.CONVERSION;
            default -> null; // routines: droppedRoutines; constraints, triggers, rules, indexes, columns: no owner of their own
        };
        if (kind != null) forgetGone(c, new OwnerTarget(kind, d.target(), null));
    }

    /** After DROP FUNCTION / PROCEDURE / AGGREGATE: the routines it dropped (their identity arguments are the key's). */
    static void droppedRoutines(CatalogEdit c, List<Catalog.Function> dropped) {
        for (Catalog.Function f : dropped) {
            for (Kind kind : List.of(Kind.FUNCTION, Kind.PROCEDURE, Kind.AGGREGATE)) forgetGone(c, new OwnerTarget(kind, f.name(), f.arguments()));
        }
    }

    /** After DROP OPERATOR (an operator is no {@code ObjectKind}: named by its types). */
    static void droppedOperator(CatalogEdit c, Operator o) {
        forgetGone(c, OwnerTarget.operator(o.name(), o.leftType(), o.rightType()));
    }

    /** After DROP OPERATOR CLASS or FAMILY, for each one it took (a family's classes go with it): keyed {@code name USING method}. */
    static void droppedOperatorClass(CatalogEdit c, Kind kind, QualifiedName name, String method) {
        forgetGone(c, OwnerTarget.usingMethod(kind, name, method));
    }

    static void droppedExternal(CatalogEdit c, ExternalSteps.DropExternal d) {
        forgetGone(c, switch (d.kind()) {
            case FOREIGN_TABLE -> new OwnerTarget(Kind.FOREIGN_TABLE, d.table(), null);
            case PUBLICATION -> OwnerTarget.databaseWide(Kind.PUBLICATION, d.name());
            case EVENT_TRIGGER -> OwnerTarget.databaseWide(Kind.EVENT_TRIGGER, d.name());
        });
    }

    /**
     * The owner entry of {@code target}, when its object is gone: one lookup by key (the drop names what it took), never
     * a scan of every owner entry. An object still there under that key (a DROP of something else) keeps its owner.
     */
    static void forgetGone(CatalogEdit c, OwnerTarget target) {
        if (c.owners.containsKey(target) && !exists(c, target)) c.owners.remove(target);
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
            case STATISTICS -> c.statistics.containsKey(o);
            case SERVER -> c.externals.servers.containsKey(o.name());
            case PUBLICATION -> c.externals.publications.containsKey(o.name());
            case EVENT_TRIGGER -> c.externals.eventTriggers.containsKey(o.name());
            case OPERATOR -> c.operators.containsKey(o + "(" + t.arguments() + ")");
            case OPERATOR_CLASS -> c.operatorClasses.containsKey(t.toString());
            case OPERATOR_FAMILY -> c.operatorFamilies.containsKey(t.toString());
            case TEXT_SEARCH_DICTIONARY -> c.textSearchDictionaries.containsKey(o);
            case TEXT_SEARCH_CONFIGURATION -> c.textSearchConfigurations.containsKey(o);
            case CONVERSION -> c.conversions.containsKey(o);
        };
    }
}
