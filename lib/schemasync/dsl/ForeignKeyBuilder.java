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
                fk.deferrable(), fk.initiallyDeferred(), fk.period()));
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
                fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.period()));
    }

    /** {@code MATCH FULL}: all columns NULL, or none. */
    public ForeignKeyBuilder matchFull() {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), fk.onDelete(),
                "FULL", fk.deferrable(), fk.initiallyDeferred(), fk.period()));
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
    public ForeignKeyBuilder deferred() {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), fk.onDelete(),
                fk.match(), true, true, fk.period()));
    }

    /** {@code DEFERRABLE} (INITIALLY IMMEDIATE). */
    public ForeignKeyBuilder deferrable() {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), fk.onDelete(),
                fk.match(), true, fk.initiallyDeferred(), fk.period()));
    }

    private ForeignKeyBuilder onDelete(String action) {
        return update(fk -> new ForeignKeySpec(fk.references(), fk.referencedColumns(), fk.onUpdate(), action,
                fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.period()));
    }

    /**
     * {@code PERIOD} (PostgreSQL 18+): the last column of both keys is a range, and the referenced rows (whose key
     * is WITHOUT OVERLAPS) must together cover it: {@code .foreignKey("room_id", "valid_at").references("rooms").period()}
     * is {@code FOREIGN KEY (room_id, PERIOD valid_at) REFERENCES rooms}. A server older than 18 refuses it before
     * anything changes.
     */
    public ForeignKeyBuilder period() {
        int last = state.constraints.size() - 1;
        if (state.constraints.get(last).columns().size() < 2) {
            throw new IllegalStateException("period() needs a foreign key of two columns or more: the key's columns, then the"
                    + " range column marked PERIOD");
        }
        return update(fk -> fk.withPeriod(true));
    }

    private ForeignKeyBuilder update(UnaryOperator<ForeignKeySpec> change) {
        int last = state.constraints.size() - 1;
        ConstraintSpec c = state.constraints.get(last);
        // Each option copies every other one, PERIOD included, so the order of the chain does not matter.
        state.constraints.set(last, c.withForeignKey(change.apply(c.foreignKey())));
        return this;
    }
}
