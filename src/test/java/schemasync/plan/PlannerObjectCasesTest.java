package schemasync.plan;

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
import schemasync.catalog.CommentTarget;
import schemasync.catalog.CompositeType;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.Domain;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.dsl.CommentOn;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * The rest of the planner as a table ({@link PlannerCasesTest} explains the form): schemas, domains,
 * composite types, enums, sequences, views, materialized views, routines (functions, procedures,
 * aggregates), triggers, extensions, row-level security and policies, grants and default privileges,
 * comments, partitions, removals of views, triggers and functions, and objects no block declares.
 */
class PlannerObjectCasesTest {
    private static final Table USERS = table("public.users", 50_000, 1_000, notNull("id", "bigint"), column("email", "text"));
    private static final Domain EMAIL = new Domain(q("public.email"), "text", false, null, null, List.of());
    private static final Domain.Check HAS_AT = new Domain.Check("email_has_at", "CHECK ((VALUE ~~ '%@%'::text))", true);
    private static final CompositeType ADDRESS = new CompositeType(q("public.address"), List.of(
            new CompositeType.Attribute("street", "text", null), new CompositeType.Attribute("city", "text", null)));
    private static final Sequence INVOICES = new Sequence(q("public.invoice_number"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null);

    private static Table withTrigger(Table t, String name, String definition) {
        return t.withTrigger(new Table.Trigger(name, definition));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a schema: CREATE SCHEMA; an existing one skipped", catalog().build(),
                        db -> db.ensureSchema("billing").ensureSchema("public"), shapes().build(),
                        List.of("CREATE SCHEMA \"billing\""),
                        List.of(List.of()),
                        List.of("create schema billing", "unchanged schema public")),
                new Case("a domain with a check: CREATE DOMAIN", catalog().build(),
                        db -> db.ensureDomain("email", "text").check("email_has_at", "VALUE LIKE '%@%'"),
                        shapes().domain(new Domain(EMAIL.name(), "text", false, null, null, List.of(HAS_AT))).build(),
                        List.of("CREATE DOMAIN \"public\".\"email\" AS text CONSTRAINT \"email_has_at\" CHECK (VALUE LIKE '%@%')"),
                        List.of(List.of()),
                        List.of("create domain public.email")),
                new Case("a check missing from an existing domain: NOT VALID, then VALIDATE", catalog().domain(EMAIL).build(),
                        db -> db.ensureDomain("email", "text").check("email_has_at", "VALUE LIKE '%@%'"),
                        shapes().domain(new Domain(EMAIL.name(), "text", false, null, null, List.of(HAS_AT))).build(),
                        List.of("ALTER DOMAIN \"public\".\"email\" ADD CONSTRAINT \"email_has_at\" CHECK (VALUE LIKE '%@%') NOT VALID",
                        "ALTER DOMAIN \"public\".\"email\" VALIDATE CONSTRAINT \"email_has_at\""),
                        List.of(List.of(), List.of(HazardKind.FULL_SCAN_UNDER_LOCK)),
                        List.of("create domain check public.email.email_has_at")),
                new Case("a domain whose base type and NOT NULL differ: drift, never altered", catalog().domain(EMAIL).build(),
                        db -> db.ensureDomain("email", "varchar(320)").notNull(),
                        shapes().domain(new Domain(EMAIL.name(), "character varying(320)", true, null, null, List.of())).build(),
                        List.of(),
                        List.of(),
                        List.of("drift domain public.email", "drift domain public.email")),
                new Case("a composite type: CREATE TYPE AS", catalog().build(),
                        db -> db.ensureCompositeType("address").attribute("street", "text").attribute("city", "text"),
                        shapes().composite(ADDRESS).build(),
                        List.of("CREATE TYPE \"public\".\"address\" AS (\"street\" text, \"city\" text)"),
                        List.of(List.of()),
                        List.of("create composite type public.address")),
                new Case("a composite type whose attributes differ: drift", catalog().composite(ADDRESS).build(),
                        db -> db.ensureCompositeType("address").attribute("street", "text"),
                        shapes().composite(new CompositeType(ADDRESS.name(), List.of(new CompositeType.Attribute("street", "text", null)))).build(),
                        List.of(),
                        List.of(),
                        List.of("drift composite type public.address")),
                new Case("an enum whose labels are in another order: drift", catalog().enumType("public.mood", "sad", "happy").build(),
                        db -> db.ensureEnum("mood", "happy", "sad"), shapes().build(),
                        List.of(),
                        List.of(),
                        List.of("drift type public.mood")),
                new Case("a sequence whose options differ: drift, never ALTER SEQUENCE", catalog().sequence(INVOICES).build(),
                        db -> db.ensureSequence("invoice_number").startWith(1000),
                        shapes().sequence(new Sequence(INVOICES.name(), "bigint", 1000, 1, 1, Long.MAX_VALUE, 1, false, null)).build(),
                        List.of(),
                        List.of(),
                        List.of("drift sequence public.invoice_number")),
                new Case("ensureNoView: DROP VIEW", catalog().table(USERS).view("public.user_emails", " SELECT users.email\n   FROM users;").build(),
                        db -> db.ensureNoView("user_emails"), shapes().build(),
                        List.of("DROP VIEW \"public\".\"user_emails\""),
                        List.of(List.of()),
                        List.of("alter view public.user_emails", "undeclared table public.users")),
                new Case("a new view over a table a later block renames, not declared again: created, and warned of",
                        catalog().table(USERS).build(),
                        db -> {
                            db.ensureView("user_emails", "SELECT email FROM users");
                            db.ensureTableRenamed("users", "accounts");
                        },
                        shapes().view("public.user_emails", " SELECT users.email\n   FROM users;").build(),
                        List.of("CREATE VIEW \"public\".\"user_emails\" AS SELECT email FROM users",
                                "ALTER TABLE \"public\".\"users\" RENAME TO \"accounts\""),
                        List.of(List.of(), List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("create view public.user_emails", "drift view public.user_emails", "alter table public.users")),
                new Case("a materialized view WITH NO DATA", catalog().table(USERS).build(),
                        db -> db.ensureMaterializedViewWithNoData("user_count", "SELECT count(*) FROM users"), shapes().build(),
                        List.of("CREATE MATERIALIZED VIEW \"public\".\"user_count\" AS SELECT count(*) FROM users WITH NO DATA"),
                        List.of(List.of()),
                        List.of("create materialized view public.user_count", "undeclared table public.users")),
                new Case("a materialized view whose query differs: drift, it would lose its rows",
                        catalog().table(USERS).materializedView("public.user_count", " SELECT count(*) AS count\n   FROM users;", true).build(),
                        db -> db.ensureMaterializedView("user_count", "SELECT count(id) FROM users"),
                        shapes().materializedView("public.user_count", " SELECT count(users.id) AS count\n   FROM users;").build(),
                        List.of(),
                        List.of(),
                        List.of("drift materialized view public.user_count", "undeclared table public.users")),
                new Case("a materialized view declared WITH DATA, never refreshed: drift",
                        catalog().table(USERS).materializedView("public.user_count", " SELECT count(*) AS count\n   FROM users;", false).build(),
                        db -> db.ensureMaterializedView("user_count", "SELECT count(*) FROM users"),
                        shapes().materializedView("public.user_count", " SELECT count(*) AS count\n   FROM users;").build(),
                        List.of(),
                        List.of(),
                        List.of("drift materialized view public.user_count", "undeclared table public.users")),
                new Case("a function whose body differs: CREATE OR REPLACE", catalog().function("public.answer", "", "old").build(),
                        db -> db.ensureFunction("answer()", "RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$"),
                        shapes().function("public.answer()", "public.answer()", "new").build(),
                        List.of("CREATE OR REPLACE FUNCTION \"public\".\"answer\"() RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$"),
                        List.of(List.of()),
                        List.of("alter function public.answer()")),
                new Case("a function as declared: skipped", catalog().function("public.answer", "", "same").build(),
                        db -> db.ensureFunction("answer()", "RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$"),
                        shapes().function("public.answer()", "public.answer()", "same").build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged function public.answer()")),
                // CREATE FUNCTION resolves its argument types: the table's row type (dsl.BlockCreationOrder pulls the table forward).
                new Case("a function taking the row type of a table written after it in its block: the table first", catalog().build(),
                        db -> db.ensureFunction("is_big(o orders)", "RETURNS boolean LANGUAGE sql AS $$ SELECT (o).total > 100 $$")
                                .ensureTable("orders", t -> t.column("id", "bigint").column("total", "numeric")),
                        shapes().columns("public.orders", column("id", "bigint"), column("total", "numeric"))
                                .function("public.is_big(o orders)", "public.is_big(o orders)", "CREATE OR REPLACE FUNCTION ...").build(),
                        List.of("CREATE TABLE \"public\".\"orders\" (\"id\" bigint, \"total\" numeric)",
                                "CREATE OR REPLACE FUNCTION \"public\".\"is_big\"(o orders) RETURNS boolean LANGUAGE sql AS $$ SELECT (o).total > 100 $$"),
                        List.of(List.of(), List.of()),
                        List.of("create table public.orders", "create function public.is_big(o orders)")),
                new Case("a procedure: CREATE PROCEDURE", catalog().build(),
                        db -> db.ensureProcedure("purge(days integer)", "LANGUAGE sql AS $$ SELECT 1 $$"),
                        shapes().function("public.purge(days integer)", "public.purge(days integer)", "CREATE OR REPLACE PROCEDURE ...").build(),
                        List.of("CREATE OR REPLACE PROCEDURE \"public\".\"purge\"(days integer) LANGUAGE sql AS $$ SELECT 1 $$"),
                        List.of(List.of()),
                        List.of("create procedure public.purge(days integer)")),
                new Case("an aggregate: CREATE AGGREGATE", catalog().build(),
                        db -> db.ensureAggregate("total(integer)", "SFUNC = int4pl, STYPE = integer"),
                        shapes().aggregate("public.total(integer)", "public.total(integer)", "SFUNC = int4pl, STYPE = integer").build(),
                        List.of("CREATE AGGREGATE \"public\".\"total\"(integer) (SFUNC = int4pl, STYPE = integer)"),
                        List.of(List.of()),
                        List.of("create aggregate public.total(integer)")),
                new Case("an aggregate whose options differ: drift, never replaced",
                        catalog().aggregate("public.total", "integer", "SFUNC = int4pl, STYPE = integer").build(),
                        db -> db.ensureAggregate("total(integer)", "SFUNC = int4pl, STYPE = integer, INITCOND = '0'"),
                        shapes().aggregate("public.total(integer)", "public.total(integer)", "SFUNC = int4pl, STYPE = integer, INITCOND = '0'").build(),
                        List.of(),
                        List.of(),
                        List.of("drift aggregate public.total(integer)")),
                new Case("ensureNoFunction: DROP ROUTINE; the dropped function is not reported as undeclared", catalog().function("public.answer", "", "old").build(),
                        db -> db.ensureNoFunction("answer()"), shapes().build(),
                        List.of("DROP ROUTINE \"public\".\"answer\"()"),
                        List.of(List.of()),
                        List.of("alter function public.answer()")),
                new Case("a trigger whose definition differs",
                        catalog().table(withTrigger(USERS, "users_touch", "CREATE TRIGGER users_touch BEFORE UPDATE ON <table> FOR EACH ROW EXECUTE FUNCTION touch()"))
                                .function("public.touch", "", "f").build(),
                        db -> db.ensureTrigger("users_touch").on("users").before("INSERT OR UPDATE").forEachRow().executes("touch()"),
                        shapes().trigger("public.users", "users_touch", "CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON <table> FOR EACH ROW EXECUTE FUNCTION touch()").build(),
                        List.of(),
                        List.of(),
                        List.of("drift trigger public.users.users_touch", "undeclared function public.touch()")),
                new Case("ensureNoTrigger: DROP TRIGGER",
                        catalog().table(withTrigger(USERS, "users_touch", "CREATE TRIGGER users_touch BEFORE UPDATE ON <table> FOR EACH ROW EXECUTE FUNCTION touch()")).build(),
                        db -> db.ensureNoTrigger("users", "users_touch"), shapes().build(),
                        List.of("DROP TRIGGER \"users_touch\" ON \"public\".\"users\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter trigger public.users.users_touch", "undeclared table public.users")),
                new Case("an extension at another version", catalog().extension("pg_trgm", "public", "1.5").build(),
                        db -> db.ensureExtension("pg_trgm", "public", "1.6"), shapes().build(),
                        List.of(),
                        List.of(),
                        List.of("drift extension pg_trgm")),
                new Case("a policy whose expression differs",
                        catalog().table(USERS.withRowSecurity(Table.RowSecurity.ENABLED)
                                .withPolicy(new Table.Policy("users_self", true, "SELECT", List.of("app"), "(id = 1)", null))).build(),
                        db -> {
                            db.ensureRowLevelSecurity("users");
                            db.ensurePolicy("users_self").on("users").forCommand("SELECT").to("app").using("id = 2");
                        }, shapes().policy("public.users", new Table.Policy("users_self", true, "SELECT", List.of("app"), "(id = 2)", null)).build(),
                        List.of("ALTER POLICY \"users_self\" ON \"public\".\"users\" TO \"app\" USING (id = 2)"),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged table public.users row level security", "alter policy public.users.users_self")),
                new Case("row-level security forced on a table where it is only enabled",
                        catalog().table(USERS.withRowSecurity(Table.RowSecurity.ENABLED)).build(),
                        db -> db.ensureRowLevelSecurity("users", true), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"users\" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY"),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter table public.users row level security", "undeclared table public.users")),
                new Case("a table grant: GRANT the missing privilege; one held beyond the declared ones reported",
                        catalog().table(USERS.withGrants(java.util.Set.of(new Grant("reader", "SELECT"), new Grant("reader", "DELETE")))).build(),
                        db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"))
                                .ensureGrant("users", "reader", "SELECT", "INSERT"),
                        shapes().columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of("GRANT INSERT ON TABLE \"public\".\"users\" TO \"reader\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("unchanged table public.users", "unchanged column public.users.id", "unchanged column public.users.email", "alter grant public.users to reader", "undeclared grant public.users to reader")),
                new Case("ensureNoGrant: REVOKE what is held", catalog().table(USERS.withGrants(java.util.Set.of(new Grant("reader", "DELETE")))).build(),
                        db -> db.ensureNoGrant("users", "reader", "DELETE", "TRUNCATE"), shapes().build(),
                        List.of("REVOKE DELETE ON TABLE \"public\".\"users\" FROM \"reader\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("alter grant public.users from reader", "undeclared table public.users")),
                new Case("grants on a column, a sequence, a schema and a function",
                        catalog().table(USERS).sequence(INVOICES).function("public.answer", "", "f").build(),
                        db -> db.ensureColumnGrant("users", "email", "reader", "SELECT")
                                .ensureSequenceGrant("invoice_number", "writer", "USAGE")
                                .ensureSchemaGrant("public", "reader", "USAGE")
                                .ensureFunctionGrant("answer()", "reader", "EXECUTE"),
                        shapes().routine("public.answer()", "public.answer()").build(),
                        List.of("GRANT SELECT (\"email\") ON TABLE \"public\".\"users\" TO \"reader\"",
                        "GRANT USAGE ON SEQUENCE \"public\".\"invoice_number\" TO \"writer\"",
                        "GRANT USAGE ON SCHEMA \"public\" TO \"reader\"",
                        "GRANT EXECUTE ON ROUTINE \"public\".\"answer\"() TO \"reader\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION), List.of(HazardKind.CHANGES_AUTHORIZATION), List.of(HazardKind.CHANGES_AUTHORIZATION), List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("alter column grant public.users.email to reader", "alter sequence grant public.invoice_number to writer", "alter schema grant public to reader", "alter function grant public.answer() to reader", "undeclared table public.users", "undeclared function public.answer()", "undeclared sequence public.invoice_number")),
                new Case("a routine this run creates holds PostgreSQL's default EXECUTE for PUBLIC: its revocation is planned at once",
                        catalog().build(),
                        db -> db.ensureFunction("answer()", "RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$")
                                .ensureNoFunctionGrant("answer()", "public", "EXECUTE"),
                        shapes().function("public.answer()", "public.answer()", "f").routine("public.answer()", "public.answer()").build(),
                        List.of("CREATE OR REPLACE FUNCTION \"public\".\"answer\"() RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$",
                        "REVOKE EXECUTE ON ROUTINE \"public\".\"answer\"() FROM PUBLIC"),
                        List.of(List.of(), List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("create function public.answer()", "alter function grant public.answer() from public")),
                new Case("default privileges: granted for new tables in a schema, revoked for new functions",
                        catalog().build(),
                        db -> {
                            db.ensureDefaultPrivileges("tables", "reader", "SELECT").inSchema("public");
                            db.ensureNoDefaultPrivileges("functions", "public", "EXECUTE");
                        }, shapes().build(),
                        List.of("ALTER DEFAULT PRIVILEGES IN SCHEMA \"public\" GRANT SELECT ON TABLES TO \"reader\"",
                        "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC"),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION), List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("alter default privileges for role app in schema public on TABLES to reader", "alter default privileges for role app on FUNCTIONS from public")),
                new Case("default privileges already held: skipped",
                        catalog().defaultPrivileges(new DefaultTarget("app", "public", "TABLES"), new Grant("reader", "SELECT")).build(),
                        db -> db.ensureDefaultPrivileges("tables", "reader", "SELECT").inSchema("public"), shapes().build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged default privileges for role app in schema public on TABLES to reader")),
                new Case("comments on a view, an index, a function and a column",
                        catalog().table(USERS).view("public.user_emails", "v").index("public.users_email_idx", "public.users", false, "USING btree (email)")
                                .function("public.answer", "", "f").comment(new CommentTarget(CommentTarget.Kind.VIEW, q("public.user_emails"), null), "old")
                                .build(),
                        db -> db.ensureComment(CommentOn.VIEW, "user_emails", "Emails")
                                .ensureComment(CommentOn.INDEX, "users_email_idx", "Lookups")
                                .ensureComment(CommentOn.FUNCTION, "answer()", "The answer")
                                .ensureTable("users", t -> t.column("id", "bigint").column("email", "text").columnComment("Login")),
                        shapes().routine("public.answer()", "public.answer()")
                                .columns("public.users", notNull("id", "bigint"), column("email", "text")).build(),
                        List.of("COMMENT ON VIEW \"public\".\"user_emails\" IS 'Emails'",
                        "COMMENT ON INDEX \"public\".\"users_email_idx\" IS 'Lookups'",
                        "COMMENT ON FUNCTION \"public\".\"answer\"() IS 'The answer'",
                        "COMMENT ON COLUMN \"public\".\"users\".\"email\" IS 'Login'"),
                        List.of(List.of(), List.of(), List.of(), List.of()),
                        List.of("alter comment on view public.user_emails", "alter comment on index public.users_email_idx", "alter comment on function public.answer()", "unchanged table public.users", "unchanged column public.users.id", "alter comment on column public.users.email", "undeclared function public.answer()", "undeclared view public.user_emails", "undeclared index public.users_email_idx")),
                new Case("a partitioned table and its partitions in one run: CREATE TABLE ... PARTITION BY, then PARTITION OF",
                        catalog().build(),
                        db -> {
                            db.ensureTable("events", t -> t.column("at", "date").partitionBy("RANGE (at)"));
                            db.ensurePartition("events_2026", "events", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
                            db.ensurePartition("events_rest", "events", "DEFAULT");
                        },
                        shapes().columns("public.events", column("at", "date")).partitionKey("public.events", "RANGE (at)")
                                .partition("public.events_2026", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')")
                                .partition("public.events_rest", "DEFAULT").build(),
                        List.of("CREATE TABLE \"public\".\"events\" (\"at\" date) PARTITION BY RANGE (at)",
                        "CREATE TABLE \"public\".\"events_2026\" PARTITION OF \"public\".\"events\" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                        "CREATE TABLE \"public\".\"events_rest\" PARTITION OF \"public\".\"events\" DEFAULT"),
                        List.of(List.of(), List.of(), List.of()),
                        List.of("create table public.events", "create partition public.events_2026", "create partition public.events_rest")),
                new Case("a partition whose bound differs: drift",
                        catalog().table(table("public.events", 50_000, 1_000, notNull("at", "date")))
                                .table(table("public.events_2026", 50_000, 1_000, notNull("at", "date")))
                                .partitioned("public.events", "RANGE (at)")
                                .partitionOf("public.events_2026", "public.events", "FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')").build(),
                        db -> db.ensurePartition("events_2026", "events", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"),
                        shapes().partition("public.events_2026", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')").build(),
                        List.of(),
                        List.of(),
                        List.of("drift partition public.events_2026", "undeclared table public.events")),
                new Case("objects no block declares: each reported, none dropped",
                        catalog().table(USERS).enumType("public.mood", "sad").view("public.v", "v").function("public.f", "", "f")
                                .domain(EMAIL).composite(ADDRESS).sequence(INVOICES).extension("pg_trgm", "public", "1.6")
                                .materializedView("public.mv", "m", true).aggregate("public.total", "integer", "a").build(),
                        db -> db.ensureSchema("public"), shapes().build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged schema public", "undeclared table public.users", "undeclared function public.f()", "undeclared aggregate public.total(integer)", "undeclared materialized view public.mv", "undeclared view public.v", "undeclared type public.mood", "undeclared domain public.email", "undeclared composite type public.address", "undeclared sequence public.invoice_number")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
