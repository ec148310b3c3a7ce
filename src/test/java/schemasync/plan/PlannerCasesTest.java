package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.Blocks;
import schemasync.catalog.Catalog;
import schemasync.catalog.Table;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.SchemaChanges;
import schemasync.model.HazardKind;
import schemasync.render.SqlRenderer;

/**
 * The planner as a table, without PostgreSQL (in the spirit of stripe/pg-schema-diff's acceptance
 * cases): a catalog built in Java, declarations through the DSL, the declared side as the normalizer
 * hands it over (PostgreSQL's spelling, written out here: {@link Fixtures}) → the exact statements,
 * the hazard kinds of each step in order, and every plan line as "status kind object". Whether
 * PostgreSQL really spells a declaration so, and whether the statements converge, is what the
 * server-backed scenario tests check; here it is the decisions.
 *
 * <p>A line's status follows the summary's "to add" count: a change whose first statement adds
 * something is "create" (so a rebuilt index and a SET NOT NULL through a new CHECK read "create").
 *
 * <p>{@link PlannerColumnCasesTest} (columns, constraints, indexes, renames, removals) and
 * {@link PlannerObjectCasesTest} (types, sequences, views, materialized views, routines, triggers,
 * extensions, policies, grants, default privileges, comments, partitions, undeclared objects) extend
 * this table with the same {@link #check}, and so do {@link PlannerKindCasesTest} (collations, range types,
 * servers, user mappings, foreign tables, publications, event triggers), {@link PlannerTableFormCasesTest}
 * (inheritance, typed tables, UNLOGGED, storage parameters, key options, NULLS NOT DISTINCT, REFERENCING),
 * {@link PlannerUnchangedCasesTest} (objects as declared) and {@link PlannerRemovalCasesTest} (one removal per
 * kind). {@link PlannerCoverageTest} reads from their plans which kinds have a create, unchanged, change and
 * removal case, and fails on a gap. What stays server-only: whether the normalized shapes are
 * what PostgreSQL really prints (NormalizationTest), routine keys and the current role (read from the
 * session), PostgreSQL refusing a CREATE OR REPLACE, and whether the statements converge.
 */
class PlannerCasesTest {
    private static final Table USERS = table("public.users", 50_000, 1_000, notNull("id", "bigint"), column("email", "text"));
    private static final Table SMALL = table("public.tags", 10, 1, notNull("id", "bigint"), column("name", "text"));

    record Case(String name, Catalog before, Consumer<SchemaChanges> declare, DeclaredShapes shapes, List<String> sql,
                List<List<HazardKind>> hazards, List<String> items) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a new table: CREATE TABLE with its key, no hazard (nobody else sees it yet)", catalog().build(),
                        db -> db.ensureTable("accounts", t -> t.column("id", "bigint").column("name", "text").primaryKey("id")),
                        shapes().columns("public.accounts", notNull("id", "bigint"), column("name", "text")).build(),
                        List.of("CREATE TABLE \"public\".\"accounts\" (\"id\" bigint NOT NULL, \"name\" text, PRIMARY KEY (\"id\"))"),
                        List.of(List.of()), List.of("create table public.accounts")),
                new Case("an existing table as declared: skipped, nothing to run", catalog().table(USERS).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of(), List.of(), List.of("unchanged table public.users", "unchanged column public.users.id",
                                "unchanged column public.users.email")),
                new Case("a missing column: ADD COLUMN under a brief ACCESS EXCLUSIVE lock", catalog().table(USERS).build(),
                        db -> db.ensureColumn("users", "last_login_at", "timestamp with time zone"),
                        shapes().columns("public.users", column("last_login_at", "timestamp with time zone")).build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD COLUMN \"last_login_at\" timestamp with time zone"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("create column public.users.last_login_at")),
                new Case("a column whose type differs: drift, never an ALTER", catalog().table(USERS).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "varchar(320)")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "character varying(320)")).build(),
                        List.of(), List.of(), List.of("unchanged table public.users", "unchanged column public.users.id",
                                "drift column public.users.email")),
                new Case("an index on a big existing table: CONCURRENTLY, after the commit", catalog().table(USERS).build(),
                        db -> db.ensureIndex("users_email_idx").on("users").columns("email"),
                        shapes().index("public.users_email_idx", "USING btree (email)").build(),
                        List.of("CREATE INDEX CONCURRENTLY \"users_email_idx\" ON \"public\".\"users\" USING btree (\"email\")"),
                        List.of(List.of(HazardKind.NOT_TRANSACTIONAL)), List.of("create index public.users_email_idx")),
                new Case("a changed index declared rebuildWhenChanged: build beside, retire, swap, drop",
                        catalog().table(USERS).index("public.users_email_idx", "public.users", false, "USING btree (email)").build(),
                        db -> db.ensureIndex("users_email_idx").on("users").expression("lower(email)").rebuildWhenChanged(),
                        shapes().index("public.users_email_idx", "USING btree (lower(email))").build(),
                        List.of("CREATE INDEX CONCURRENTLY \"users_email_idx_ssnew\" ON \"public\".\"users\" USING btree ((lower(email)))",
                                "ALTER INDEX \"public\".\"users_email_idx\" RENAME TO \"users_email_idx_ssold\"",
                                "ALTER INDEX \"public\".\"users_email_idx_ssnew\" RENAME TO \"users_email_idx\"",
                                "DROP INDEX CONCURRENTLY \"public\".\"users_email_idx_ssold\""),
                        List.of(List.of(HazardKind.NOT_TRANSACTIONAL), List.of(HazardKind.NOT_TRANSACTIONAL), List.of(),
                                List.of(HazardKind.NOT_TRANSACTIONAL)), List.of("create index public.users_email_idx")),
                new Case("a changed index with a copy retired by an interrupted rebuild: the rebuild drops the copy, once",
                        catalog().table(USERS).index("public.users_email_idx", "public.users", false, "USING btree (email)")
                                .index("public.users_email_idx_ssold", "public.users", false, "USING btree (email)").build(),
                        db -> db.ensureIndex("users_email_idx").on("users").expression("lower(email)").rebuildWhenChanged(),
                        shapes().index("public.users_email_idx", "USING btree (lower(email))").build(),
                        List.of("DROP INDEX CONCURRENTLY \"public\".\"users_email_idx_ssold\"",
                                "CREATE INDEX CONCURRENTLY \"users_email_idx_ssnew\" ON \"public\".\"users\" USING btree ((lower(email)))",
                                "ALTER INDEX \"public\".\"users_email_idx\" RENAME TO \"users_email_idx_ssold\"",
                                "ALTER INDEX \"public\".\"users_email_idx_ssnew\" RENAME TO \"users_email_idx\"",
                                "DROP INDEX CONCURRENTLY \"public\".\"users_email_idx_ssold\""),
                        List.of(List.of(HazardKind.NOT_TRANSACTIONAL), List.of(HazardKind.NOT_TRANSACTIONAL), List.of(HazardKind.NOT_TRANSACTIONAL),
                                List.of(), List.of(HazardKind.NOT_TRANSACTIONAL)), List.of("alter index public.users_email_idx")),
                new Case("two declared CHECKs of one shape in one ensureTable: the first is added, the second reported as its twin",
                        catalog().table(USERS).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text")
                                .check("users_email_present", "email <> ''").check("users_email_nonempty", "email <> ''")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text"))
                                .check("public.users", "users_email_present", "CHECK ((email <> ''::text))")
                                .check("public.users", "users_email_nonempty", "CHECK ((email <> ''::text))").build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_email_present\" CHECK (email <> '') NOT VALID",
                                "ALTER TABLE \"public\".\"users\" VALIDATE CONSTRAINT \"users_email_present\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.VALIDATION_SCAN)),
                        List.of("unchanged table public.users", "unchanged column public.users.id", "unchanged column public.users.email",
                                "create constraint public.users.users_email_present", "drift constraint public.users.users_email_nonempty")),
                new Case("a CHECK on a big table: added NOT VALID, validated after the commit", catalog().table(USERS).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text")
                                .check("users_email_present", "email <> ''")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text"))
                                .check("public.users", "users_email_present", "CHECK ((email <> ''::text))").build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_email_present\" CHECK (email <> '') NOT VALID",
                                "ALTER TABLE \"public\".\"users\" VALIDATE CONSTRAINT \"users_email_present\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.VALIDATION_SCAN)),
                        List.of("unchanged table public.users", "unchanged column public.users.id",
                                "unchanged column public.users.email", "create constraint public.users.users_email_present")),
                new Case("SET NOT NULL on a big table: through a validated CHECK, the check dropped in the same transaction",
                        catalog().table(USERS).build(), db -> db.ensureColumnChanged("users", "email").notNull(), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_email_ssnn\" CHECK (email IS NOT NULL) NOT VALID",
                                "ALTER TABLE \"public\".\"users\" VALIDATE CONSTRAINT \"users_email_ssnn\"",
                                "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\" SET NOT NULL",
                                "ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_email_ssnn\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.VALIDATION_SCAN),
                                List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of()), List.of("create column public.users.email")),
                new Case("SET NOT NULL of a column named by a keyword: the proving CHECK quotes it",
                        catalog().table(table("public.orders", 50_000, 1_000, notNull("id", "bigint"), column("order", "integer")))
                                .build(), db -> db.ensureColumnChanged("orders", "order").notNull(), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_order_ssnn\" CHECK (\"order\" IS NOT NULL) NOT VALID",
                                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_order_ssnn\"",
                                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"order\" SET NOT NULL",
                                "ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"orders_order_ssnn\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.VALIDATION_SCAN),
                                List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of()), List.of("create column public.orders.order")),
                new Case("SET NOT NULL on a table this run renames: in the transaction, a scan under lock",
                        catalog().table(USERS).build(), db -> {
                            db.ensureColumnChanged("users", "email").notNull();
                            db.ensureTableRenamed("users", "accounts");
                        }, shapes().build(),
                        List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\" SET NOT NULL",
                                "ALTER TABLE \"public\".\"users\" RENAME TO \"accounts\""),
                        List.of(List.of(HazardKind.FULL_SCAN_UNDER_LOCK), List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.users.email", "alter table public.users")),
                new Case("an enum: created, then a missing label added after its neighbour",
                        catalog().enumType("public.mood", "sad", "happy").build(),
                        db -> {
                            db.ensureEnum("colour", "red", "green");
                            db.ensureEnum("mood", "sad", "ok", "happy");
                        }, shapes().build(),
                        List.of("CREATE TYPE \"public\".\"colour\" AS ENUM ('red', 'green')",
                                "ALTER TYPE \"public\".\"mood\" ADD VALUE 'ok' AFTER 'sad'"),
                        List.of(List.of(), List.of()), List.of("create type public.colour", "create type public.mood")),
                new Case("views: a new one created, a changed one replaced", catalog().table(USERS)
                        .view("public.user_emails", " SELECT users.email\n   FROM users;").build(),
                        db -> {
                            db.ensureView("user_ids", "SELECT id FROM users");
                            db.ensureView("user_emails", "SELECT id, email FROM users");
                        }, shapes().view("public.user_emails", " SELECT users.id,\n    users.email\n   FROM users;").build(),
                        List.of("CREATE VIEW \"public\".\"user_ids\" AS SELECT id FROM users",
                                "CREATE OR REPLACE VIEW \"public\".\"user_emails\" AS SELECT id, email FROM users"),
                        List.of(List.of(), List.of()), List.of("create view public.user_ids", "alter view public.user_emails", "undeclared table public.users")),
                new Case("a function and the trigger that runs it", catalog().table(USERS).build(),
                        db -> {
                            db.ensureFunction("touch()", "RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$");
                            db.ensureTrigger("users_touch").on("users").before("UPDATE").forEachRow().executes("touch()");
                        }, shapes().function("public.touch()", "public.touch()", "CREATE OR REPLACE FUNCTION public.touch() ...")
                                .trigger("public.users", "users_touch", "CREATE TRIGGER users_touch BEFORE UPDATE ON public.users"
                                        + " FOR EACH ROW EXECUTE FUNCTION touch()").build(),
                        List.of("CREATE OR REPLACE FUNCTION \"public\".\"touch\"() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                                "CREATE TRIGGER \"users_touch\" BEFORE UPDATE ON \"public\".\"users\" FOR EACH ROW EXECUTE FUNCTION touch()"),
                        List.of(List.of(), List.of(HazardKind.WRITE_LOCK)),
                        List.of("create function public.touch()", "create trigger public.users.users_touch")),
                new Case("a trigger written before its function in one block: the function is created first", catalog().table(USERS).build(),
                        db -> {
                            db.ensureTrigger("users_touch").on("users").before("UPDATE").forEachRow().executes("touch()");
                            db.ensureFunction("touch()", "RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$");
                        }, shapes().function("public.touch()", "public.touch()", "CREATE OR REPLACE FUNCTION public.touch() ...")
                                .trigger("public.users", "users_touch", "CREATE TRIGGER users_touch BEFORE UPDATE ON public.users"
                                        + " FOR EACH ROW EXECUTE FUNCTION touch()").build(),
                        List.of("CREATE OR REPLACE FUNCTION \"public\".\"touch\"() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                                "CREATE TRIGGER \"users_touch\" BEFORE UPDATE ON \"public\".\"users\" FOR EACH ROW EXECUTE FUNCTION touch()"),
                        List.of(List.of(), List.of(HazardKind.WRITE_LOCK)),
                        List.of("create function public.touch()", "create trigger public.users.users_touch")),
                new Case("an extension, in a schema at a version", catalog().build(),
                        db -> db.ensureExtension("pg_trgm", "public", "1.6"), shapes().build(),
                        List.of("CREATE EXTENSION \"pg_trgm\" WITH SCHEMA \"public\" VERSION '1.6'"), List.of(List.of()),
                        List.of("create extension pg_trgm")),
                new Case("row-level security and a policy: both change who sees which rows", catalog().table(USERS).build(),
                        db -> {
                            db.ensureRowLevelSecurity("users");
                            db.ensurePolicy("users_self").on("users").forCommand("SELECT").to("app").using("id = 1");
                        }, shapes().policy("public.users", new Table.Policy("users_self", true, "SELECT", List.of("app"), "(id = 1)", null)).build(),
                        List.of("ALTER TABLE \"public\".\"users\" ENABLE ROW LEVEL SECURITY",
                                "CREATE POLICY \"users_self\" ON \"public\".\"users\" AS PERMISSIVE FOR SELECT TO \"app\" USING (id = 1)"),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION, HazardKind.ACCESS_EXCLUSIVE_LOCK),
                                List.of(HazardKind.CHANGES_AUTHORIZATION, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter table public.users row level security", "create policy public.users.users_self")),
                new Case("a sequence with options", catalog().build(),
                        db -> db.ensureSequence("invoice_number").as("integer").startWith(1000),
                        shapes().sequence(new schemasync.catalog.Sequence(Fixtures.q("public.invoice_number"), "integer", 1000, 1,
                                1, Integer.MAX_VALUE, 1, false, null)).build(),
                        List.of("CREATE SEQUENCE \"public\".\"invoice_number\" AS integer START WITH 1000"), List.of(List.of()),
                        List.of("create sequence public.invoice_number")),
                new Case("a partition of an existing partitioned table: a brief lock on the parent",
                        catalog().table(table("public.events", 50_000, 1_000, notNull("at", "date")))
                                .partitioned("public.events", "RANGE (at)").build(),
                        db -> db.ensurePartition("events_2026", "events", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"),
                        shapes().partition("public.events_2026", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')").build(),
                        List.of("CREATE TABLE \"public\".\"events_2026\" PARTITION OF \"public\".\"events\""
                                + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("create partition public.events_2026", "undeclared table public.events")),
                new Case("a table comment: COMMENT ON, no hazard", catalog().table(USERS).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").comment("People")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of("COMMENT ON TABLE \"public\".\"users\" IS 'People'"), List.of(List.of()),
                        List.of("unchanged table public.users", "unchanged column public.users.id",
                                "unchanged column public.users.email", "alter comment on table public.users")),
                new Case("a rename, then a removal: the later block sees the new name", catalog().table(USERS).build(),
                        db -> {
                            db.ensureTableRenamed("users", "accounts");
                            db.ensureNoColumn("accounts", "email");
                        }, shapes().build(),
                        List.of("ALTER TABLE \"public\".\"users\" RENAME TO \"accounts\"",
                                "ALTER TABLE \"public\".\"accounts\" DROP COLUMN \"email\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter table public.users", "alter column public.accounts.email")),
                new Case("an undeclared table: reported, left alone", catalog().table(USERS).table(SMALL).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text")),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of(), List.of(), List.of("unchanged table public.users", "unchanged column public.users.id",
                                "unchanged column public.users.email", "undeclared table public.tags")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        check(c);
    }

    /** One case: the statements, each step's hazard kinds, and every plan line; shared by the other case tables. */
    static void check(Case c) {
        DeclaredSchema declared = DeclaredSchema.of(List.of(Blocks.block("C1", c.declare())));
        Plan plan = Planner.plan(c.before(), declared, c.shapes(), Map.of());
        assertAll(
                () -> assertEquals(c.sql(), plan.steps().stream().map(s -> SqlRenderer.render(s.step())).toList(), "statements"),
                () -> assertEquals(c.hazards(), plan.steps().stream().map(s -> s.hazards().stream().map(Hazard::kind).toList())
                        .toList(), "hazards of each step"),
                () -> assertEquals(c.items(), Fixtures.items(plan), "plan lines"));
    }
}
