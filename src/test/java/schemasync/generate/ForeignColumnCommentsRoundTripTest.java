package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.verify.RoundTrip;

/**
 * Comments on a foreign table's columns (issue 13, point 3) round-trip with the shared proof ({@link ExactRoundTrip}):
 * generate writes {@code ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, table, column, text)}, the copy's comments
 * equal the source's (the catalog compares them), plans are empty both ways.
 */
class ForeignColumnCommentsRoundTripTest {

    @Test
    void commentsOnForeignTableColumnsRoundTrip() throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            source.execute("""
                CREATE EXTENSION postgres_fdw;
                CREATE SERVER archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'archive');
                CREATE SCHEMA remote;
                CREATE FOREIGN TABLE remote.orders (id bigint NOT NULL, "Total" numeric, note text) SERVER archive
                    OPTIONS (schema_name 'public', table_name 'orders');
                COMMENT ON FOREIGN TABLE remote.orders IS 'Orders before 2020';
                COMMENT ON COLUMN remote.orders.id IS 'Order number';
                COMMENT ON COLUMN remote.orders."Total" IS 'In cents, it''s exact';
                CREATE FOREIGN TABLE uncommented (id bigint) SERVER archive;
                """);
            RoundTrip.Report report = ExactRoundTrip.run(source, SchemaSelection.all().resolve(source.connection), target);
            ExactRoundTrip.assertExact("comments on foreign table columns", report);
            // The comments were compared, not merely absent on both sides: the public schema's, the table's own and its two columns',
            // and those the control files of postgres_fdw and plpgsql give them (CREATE EXTENSION sets them in the copy too).
            assertEquals(6, report.diff().compared().get("comments"), report.diff().compared().toString());
            assertEquals("Order number", target.queryString("SELECT col_description('remote.orders'::regclass, 1)"));
        }
    }
}
