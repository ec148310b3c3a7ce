package schemasync.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.ConstraintSpec.ForeignKeySpec;

/**
 * A foreign key's chain: each option keeps every other, PERIOD included, in whatever order the chain says them, and a
 * foreign key without period() has none (the option of one key never leaks into the next one of the table).
 */
class ForeignKeyBuilderTest {
    private static final ForeignKeySpec EVERYTHING = new ForeignKeySpec("public.rooms", List.of("id", "valid_at"), "CASCADE",
            "SET NULL", "FULL", true, true, true);

    @Test
    void periodAndTheOtherOptionsSurviveEachOtherInAnyOrder() {
        assertEquals(EVERYTHING, foreignKey(t -> t.foreignKey("room_id", "valid_at").references("public.rooms", "id", "valid_at")
                .onUpdateCascade().onDeleteSetNull().matchFull().deferred().period()));
        assertEquals(EVERYTHING, foreignKey(t -> t.foreignKey("room_id", "valid_at").period().deferred().matchFull()
                .onDeleteSetNull().onUpdateCascade().references("public.rooms", "id", "valid_at")));
        assertEquals(EVERYTHING, foreignKey(t -> t.foreignKey("room_id", "valid_at").period().period()
                .references("public.rooms", "id", "valid_at").onUpdateCascade().onDeleteSetNull().matchFull().deferred()));
    }

    @Test
    void aForeignKeyWithoutPeriodHasNoneEvenAfterOneThatHasIt() {
        List<ConstraintSpec> constraints = constraints(t -> t.foreignKey("room_id", "valid_at")
                .references("public.rooms", "id", "valid_at").period()
                .foreignKey("owner_id").references("public.owners").onDeleteCascade().deferrable());
        assertEquals(true, constraints.get(0).foreignKey().period());
        ForeignKeySpec second = constraints.get(1).foreignKey();
        assertFalse(second.period());
        assertEquals(new ForeignKeySpec("public.owners", List.of(), "NO ACTION", "CASCADE", "SIMPLE", true, false, false), second);
    }

    private static ForeignKeySpec foreignKey(UnaryOperator<TableBuilder> chain) {
        List<ConstraintSpec> constraints = constraints(chain);
        assertEquals(1, constraints.size(), constraints.toString());
        return constraints.get(0).foreignKey();
    }

    private static List<ConstraintSpec> constraints(UnaryOperator<TableBuilder> chain) {
        DeclaredSchema declared = DeclaredSchema.of(List.of(block("F1", db -> db.ensureTable("public.bookings",
                t -> chain.apply(t.column("room_id", "bigint").column("owner_id", "bigint").column("valid_at", "daterange"))))));
        for (Declaration d : declared.declarations()) {
            if (d instanceof Declaration.TableDecl table) return table.constraints();
        }
        throw new AssertionError("no table in " + declared.declarations());
    }
}
