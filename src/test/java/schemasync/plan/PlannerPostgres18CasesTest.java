package schemasync.plan;

import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.dsl.ColumnType.type;
import static schemasync.dsl.Default.dflt;

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
 * drift) and named NOT NULL constraints (CONSTRAINT name NOT NULL on a new table; another name in the database is drift
 * where a block names it, and any name is accepted where none does). Servers older than 18 refuse these declarations before planning ({@code normalize.NewerServerFeatures}).
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

    /** The room reference ON DELETE SET NULL, of {@code setColumns} only (PostgreSQL 15+) or, empty, of every column. */
    private static Constraint roomReferenceSettingNull(List<String> setColumns) {
        return new Constraint("bookings_room_id_valid_at_fkey", Constraint.Kind.FOREIGN_KEY, List.of("room_id", "valid_at"), null,
                new Constraint.ForeignKey(q("public.rooms"), List.of("id", "valid_at"), "NO ACTION", "SET NULL", "SIMPLE", false, false,
                        false, setColumns), false, true, null);
    }

    private static schemasync.dsl.SchemaChanges declareBookingsSettingNull(schemasync.dsl.SchemaChanges db) {
        return db.ensureTable("bookings", t -> t.column("id", "integer").column("room_id", "integer").column("valid_at", "tstzrange")
                .primaryKey("id").foreignKey("room_id", "valid_at").references("rooms", "id", "valid_at").onDeleteSetNull());
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
                                "undeclared table public.rooms")),
                new Case("ON DELETE SET NULL declared and in the database: unchanged",
                        catalog().table(ROOMS).table(bookings(roomReferenceSettingNull(List.of()))).build(),
                        PlannerPostgres18CasesTest::declareBookingsSettingNull,
                        shapes().columns("public.bookings", BOOKING_COLUMNS.toArray(Column[]::new)).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.bookings", "unchanged column public.bookings.id", "unchanged column public.bookings.room_id",
                                "unchanged column public.bookings.valid_at", "unchanged constraint public.bookings.bookings_room_id_valid_at_fkey",
                                "undeclared table public.rooms")),
                new Case("ON DELETE SET NULL declared, the database's sets only room_id (SET NULL (room_id), PostgreSQL 15+'s"
                        + " confdelsetcols): drift, never dropped and re-added",
                        catalog().table(ROOMS).table(bookings(roomReferenceSettingNull(List.of("room_id")))).build(),
                        PlannerPostgres18CasesTest::declareBookingsSettingNull,
                        shapes().columns("public.bookings", BOOKING_COLUMNS.toArray(Column[]::new)).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.bookings", "unchanged column public.bookings.id", "unchanged column public.bookings.room_id",
                                "unchanged column public.bookings.valid_at", "drift constraint public.bookings.bookings_room_id_valid_at_fkey",
                                "undeclared table public.rooms")),
                new Case("a NOT NULL named on a new table (PostgreSQL 18): CONSTRAINT name NOT NULL in the CREATE TABLE",
                        catalog().build(), PlannerPostgres18CasesTest::declareAccounts,
                        shapes().columns("public.accounts", ACCOUNT_COLUMNS.toArray(Column[]::new)).build(),
                        List.of("CREATE TABLE \"public\".\"accounts\" (\"id\" bigint NOT NULL, \"nick\" text CONSTRAINT \"nick_required\" NOT NULL,"
                                + " PRIMARY KEY (\"id\"))"),
                        List.of(List.of()), List.of("create table public.accounts")),
                new Case("a NOT NULL named as the database names it: unchanged",
                        withNotNullName(catalog().table(ACCOUNTS).build(), "nick_required"), PlannerPostgres18CasesTest::declareAccounts,
                        shapes().columns("public.accounts", ACCOUNT_COLUMNS.toArray(Column[]::new)).build(),
                        List.of(), List.of(), ACCOUNTS_UNCHANGED),
                new Case("a NOT NULL named, PostgreSQL's default name in the database: drift, never renamed",
                        catalog().table(ACCOUNTS).build(), PlannerPostgres18CasesTest::declareAccounts,
                        shapes().columns("public.accounts", ACCOUNT_COLUMNS.toArray(Column[]::new)).build(),
                        List.of(), List.of(),
                        java.util.stream.Stream.concat(ACCOUNTS_UNCHANGED.stream(), Stream.of("drift constraint public.accounts.nick_required")).toList()),
                new Case("a NOT NULL declared without a name, a name of its own in the database: any name is accepted",
                        withNotNullName(catalog().table(ACCOUNTS).build(), "accounts_handle_not_null"),
                        db -> db.ensureTable("accounts", t -> t.column("id", "bigint").column("nick", type("text").notNull()).primaryKey("id")),
                        shapes().columns("public.accounts", ACCOUNT_COLUMNS.toArray(Column[]::new)).build(),
                        List.of(), List.of(), ACCOUNTS_UNCHANGED),
                new Case("a NOT NULL named by ensureColumnChanged on a nullable column of a big table: the online route of SET NOT NULL"
                        + " (a validated CHECK proves it), the constraint added under its name",
                        catalog().table(PEOPLE).build(), db -> db.ensureColumnChanged("people", "nick").notNullNamed("nick_required"),
                        shapes().build(),
                        List.of("ALTER TABLE \"public\".\"people\" ADD CONSTRAINT \"people_nick_ssnn\" CHECK (nick IS NOT NULL) NOT VALID",
                                "ALTER TABLE \"public\".\"people\" VALIDATE CONSTRAINT \"people_nick_ssnn\"",
                                "ALTER TABLE \"public\".\"people\" ADD CONSTRAINT \"nick_required\" NOT NULL \"nick\"",
                                "ALTER TABLE \"public\".\"people\" DROP CONSTRAINT \"people_nick_ssnn\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.VALIDATION_SCAN),
                                List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of()), List.of("create column public.people.nick")),
                new Case("a NOT NULL named by ensureColumnChanged on a table this run creates: ADD CONSTRAINT ... NOT NULL, no CHECK first",
                        catalog().build(), db -> {
                            db.ensureTable("people", t -> t.column("id", "bigint").column("nick", "text"));
                            db.ensureColumnChanged("people", "nick").notNullNamed("nick_required");
                        },
                        shapes().columns("public.people", notNull("id", "bigint"), column("nick", "text")).build(),
                        List.of("CREATE TABLE \"public\".\"people\" (\"id\" bigint, \"nick\" text)",
                                "ALTER TABLE \"public\".\"people\" ADD CONSTRAINT \"nick_required\" NOT NULL \"nick\""),
                        List.of(List.of(), List.of()), List.of("create table public.people", "alter column public.people.nick")),
                new Case("a NOT NULL named by ensureColumnChanged, the column NOT NULL under PostgreSQL's name: drift with the RENAME"
                        + " CONSTRAINT that would match it, never run",
                        catalog().table(ACCOUNTS).build(), db -> db.ensureColumnChanged("accounts", "nick").notNullNamed("nick_required"),
                        shapes().build(), List.of(), List.of(),
                        List.of("drift constraint public.accounts.nick_required", "unchanged column public.accounts.nick")),
                new Case("a NOT NULL named by ensureTable on a nullable column: drift (SET NOT NULL scans), pointing at the online way",
                        catalog().table(PEOPLE).build(),
                        db -> db.ensureTable("people", t -> t.column("id", "bigint").column("nick", "text").notNullNamed("nick", "nick_required")),
                        shapes().columns("public.people", notNull("id", "bigint"), notNull("nick", "text")).build(), List.of(), List.of(),
                        List.of("unchanged table public.people", "unchanged column public.people.id", "drift column public.people.nick")),
                new Case("a column added by ensureColumn with a named NOT NULL and a constant default: CONSTRAINT name NOT NULL in the ADD COLUMN",
                        catalog().table(ACCOUNTS).build(),
                        db -> db.ensureColumn("accounts", "code", type("text").notNullNamed("code_required"), dflt("'x'")),
                        shapes().columns("public.accounts", notNull("code", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"accounts\" ADD COLUMN \"code\" text CONSTRAINT \"code_required\" NOT NULL DEFAULT 'x'"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("create column public.accounts.code")),
                new Case("ensureColumn names the NOT NULL of a column the database has NOT NULL under another name: drift",
                        withNotNullName(catalog().table(ACCOUNTS).build(), "nick_present"),
                        db -> db.ensureColumn("accounts", "nick", type("text").notNullNamed("nick_required")),
                        shapes().columns("public.accounts", notNull("nick", "text")).build(), List.of(), List.of(),
                        List.of("unchanged column public.accounts.nick", "drift constraint public.accounts.nick_required")));
    }

    private static final Table PEOPLE = new Table(q("public.people"), List.of(notNull("id", "bigint"), column("nick", "text")), null, null,
            50_000, false, List.of(), List.of(), Table.RowSecurity.OFF, List.of(), Set.of(), 1_000);

    private static final List<Column> ACCOUNT_COLUMNS = List.of(notNull("id", "bigint"), notNull("nick", "text"));
    private static final Table ACCOUNTS = new Table(q("public.accounts"), ACCOUNT_COLUMNS, new Table.PrimaryKey("accounts_pkey",
            List.of("id")), null, 10, false, List.of(), List.of(), Table.RowSecurity.OFF, List.of(), Set.of(), 1);
    private static final List<String> ACCOUNTS_UNCHANGED = List.of("unchanged table public.accounts",
            "unchanged column public.accounts.id", "unchanged column public.accounts.nick");

    private static schemasync.dsl.SchemaChanges declareAccounts(schemasync.dsl.SchemaChanges db) {
        return db.ensureTable("accounts", t -> t.column("id", "bigint").column("nick", "text").notNullNamed("nick", "nick_required")
                .primaryKey("id"));
    }

    private static schemasync.catalog.Catalog withNotNullName(schemasync.catalog.Catalog c, String name) {
        return c.toBuilder().notNullNames(java.util.Map.of(new schemasync.catalog.NotNullNames.Key(q("public.accounts"), "nick"), name))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
