package schemasync.generate;

import org.junit.jupiter.api.Test;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * Grants on views (on the view and on its columns) and comments on views' columns are read, generated
 * (ensureGrant, ensureColumnGrant, ensureComment(CommentOn.VIEW_COLUMN, ...)) and round-trip exactly,
 * with CorpusKindsRoundTripTest's proof.
 */
class ViewAccessRoundTripTest {

    @Test
    void viewGrantsAndViewColumnCommentsRoundTrip() throws Exception {
        new CorpusKindsRoundTripTest().roundTripsExactly(new Fixture("grants on a view and its column, comments on a view and its column", """
                DO $$ BEGIN CREATE ROLE view_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric);
                CREATE VIEW order_totals AS SELECT id, amount FROM orders;
                CREATE VIEW "Big Orders" AS SELECT id FROM order_totals WHERE amount > 1000;
                GRANT SELECT, INSERT ON order_totals TO view_reader;
                GRANT SELECT (id) ON "Big Orders" TO view_reader;
                COMMENT ON VIEW order_totals IS 'Totals per order';
                COMMENT ON COLUMN order_totals.amount IS 'In cents';
                COMMENT ON COLUMN "Big Orders".id IS 'The order';
                """));
    }
}
