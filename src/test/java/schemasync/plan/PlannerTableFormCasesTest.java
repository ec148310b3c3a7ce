package schemasync.plan;

import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.CompositeType;
import schemasync.catalog.Constraint;
import schemasync.catalog.KeyOptions;
import schemasync.catalog.RelationOptions;
import schemasync.catalog.Table;
import schemasync.catalog.TableLineage;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * What a table declaration says besides its columns, each for a new table (create), an existing one as declared
 * (unchanged) and an existing one that differs (an ALTER, or drift where PostgreSQL cannot change it in place):
 * legacy inheritance and typed tables ({@link TableLineage}), UNLOGGED and storage parameters ({@link RelationOptions}),
 * a primary key's and a UNIQUE constraint's INCLUDE / DEFERRABLE ({@link KeyOptions}), NULLS NOT DISTINCT, and
 * triggers with REFERENCING transition tables.
 */
class PlannerTableFormCasesTest {
    private static final Table ITEMS = table("public.items", 10, 1, notNull("id", "bigint"), column("name", "text"));
    private static final Table BOOKS = table("public.books", 10, 1, notNull("id", "bigint"), column("name", "text"), column("isbn", "text"));
    private static final CompositeType ADDRESS = new CompositeType(q("public.address"), List.of(
            new CompositeType.Attribute("street", "text", null), new CompositeType.Attribute("city", "text", null)));
    private static final Table ADDRESSES = table("public.addresses", 10, 1, column("street", "text"), column("city", "text"));
    private static final Table EVENTS = table("public.events", 50_000, 1_000, notNull("id", "bigint"), column("body", "text"));
    private static final Table SLOTS = table("public.slots", 10, 1, notNull("id", "bigint"), column("code", "text"), column("label", "text"));
    private static final KeyOptions INCLUDE_LABEL_DEFERRABLE = new KeyOptions(List.of("label"), true, false);

    private static Table withKey(Table t, KeyOptions options) {
        return new Table(t.name(), t.columns(), new Table.PrimaryKey(t.name().name() + "_pkey", List.of("id"), options), null,
                t.estimatedRows(), false, List.of(), List.of(), Table.RowSecurity.OFF, List.of(), Set.of(), t.pages());
    }

    private static Constraint unique(String name, List<String> columns, boolean nullsNotDistinct, KeyOptions options) {
        return new Constraint(name, Constraint.Kind.UNIQUE, columns, null, null, nullsNotDistinct, true, "UNIQUE", options);
    }

    static Stream<Case> cases() {
        return Stream.of(lineageCases(), optionCases(), keyCases(), triggerCases()).flatMap(s -> s);
    }

    static Stream<Case> lineageCases() {
        return Stream.of(
                new Case("INHERITS: a new child of an existing parent declares only its own columns", catalog().table(ITEMS).build(),
                        db -> db.ensureTable("books", t -> t.column("isbn", "text").inherits("items")),
                        shapes().columns("public.books", column("isbn", "text")).build(),
                        List.of("CREATE TABLE \"public\".\"books\" (\"isbn\" text) INHERITS (\"public\".\"items\")"),
                        List.of(List.of()), List.of("create table public.books", "undeclared table public.items")),
                new Case("INHERITS as declared: the parent's columns are not the child's to declare",
                        catalog().table(ITEMS).table(BOOKS).lineage("public.books", new TableLineage(List.of(q("public.items")), null)).build(),
                        db -> db.ensureTable("books", t -> t.column("isbn", "text").inherits("items")),
                        shapes().columns("public.books", column("isbn", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.books", "unchanged column public.books.isbn", "undeclared table public.items")),
                new Case("INHERITS declared on an existing table with the parent's columns: ALTER TABLE ... INHERIT",
                        catalog().table(ITEMS).table(BOOKS).build(),
                        db -> db.ensureTable("books", t -> t.column("isbn", "text").inherits("items")),
                        shapes().columns("public.books", column("isbn", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"books\" INHERIT \"public\".\"items\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.books", "unchanged column public.books.isbn",
                                "alter table inheritance public.books", "undeclared table public.items")),
                new Case("INHERITS declared on an existing table without the parent's columns: drift, not linked",
                        catalog().table(ITEMS).table(table("public.books", 10, 1, column("isbn", "text"))).build(),
                        db -> db.ensureTable("books", t -> t.column("isbn", "text").inherits("items")),
                        shapes().columns("public.books", column("isbn", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.books", "unchanged column public.books.isbn",
                                "drift table inheritance public.books", "undeclared table public.items")),
                new Case("INHERITS declared on a table lacking the parent's CHECK: drift (ALTER TABLE ... INHERIT would refuse)",
                        catalog().table(ITEMS.withConstraints(List.of(Fixtures.check("items_name_check", "CHECK ((name <> ''::text))", true))))
                                .table(BOOKS).build(),
                        db -> db.ensureTable("books", t -> t.column("isbn", "text").inherits("items")),
                        shapes().columns("public.books", column("isbn", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.books", "unchanged column public.books.isbn",
                                "drift table inheritance public.books", "undeclared table public.items")),
                new Case("a parent in the database that the declaration does not name: drift, never NO INHERIT",
                        catalog().table(ITEMS).table(BOOKS).lineage("public.books", new TableLineage(List.of(q("public.items")), null)).build(),
                        db -> db.ensureTable("books", t -> t.column("id", "bigint").column("name", "text").column("isbn", "text")),
                        shapes().columns("public.books", notNull("id", "bigint"), column("name", "text"), column("isbn", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.books", "unchanged column public.books.id", "unchanged column public.books.name",
                                "unchanged column public.books.isbn", "drift table inheritance public.books", "undeclared table public.items")),
                new Case("INHERITS: parent and child both new in one run, the parent first", catalog().build(),
                        db -> db.ensureTable("items", t -> t.column("id", "bigint").column("name", "text"))
                                .ensureTable("books", t -> t.column("isbn", "text").inherits("items")),
                        shapes().columns("public.items", column("id", "bigint"), column("name", "text"))
                                .columns("public.books", column("isbn", "text")).build(),
                        List.of("CREATE TABLE \"public\".\"items\" (\"id\" bigint, \"name\" text)",
                                "CREATE TABLE \"public\".\"books\" (\"isbn\" text) INHERITS (\"public\".\"items\")"),
                        List.of(List.of(), List.of()), List.of("create table public.items", "create table public.books")),
                new Case("OF type: the composite type and its typed table in one run", catalog().build(),
                        db -> {
                            db.ensureCompositeType("address").attribute("street", "text").attribute("city", "text");
                            db.ensureTable("addresses", t -> t.ofType("address"));
                        }, shapes().composite(ADDRESS).build(),
                        List.of("CREATE TYPE \"public\".\"address\" AS (\"street\" text, \"city\" text)",
                                "CREATE TABLE \"public\".\"addresses\" OF \"public\".\"address\""),
                        List.of(List.of(), List.of()), List.of("create composite type public.address", "create table public.addresses")),
                new Case("OF type: a new typed table takes its columns from the type", catalog().composite(ADDRESS).build(),
                        db -> db.ensureTable("addresses", t -> t.ofType("address")), shapes().build(),
                        List.of("CREATE TABLE \"public\".\"addresses\" OF \"public\".\"address\""),
                        List.of(List.of()), List.of("create table public.addresses", "undeclared composite type public.address")),
                new Case("OF type as declared: skipped",
                        catalog().composite(ADDRESS).table(ADDRESSES).lineage("public.addresses", new TableLineage(List.of(), q("public.address")))
                                .build(),
                        db -> db.ensureTable("addresses", t -> t.ofType("address")), shapes().build(),
                        List.of(), List.of(), List.of("unchanged table public.addresses", "undeclared composite type public.address")),
                new Case("OF type declared on a table that is not typed: drift, never re-created",
                        catalog().composite(ADDRESS).table(ADDRESSES).build(),
                        db -> db.ensureTable("addresses", t -> t.ofType("address")), shapes().build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.addresses", "drift typed table public.addresses",
                                "undeclared composite type public.address")));
    }

    static Stream<Case> optionCases() {
        return Stream.of(
                new Case("UNLOGGED with a storage parameter: a new table is created so", catalog().build(),
                        db -> db.ensureTable("events", t -> t.column("id", "bigint").unlogged().with("fillfactor", "70")),
                        shapes().columns("public.events", column("id", "bigint")).build(),
                        List.of("CREATE UNLOGGED TABLE \"public\".\"events\" (\"id\" bigint) WITH (\"fillfactor\" = '70')"),
                        List.of(List.of()), List.of("create table public.events")),
                new Case("UNLOGGED and storage parameters as declared: nothing to run",
                        catalog().table(EVENTS).options("public.events", new RelationOptions(List.of("fillfactor=70"), true, false)).build(),
                        db -> db.ensureTable("events", t -> t.column("id", "bigint").column("body", "text").unlogged().with("fillfactor", "70")),
                        shapes().columns("public.events", notNull("id", "bigint"), column("body", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.events", "unchanged column public.events.id", "unchanged column public.events.body")),
                new Case("a big logged table declared UNLOGGED with another parameter: SET, RESET, SET UNLOGGED (a rewrite)",
                        catalog().table(EVENTS).options("public.events", new RelationOptions(List.of("autovacuum_enabled=false"), false, false))
                                .build(),
                        db -> db.ensureTable("events", t -> t.column("id", "bigint").column("body", "text").unlogged().with("fillfactor", "70")),
                        shapes().columns("public.events", notNull("id", "bigint"), column("body", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"events\" SET (\"fillfactor\" = '70')", "ALTER TABLE \"public\".\"events\" RESET (\"autovacuum_enabled\")",
                                "ALTER TABLE \"public\".\"events\" SET UNLOGGED"),
                        List.of(List.of(), List.of(), List.of(HazardKind.TABLE_REWRITE)),
                        List.of("unchanged table public.events", "unchanged column public.events.id", "unchanged column public.events.body",
                                "alter table options public.events")),
                new Case("storage parameters of a table renamed by an earlier block, declared under its new name: nothing to set",
                        catalog().table(EVENTS).options("public.events", new RelationOptions(List.of("fillfactor=70"), true, false)).build(),
                        db -> {
                            db.ensureTableRenamed("events", "logs");
                            db.ensureTable("logs", t -> t.column("id", "bigint").column("body", "text").unlogged().with("fillfactor", "70"));
                        },
                        shapes().columns("public.logs", notNull("id", "bigint"), column("body", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"events\" RENAME TO \"logs\""), List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter table public.events", "unchanged table public.logs", "unchanged column public.logs.id",
                                "unchanged column public.logs.body")));
    }

    static Stream<Case> keyCases() {
        return Stream.of(
                new Case("a primary key with INCLUDE and DEFERRABLE, a UNIQUE NULLS NOT DISTINCT: CREATE TABLE says them", catalog().build(),
                        db -> db.ensureTable("slots", t -> t.column("id", "bigint").column("code", "text").column("label", "text")
                                .primaryKey("id").include("label").deferrable().uniqueNullsNotDistinct("code")),
                        shapes().columns("public.slots", notNull("id", "bigint"), column("code", "text"), column("label", "text")).build(),
                        List.of("CREATE TABLE \"public\".\"slots\" (\"id\" bigint NOT NULL, \"code\" text, \"label\" text,"
                                + " PRIMARY KEY (\"id\") INCLUDE (\"label\") DEFERRABLE, CONSTRAINT \"slots_code_key\" UNIQUE NULLS NOT DISTINCT (\"code\"))"),
                        List.of(List.of()), List.of("create table public.slots")),
                new Case("a primary key with INCLUDE and DEFERRABLE as declared: nothing to run",
                        catalog().table(withKey(SLOTS, INCLUDE_LABEL_DEFERRABLE)).build(),
                        db -> db.ensureTable("slots", t -> t.column("id", "bigint").column("code", "text").column("label", "text")
                                .primaryKey("id").include("label").deferrable()),
                        shapes().columns("public.slots", notNull("id", "bigint"), column("code", "text"), column("label", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.slots", "unchanged column public.slots.id", "unchanged column public.slots.code",
                                "unchanged column public.slots.label")),
                new Case("a primary key declared DEFERRABLE with INCLUDE, not so in the database: drift, never re-added",
                        catalog().table(withKey(SLOTS, KeyOptions.NONE)).build(),
                        db -> db.ensureTable("slots", t -> t.column("id", "bigint").column("code", "text").column("label", "text")
                                .primaryKey("id").include("label").deferrable()),
                        shapes().columns("public.slots", notNull("id", "bigint"), column("code", "text"), column("label", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.slots", "unchanged column public.slots.id", "unchanged column public.slots.code",
                                "unchanged column public.slots.label", "drift constraint public.slots primary key")),
                new Case("a UNIQUE with INCLUDE and DEFERRABLE on an existing table: ADD CONSTRAINT says them",
                        catalog().table(SLOTS).build(),
                        db -> db.ensureTable("slots", t -> t.column("id", "bigint").column("code", "text").column("label", "text")
                                .unique("code").include("label").deferrable()),
                        shapes().columns("public.slots", notNull("id", "bigint"), column("code", "text"), column("label", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"slots\" ADD CONSTRAINT \"slots_code_key\" UNIQUE (\"code\") INCLUDE (\"label\") DEFERRABLE"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.slots", "unchanged column public.slots.id", "unchanged column public.slots.code",
                                "unchanged column public.slots.label", "create constraint public.slots.slots_code_key")),
                new Case("a UNIQUE with INCLUDE and DEFERRABLE as declared: skipped",
                        catalog().table(SLOTS.withConstraints(List.of(unique("slots_code_key", List.of("code"), false, INCLUDE_LABEL_DEFERRABLE))))
                                .build(),
                        db -> db.ensureTable("slots", t -> t.column("id", "bigint").column("code", "text").column("label", "text")
                                .unique("code").include("label").deferrable()),
                        shapes().columns("public.slots", notNull("id", "bigint"), column("code", "text"), column("label", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.slots", "unchanged column public.slots.id", "unchanged column public.slots.code",
                                "unchanged column public.slots.label", "unchanged constraint public.slots.slots_code_key")),
                new Case("a UNIQUE declared NULLS NOT DISTINCT and DEFERRABLE, plain in the database: drift, never re-added",
                        catalog().table(SLOTS.withConstraints(List.of(unique("slots_code_key", List.of("code"), false, KeyOptions.NONE)))).build(),
                        db -> db.ensureTable("slots", t -> t.column("id", "bigint").column("code", "text").column("label", "text")
                                .uniqueNullsNotDistinct("code").deferrable()),
                        shapes().columns("public.slots", notNull("id", "bigint"), column("code", "text"), column("label", "text")).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.slots", "unchanged column public.slots.id", "unchanged column public.slots.code",
                                "unchanged column public.slots.label", "drift constraint public.slots.slots_code_key")),
                new Case("a unique index NULLS NOT DISTINCT on an existing table: CONCURRENTLY, after the commit", catalog().table(SLOTS).build(),
                        db -> db.ensureIndex("slots_label_idx").on("slots").columns("label").unique().nullsNotDistinct(),
                        shapes().index("public.slots_label_idx", "USING btree (label) NULLS NOT DISTINCT").build(),
                        List.of("CREATE UNIQUE INDEX CONCURRENTLY \"slots_label_idx\" ON \"public\".\"slots\" USING btree (\"label\") NULLS NOT DISTINCT"),
                        List.of(List.of(HazardKind.NOT_TRANSACTIONAL)), List.of("create index public.slots_label_idx")),
                new Case("a unique index NULLS NOT DISTINCT as declared: skipped",
                        catalog().table(SLOTS).index("public.slots_label_idx", "public.slots", true, "USING btree (label) NULLS NOT DISTINCT").build(),
                        db -> db.ensureIndex("slots_label_idx").on("slots").columns("label").unique().nullsNotDistinct(),
                        shapes().index("public.slots_label_idx", "USING btree (label) NULLS NOT DISTINCT").build(),
                        List.of(), List.of(), List.of("unchanged index public.slots_label_idx")),
                new Case("a unique index declared NULLS NOT DISTINCT, plain in the database: drift",
                        catalog().table(SLOTS).index("public.slots_label_idx", "public.slots", true, "USING btree (label)").build(),
                        db -> db.ensureIndex("slots_label_idx").on("slots").columns("label").unique().nullsNotDistinct(),
                        shapes().index("public.slots_label_idx", "USING btree (label) NULLS NOT DISTINCT").build(),
                        List.of(), List.of(), List.of("drift index public.slots_label_idx")));
    }

    private static final String REFERENCING = "CREATE TRIGGER slots_changed AFTER UPDATE ON <table> REFERENCING NEW TABLE AS new_rows"
            + " FOR EACH STATEMENT EXECUTE FUNCTION count_rows()";

    static Stream<Case> triggerCases() {
        return Stream.of(
                new Case("a trigger with a REFERENCING transition table", catalog().table(SLOTS).function("public.count_rows", "", "f").build(),
                        db -> db.ensureTrigger("slots_changed").on("slots").after("UPDATE").referencingNewTableAs("new_rows")
                                .forEachStatement().executes("count_rows()"),
                        shapes().trigger("public.slots", "slots_changed", REFERENCING).build(),
                        List.of("CREATE TRIGGER \"slots_changed\" AFTER UPDATE ON \"public\".\"slots\" REFERENCING NEW TABLE AS \"new_rows\""
                                + " FOR EACH STATEMENT EXECUTE FUNCTION count_rows()"),
                        List.of(List.of(HazardKind.WRITE_LOCK)),
                        List.of("create trigger public.slots.slots_changed",
                                "undeclared function public.count_rows()")),
                new Case("a trigger with a REFERENCING transition table as declared: skipped",
                        catalog().table(SLOTS.withTrigger(new Table.Trigger("slots_changed", REFERENCING))).function("public.count_rows", "", "f")
                                .build(),
                        db -> db.ensureTrigger("slots_changed").on("slots").after("UPDATE").referencingNewTableAs("new_rows")
                                .forEachStatement().executes("count_rows()"),
                        shapes().trigger("public.slots", "slots_changed", REFERENCING).build(),
                        List.of(), List.of(),
                        List.of("unchanged trigger public.slots.slots_changed",
                                "undeclared function public.count_rows()")),
                new Case("a trigger declared with REFERENCING, without it in the database: drift, never dropped",
                        catalog().table(SLOTS.withTrigger(new Table.Trigger("slots_changed", REFERENCING.replace(" REFERENCING NEW TABLE AS new_rows", ""))))
                                .function("public.count_rows", "", "f").build(),
                        db -> db.ensureTrigger("slots_changed").on("slots").after("UPDATE").referencingNewTableAs("new_rows")
                                .forEachStatement().executes("count_rows()"),
                        shapes().trigger("public.slots", "slots_changed", REFERENCING).build(),
                        List.of(), List.of(),
                        List.of("drift trigger public.slots.slots_changed",
                                "undeclared function public.count_rows()")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
