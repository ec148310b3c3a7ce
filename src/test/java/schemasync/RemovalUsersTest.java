package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.model.HazardKind;

/**
 * Removing a function or type that a table's default, CHECK, index or column uses (what pg_depend records, which the
 * plan's graph reads from the model's texts): dropped after the table when the table is removed too, refused before
 * anything runs when the table is kept. Before, both plans ran in block order and failed half-way with PostgreSQL's
 * "cannot drop function ... because other objects depend on it".
 */
class RemovalUsersTest {
    private static final String[] SCHEMA = {
        "CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$",
        "CREATE FUNCTION valid_code(c text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c <> '' $$",
        "CREATE DOMAIN code AS text",
        "CREATE TABLE orders (id bigint PRIMARY KEY, code text NOT NULL DEFAULT next_code() CHECK (valid_code(code)), alt code)",
        "CREATE TABLE keep (id bigint PRIMARY KEY)"};

    @Test
    void aTableRemovedAfterTheFunctionsAndTypeItUsesIsDroppedFirst() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1", db -> {
                    db.ensureNoFunction("next_code()");
                    db.ensureNoFunction("valid_code(text)");
                    db.ensureNoDomain("code");
                }),
                block("C2", db -> {
                    db.allowHazard(HazardKind.DELETES_DATA, "orders archived");
                    db.ensureNoTable("orders");
                }));
        try (Scenario s = Scenario.start(SCHEMA)) {
            List<String> sql = Scenario.sql(s.plan(blocks));
            assertEquals(4, sql.size(), sql::toString);
            assertTrue(sql.get(0).startsWith("DROP TABLE"), sql::toString);
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_proc WHERE proname IN ('next_code', 'valid_code')"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_type WHERE typname = 'code'"));
        }
    }

    @Test
    void aFunctionOrTypeAKeptTableUsesIsRefusedBeforeAnythingRuns() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureNoTable("keep");
            db.ensureNoFunction("valid_code(text)");
            db.ensureNoDomain("code");
        }));
        try (Scenario s = Scenario.start(SCHEMA)) {
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> s.plan(blocks));
            assertTrue(e.getMessage().contains("function public.valid_code (block C1) is still used by table public.orders"),
                    e::getMessage);
            assertTrue(e.getMessage().contains("domain public.code (block C1) is still used by table public.orders"), e::getMessage);
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'keep'"), "nothing was changed");
        }
    }
}
