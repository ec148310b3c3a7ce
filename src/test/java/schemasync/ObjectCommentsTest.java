package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.CommentOn;

/**
 * Comments on every kind whose comment the catalog did not read before (issue 13, point 3), on a real server: a
 * collation, an operator (named by its types, written short: the normalizer spells {@code app.code} as the catalog
 * does), a cast, an operator class and family, a materialized view's column, a composite type's attribute, and the
 * database's extension, foreign server, publication and event trigger. Applied, re-planned empty, replayed (the
 * harness), put back when changed by hand; the extension's own comment, which CREATE EXTENSION sets, is no drift.
 */
class ObjectCommentsTest {
    private static final String EQ = "RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a::text) = lower(b::text) $$";
    private static final String CMP = "RETURNS int4 LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN lower(a::text) < lower(b::text)"
            + " THEN -1 WHEN lower(a::text) > lower(b::text) THEN 1 ELSE 0 END $$";

    private static final List<ChangeBlock> OBJECTS = List.of(
            block("K1_Objects", db -> {
                db.ensureSchema("app").ensureExtension("postgres_fdw").ensureDomain("app.code", "text");
                db.ensureCollation("app.bytes", c -> c.libc("C"));
                db.ensureCompositeType("app.pair").attribute("a", "int4").attribute("b", "int4");
            }),
            block("K2_Functions", db -> db
                    .ensureFunction("app.code_eq(a app.code, b app.code)", EQ)
                    .ensureFunction("app.code_cmp(a app.code, b app.code)", CMP)
                    .ensureFunction("app.pair_sum(p app.pair)", "RETURNS int4 LANGUAGE sql IMMUTABLE AS $$ SELECT p.a + p.b $$")
                    .ensureFunction("app.log_ddl()", "RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$")),
            block("K3_Operators", db -> db
                    .ensureOperator("app.===", o -> o.leftArg("app.code").rightArg("app.code").function("app.code_eq"))
                    .ensureCast("app.pair", "int4", c -> c.withFunction("app.pair_sum(app.pair)").asAssignment())
                    .ensureOperatorFamily("app.code_family", f -> f.using("btree"))
                    .ensureOperatorClass("app.code_ops", c -> c.forType("app.code").using("btree").family("code_family")
                            .operator(3, "app.===(app.code,app.code)").function(1, "app.code_cmp(app.code,app.code)"))),
            block("K4_Relations", db -> db
                    .ensureTable("app.orders", t -> t.column("id", "bigint").column("total", "numeric").primaryKey("id"))
                    .ensureMaterializedView("app.totals", "SELECT sum(total) AS total FROM app.orders")
                    .ensureForeignServer("archive", "postgres_fdw", s -> s.option("host", "localhost"))
                    .ensurePublication("changes", p -> p.allTables())
                    .ensureEventTrigger("audit_ddl", "ddl_command_end", "app.log_ddl()")));

    private static ChangeBlock comments(String operatorComment) {
        return block("K5_Comments", db -> db
                .ensureComment(CommentOn.COLLATION, "app.bytes", "Byte order")
                .ensureComment(CommentOn.OPERATOR, "app.===(app.code, app.code)", operatorComment)
                .ensureComment(CommentOn.CAST, "app.pair AS int4", "Sums the pair")
                .ensureComment(CommentOn.OPERATOR_CLASS, "app.code_ops USING btree", "Case-blind order")
                .ensureComment(CommentOn.OPERATOR_FAMILY, "app.code_family USING btree", "Codes")
                .ensureComment(CommentOn.MATERIALIZED_VIEW_COLUMN, "app.totals", "total", "All orders")
                .ensureComment(CommentOn.TYPE_ATTRIBUTE, "app.pair", "b", "The second")
                .ensureComment(CommentOn.EXTENSION, "postgres_fdw", "Reads the archive")
                .ensureComment(CommentOn.FOREIGN_SERVER, "archive", "Orders before 2020")
                .ensureComment(CommentOn.PUBLICATION, "changes", "To the warehouse")
                .ensureComment(CommentOn.EVENT_TRIGGER, "audit_ddl", "Logs DDL"));
    }

    private static final String COMMENTS = """
            SELECT string_agg(pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' = ' || d.description, '; '
                              ORDER BY pg_describe_object(d.classoid, d.objoid, d.objsubid))
            FROM pg_description d
            WHERE d.objoid >= 16384 -- not initdb's own objects
              AND (d.classoid IN ('pg_collation'::regclass, 'pg_operator'::regclass, 'pg_cast'::regclass, 'pg_opclass'::regclass,
                                 'pg_opfamily'::regclass, 'pg_extension'::regclass, 'pg_foreign_server'::regclass,
                                 'pg_publication'::regclass, 'pg_event_trigger'::regclass)
               OR d.classoid = 'pg_class'::regclass AND d.objsubid > 0 AND d.objoid IN ('app.totals'::regclass, 'app.pair'::regclass))
            """;

    @Test
    void everyKindsCommentIsSetConvergesAndIsPutBack() throws Exception {
        try (Scenario s = Scenario.start()) {
            // The extension's comment from its control file is not drift: the objects alone converge with it in place.
            s.applyAndConverge(OBJECTS);
            String fdwDefault = s.queryString("SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'postgres_fdw'");
            assertEquals(fdwDefault, s.queryString("SELECT comment FROM pg_available_extensions WHERE name = 'postgres_fdw'"));

            List<ChangeBlock> blocks = new java.util.ArrayList<>(OBJECTS);
            blocks.add(comments("Equal, ignoring case"));
            assertEquals(List.of(
                    "COMMENT ON COLLATION \"app\".\"bytes\" IS 'Byte order'",
                    "COMMENT ON OPERATOR \"app\".=== (app.code, app.code) IS 'Equal, ignoring case'",
                    "COMMENT ON CAST (app.pair AS integer) IS 'Sums the pair'",
                    "COMMENT ON OPERATOR CLASS \"app\".\"code_ops\" USING \"btree\" IS 'Case-blind order'",
                    "COMMENT ON OPERATOR FAMILY \"app\".\"code_family\" USING \"btree\" IS 'Codes'",
                    "COMMENT ON COLUMN \"app\".\"totals\".\"total\" IS 'All orders'",
                    "COMMENT ON COLUMN \"app\".\"pair\".\"b\" IS 'The second'",
                    "COMMENT ON EXTENSION \"postgres_fdw\" IS 'Reads the archive'",
                    "COMMENT ON SERVER \"archive\" IS 'Orders before 2020'",
                    "COMMENT ON PUBLICATION \"changes\" IS 'To the warehouse'",
                    "COMMENT ON EVENT TRIGGER \"audit_ddl\" IS 'Logs DDL'"), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
            assertEquals("cast from app.pair to integer = Sums the pair; collation app.bytes = Byte order;"
                    + " column b of composite type app.pair = The second; column total of materialized view app.totals = All orders;"
                    + " event trigger audit_ddl = Logs DDL; extension postgres_fdw = Reads the archive;"
                    + " operator app.===(app.code,app.code) = Equal, ignoring case;"
                    + " operator class app.code_ops for access method btree = Case-blind order;"
                    + " operator family app.code_family for access method btree = Codes; publication changes = To the warehouse;"
                    + " server archive = Orders before 2020", s.queryString(COMMENTS));

            // Changed by hand: the declared comment is put back; then a changed declaration replaces it.
            s.execute("COMMENT ON CAST (app.pair AS integer) IS 'changed by hand'");
            assertEquals(List.of("COMMENT ON CAST (app.pair AS integer) IS 'Sums the pair'"), Scenario.sql(s.plan(blocks)));
            blocks.set(blocks.size() - 1, comments("Equal whatever the case"));
            s.execute("COMMENT ON CAST (app.pair AS integer) IS 'Sums the pair'");
            assertEquals(List.of("COMMENT ON OPERATOR \"app\".=== (app.code, app.code) IS 'Equal whatever the case'"),
                    Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);
        }
    }
}
