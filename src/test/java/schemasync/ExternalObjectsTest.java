package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.plan.Plan;

/** Foreign servers, user mappings, foreign tables, publications and event triggers: apply, re-plan empty, drift, bad input. */
class ExternalObjectsTest {

    private static ChangeBlock server() {
        return block("C1_Server", db -> db.ensureExtension("postgres_fdw")
                .ensureForeignServer("films_server", "postgres_fdw", s -> s.option("host", "localhost").option("dbname", "films"))
                .ensureUserMapping("films_server", "public", m -> m.option("user", "reader")));
    }

    private static ChangeBlock films(String tableName, String titleType) {
        return block("C2_Films", db -> db.ensureForeignTable("films", "films_server", t -> t
                .column("code", "character(5)", c -> c.notNull())
                .column("title", titleType, c -> c.option("column_name", "name"))
                .option("schema_name", "public").option("table_name", tableName)));
    }

    @Test
    void aForeignTableWithItsServerAndMappingConvergesAndFollowsItsDeclaration() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(server(), films("films", "character varying(40)"));
            assertEquals(List.of("CREATE EXTENSION \"postgres_fdw\"",
                    "CREATE SERVER \"films_server\" FOREIGN DATA WRAPPER \"postgres_fdw\" OPTIONS (\"dbname\" 'films', \"host\" 'localhost')",
                    "CREATE USER MAPPING FOR PUBLIC SERVER \"films_server\" OPTIONS (\"user\" 'reader')",
                    "CREATE FOREIGN TABLE \"public\".\"films\" (\"code\" character(5) NOT NULL, \"title\" character varying(40)"
                            + " OPTIONS (\"column_name\" 'name')) SERVER \"films_server\" OPTIONS (\"schema_name\" 'public', \"table_name\" 'films')"),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("{column_name=name}", s.queryString("SELECT attfdwoptions::text FROM pg_attribute"
                    + " WHERE attrelid = 'films'::regclass AND attname = 'title'"));

            // A table option changes in place; a column change re-creates the table (it holds no rows).
            List<ChangeBlock> renamed = List.of(server(), films("movies", "character varying(40)"));
            assertEquals(List.of("ALTER FOREIGN TABLE \"public\".\"films\" OPTIONS (SET \"table_name\" 'movies')"),
                    Scenario.sql(s.plan(renamed)));
            s.applyAndConverge(renamed);
            List<ChangeBlock> wider = List.of(server(), films("movies", "text"));
            assertEquals(List.of("DROP FOREIGN TABLE \"public\".\"films\"", "CREATE FOREIGN TABLE \"public\".\"films\" (\"code\""
                    + " character(5) NOT NULL, \"title\" text OPTIONS (\"column_name\" 'name')) SERVER \"films_server\""
                    + " OPTIONS (\"schema_name\" 'public', \"table_name\" 'movies')"), Scenario.sql(s.plan(wider)));
            s.applyAndConverge(wider);

            // Drift made by hand: the server's options are set back; its wrapper cannot change and is reported.
            s.execute("ALTER SERVER films_server OPTIONS (SET host 'elsewhere', ADD port '5433')");
            assertEquals(List.of("ALTER SERVER \"films_server\" OPTIONS (SET \"host\" 'localhost', DROP \"port\")"),
                    Scenario.sql(s.plan(wider)));
            s.applyAndConverge(wider);
            s.execute("CREATE FOREIGN DATA WRAPPER dummy");
            Plan other = s.plan(List.of(block("C1_Server", db -> db.ensureExtension("postgres_fdw")
                    .ensureForeignServer("films_server", "dummy", o -> o.option("host", "localhost").option("dbname", "films")))));
            assertTrue(other.isEmpty());
            assertTrue(Scenario.drift(other).get(0).message().startsWith("wrapper: declared dummy, database has postgres_fdw"),
                    Scenario.drift(other).get(0).message());
        }
    }

    @Test
    void aMissingServerAndAPasswordInABlockAreBadInput() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(films("films", "text"))));
            assertTrue(e.getMessage().contains("foreign table public.films uses server films_server, which does not exist in the"
                    + " database and no earlier block declares it"), e.getMessage());
            var p = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(block("C1", db -> db.ensureExtension("postgres_fdw")
                    .ensureForeignServer("x", "postgres_fdw").ensureUserMapping("x", "public", m -> m.option("password", "secret"))))));
            assertTrue(p.getMessage().contains("a user mapping's password is never written in a block: passwordFromEnv"), p.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_foreign_server"));
        }
    }

    @Test
    void aPasswordComesFromTheEnvironmentAtApplyTimeAndIsNeverPrinted() throws Exception {
        String variable = "PATH"; // set in every test JVM; its value stands in for a password
        String value = System.getenv(variable);
        List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureExtension("postgres_fdw")
                .ensureForeignServer("films_server", "postgres_fdw", o -> o.option("host", "localhost"))
                .ensureUserMapping("films_server", "public", m -> m.option("user", "reader").passwordFromEnv(variable))));
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertEquals("CREATE USER MAPPING FOR PUBLIC SERVER \"films_server\" OPTIONS (\"user\" 'reader', \"password\" '$PATH')",
                    sql.get(2));
            assertFalse(String.join("\n", sql).contains(value));
            s.applyAndConverge(blocks);
            assertEquals("t", s.queryString("SELECT umoptions @> ARRAY['password=" + value.replace("'", "''") + "']"
                    + " FROM pg_user_mapping"), "the mapping holds the variable's value");
        }
        List<ChangeBlock> unset = List.of(block("C1", db -> db.ensureExtension("postgres_fdw")
                .ensureForeignServer("films_server", "postgres_fdw")
                .ensureUserMapping("films_server", "public", m -> m.passwordFromEnv("SCHEMA_SYNC_TEST_NO_SUCH_VARIABLE"))));
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(unset));
            assertTrue(e.getMessage().contains("environment variable SCHEMA_SYNC_TEST_NO_SUCH_VARIABLE (its password,"
                    + " passwordFromEnv) is not set"), e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_foreign_server"), "the apply's transaction was rolled back");
        }
    }

    @Test
    void publicationsAddAndDropTablesAndChangeTheirOptions() throws Exception {
        try (Scenario s = Scenario.start()) {
            ChangeBlock tables = block("C1_Tables", db -> db.ensureTable("orders", t -> t.column("id", "bigint").primaryKey("id")
                            .column("qty", "integer"))
                    .ensureTable("lines", t -> t.column("id", "bigint").primaryKey("id"))
                    .ensureTable("notes", t -> t.column("id", "bigint").primaryKey("id")));
            List<ChangeBlock> first = List.of(tables, block("C2_Pub", db -> db.ensurePublication("orders_pub",
                    p -> p.table("orders").table("lines"))));
            assertEquals("CREATE PUBLICATION \"orders_pub\" FOR TABLE \"public\".\"lines\", \"public\".\"orders\"",
                    Scenario.sql(s.plan(first)).get(3));
            s.applyAndConverge(first);
            List<ChangeBlock> second = List.of(tables, block("C2_Pub", db -> db.ensurePublication("orders_pub",
                    p -> p.table("orders").table("notes").publish("insert", "update"))));
            assertEquals(List.of("ALTER PUBLICATION \"orders_pub\" DROP TABLE \"public\".\"lines\"",
                    "ALTER PUBLICATION \"orders_pub\" ADD TABLE \"public\".\"notes\"",
                    "ALTER PUBLICATION \"orders_pub\" SET (publish = 'insert, update', publish_via_partition_root = false)"),
                    Scenario.sql(s.plan(second)));
            s.applyAndConverge(second);
            // A table dropped from the publication by hand moves the catalog version: no fast path, it is added back.
            s.execute("ALTER PUBLICATION orders_pub DROP TABLE notes");
            assertEquals(List.of("ALTER PUBLICATION \"orders_pub\" ADD TABLE \"public\".\"notes\""),
                    s.apply(second).executed().stream().map(x -> x.sql()).toList());
            if (s.connection.getMetaData().getDatabaseMajorVersion() >= 15) {
                List<ChangeBlock> shaped = List.of(tables, block("C2_Pub", db -> db.ensurePublication("orders_pub",
                        p -> p.table("orders", t -> t.columns("id", "qty").where("qty > 0")).table("notes").publish("insert", "update"))));
                assertEquals(List.of("ALTER PUBLICATION \"orders_pub\" DROP TABLE \"public\".\"orders\"",
                        "ALTER PUBLICATION \"orders_pub\" ADD TABLE \"public\".\"orders\" (\"id\", \"qty\") WHERE (qty > 0)"),
                        Scenario.sql(s.plan(shaped)));
                s.applyAndConverge(shaped);
            }
            // FOR ALL TABLES instead of a list: re-created (a publication holds no data).
            List<ChangeBlock> all = List.of(tables, block("C2_Pub", db -> db.ensurePublication("orders_pub", p -> p.allTables())));
            assertEquals(List.of("DROP PUBLICATION \"orders_pub\"", "CREATE PUBLICATION \"orders_pub\" FOR ALL TABLES"),
                    Scenario.sql(s.plan(all)));
            s.applyAndConverge(all);
        }
    }

    private static final String LOG_FUNCTION = """
            CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', tg_tag; END $$""";

    @Test
    void eventTriggersAreCreatedDisabledAndReCreated() throws Exception {
        try (Scenario s = Scenario.start(LOG_FUNCTION)) {
            ChangeBlock fn = block("C1_Fn", db -> db.ignore("public.log_ddl"));
            List<ChangeBlock> first = List.of(fn, block("C2_Evt", db -> db.ensureEventTrigger("log_tables", "ddl_command_end",
                    "log_ddl()", e -> e.tags("create table", "ALTER TABLE"))));
            assertEquals(List.of("CREATE EVENT TRIGGER \"log_tables\" ON \"ddl_command_end\" WHEN TAG IN ('ALTER TABLE', 'CREATE TABLE')"
                    + " EXECUTE FUNCTION \"public\".\"log_ddl\"()"), Scenario.sql(s.plan(first)));
            s.applyAndConverge(first);
            List<ChangeBlock> disabled = List.of(fn, block("C2_Evt", db -> db.ensureEventTrigger("log_tables", "ddl_command_end",
                    "log_ddl", e -> e.tags("CREATE TABLE", "ALTER TABLE").disabled())));
            assertEquals(List.of("ALTER EVENT TRIGGER \"log_tables\" DISABLE"), Scenario.sql(s.plan(disabled)));
            s.applyAndConverge(disabled);
            List<ChangeBlock> everyTag = List.of(fn, block("C2_Evt", db -> db.ensureEventTrigger("log_tables", "ddl_command_end",
                    "log_ddl", e -> e.disabled())));
            assertEquals(List.of("DROP EVENT TRIGGER \"log_tables\"",
                    "CREATE EVENT TRIGGER \"log_tables\" ON \"ddl_command_end\" EXECUTE FUNCTION \"public\".\"log_ddl\"()",
                    "ALTER EVENT TRIGGER \"log_tables\" DISABLE"), Scenario.sql(s.plan(everyTag)));
            s.applyAndConverge(everyTag);
            assertEquals("D", s.queryString("SELECT evtenabled FROM pg_event_trigger"));
        }
    }

    @Test
    void anEventTriggerNeedsASuperuserAndSaysSo() throws Exception {
        try (Scenario s = Scenario.start(LOG_FUNCTION, "DO $$ BEGIN CREATE ROLE k3b_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT CREATE ON SCHEMA public TO k3b_app", "SET ROLE k3b_app")) {
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(block("C1", db -> db.ignore("public.log_ddl")
                    .ensureEventTrigger("log_all", "ddl_command_end", "log_ddl")))));
            assertTrue(e.getMessage().contains("permission denied to create event trigger"), e.getMessage());
            s.execute("RESET ROLE");
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_event_trigger"));
        }
    }

    @Test
    void externalObjectsNoBlockDeclaresAreReportedAsUndeclaredAndLeftAlone() throws Exception {
        try (Scenario s = Scenario.start(LOG_FUNCTION, "CREATE EXTENSION postgres_fdw",
                "CREATE SERVER films_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost')",
                "CREATE USER MAPPING FOR PUBLIC SERVER films_server OPTIONS (user 'reader')",
                "CREATE FOREIGN TABLE films (code text) SERVER films_server",
                "CREATE PUBLICATION everything FOR ALL TABLES",
                "CREATE EVENT TRIGGER log_all ON ddl_command_end EXECUTE FUNCTION log_ddl()")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureExtension("postgres_fdw").ignore("public.log_ddl")));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), Scenario.sql(plan).toString());
            assertEquals(List.of("server films_server", "user mapping PUBLIC@films_server", "foreign table public.films",
                    "publication everything", "event trigger log_all"),
                    Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object()).toList());
            assertTrue(Scenario.drift(plan).stream().allMatch(d -> d.message().startsWith("undeclared ")
                    && d.message().endsWith("no block declares it; left alone")), Scenario.drift(plan).toString());
            s.applyAndConverge(blocks);
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_foreign_table"));

            // Declared (the server) or ignored (the rest), none is reported.
            List<ChangeBlock> declared = List.of(block("C1", db -> db.ensureExtension("postgres_fdw").ignore("public.log_ddl")
                    .ensureForeignServer("films_server", "postgres_fdw", o -> o.option("host", "localhost"))
                    .ignore("PUBLIC@films_server", "public.films", "everything", "log_*")));
            assertEquals(List.of(), Scenario.drift(s.plan(declared)));
        }
    }
}
