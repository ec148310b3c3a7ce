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
import schemasync.catalog.CompositeType;
import schemasync.catalog.Domain;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.dsl.PolicyCommand;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Objects exactly as declared: skipped, nothing to run (the ✓ line of each kind the other tables only create or
 * change; enums, extensions and policies too, though they are no ObjectKind), and a procedure whose body differs
 * (replaced like a function).
 */
class PlannerUnchangedCasesTest {
    private static final Table USERS = table("public.users", 50_000, 1_000, notNull("id", "bigint"), column("email", "text"));
    private static final String USER_EMAILS = " SELECT users.email\n   FROM users;";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a view as declared: skipped", catalog().table(USERS).view("public.user_emails", USER_EMAILS).build(),
                        db -> db.ensureView("user_emails", "SELECT email FROM users"), shapes().view("public.user_emails", USER_EMAILS).build(),
                        List.of(), List.of(), List.of("unchanged view public.user_emails", "undeclared table public.users")),
                new Case("a materialized view as declared, populated: skipped",
                        catalog().table(USERS).materializedView("public.user_count", " SELECT count(*) AS count\n   FROM users;", true).build(),
                        db -> db.ensureMaterializedView("user_count", "SELECT count(*) FROM users"),
                        shapes().materializedView("public.user_count", " SELECT count(*) AS count\n   FROM users;").build(),
                        List.of(), List.of(), List.of("unchanged materialized view public.user_count", "undeclared table public.users")),
                new Case("a sequence as declared: skipped",
                        catalog().sequence(new Sequence(q("public.invoice_number"), "integer", 1000, 1, 1, Integer.MAX_VALUE, 1, false, null)).build(),
                        db -> db.ensureSequence("invoice_number").as("integer").startWith(1000),
                        shapes().sequence(new Sequence(q("public.invoice_number"), "integer", 1000, 1, 1, Integer.MAX_VALUE, 1, false, null)).build(),
                        List.of(), List.of(), List.of("unchanged sequence public.invoice_number")),
                new Case("a domain with its check as declared: skipped",
                        catalog().domain(new Domain(q("public.email"), "text", false, null, null,
                                List.of(new Domain.Check("email_has_at", "CHECK ((VALUE ~~ '%@%'::text))", true)))).build(),
                        db -> db.ensureDomain("email", "text").check("email_has_at", "VALUE LIKE '%@%'"),
                        shapes().domain(new Domain(q("public.email"), "text", false, null, null,
                                List.of(new Domain.Check("email_has_at", "CHECK ((VALUE ~~ '%@%'::text))", true)))).build(),
                        List.of(), List.of(), List.of("unchanged domain public.email")),
                new Case("a composite type as declared: skipped",
                        catalog().composite(new CompositeType(q("public.address"), List.of(new CompositeType.Attribute("street", "text", null))))
                                .build(),
                        db -> db.ensureCompositeType("address").attribute("street", "text"),
                        shapes().composite(new CompositeType(q("public.address"), List.of(new CompositeType.Attribute("street", "text", null))))
                                .build(),
                        List.of(), List.of(), List.of("unchanged composite type public.address")),
                new Case("a procedure as declared: skipped", catalog().function("public.purge", "days integer", "same").build(),
                        db -> db.ensureProcedure("purge(days integer)", "LANGUAGE sql AS $$ SELECT 1 $$"),
                        shapes().function("public.purge(days integer)", "public.purge(days integer)", "same").build(),
                        List.of(), List.of(), List.of("unchanged procedure public.purge(days integer)")),
                new Case("a procedure whose body differs: CREATE OR REPLACE PROCEDURE", catalog().function("public.purge", "days integer", "old").build(),
                        db -> db.ensureProcedure("purge(days integer)", "LANGUAGE sql AS $$ SELECT 2 $$"),
                        shapes().function("public.purge(days integer)", "public.purge(days integer)", "new").build(),
                        List.of("CREATE OR REPLACE PROCEDURE \"public\".\"purge\"(days integer) LANGUAGE sql AS $$ SELECT 2 $$"),
                        List.of(List.of()), List.of("alter procedure public.purge(days integer)")),
                new Case("an aggregate as declared: skipped",
                        catalog().aggregate("public.total", "integer", "SFUNC = int4pl, STYPE = integer").build(),
                        db -> db.ensureAggregate("total(integer)", "SFUNC = int4pl, STYPE = integer"),
                        shapes().aggregate("public.total(integer)", "public.total(integer)", "SFUNC = int4pl, STYPE = integer").build(),
                        List.of(), List.of(), List.of("unchanged aggregate public.total(integer)")),
                new Case("an enum with its labels in order: skipped", catalog().enumType("public.mood", "sad", "happy").build(),
                        db -> db.ensureEnum("mood", "sad", "happy"), shapes().build(),
                        List.of(), List.of(), List.of("unchanged type public.mood")),
                new Case("an extension in its schema at its version: skipped", catalog().extension("pg_trgm", "public", "1.6").build(),
                        db -> db.ensureExtension("pg_trgm", x -> x.inSchema("public").version("1.6")), shapes().build(),
                        List.of(), List.of(), List.of("unchanged extension pg_trgm")),
                new Case("row-level security and a policy as declared: skipped",
                        catalog().table(USERS.withRowSecurity(Table.RowSecurity.ENABLED)
                                .withPolicy(new Table.Policy("users_self", true, "SELECT", List.of("app"), "(id = 1)", null))).build(),
                        db -> {
                            db.ensureRowLevelSecurity("users");
                            db.ensurePolicy("users_self").on("users").forCommand(PolicyCommand.SELECT).to("app").using("id = 1");
                        }, shapes().policy("public.users", new Table.Policy("users_self", true, "SELECT", List.of("app"), "(id = 1)", null)).build(),
                        List.of(), List.of(),
                        List.of("unchanged table public.users row level security", "unchanged policy public.users.users_self")),
                new Case("a partition as declared: skipped",
                        catalog().table(table("public.events", 50_000, 1_000, notNull("at", "date")))
                                .table(table("public.events_2026", 50_000, 1_000, notNull("at", "date")))
                                .partitioned("public.events", "RANGE (at)")
                                .partitionOf("public.events_2026", "public.events", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')").build(),
                        db -> db.ensurePartition("events_2026", "events", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"),
                        shapes().partition("public.events_2026", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')").build(),
                        List.of(), List.of(), List.of("unchanged partition public.events_2026", "undeclared table public.events")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
