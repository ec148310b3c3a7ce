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
import schemasync.model.HazardKind;
import schemasync.plan.Plan;

/** Domains: created before the tables whose columns use them, checks added NOT VALID then validated, drift reported. */
class DomainTest {

    private static List<ChangeBlock> films(String checkName, String check) {
        return List.of(
                block("C1_Domains", db -> {
                    db.ensureDomain("year", "int").check("year_range", "VALUE >= 1901 AND VALUE <= 2155");
                    db.ensureDomain("app_code", "varchar(10)").notNull().dflt("'x'").collate("C")
                            .check("code_shape", "VALUE ~ '^[a-z]{1,10}$'");
                    if (checkName != null) db.ensureDomain("score", "numeric(5,2)").check(checkName, check);
                    else db.ensureDomain("score", "numeric(5,2)");
                }),
                block("C2_Films", db -> db.ensureTable("films", t -> t
                        .column("id", "bigint").column("release_year", ColumnType.type("year"))
                        .column("code", ColumnType.type("app_code")).column("score", ColumnType.type("score"))
                        .primaryKey("id"))));
    }

    @Test
    void domainsAndATableOfThemAreCreatedInOrderAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(films("score_positive", "VALUE > 0"));
            assertEquals(List.of(
                    "CREATE DOMAIN \"public\".\"year\" AS int CONSTRAINT \"year_range\" CHECK (VALUE >= 1901 AND VALUE <= 2155)",
                    "CREATE DOMAIN \"public\".\"app_code\" AS varchar(10) COLLATE \"pg_catalog\".\"C\" DEFAULT 'x' NOT NULL"
                            + " CONSTRAINT \"code_shape\" CHECK (VALUE ~ '^[a-z]{1,10}$')",
                    "CREATE DOMAIN \"public\".\"score\" AS numeric(5,2) CONSTRAINT \"score_positive\" CHECK (VALUE > 0)",
                    "CREATE TABLE \"public\".\"films\" (\"id\" bigint NOT NULL, \"release_year\" year, \"code\" app_code,"
                            + " \"score\" score, PRIMARY KEY (\"id\"))"), Scenario.sql(plan));
            s.applyAndConverge(films("score_positive", "VALUE > 0"));
            assertEquals("x", s.queryString("INSERT INTO films (id) VALUES (1) RETURNING code"));
            assertEquals("23514", sqlState(s, "INSERT INTO films (id, release_year) VALUES (2, 1800)"));
        }
    }

    @Test
    void aNewCheckOnAnExistingDomainIsAddedNotValidThenValidated() throws Exception {
        try (Scenario s = Scenario.start("CREATE DOMAIN year AS integer CONSTRAINT year_range CHECK (VALUE >= 1901 AND VALUE <= 2155)",
                "CREATE DOMAIN app_code AS character varying(10) COLLATE \"C\" NOT NULL DEFAULT 'x' CONSTRAINT code_shape CHECK (VALUE ~ '^[a-z]{1,10}$')",
                "CREATE DOMAIN score AS numeric(5,2)",
                "CREATE TABLE films (id bigint PRIMARY KEY, release_year year, code app_code, score score)",
                "INSERT INTO films VALUES (1, 2000, 'abc', 3.5)")) {
            List<ChangeBlock> blocks = films("score_positive", "VALUE > 0");
            Plan plan = s.plan(blocks);
            assertEquals(List.of("ALTER DOMAIN \"public\".\"score\" ADD CONSTRAINT \"score_positive\" CHECK (VALUE > 0) NOT VALID",
                    "ALTER DOMAIN \"public\".\"score\" VALIDATE CONSTRAINT \"score_positive\""), Scenario.sql(plan));
            assertEquals(List.of(List.of(), List.of(HazardKind.FULL_SCAN_UNDER_LOCK)), plan.steps().stream()
                    .map(p -> p.hazards().stream().map(h -> h.kind()).toList()).toList());
            s.applyAndConverge(blocks, schemasync.model.HazardKind.FULL_SCAN_UNDER_LOCK); // a domain check scans its tables under SHARE
            assertEquals("true", s.queryString("SELECT convalidated::text FROM pg_constraint WHERE conname = 'score_positive'"));
        }
    }

    @Test
    void everyDifferenceIsReportedWithBothSidesAndNothingIsAltered() throws Exception {
        try (Scenario s = Scenario.start("CREATE DOMAIN year AS bigint CONSTRAINT year_range CHECK (VALUE >= 1900)",
                "CREATE DOMAIN app_code AS character varying(10) DEFAULT 'y' CONSTRAINT code_shape CHECK (VALUE ~ '^[a-z]{1,10}$')"
                        + " CONSTRAINT legacy CHECK (VALUE <> 'zz')",
                "CREATE DOMAIN score AS numeric(5,2)",
                "CREATE DOMAIN undeclared_one AS text NOT NULL",
                "CREATE TABLE films (id bigint PRIMARY KEY, release_year year, code app_code, score score)")) {
            List<ChangeBlock> blocks = films(null, null);
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            List<String> messages = Scenario.drift(plan).stream().map(d -> d.kind() + " " + d.object() + ": " + d.message()).toList();
            assertEquals(List.of(
                    "domain public.year: declared AS integer, database has bigint: not changed (a domain's base type cannot be altered)",
                    "domain check public.year.year_range: declared CHECK (((VALUE >= 1901) AND (VALUE <= 2155))), database has"
                            + " CHECK ((VALUE >= 1900)): not changed",
                    "domain public.app_code: declared COLLATE \"C\", database has (the base type's): not changed (a domain's"
                            + " collation cannot be altered)",
                    "domain public.app_code: declared NOT NULL, database allows NULL: not changed (ALTER DOMAIN ... SET NOT NULL"
                            + " reads every table using the domain)",
                    "domain public.app_code: declared DEFAULT 'x'::character varying, database has 'y'::character varying: not changed",
                    "domain check public.app_code.legacy: database has CHECK (((VALUE)::text <> 'zz'::text)), which no block"
                            + " declares: left alone",
                    "domain public.undeclared_one: undeclared domain (text NOT NULL): no block declares it; left alone"),
                    messages);
        }
    }

    @Test
    void badDomainsAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureDomain("year", " ").check("c", "VALUE > 0").check("c", " ")),
                block("C2", db -> {
                    db.ensureEnum("mood", "happy");
                    db.ensureDomain("mood", "text");
                    db.ensureDomain("year", "int");
                }))));
        assertTrue(e.getMessage().contains("C1: domain public.year has no base type"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: check c is declared twice on domain public.year"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: check c of domain public.year has no expression"), e.getMessage());
        assertTrue(e.getMessage().contains("C2: domain public.mood is also declared as enum (types share one namespace)"), e.getMessage());
        assertTrue(e.getMessage().contains("C2: domain public.year is declared twice"), e.getMessage());
    }

    private static String sqlState(Scenario s, String sql) {
        try {
            s.execute(sql);
            return "no error";
        } catch (java.sql.SQLException e) {
            return e.getSQLState();
        }
    }
}
