package schemasync.plan;

import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.DesiredState;
import schemasync.normalize.DeclaredShapes;

/**
 * What a kind planner reads to plan one declaration, as a value: a kind planner is {@code (context, declaration) →
 * Decisions} and never sees the {@link Planner}. The {@link Planner} makes one per declaration over its recorded state;
 * a declaration's later part gets {@link #at} the state its earlier parts leave ({@link DeclarationParts}). Nothing
 * here changes while a kind planner holds it: the state and the maps are persistent values.
 *
 * @param state       the working copy: the catalog as the steps recorded so far (and the earlier parts) leave it
 * @param position    the index of the declaration being planned: renames declared after it are "later"
 * @param before      the catalog before this run (sizes decide hazards; what existed decides online steps)
 * @param desired     what the blocks declare, folded once (declared objects, renames, column changes)
 * @param renamedFrom tables an earlier block of this run renamed: new name → name before this run
 * @param grantHistory what the recorded changes create and grant on (a grant asks whether its target is new this run)
 * @param recorded    the plan as recorded so far (a custom step asks whether an earlier block changes anything)
 * @param guards      each custom step's guard, asked of the database before planning
 */
record PlanContext(PlanState state, int position, Catalog before, DeclaredSchema declared, DeclaredShapes shapes,
        DesiredState desired, Map<QualifiedName, QualifiedName> renamedFrom, GrantHistory grantHistory, List<PlanItem> recorded,
        Map<String, GuardAnswer> guards) {

    /** The same declaration planned on another state: a later part of it, on the state its earlier parts leave. */
    PlanContext at(PlanState next) {
        return new PlanContext(next, position, before, declared, shapes, desired, renamedFrom, grantHistory, recorded, guards);
    }

    /**
     * The table as it was before this run (its size decides the hazards), found under the name it had
     * then when an earlier block renamed it; null when this run creates it. A drop after a rename
     * must still say it deletes data.
     */
    Table original(QualifiedName current) {
        Table table = before.tables().get(renamedFrom.getOrDefault(current, current));
        return table == null || table.name().equals(current) ? table : table.withName(current);
    }

    /** A table's current name, through renames declared after the current declaration (the fold answers: {@link DesiredState#currentTable}). */
    QualifiedName renamesTable(QualifiedName table) {
        return desired.currentTable(position, table);
    }

    /** The block of an ensureColumnChanged of this column declared after the current declaration, or null. */
    String laterChange(QualifiedName table, String column) {
        return desired.laterChange(table, column, position);
    }

    /** A declared column's name in the database, through renames declared after the current declaration. */
    String renamesColumn(QualifiedName declaredTable, String column) {
        return desired.currentColumn(position, declaredTable, column);
    }

    QualifiedName renamesIndex(QualifiedName index) {
        return desired.currentIndex(position, index);
    }

    String renamesColumnsInDefinition(String definition, QualifiedName declaredTable) {
        return desired.currentColumnsIn(position, declaredTable, definition);
    }

    /**
     * Whether steps on this table may run after the commit, outside the apply's transaction
     * (CONCURRENTLY, VALIDATE in its own transaction): only for a table that existed before this
     * run (one this run creates is invisible to others until the commit, so plain statements in the
     * transaction cost nothing) and that no block renames or drops (after the commit the table, or
     * a column, would not have the name the step was planned with).
     */
    boolean online(QualifiedName table) {
        return before.tables().containsKey(table) && !desired.reshapes(table);
    }
}
