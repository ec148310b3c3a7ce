package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.NotNullNames;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.plan.Plan;

/**
 * PostgreSQL 18 keeps NOT NULL in pg_constraint with a name: a name of one's own is declared
 * ({@code .notNullNamed(column, name)}), created ({@code CONSTRAINT name NOT NULL}), converges, and another name in the
 * database is drift; PostgreSQL's own name ({@code <table>_<column>_not_null}, clipped to 63 bytes) stays invisible.
 * Refused below 18, nothing changed.
 */
class Postgres18NotNullNamesTest {

    private static int major(Scenario s) throws Exception {
        return Integer.parseInt(s.queryString("SHOW server_version_num")) / 10000;
    }

    private static List<ChangeBlock> accounts() {
        return List.of(block("P18_Accounts", db -> db.ensureTable("accounts", t -> t
                .column("id", "bigint").column("email", ColumnType.type("text").notNull()).column("nick", "text")
                .notNullNamed("nick", "nick_required").primaryKey("id"))));
    }

    @Test
    void aNamedNotNullIsCreatedAndConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            List<String> sql = Scenario.sql(s.plan(accounts()));
            assertEquals(List.of("CREATE TABLE \"public\".\"accounts\" (\"id\" bigint NOT NULL, \"email\" text NOT NULL,"
                    + " \"nick\" text CONSTRAINT \"nick_required\" NOT NULL, PRIMARY KEY (\"id\"))"), sql);
            s.applyAndConverge(accounts());
            assertEquals("accounts_email_not_null,accounts_id_not_null,nick_required", s.queryString("SELECT string_agg(conname, ','"
                    + " ORDER BY conname) FROM pg_constraint WHERE conrelid = 'accounts'::regclass AND contype = 'n'"));
            assertEquals(Map.of(new NotNullNames.Key(QualifiedName.parse("public.accounts"), "nick"), "nick_required"),
                    CatalogReader.read(s.connection, Set.of("public")).notNullNames());
        }
    }

    @Test
    void aNamedNotNullRenamedInTheDatabaseIsDriftNeverRenamed() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            s.applyAndConverge(accounts());
            s.execute("ALTER TABLE accounts RENAME CONSTRAINT nick_required TO nick_present");
            Plan renamed = s.plan(accounts());
            assertTrue(renamed.isEmpty(), () -> Scenario.sql(renamed).toString());
            assertEquals(List.of("constraint public.accounts.nick_required: NOT NULL on nick declared as nick_required, database has it"
                            + " as nick_present: not renamed; to match, run ALTER TABLE \"public\".\"accounts\" RENAME CONSTRAINT"
                            + " \"nick_present\" TO \"nick_required\""),
                    Scenario.drift(renamed).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList());
        }
    }

    @Test
    void postgresDefaultNamesStayInvisibleEvenClippedOrAfterARename() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            String table = "a_table_name_long_enough_that_postgres_clips_it_in_its_names_xx";
            s.execute("CREATE TABLE " + table + " (a_column_name_long_enough_to_be_clipped_as_well_by_postgresql int NOT NULL,"
                    + " \"é_col\" text NOT NULL)");
            assertEquals(Map.of(), CatalogReader.read(s.connection, Set.of("public")).notNullNames());
            s.execute("DROP TABLE " + table);
            // A renamed column keeps its constraint's old name: read as a name of its own, declared or not.
            s.execute("CREATE TABLE people (id int NOT NULL, nick text NOT NULL); ALTER TABLE people RENAME COLUMN nick TO handle");
            assertEquals(Map.of(new NotNullNames.Key(QualifiedName.parse("public.people"), "handle"), "people_nick_not_null"),
                    CatalogReader.read(s.connection, Set.of("public")).notNullNames());
            Plan plan = s.plan(List.of(block("P18_People", db -> db.ensureTable("people", t -> t
                    .column("id", ColumnType.type("int").notNull()).column("handle", ColumnType.type("text").notNull())))));
            assertTrue(plan.isEmpty() && Scenario.drift(plan).isEmpty(), () -> Scenario.sql(plan) + " " + Scenario.drift(plan));
        }
    }

    @Test
    void ensureColumnChangedAddsANamedNotNullOnlineThroughAValidatedCheck() throws Exception {
        List<ChangeBlock> blocks = List.of(block("P18_People", db -> db.ensureColumnChanged("people", "nick").notNullNamed("nick_required")));
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            s.execute("CREATE TABLE people (id int, nick text); INSERT INTO people VALUES (1, 'a'), (2, 'b')");
            assertEquals(List.of("ALTER TABLE \"public\".\"people\" ADD CONSTRAINT \"people_nick_ssnn\" CHECK (nick IS NOT NULL) NOT VALID",
                    "ALTER TABLE \"public\".\"people\" VALIDATE CONSTRAINT \"people_nick_ssnn\"",
                    "ALTER TABLE \"public\".\"people\" ADD CONSTRAINT \"nick_required\" NOT NULL \"nick\"",
                    "ALTER TABLE \"public\".\"people\" DROP CONSTRAINT \"people_nick_ssnn\""), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("nick_required", s.queryString("SELECT string_agg(conname, ',') FROM pg_constraint"
                    + " WHERE conrelid = 'people'::regclass"));
            // Renamed by hand: drift naming the statement that would match it again; nothing is run.
            s.execute("ALTER TABLE people RENAME CONSTRAINT nick_required TO nick_given");
            Plan renamed = s.plan(blocks);
            assertTrue(renamed.isEmpty(), () -> Scenario.sql(renamed).toString());
            assertEquals(List.of("NOT NULL on nick declared as nick_required, database has it as nick_given: not renamed; to match, run"
                    + " ALTER TABLE \"public\".\"people\" RENAME CONSTRAINT \"nick_given\" TO \"nick_required\""),
                    Scenario.drift(renamed).stream().map(d -> d.message()).toList());
        }
    }

    @Test
    void ensureColumnAndEnsurePartitionNameTheirNotNullAndRenamesKeepTheNamesTheReplayPredicts() throws Exception {
        List<ChangeBlock> blocks = List.of(block("P18_Events", db -> db
                .ensureTable("events", t -> t.column("id", "int").column("kind", "text").column("code", "text")
                        .column("note", ColumnType.type("text").notNull()).partitionBy("LIST (kind)"))
                .ensurePartition("events_a", "events", "FOR VALUES IN ('a')", t -> t.notNullNamed("code", "code_given"))
                .ensurePartition("events_b", "events", "FOR VALUES IN ('b')", t -> t.notNull("code"))
                .ensureTable("tags", t -> t.column("id", ColumnType.type("int").notNull()))
                .ensureColumn("tags", "label", ColumnType.type("text").notNullNamed("label_given"), schemasync.dsl.Default.dflt("''"))),
                // PostgreSQL keeps a NOT NULL's name through a rename of its table or column: the old default becomes a name of its own.
                block("P18_Renames", db -> db.ensureTableRenamed("tags", "labels").ensureColumnRenamed("labels", "id", "tag_id")));
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) >= 18, "PostgreSQL 18+");
            s.applyAndConverge(blocks); // the scenario compares the replay's NOT NULL names with the catalog's after the apply
            assertEquals(Map.of(new NotNullNames.Key(QualifiedName.parse("public.events_a"), "code"), "code_given",
                            new NotNullNames.Key(QualifiedName.parse("public.labels"), "label"), "label_given",
                            new NotNullNames.Key(QualifiedName.parse("public.labels"), "tag_id"), "tags_id_not_null"),
                    CatalogReader.read(s.connection, Set.of("public")).notNullNames());
        }
    }

    @Test
    void aNamedNotNullIsRefusedBelow18AndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            Assumptions.assumeTrue(major(s) < 18, "PostgreSQL older than 18");
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(accounts()));
            assertEquals("public.accounts.nick (block P18_Accounts): a named NOT NULL constraint needs PostgreSQL 18 or later;"
                    + " this server is PostgreSQL " + major(s) + "\nnothing was changed", e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'accounts'"));
            s.execute("CREATE TABLE people (id int, nick text)");
            var change = assertThrows(SchemaSyncException.class, () -> s.apply(List.of(block("P18_People",
                    db -> db.ensureColumnChanged("people", "nick").notNullNamed("nick_required")))));
            assertEquals("public.people.nick (block P18_People): a named NOT NULL constraint needs PostgreSQL 18 or later;"
                    + " this server is PostgreSQL " + major(s) + "\nnothing was changed", change.getMessage());
            assertEquals("f", s.queryString("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'nick'"));
        }
    }
}
