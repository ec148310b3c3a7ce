package schemasync;

import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
import static org.jooq.impl.SQLDataType.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.Default.dflt;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.plan.Plan;

/**
 * No phantom changes, whatever spelling a block uses: the declared side is spelled by PostgreSQL.
 * Each case: the database was built with one spelling, the block uses another; the plan must be empty.
 * Then the same block on an empty database applies and converges.
 */
class NormalizationTest {

    @ParameterizedTest(name = "database {0} / declared {1} default {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "varchar(255)             | character varying(255)   | ",
            "character varying(255)   | VARCHAR(255)             | ",
            "integer                  | int4                     | ",
            "int4                     | INTEGER                  | 0",
            "bigint                   | int8                     | ",
            "timestamp with time zone | timestamptz              | now()",
            "timestamptz              | timestamp with time zone | CURRENT_TIMESTAMP",
            "text                     | TEXT                     | 'a'",
            "text                     | text                     | 'a'::text",
            "boolean                  | bool                     | false",
            "numeric(12,2)            | decimal(12, 2)           | 0",
            "int4range                | int4range                | ",
            "text[]                   | _text                    | '{}'",
            "double precision         | float8                   | ",
    })
    void spellingsCompareEqual(String databaseType, String declaredType, String declaredDefault) throws Exception {
        String dbDefault = declaredDefault == null ? "" : " DEFAULT " + declaredDefault;
        try (Scenario s = Scenario.start("CREATE TABLE t (c " + databaseType + dbDefault + ")")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("t", t -> t
                    .column("c", ColumnType.type(declaredType), declaredDefault == null ? null : dflt(declaredDefault)))));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> "phantom change: " + Scenario.sql(plan));
            assertEquals(0, Scenario.drift(plan).size(), () -> "phantom drift: " + Scenario.drift(plan));
        }
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(block("C1", db -> db.ensureTable("t", t -> t
                    .column("c", ColumnType.type(declaredType), declaredDefault == null ? null : dflt(declaredDefault))))));
        }
    }

    @Test
    void jooqTypesAndDefaultsConverge() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE t (a varchar(320) NOT NULL, b integer DEFAULT 0,"
                + " c timestamptz DEFAULT CURRENT_TIMESTAMP)")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("t", t -> t
                    .column("a", VARCHAR(320).notNull())
                    .column("b", INTEGER.defaultValue(0))
                    .column("c", TIMESTAMPWITHTIMEZONE, dflt("CURRENT_TIMESTAMP")))));
            assertTrue(s.plan(blocks).isEmpty());
        }
    }

    @Test
    void differentDefaultIsSetAndConverges() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE t (status text DEFAULT 'new')")) {
            List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("t", t -> t
                    .column("status", "text", dflt("'active'")))));
            assertEquals(List.of("ALTER TABLE \"public\".\"t\" ALTER \"status\" SET DEFAULT 'active'"),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("'active'::text", s.queryString("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"));
        }
    }
}
