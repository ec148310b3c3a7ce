package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;
import static schemasync.dsl.Default.dflt;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The normalizer's rolled-back twins create the run's prerequisites in the plan's creation order
 * ({@code dsl.BlockCreationOrder}): inside one block a function a domain's CHECK or a table's default, CHECK or
 * generated column calls is created before its user even when the block writes it later. Before, the twins
 * replayed the written order, so CREATE DOMAIN failed with "function … does not exist" in the normalizer (and the
 * tables using the domain with "type … does not exist") although the plan would have ordered the block.
 */
class ShadowCreationOrderTest {
    @Test
    void aDomainWhoseCheckCallsAFunctionWrittenAfterItInTheBlockConverges() throws Exception {
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(block("001_codes", db -> {
                db.ensureDomain("zz_code", "text").check("zz_code_ok", "zz_valid(VALUE)");
                db.ensureTable("zz_items", t -> t.column("id", "bigint").primaryKey("id").column("code", "zz_code"));
                db.ensureFunction("zz_valid(c text)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c <> '' $$");
            })));
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_constraint WHERE conname = 'zz_code_ok'"));
        }
    }

    @Test
    void aTableWhoseDefaultCheckAndGeneratedColumnCallFunctionsWrittenLaterConverges() throws Exception {
        // The functions take and return a domain the block writes last: in the written order each CREATE FUNCTION
        // failed ("type zz_code does not exist"), so the table's shadow then failed on its default's function.
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(block("001_items", db -> {
                db.ensureTable("zz_items", t -> t.column("id", "bigint").primaryKey("id")
                        .column("code", "zz_code", dflt("zz_next()")).check("zz_items_code_ok", "zz_valid(code)")
                        .column("norm", schemasync.dsl.ColumnType.TEXT.generatedAlwaysAs("zz_norm(code)")));
                db.ensureFunction("zz_next()", "RETURNS zz_code LANGUAGE sql AS $$ SELECT md5(random()::text)::zz_code $$");
                db.ensureFunction("zz_valid(c zz_code)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c <> '' $$");
                db.ensureFunction("zz_norm(c zz_code)", "RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(c) $$");
                db.ensureDomain("zz_code", "text");
            })));
            assertEquals("zz_norm(code)", s.queryString("SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d"
                    + " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE a.attname = 'norm'"));
        }
    }
    @Test
    void aRoutineWhoseSignatureNamesATableWrittenAfterItInTheBlockConverges() throws Exception {
        // CREATE FUNCTION resolves its argument and result types: the table's row type. Before, the block was applied in
        // its written order ("type zz_wraps does not exist"), and the comparison's twins could not create the functions
        // either (the shadows are temporary tables under other names), so the CHECK calling them was refused.
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(List.of(block("001_orders", db -> {
                db.ensureFunction("zz_valid(w zz_wraps)", "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT (w).note IS NULL $$");
                db.ensureFunction("zz_wrap(o zz_orders)", "RETURNS zz_wraps LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(o, NULL)::zz_wraps $$");
                db.ensureTable("zz_orders", t -> t.column("id", "bigint").primaryKey("id").column("total", "numeric"));
                db.ensureTable("zz_wraps", t -> t.column("orders", "zz_orders").column("note", "text"));
                db.ensureConstraints("zz_orders", t -> t.check("zz_orders_valid", "zz_valid(zz_wrap(ROW(id, total)::zz_orders))"));
            })));
            assertEquals("1", s.queryString("SELECT count(*) FROM pg_constraint WHERE conname = 'zz_orders_valid'"));
        }
    }
}
