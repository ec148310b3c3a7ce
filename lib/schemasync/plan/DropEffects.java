package schemasync.plan;

import schemasync.step.Step;
import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;

/** What a DROP does to a catalog ({@link Effects#dropObject}): the object goes, and what PostgreSQL drops with it. */
final class DropEffects {
    private DropEffects() {
    }

    static void drop(CatalogEdit c, Step.DropObject d) {
        switch (d.kind()) {
            case CONSTRAINT -> TableEffects.dropConstraint(c, d.target(), d.detail());
            case TRIGGER -> c.table(d.target(), t -> t.withTriggers(t.triggers().stream().filter(g -> !g.name().equals(d.detail()))
                    .toList()));
            case VIEW -> {
                c.views.remove(d.target());
                c.comments.keySet().removeIf(k -> (k.kind() == CommentTarget.Kind.VIEW || k.kind() == CommentTarget.Kind.VIEW_COLUMN)
                        && k.object().equals(d.target()));
                c.grants.keySet().removeIf(g -> (g.kind() == GrantTarget.Kind.TABLE || g.kind() == GrantTarget.Kind.COLUMN)
                        && g.qualifiedName().equals(d.target())); // DROP VIEW takes its privileges along
                TableDependents.dropped(c, d.target());
            }
            case FUNCTION -> {
                OwnerEffects.droppedRoutines(c, dropRoutine(c.functions, d.target(), d.detail()));
                OwnerEffects.droppedRoutines(c, dropRoutine(c.aggregates, d.target(), d.detail()));
            }
            case PROCEDURE -> OwnerEffects.droppedRoutines(c, dropRoutine(c.functions, d.target(), d.detail()));
            case AGGREGATE -> OwnerEffects.droppedRoutines(c, dropRoutine(c.aggregates, d.target(), d.detail()));
            case MATERIALIZED_VIEW -> { // DROP MATERIALIZED VIEW takes its indexes with it
                c.materializedViews.remove(d.target());
                c.indexes.values().removeIf(i -> i.table().equals(d.target()));
                dropComments(c, d.target());
                TableDependents.dropped(c, d.target());
            }
            case SEQUENCE -> {
                c.sequences.remove(d.target());
                dropComments(c, d.target());
            }
            case DOMAIN -> {
                c.domains.remove(d.target());
                dropComments(c, d.target());
            }
            case COMPOSITE_TYPE -> {
                c.composites.remove(d.target());
                dropComments(c, d.target());
            }
            case COLLATION -> {
                c.collations.remove(d.target());
                c.comments.remove(new CommentTarget(CommentTarget.Kind.COLLATION, d.target(), null));
            }
            case RANGE_TYPE -> {
                c.rangeTypes.remove(d.target());
                dropComments(c, d.target());
            }
            case STATISTICS -> {
                c.statistics.remove(d.target());
                StatisticsRuleEffects.dropComment(c, d);
            }
            case RULE -> {
                c.rules.remove(schemasync.catalog.Rule.key(d.target(), d.detail()));
                StatisticsRuleEffects.dropComment(c, d);
            }
            case TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION -> TextSearchEffects.drop(c, d);
            case CONVERSION -> {
                c.conversions.remove(d.target());
                c.comments.remove(new schemasync.catalog.CommentTarget(schemasync.catalog.CommentTarget.Kind.CONVERSION, d.target(), null));
            }
            default -> throw new IllegalArgumentException("no DROP for " + d.kind());
        }
    }

    /**
     * DROP FOREIGN TABLE takes its comments along, as any relation's: its own, its columns' and its triggers'; DROP
     * PUBLICATION and DROP EVENT TRIGGER their own.
     */
    static void droppedExternal(CatalogEdit c, schemasync.step.ExternalSteps.DropExternal d) {
        switch (d.kind()) {
            case PUBLICATION -> c.comments.remove(CommentTarget.databaseWide(CommentTarget.Kind.PUBLICATION, d.name()));
            case EVENT_TRIGGER -> c.comments.remove(CommentTarget.databaseWide(CommentTarget.Kind.EVENT_TRIGGER, d.name()));
            case FOREIGN_TABLE -> { }
        }
        if (d.kind() != schemasync.step.ExternalSteps.Droppable.FOREIGN_TABLE) return;
        dropComments(c, d.table());
        TableDependents.dropped(c, d.table()); // statistics on a foreign table go with it
    }

    /**
     * A relation's or type's comments go with it (relations and types share one namespace per schema); a collation,
     * operator class or statistics object of the same name is another object, in a namespace of its own.
     */
    private static void dropComments(CatalogEdit c, QualifiedName object) {
        c.comments.keySet().removeIf(k -> k.kind().ofRelationOrType() && object.equals(k.object()));
    }

    /**
     * DROP ROUTINE name(argument types): the catalog keys a routine by its identity arguments, which carry
     * the argument names too ({@code days integer}), so the one routine of that name goes when the types
     * cannot be told apart from the text; among overloads, the one whose arguments read the same. Returns the routines dropped.
     */
    private static List<Catalog.Function> dropRoutine(java.util.Map<String, Catalog.Function> routines, QualifiedName name, String arguments) {
        List<String> named = routines.entrySet().stream().filter(e -> e.getValue().name().equals(name)).map(java.util.Map.Entry::getKey).toList();
        List<String> exact = named.stream().filter(k -> routines.get(k).arguments().equals(arguments)).toList();
        return (exact.isEmpty() && named.size() == 1 ? named : exact).stream().map(routines::remove).toList();
    }

}
