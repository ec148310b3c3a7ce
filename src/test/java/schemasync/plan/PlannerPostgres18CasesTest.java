package schemasync.plan;

import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.KeyOptions;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * PostgreSQL 18's keys and constraint names, planned without a server: PERIOD foreign keys (created NOT VALID and
 * validated like any reference on an existing table; PERIOD declared on a plain reference, or the reverse, is
 * drift). Servers older than 18 refuse these declarations before planning ({@code normalize.NewerServerFeatures}).
 */
class PlannerPostgres18CasesTest {
    private static final Table ROOMS = new Table(q("public.rooms"), List.of(notNull("id", "integer"), notNull("valid_at", "tstzrange")),
            new Table.PrimaryKey("rooms_pkey", List.of("id", "valid_at"), KeyOptions.NONE.overlapsExcluded()), null, 10, false,
            List.of(), List.of(), Table.RowSecurity.OFF, List.of(), Set.of(), 1);
    private static final List<Column> BOOKING_COLUMNS = List.of(notNull("id", "integer"), column("room_id", "integer"),
            column("valid_at", "tstzrange"));

    private static Table bookings(Constraint... constraints) {
        return new Table(q("public.bookings"), BOOKING_COLUMNS, new Table.PrimaryKey("bookings_pkey", List.of("id")), null, 50_000,
                false, List.of(constraints), List.of(), Table.RowSecurity.OFF, List.of(), Set.of(), 1_000);
    }

    private static Constraint roomReference(boolean period) {
        return new Constraint("bookings_room_id_valid_at_fkey", Constraint.Kind.FOREIGN_KEY, List.of("room_id", "valid_at"), null,
                new Constraint.ForeignKey(q("public.rooms"), List.of("id", "valid_at"), "NO ACTION", "NO ACTION", "SIMPLE", false, false,
                        period), false, true, null);
    }

    private static schemasync.dsl.SchemaChanges declareBookings(schemasync.dsl.SchemaChanges db, boolean period) {
        return db.ensureTable("bookings", t -> {
            t.column("id", "integer").column("room_id", "integer").column("valid_at", "tstzrange").primaryKey("id");
            var fk = t.foreignKey("room_id", "valid_at").references("rooms", "id", "valid_at");
            return period ? fk.period() : fk;
        });
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a PERIOD foreign key on an existing table (PostgreSQL 18): NOT VALID, then VALIDATE, PERIOD on both keys",
                        catalog().table(ROOMS).table(bookings()).build(), db -> declareBookings(db, true),
                        shapes().columns("public.bookings", BOOKING_COLUMNS.toArray(Column[]::new)).build(),
                        List.of("ALTER TABLE \"public\".\"bookings\" ADD CONSTRAINT \"bookings_room_id_valid_at_fkey\" FOREIGN KEY"
                                        + " (\"room_id\", PERIOD \"valid_at\") REFERENCES \"public\".\"rooms\" (\"id\", PERIOD \"valid_at\") NOT VALID",
                                "ALTER TABLE \"public\".\"bookings\" VALIDATE CONSTRAINT \"bookings_room_id_valid_at_fkey\""),
                        List.of(List.of(HazardKind.WRITE_LOCK), List.of(HazardKind.VALIDATION_SCAN)),
                        List.of("unchanged table public.bookings", "unchanged column public.bookings.id", "unchanged column public.bookings.room_id",
                                "unchanged column public.bookings.valid_at", "create constraint public.bookings.bookings_room_id_valid_at_fkey",
                                "undeclared table public.rooms")),
                new Case("a PERIOD foreign key declared and present: unchanged",
                        catalog().table(ROOMS).table(bookings(roomReference(true))).build(), db -> declareBookings(db, true),
                        shapes().columns("public.bookings", BOOKING_COLUMNS.toArray(Column[]::new)).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.bookings", "unchanged column public.bookings.id", "unchanged column public.bookings.room_id",
                                "unchanged column public.bookings.valid_at", "unchanged constraint public.bookings.bookings_room_id_valid_at_fkey",
                                "undeclared table public.rooms")),
                new Case("a PERIOD foreign key declared, a plain one in the database: drift, never dropped and re-added",
                        catalog().table(ROOMS).table(bookings(roomReference(false))).build(), db -> declareBookings(db, true),
                        shapes().columns("public.bookings", BOOKING_COLUMNS.toArray(Column[]::new)).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.bookings", "unchanged column public.bookings.id", "unchanged column public.bookings.room_id",
                                "unchanged column public.bookings.valid_at", "drift constraint public.bookings.bookings_room_id_valid_at_fkey",
                                "undeclared table public.rooms")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
