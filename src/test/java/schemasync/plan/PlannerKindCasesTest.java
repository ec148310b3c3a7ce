package schemasync.plan;

import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Collation;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.Enabled;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignColumn;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.ExternalObjects.UserMapping;
import schemasync.catalog.RangeType;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * The kinds added last: collations and range types (compared on their normalized shapes), and the database-wide
 * or external objects (foreign servers, user mappings, foreign tables, publications, event triggers, compared on
 * the declaration itself: PostgreSQL stores their options as written). For each: created when missing, skipped
 * when as declared, and what a difference does (altered in place, re-created, or reported as drift). Removals of
 * collations and range types are in {@link PlannerRemovalCasesTest}; the external kinds have no ensureNo... verb.
 */
class PlannerKindCasesTest {
    private static final Collation CI = new Collation(q("public.ci"), "icu", null, null, "und-u-ks-level2", null, false);
    private static final RangeType FLOATRANGE = new RangeType(q("public.floatrange"), "double precision", "pg_catalog.float8_ops",
            true, null, null, "float8mi", q("public.floatmultirange"));
    private static final ForeignServer FILMS = new ForeignServer("films", "postgres_fdw", null, null, List.of("dbname=films", "host=db2"));
    private static final UserMapping APP_AT_FILMS = new UserMapping("films", "app", List.of("user=reader"), false);
    private static final ForeignTable REMOTE_FILMS = new ForeignTable(q("public.remote_films"), "films",
            List.of(new ForeignColumn("code", "text", false, null, List.of()), new ForeignColumn("title", "text", false, null, List.of())),
            List.of("table_name=films"));
    private static final Table ORDERS = Fixtures.table("public.orders", 10, 1, Fixtures.notNull("id", "bigint"));
    private static final Table LINES = Fixtures.table("public.lines", 10, 1, Fixtures.notNull("id", "bigint"));
    private static final Publication SALES = new Publication("sales", false, List.of(new PublishedTable(q("public.orders"), List.of(), null)),
            List.of(), Publication.ALL_OPERATIONS, false);
    private static final EventTrigger AUDIT_DDL = new EventTrigger("audit_ddl", "ddl_command_end", List.of(), q("public.log_ddl"),
            Enabled.ORIGIN);

    private static ExternalObjects externals(ForeignServer server, UserMapping mapping, ForeignTable table, Publication publication,
                                             EventTrigger trigger) {
        return new ExternalObjects(server == null ? Map.of() : Map.of(server.name(), server),
                mapping == null ? Map.of() : Map.of(mapping.key(), mapping), table == null ? Map.of() : Map.of(table.name(), table),
                publication == null ? Map.of() : Map.of(publication.name(), publication),
                trigger == null ? Map.of() : Map.of(trigger.name(), trigger));
    }

    static Stream<Case> cases() {
        return Stream.concat(typeCases(), externalCases());
    }

    static Stream<Case> typeCases() {
        return Stream.of(
                new Case("a collation: CREATE COLLATION", catalog().build(),
                        db -> db.ensureCollation("ci", c -> c.icu("und-u-ks-level2").nondeterministic()), shapes().collation(CI).build(),
                        List.of("CREATE COLLATION \"public\".\"ci\" (provider = icu, locale = 'und-u-ks-level2', deterministic = false)"),
                        List.of(List.of()), List.of("create collation public.ci")),
                new Case("a collation as declared: skipped", catalog().collation(CI).build(),
                        db -> db.ensureCollation("ci", c -> c.icu("und-u-ks-level2").nondeterministic()), shapes().collation(CI).build(),
                        List.of(), List.of(), List.of("unchanged collation public.ci")),
                new Case("a collation whose determinism differs: drift, a collation cannot be altered",
                        catalog().collation(new Collation(CI.name(), "icu", null, null, "und-u-ks-level2", null, true)).build(),
                        db -> db.ensureCollation("ci", c -> c.icu("und-u-ks-level2").nondeterministic()), shapes().collation(CI).build(),
                        List.of(), List.of(), List.of("drift collation public.ci")),
                new Case("a range type: CREATE TYPE AS RANGE as declared", catalog().build(),
                        db -> db.ensureRangeType("floatrange", "float8", r -> r.subtypeDiff("float8mi")),
                        shapes().rangeType(FLOATRANGE).build(),
                        List.of("CREATE TYPE \"public\".\"floatrange\" AS RANGE (subtype = float8, subtype_diff = float8mi)"),
                        List.of(List.of()), List.of("create range type public.floatrange")),
                new Case("a range type as declared: skipped", catalog().rangeType(FLOATRANGE).build(),
                        db -> db.ensureRangeType("floatrange", "float8", r -> r.subtypeDiff("float8mi")),
                        shapes().rangeType(FLOATRANGE).build(),
                        List.of(), List.of(), List.of("unchanged range type public.floatrange")),
                new Case("a range type without the declared subtype_diff: drift, its options cannot be altered",
                        catalog().rangeType(new RangeType(FLOATRANGE.name(), "double precision", "pg_catalog.float8_ops", true, null, null,
                                null, q("public.floatmultirange"))).build(),
                        db -> db.ensureRangeType("floatrange", "float8", r -> r.subtypeDiff("float8mi")),
                        shapes().rangeType(FLOATRANGE).build(),
                        List.of(), List.of(), List.of("drift range type public.floatrange")));
    }

    static Stream<Case> externalCases() {
        return Stream.of(
                new Case("a foreign server, a user mapping and a foreign table on it, in one run", catalog().build(),
                        db -> db.ensureForeignServer("films", "postgres_fdw", s -> s.option("host", "db2").option("dbname", "films"))
                                .ensureUserMapping("films", "app", m -> m.option("user", "reader"))
                                .ensureForeignTable("remote_films", "films", t -> t.column("code", "text").column("title", "text")
                                        .option("table_name", "films")),
                        shapes().build(),
                        List.of("CREATE SERVER \"films\" FOREIGN DATA WRAPPER \"postgres_fdw\" OPTIONS (\"dbname\" 'films', \"host\" 'db2')",
                                "CREATE USER MAPPING FOR \"app\" SERVER \"films\" OPTIONS (\"user\" 'reader')",
                                "CREATE FOREIGN TABLE \"public\".\"remote_films\" (\"code\" text, \"title\" text) SERVER \"films\""
                                        + " OPTIONS (\"table_name\" 'films')"),
                        List.of(List.of(), List.of(), List.of()),
                        List.of("create server films", "create user mapping app@films", "create foreign table public.remote_films")),
                new Case("a server, mapping and foreign table as declared: skipped",
                        catalog().externals(externals(FILMS, APP_AT_FILMS, REMOTE_FILMS, null, null)).build(),
                        db -> db.ensureForeignServer("films", "postgres_fdw", s -> s.option("host", "db2").option("dbname", "films"))
                                .ensureUserMapping("films", "app", m -> m.option("user", "reader"))
                                .ensureForeignTable("remote_films", "films", t -> t.column("code", "text").column("title", "text")
                                        .option("table_name", "films")),
                        shapes().build(), List.of(), List.of(),
                        List.of("unchanged server films", "unchanged user mapping app@films", "unchanged foreign table public.remote_films")),
                new Case("options that differ: ALTER ... OPTIONS (ADD, SET, DROP) of the server, the mapping and the foreign table",
                        catalog().externals(externals(FILMS, APP_AT_FILMS, REMOTE_FILMS, null, null)).build(),
                        db -> db.ensureForeignServer("films", "postgres_fdw", s -> s.option("host", "db3").option("port", "5433"))
                                .ensureUserMapping("films", "app", m -> m.option("user", "writer"))
                                .ensureForeignTable("remote_films", "films", t -> t.column("code", "text").column("title", "text")
                                        .option("schema_name", "archive").option("table_name", "films")),
                        shapes().build(),
                        List.of("ALTER SERVER \"films\" OPTIONS (ADD \"port\" '5433', SET \"host\" 'db3', DROP \"dbname\")",
                                "ALTER USER MAPPING FOR \"app\" SERVER \"films\" OPTIONS (SET \"user\" 'writer')",
                                "ALTER FOREIGN TABLE \"public\".\"remote_films\" OPTIONS (ADD \"schema_name\" 'archive')"),
                        List.of(List.of(), List.of(), List.of()),
                        List.of("alter server films", "alter user mapping app@films", "alter foreign table public.remote_films")),
                new Case("a server whose wrapper differs, a mapping whose password differs: drift, never DROP SERVER",
                        catalog().externals(externals(new ForeignServer("films", "file_fdw", null, null, FILMS.options()),
                                new UserMapping("films", "app", List.of("user=reader"), true), null, null, null)).build(),
                        db -> db.ensureForeignServer("films", "postgres_fdw", s -> s.option("host", "db2").option("dbname", "films"))
                                .ensureUserMapping("films", "app", m -> m.option("user", "reader")),
                        shapes().build(), List.of(), List.of(),
                        List.of("drift server films", "drift user mapping app@films")),
                new Case("a foreign table whose columns differ: dropped and created again (it holds no rows)",
                        catalog().externals(externals(FILMS, null, REMOTE_FILMS, null, null)).build(),
                        db -> db.ensureForeignTable("remote_films", "films", t -> t.column("code", "text").column("title", "text")
                                .column("year", "integer").option("table_name", "films")),
                        shapes().build(),
                        List.of("DROP FOREIGN TABLE \"public\".\"remote_films\"",
                                "CREATE FOREIGN TABLE \"public\".\"remote_films\" (\"code\" text, \"title\" text, \"year\" integer)"
                                        + " SERVER \"films\" OPTIONS (\"table_name\" 'films')"),
                        List.of(List.of(), List.of()),
                        // The server no block declares is reported and left alone, like every undeclared object.
                        List.of("alter foreign table public.remote_films", "undeclared server films")),
                new Case("a publication: CREATE PUBLICATION FOR TABLE", catalog().table(ORDERS).build(),
                        db -> db.ensurePublication("sales", p -> p.table("orders")), shapes().build(),
                        List.of("CREATE PUBLICATION \"sales\" FOR TABLE \"public\".\"orders\""), List.of(List.of()),
                        List.of("create publication sales", "undeclared table public.orders")),
                new Case("a publication as declared: skipped",
                        catalog().table(ORDERS).externals(externals(null, null, null, SALES, null)).build(),
                        db -> db.ensurePublication("sales", p -> p.table("orders")), shapes().build(),
                        List.of(), List.of(), List.of("unchanged publication sales", "undeclared table public.orders")),
                new Case("a publication with a table more and fewer operations: ADD TABLE, SET (publish)",
                        catalog().table(ORDERS).table(LINES).externals(externals(null, null, null, SALES, null)).build(),
                        db -> db.ensurePublication("sales", p -> p.table("orders").table("lines").publish("insert", "update")),
                        shapes().build(),
                        List.of("ALTER PUBLICATION \"sales\" ADD TABLE \"public\".\"lines\"",
                                "ALTER PUBLICATION \"sales\" SET (publish = 'insert, update', publish_via_partition_root = false)"),
                        List.of(List.of(), List.of()),
                        List.of("alter publication sales", "undeclared table public.orders", "undeclared table public.lines")),
                new Case("a published table whose row filter and columns changed: dropped from the publication and added again",
                        catalog().table(ORDERS).externals(externals(null, null, null, SALES, null)).build(),
                        db -> db.ensurePublication("sales", p -> p.table("orders", t -> t.columns("id").where("id > 0"))), shapes().build(),
                        List.of("ALTER PUBLICATION \"sales\" DROP TABLE \"public\".\"orders\"",
                                "ALTER PUBLICATION \"sales\" ADD TABLE \"public\".\"orders\" (\"id\") WHERE (id > 0)"),
                        List.of(List.of(), List.of()),
                        List.of("alter publication sales", "undeclared table public.orders")),
                new Case("a publication declared FOR ALL TABLES where a list is published: dropped and created again",
                        catalog().table(ORDERS).externals(externals(null, null, null, SALES, null)).build(),
                        db -> db.ensurePublication("sales", p -> p.allTables()), shapes().build(),
                        List.of("DROP PUBLICATION \"sales\"", "CREATE PUBLICATION \"sales\" FOR ALL TABLES"),
                        List.of(List.of(), List.of()),
                        List.of("alter publication sales", "undeclared table public.orders")),
                new Case("an event trigger: CREATE EVENT TRIGGER", catalog().function("public.log_ddl", "", "f").build(),
                        db -> db.ensureEventTrigger("audit_ddl", "ddl_command_end", "log_ddl", e -> e.tags("CREATE TABLE")),
                        shapes().build(),
                        List.of("CREATE EVENT TRIGGER \"audit_ddl\" ON \"ddl_command_end\" WHEN TAG IN ('CREATE TABLE')"
                                + " EXECUTE FUNCTION \"public\".\"log_ddl\"()"),
                        List.of(List.of()),
                        List.of("create event trigger audit_ddl", "undeclared function public.log_ddl()")),
                new Case("an event trigger as declared: skipped",
                        catalog().function("public.log_ddl", "", "f").externals(externals(null, null, null, null, AUDIT_DDL)).build(),
                        db -> db.ensureEventTrigger("audit_ddl", "ddl_command_end", "log_ddl"), shapes().build(),
                        List.of(), List.of(), List.of("unchanged event trigger audit_ddl", "undeclared function public.log_ddl()")),
                new Case("an event trigger declared disabled: ALTER EVENT TRIGGER DISABLE",
                        catalog().function("public.log_ddl", "", "f").externals(externals(null, null, null, null, AUDIT_DDL)).build(),
                        db -> db.ensureEventTrigger("audit_ddl", "ddl_command_end", "log_ddl", e -> e.disabled()), shapes().build(),
                        List.of("ALTER EVENT TRIGGER \"audit_ddl\" DISABLE"), List.of(List.of()),
                        List.of("alter event trigger audit_ddl", "undeclared function public.log_ddl()")),
                new Case("an event trigger on another event: dropped and created again",
                        catalog().function("public.log_ddl", "", "f").externals(externals(null, null, null, null, AUDIT_DDL)).build(),
                        db -> db.ensureEventTrigger("audit_ddl", "sql_drop", "log_ddl"), shapes().build(),
                        List.of("DROP EVENT TRIGGER \"audit_ddl\"",
                                "CREATE EVENT TRIGGER \"audit_ddl\" ON \"sql_drop\" EXECUTE FUNCTION \"public\".\"log_ddl\"()"),
                        List.of(List.of(), List.of()),
                        List.of("alter event trigger audit_ddl", "undeclared function public.log_ddl()")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
