package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import static schemasync.dsl.ColumnType.type;
import static schemasync.dsl.Default.dflt;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * More of the planner as a table ({@link PlannerCasesTest} explains the form): columns (defaults,
 * type changes, NOT NULL, identity), constraints of every kind, indexes, renames and removals of
 * tables, columns and indexes.
 */
class PlannerColumnCasesTest {
    private static final Table USERS = table("public.users", 50_000, 1_000, notNull("id", "bigint"), column("email", "text"));
    private static final Table TAGS = table("public.tags", 10, 1, notNull("id", "bigint"), column("name", "text"));

    private static Column withDefault(String name, String type, String dflt) {
        return new Column(name, type, false, dflt, Column.Identity.NONE, null);
    }

    private static Column identity(String name, Column.Identity identity) {
        return new Column(name, "bigint", true, null, identity, null);
    }

    private static Table keyed(Table t, Constraint... constraints) {
        return new Table(t.name(), t.columns(), new Table.PrimaryKey(t.name().name() + "_pkey", List.of("id")), null,
                t.estimatedRows(), false, List.of(constraints), List.of(), Table.RowSecurity.OFF, List.of(), java.util.Set.of(), t.pages());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a default declared on an existing column: SET DEFAULT", catalog().table(USERS).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text", dflt("'none'"))),
                        shapes().columns("public.users", notNull("id", "bigint"), withDefault("email", "text", "'none'::text")).build(),
                        List.of("ALTER TABLE \"public\".\"users\" ALTER \"email\" SET DEFAULT 'none'"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.users", "unchanged column public.users.id", "alter column default public.users.email")),
                new Case("ensureColumnChanged noDefault: DROP DEFAULT",
                        catalog().table(table("public.users", 50_000, 1_000, notNull("id", "bigint"), withDefault("email", "text", "'x'::text"))).build(),
                        db -> db.ensureColumnChanged("users", "email").noDefault(), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\" DROP DEFAULT"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.users.email")),
                new Case("ensureColumnChanged type on a big table: ALTER TYPE, a rewrite", catalog().table(USERS).build(),
                        db -> db.ensureColumnChanged("users", "email").type("varchar(320)"),
                        shapes().columns("public.users", column(DeclaredShapes.changedColumn(0), "character varying(320)")).build(),
                        List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\" TYPE varchar(320)"),
                        List.of(List.of(HazardKind.TABLE_REWRITE)),
                        List.of("alter column public.users.email")),
                new Case("ensureColumnChanged type on a small table", catalog().table(TAGS).build(),
                        db -> db.ensureColumnChanged("tags", "name").type("varchar(50)"),
                        shapes().columns("public.tags", column(DeclaredShapes.changedColumn(0), "character varying(50)")).build(),
                        List.of("ALTER TABLE \"public\".\"tags\" ALTER COLUMN \"name\" TYPE varchar(50)"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.tags.name")),
                new Case("SET NOT NULL on a small existing table: through the proving CHECK too (the table may hold rows)", catalog().table(TAGS).build(),
                        db -> db.ensureColumnChanged("tags", "name").notNull(), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"tags\" ADD CONSTRAINT \"tags_name_ssnn\" CHECK (name IS NOT NULL) NOT VALID",
                        "ALTER TABLE \"public\".\"tags\" VALIDATE CONSTRAINT \"tags_name_ssnn\"",
                        "ALTER TABLE \"public\".\"tags\" ALTER COLUMN \"name\" SET NOT NULL",
                        "ALTER TABLE \"public\".\"tags\" DROP CONSTRAINT \"tags_name_ssnn\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.VALIDATION_SCAN), List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of()),
                        List.of("create column public.tags.name")),
                new Case("ensureColumnChanged nullable: DROP NOT NULL",
                        catalog().table(table("public.tags", 10, 1, notNull("id", "bigint"), notNull("name", "text"))).build(),
                        db -> db.ensureColumnChanged("tags", "name").nullable(), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"tags\" ALTER COLUMN \"name\" DROP NOT NULL"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.tags.name")),
                new Case("a missing column with a volatile default on a big table: a rewrite", catalog().table(USERS).build(),
                        db -> db.ensureColumn("users", "token", "uuid", dflt("gen_random_uuid()")),
                        shapes().columns("public.users", withDefault("token", "uuid", "gen_random_uuid()"))
                                .rewritingAdd("public.users", "token").build(),
                        List.of(),
                        List.of(),
                        List.of("drift column public.users.token")),
                new Case("a missing VIRTUAL generated column on a big table (PostgreSQL 18): ADD COLUMN, computed when read, no rewrite",
                        catalog().table(USERS).build(),
                        db -> db.ensureColumn("users", "domain", type("text").generatedVirtual("split_part(email, '@', 2)")),
                        shapes().columns("public.users", new Column("domain", "text", false, null, Column.Identity.NONE, null,
                                "split_part(email, '@'::text, 2)", null, true)).build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD COLUMN \"domain\" text GENERATED ALWAYS AS (split_part(email, '@', 2)) VIRTUAL"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("create column public.users.domain")),
                new Case("a missing STORED generated column on a big table: drift, adding it rewrites the table",
                        catalog().table(USERS).build(),
                        db -> db.ensureColumn("users", "domain", type("text").generatedAlwaysAs("split_part(email, '@', 2)")),
                        shapes().columns("public.users", new Column("domain", "text", false, null, Column.Identity.NONE, null,
                                "split_part(email, '@'::text, 2)", null)).build(),
                        List.of(), List.of(), List.of("drift column public.users.domain")),
                new Case("a generated column declared VIRTUAL, STORED in the database: drift, never altered",
                        catalog().table(table("public.users", 50_000, 1_000, notNull("id", "bigint"), new Column("domain", "text", false,
                                null, Column.Identity.NONE, null, "split_part(email, '@'::text, 2)", null))).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint")
                                .column("domain", type("text").generatedVirtual("split_part(email, '@', 2)"))),
                        shapes().columns("public.users", notNull("id", "bigint"), new Column("domain", "text", false, null,
                                Column.Identity.NONE, null, "split_part(email, '@'::text, 2)", null, true)).build(),
                        List.of(), List.of(), List.of("unchanged table public.users", "unchanged column public.users.id",
                                "drift column public.users.domain")),
                new Case("identity added to an existing column", catalog().table(table("public.tags", 10, 1, notNull("id", "bigint"))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", type("bigint").identityAlways())),
                        shapes().columns("public.tags", identity("id", Column.Identity.ALWAYS)).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "drift column public.tags.id")),
                new Case("identity kind changed: SET GENERATED",
                        catalog().table(table("public.tags", 10, 1, identity("id", Column.Identity.BY_DEFAULT))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", type("bigint").identityAlways())),
                        shapes().columns("public.tags", identity("id", Column.Identity.ALWAYS)).build(),
                        List.of("ALTER TABLE \"public\".\"tags\" ALTER COLUMN \"id\" SET GENERATED ALWAYS"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.tags", "alter column public.tags.id")),
                new Case("identity declared away: drift", catalog().table(table("public.tags", 10, 1, identity("id", Column.Identity.ALWAYS))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint")),
                        shapes().columns("public.tags", notNull("id", "bigint")).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "drift column public.tags.id")),
                new Case("a column no block declares: drift, left alone",
                        catalog().table(table("public.tags", 10, 1, notNull("id", "bigint"), column("name", "text"), column("legacy", "text"))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text")),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text")).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name", "drift column public.tags.legacy")),
                new Case("a primary key declared on an existing table without one: drift with its hazard", catalog().table(USERS).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").primaryKey("id")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.users", "unchanged column public.users.id", "unchanged column public.users.email", "drift constraint public.users primary key")),
                new Case("a UNIQUE constraint on an existing table", catalog().table(keyed(USERS)).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").primaryKey("id").unique("email")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_email_key\" UNIQUE (\"email\")"),
                        List.of(List.of(HazardKind.INDEX_BUILD)),
                        List.of("unchanged table public.users", "unchanged column public.users.id", "unchanged column public.users.email", "create constraint public.users.users_email_key")),
                new Case("a FOREIGN KEY on an existing table: NOT VALID, then VALIDATE",
                        catalog().table(keyed(USERS)).table(table("public.orders", 50_000, 1_000, notNull("id", "bigint"), column("user_id", "bigint"))).build(),
                        db -> db.ensureTable("orders", t -> t.column("id", "bigint").column("user_id", "bigint")
                                .foreignKey("user_id").references("users", "id")),
                        shapes().columns("public.orders", notNull("id", "bigint"), column("user_id", "bigint")).build(),
                        List.of("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"public\".\"users\" (\"id\") NOT VALID",
                        "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_user_id_fkey\""),
                        List.of(List.of(HazardKind.WRITE_LOCK), List.of(HazardKind.VALIDATION_SCAN)),
                        List.of("unchanged table public.orders", "unchanged column public.orders.id", "unchanged column public.orders.user_id", "create constraint public.orders.orders_user_id_fkey", "undeclared table public.users")),
                new Case("an exclusion constraint on an existing table: built with its index, cannot be NOT VALID",
                        catalog().table(TAGS).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text").exclude("tags_name_excl", "USING btree (name WITH =)")),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text"))
                                .check("public.tags", "tags_name_excl", "EXCLUDE USING btree (name WITH =)").build(),
                        List.of("ALTER TABLE \"public\".\"tags\" ADD CONSTRAINT \"tags_name_excl\" EXCLUDE USING btree (name WITH =)"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name", "create constraint public.tags.tags_name_excl")),
                new Case("a CHECK whose expression differs: drift, never dropped and re-added",
                        catalog().table(keyed(TAGS, Fixtures.check("tags_name_check", "CHECK ((name <> ''::text))", true))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text").primaryKey("id")
                                .check("tags_name_check", "length(name) > 1")),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text"))
                                .check("public.tags", "tags_name_check", "CHECK ((length(name) > 1))").build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name", "drift constraint public.tags.tags_name_check")),
                new Case("a CHECK left NOT VALID by an earlier run: VALIDATE only",
                        catalog().table(keyed(TAGS, Fixtures.check("tags_name_check", "CHECK ((name <> ''::text))", false))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text").primaryKey("id")
                                .check("tags_name_check", "name <> ''")),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text"))
                                .check("public.tags", "tags_name_check", "CHECK ((name <> ''::text))").build(),
                        List.of("ALTER TABLE \"public\".\"tags\" VALIDATE CONSTRAINT \"tags_name_check\""),
                        List.of(List.of(HazardKind.VALIDATION_SCAN)),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name", "alter constraint public.tags.tags_name_check")),
                new Case("a NOT ENFORCED CHECK on a big existing table (PostgreSQL 18): added NOT ENFORCED, no row scanned, never validated",
                        catalog().table(keyed(USERS)).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").primaryKey("id")
                                .check("users_email_check", "email <> ''").notEnforced()),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text"))
                                .check("public.users", "users_email_check", "CHECK ((email <> ''::text))").build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_email_check\" CHECK (email <> '') NOT ENFORCED"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.users", "unchanged column public.users.id", "unchanged column public.users.email",
                                "create constraint public.users.users_email_check")),
                new Case("a CHECK declared NOT ENFORCED, enforced in the database: drift, never dropped and re-added",
                        catalog().table(keyed(TAGS, Fixtures.check("tags_name_check", "CHECK ((name <> ''::text))", true))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text").primaryKey("id")
                                .check("tags_name_check", "name <> ''").notEnforced()),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text"))
                                .check("public.tags", "tags_name_check", "CHECK ((name <> ''::text))").build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name",
                                "drift constraint public.tags.tags_name_check")),
                new Case("a UNIQUE declared WITHOUT OVERLAPS (PostgreSQL 18), plain in the database: drift, never dropped and re-added",
                        catalog().table(keyed(TAGS, new Constraint("tags_name_key", Constraint.Kind.UNIQUE, List.of("name"), null, null,
                                false, true, "UNIQUE (name)"))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text").primaryKey("id")
                                .unique("name").withoutOverlaps()),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text")).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name",
                                "drift constraint public.tags.tags_name_key")),
                new Case("a primary key declared WITHOUT OVERLAPS (PostgreSQL 18), plain in the database: drift",
                        catalog().table(keyed(TAGS)).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text").primaryKey("id").withoutOverlaps()),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text")).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name",
                                "drift constraint public.tags primary key")),
                new Case("a constraint no block declares: drift",
                        catalog().table(keyed(TAGS, Fixtures.check("tags_name_check", "CHECK ((name <> ''::text))", true))).build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text").primaryKey("id")),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text")).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name", "drift constraint public.tags.tags_name_check")),
                new Case("ensureConstraints of a later block: the constraint added to an existing table",
                        catalog().table(keyed(USERS)).build(),
                        db -> {
                            db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").primaryKey("id"));
                            db.ensureConstraints("users", t -> t.unique("email"));
                        },
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_email_key\" UNIQUE (\"email\")"),
                        List.of(List.of(HazardKind.INDEX_BUILD)),
                        List.of("unchanged table public.users", "unchanged column public.users.id", "unchanged column public.users.email", "create constraint public.users.users_email_key")),
                new Case("a unique index on a small table", catalog().table(TAGS).build(),
                        db -> db.ensureIndex("tags_name_key").on("tags").columns("name").unique(),
                        shapes().index("public.tags_name_key", "USING btree (name)").build(),
                        List.of("CREATE UNIQUE INDEX CONCURRENTLY \"tags_name_key\" ON \"public\".\"tags\" USING btree (\"name\")"),
                        List.of(List.of(HazardKind.NOT_TRANSACTIONAL)),
                        List.of("create index public.tags_name_key")),
                new Case("an index whose definition differs, not declared rebuildWhenChanged: drift",
                        catalog().table(USERS).index("public.users_email_idx", "public.users", false, "USING btree (email)").build(),
                        db -> db.ensureIndex("users_email_idx").on("users").expression("lower(email)"),
                        shapes().index("public.users_email_idx", "USING btree (lower(email))").build(),
                        List.of(),
                        List.of(),
                        List.of("drift index public.users_email_idx")),
                new Case("an index no block declares: reported",
                        catalog().table(TAGS).index("public.tags_name_idx", "public.tags", false, "USING btree (name)").build(),
                        db -> db.ensureTable("tags", t -> t.column("id", "bigint").column("name", "text")),
                        shapes().columns("public.tags", notNull("id", "bigint"), column("name", "text")).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.tags", "unchanged column public.tags.id", "unchanged column public.tags.name", "undeclared index public.tags_name_idx")),
                new Case("a column rename", catalog().table(USERS).build(),
                        db -> db.ensureColumnRenamed("users", "email", "email_address"), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"users\" RENAME COLUMN \"email\" TO \"email_address\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.users.email")),
                new Case("an index rename", catalog().table(USERS).index("public.users_email_idx", "public.users", false, "USING btree (email)").build(),
                        db -> db.ensureIndexRenamed("users_email_idx", "users_email_key"), shapes().build(),
                        List.of("ALTER INDEX \"public\".\"users_email_idx\" RENAME TO \"users_email_key\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter index public.users_email_idx", "undeclared table public.users")),
                new Case("a rename already done: nothing to do", catalog().table(table("public.accounts", 10, 1, notNull("id", "bigint"))).build(),
                        db -> db.ensureTableRenamed("users", "accounts"), shapes().build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.accounts")),
                new Case("a database between two renames of a chain (deployed up to the first): the table is its middle name, renamed once more",
                        catalog().table(table("public.accounts", 50_000, 1_000, notNull("id", "bigint"), column("email", "text"))).build(),
                        db -> {
                            db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"));
                            db.ensureTableRenamed("users", "accounts");
                            db.ensureTableRenamed("accounts", "members");
                        }, shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of("ALTER TABLE \"public\".\"accounts\" RENAME TO \"members\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.users", "unchanged column public.accounts.id", "unchanged column public.accounts.email",
                                "unchanged table public.accounts", "alter table public.accounts")),
                new Case("ensureNoTable on a big table: DROP TABLE, deletes data", catalog().table(USERS).build(),
                        db -> db.ensureNoTable("users"), shapes().build(),
                        List.of("DROP TABLE \"public\".\"users\""),
                        List.of(List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter table public.users")),
                new Case("ensureNoIndex", catalog().table(USERS).index("public.users_email_idx", "public.users", false, "USING btree (email)").build(),
                        db -> db.ensureNoIndex("users_email_idx"), shapes().build(),
                        List.of("DROP INDEX CONCURRENTLY \"public\".\"users_email_idx\""),
                        List.of(List.of(HazardKind.NOT_TRANSACTIONAL)),
                        List.of("alter index public.users_email_idx", "undeclared table public.users")),
                new Case("ensureNoConstraint", catalog().table(keyed(TAGS, Fixtures.check("tags_name_check", "CHECK ((name <> ''::text))", true))).build(),
                        db -> db.ensureNoConstraint("tags", "tags_name_check"), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"tags\" DROP CONSTRAINT \"tags_name_check\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter constraint public.tags.tags_name_check", "undeclared table public.tags")),
                new Case("removals of what is already gone: nothing to do", catalog().table(TAGS).build(),
                        db -> {
                            db.ensureNoTable("users");
                            db.ensureNoColumn("tags", "legacy");
                            db.ensureNoIndex("tags_legacy_idx");
                        }, shapes().build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged table public.users", "unchanged column public.tags.legacy", "unchanged index public.tags_legacy_idx", "undeclared table public.tags")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
