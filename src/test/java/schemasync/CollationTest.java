package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Plan;

/** Collations: created before the columns and domains that use them, compared as pg_collation holds them. */
class CollationTest {

    private static final List<ChangeBlock> BLOCKS = List.of(
            block("L1_Schema", db -> db.ensureSchema("app")),
            block("L2_Collations", db -> db
                    .ensureCollation("app.ci", c -> c.icu("und-u-ks-level2").nondeterministic())
                    .ensureCollation("app.posix", c -> c.libc("C"))),
            block("L3_Users", db -> {
                db.ensureDomain("app.handle", "text").collate("app", "ci");
                db.ensureTable("app.users", t -> t.column("id", "bigint").column("email", ColumnType.TEXT.collate("app", "ci"))
                        .column("code", ColumnType.TEXT.collate("app", "posix")).column("handle", ColumnType.type("app.handle"))
                        .primaryKey("id"));
            }));

    @Test
    void collationsAndTheColumnsUsingThemAreCreatedAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<String> sql = Scenario.sql(s.plan(BLOCKS));
            assertEquals(List.of("CREATE SCHEMA \"app\"",
                    "CREATE COLLATION \"app\".\"ci\" (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                    "CREATE COLLATION \"app\".\"posix\" (provider = libc, lc_collate = 'C', lc_ctype = 'C')"), sql.subList(0, 3));
            s.applyAndConverge(BLOCKS);
            s.execute("INSERT INTO app.users VALUES (1, 'Ann@Example.com', 'x', 'Ann')");
            // Nondeterministic, case-insensitive at level 2: the ICU collation really is the one compared with.
            assertEquals("1", s.queryString("SELECT id FROM app.users WHERE email = 'ann@example.COM'"));
            assertEquals("1", s.queryString("SELECT id FROM app.users WHERE handle = 'ANN'"));
        }
    }

    /**
     * {@code Domain.collation} spells a collation as PostgreSQL's own printer does (regcollation's output and ruleutils'
     * generate_collation_name both quote a part only when quote_ident would): checked against the server for built-in
     * collations that need quotes and that do not, and for user collations with a plain and a quoted name. On the old
     * code (the name always double-quoted) {@code ucs_basic} and {@code app.plain} fail.
     */
    @Test
    void aCollationIsSpelledAsPostgreSQLPrintsIt() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app", "CREATE COLLATION app.plain (provider = libc, locale = 'C')",
                "CREATE COLLATION app.\"Mixed Case\" (provider = libc, locale = 'C')")) {
            s.execute("SET search_path = pg_catalog");
            String printed = s.queryString("SELECT string_agg(n.nspname || '|' || c.collname || '|' || c.oid::regcollation::text,"
                    + " E'\\n' ORDER BY n.nspname, c.collname) FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n"
                    + " ON n.oid = c.collnamespace WHERE c.collname IN ('C', 'POSIX', 'ucs_basic', 'default', 'plain', 'Mixed Case')"
                    + " AND n.nspname IN ('pg_catalog', 'app')");
            List<String> rows = printed.lines().toList();
            assertEquals(6, rows.size(), printed);
            for (String row : rows) {
                String[] parts = row.split("\\|", 3);
                assertEquals(parts[2], schemasync.catalog.Domain.collation(new schemasync.catalog.QualifiedName(parts[0], parts[1])), row);
            }
        }
    }

    /** A column in a built-in collation that needs no quotes (ucs_basic) and one in a quoted user collation converge. */
    @Test
    void columnsInAPlainAndAQuotedCollationConverge() throws Exception {
        List<ChangeBlock> blocks = List.of(block("L1_Collation", db -> db.ensureSchema("app")
                .ensureCollation("app.Mixed Case", c -> c.libc("C"))
                .ensureTable("app.words", t -> t.column("id", "bigint").column("basic", ColumnType.TEXT.collate("pg_catalog", "ucs_basic"))
                        .column("mixed", ColumnType.TEXT.collate("app", "Mixed Case")).primaryKey("id"))));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertEquals("ucs_basic", s.queryString("SELECT c.collname FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_collation c"
                    + " ON c.oid = a.attcollation WHERE a.attrelid = 'app.words'::regclass AND a.attname = 'basic'"));
        }
    }

    @Test
    void aDifferingCollationIsReportedWithBothSidesAndNotAltered() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app",
                "CREATE COLLATION app.ci (provider = icu, locale = 'und-u-ks-level2')",
                "CREATE COLLATION app.posix (provider = libc, locale = 'C')",
                "CREATE COLLATION app.undeclared (provider = icu, locale = 'und')")) {
            List<ChangeBlock> blocks = BLOCKS.subList(0, 2);
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            List<String> drift = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertEquals(2, drift.size(), drift::toString);
            assertTrue(drift.get(0).startsWith("collation app.ci: differs in deterministic: declared (provider = icu, locale ="
                    + " 'und-u-ks-level2', deterministic = false), database has (provider = icu, locale = 'und-u-ks-level2'): not"
                    + " changed (a collation cannot be altered"), drift::toString);
            assertTrue(drift.get(1).startsWith("collation app.undeclared: undeclared collation (provider = icu"), drift::toString);
        }
    }

    @Test
    void aRemovedCollationIsDroppedOnceThenAbsent() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA app", "CREATE COLLATION app.old (provider = icu, locale = 'und')")) {
            List<ChangeBlock> blocks = List.of(block("L1", db -> db.ensureSchema("app")),
                    block("L9_Drop", db -> db.ensureNoCollation("app.old")));
            assertEquals(List.of("DROP COLLATION \"app\".\"old\""), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_collation WHERE collname = 'old'"));
        }
    }

    @Test
    void aLocaleTheServerDoesNotKnowIsAClearErrorAndNothingChanges() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("L1_Bad", db -> db.ensureCollation("bad", c -> c.libc("xx_NOWHERE.utf8"))));
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
            assertTrue(e.getMessage().contains("L1_Bad: collation public.bad: "), e.getMessage());
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_collation WHERE collname = 'bad'"));
        }
    }

    @Test
    void theBuiltinProviderConvergesFrom17AndIsAClearErrorBefore() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(block("L1_Builtin", db -> db.ensureCollation("cutf8", c -> c.builtin("C.UTF-8"))));
            if (Integer.parseInt(s.queryString("SHOW server_version_num")) >= 170000) {
                assertEquals(List.of("CREATE COLLATION \"public\".\"cutf8\" (provider = builtin, locale = 'C.UTF-8')"),
                        Scenario.sql(s.plan(blocks)));
                s.applyAndConverge(blocks);
                assertEquals("b", s.queryString("SELECT collprovider FROM pg_collation WHERE collname = 'cutf8'"));
            } else {
                var e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
                assertTrue(e.getMessage().contains("L1_Builtin: collation public.cutf8: "), e.getMessage());
            }
        }
    }

    @Test
    void badCollationsAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("L1", db -> db.ensureCollation("none", c -> c).ensureCollation("twice", c -> c.icu("und"))
                        .ensureCollation("twice", c -> c.icu("und"))),
                block("L2", db -> db.ensureCollation("blank", c -> c.icu(" ")).ensureCollation("ruled", c -> c.libc("C").rules("&a < b"))))));
        assertTrue(e.getMessage().contains("L1: collation public.none needs a provider"), e.getMessage());
        assertTrue(e.getMessage().contains("L1: collation public.twice is declared twice"), e.getMessage());
        assertTrue(e.getMessage().contains("L2: collation public.blank: the icu provider needs a locale"), e.getMessage());
        assertTrue(e.getMessage().contains("L2: collation public.ruled: rules(...) are ICU tailoring rules"), e.getMessage());
    }
}
