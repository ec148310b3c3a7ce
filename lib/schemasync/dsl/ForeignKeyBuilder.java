package schemasync.dsl;
import schemasync.catalog.ConstraintSpec;

import java.util.List;
import java.util.function.UnaryOperator;
import schemasync.catalog.ConstraintSpec.ForeignKeySpec;

/**
 * The foreign key declared last: {@code .foreignKey("organization_id").references("organizations")
 * .onDeleteCascade()}; the table's chain continues after it ({@code .unique(...)}, {@code .column(...)}).
 */
public final class ForeignKeyBuilder extends TableBuilder {

    ForeignKeyBuilder(State state) {
        super(state);
    }

    /** The referenced table, and its columns (default: its primary key). */
    public ForeignKeyBuilder references(String table, String... columns) {
        return update(fk -> new ForeignKeySpec(state.scope.name(table), List.of(columns), fk.onUpdate(), fk.onDelete(), fk.match(),
                fk.deferrable(), fk.initiallyDeferred()));
    }

    public ForeignKeyBuilder onDeleteCascade() {
        return onDelete("CASCADE");
    }

    public ForeignKeyBuilder onDeleteSetNull() {
        return onDelete("SET NULL");
    }

    public ForeignKeyBuilder onDeleteRestrict() {
        return onDelete("RESTRICT");
    }

    public ForeignKeyBuilder onUpdateCascade() {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), "CASCADE", fk.onDelete(),
                fk.match(), fk.deferrable(), fk.initiallyDeferred()));
    }

    /** {@code MATCH FULL}: all columns NULL, or none. */
    public ForeignKeyBuilder matchFull() {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), fk.onDelete(),
                "FULL", fk.deferrable(), fk.initiallyDeferred()));
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
    public ForeignKeyBuilder deferred() {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), fk.onDelete(),
                fk.match(), true, true));
    }

    /** {@code DEFERRABLE} (INITIALLY IMMEDIATE). */
    public ForeignKeyBuilder deferrable() {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), fk.onDelete(),
                fk.match(), true, fk.initiallyDeferred()));
    }

    private ForeignKeyBuilder onDelete(String action) {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), action,
                fk.match(), fk.deferrable(), fk.initiallyDeferred()));
    }

    private ForeignKeyBuilder update(UnaryOperator<ForeignKeySpec> change) {
        int last = state.constraints.size() - 1;
        ConstraintSpec c = state.constraints.get(last);
        state.constraints.set(last, c.withForeignKey(change.apply(c.foreignKey())));
        return this;
    }
}
