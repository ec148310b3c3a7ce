package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * The last attributes of partitions, materialized views and foreign tables that were custom steps or not carried:
 * generated with the defaults, applied to an empty database, zero differences, zero custom steps, empty plans both
 * ways ({@link CorpusKindsRoundTripTest#roundTripsExactly}).
 */
class LastAttributesRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("a partition's own default, dropped default, NOT NULL and column comments; a parent's SET STATISTICS", """
                        CREATE TABLE orders (id bigint NOT NULL, placed date NOT NULL, status text DEFAULT 'new',
                            channel text DEFAULT 'web', note text) PARTITION BY RANGE (placed);
                        CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE TABLE orders_2026 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        ALTER TABLE orders_2025 ALTER COLUMN status SET DEFAULT 'archived';
                        ALTER TABLE orders_2025 ALTER COLUMN channel DROP DEFAULT;
                        ALTER TABLE orders_2025 ALTER COLUMN note SET NOT NULL;
                        COMMENT ON COLUMN orders_2025.note IS 'Kept for the audit';
                        COMMENT ON COLUMN orders_2026.id IS 'Order number';
                        COMMENT ON COLUMN orders.id IS 'Order number (parent)';
                        ALTER TABLE orders ALTER COLUMN note SET STATISTICS 300;
                        """),
                new Fixture("row-level security and policies on single partitions", """
                        DO $$ BEGIN CREATE ROLE k9_clerk; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                        CREATE TABLE tickets (id bigint NOT NULL, opened date NOT NULL, owner text) PARTITION BY RANGE (opened);
                        CREATE TABLE tickets_2025 PARTITION OF tickets FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE TABLE tickets_2026 PARTITION OF tickets FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        ALTER TABLE tickets_2025 ENABLE ROW LEVEL SECURITY;
                        ALTER TABLE tickets_2026 ENABLE ROW LEVEL SECURITY;
                        ALTER TABLE tickets_2026 FORCE ROW LEVEL SECURITY;
                        CREATE POLICY tickets_2025_own ON tickets_2025 FOR SELECT TO k9_clerk USING (owner = current_user);
                        CREATE POLICY tickets_2026_insert ON tickets_2026 AS RESTRICTIVE FOR INSERT WITH CHECK (owner IS NOT NULL);
                        ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
                        CREATE POLICY tickets_all ON tickets USING (true);
                        """),
                new Fixture("grants on a materialized view and on a foreign table, a foreign table's comment", """
                        DO $$ BEGIN CREATE ROLE k9_analyst; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                        CREATE EXTENSION postgres_fdw;
                        CREATE SERVER k9_archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'archive');
                        CREATE FOREIGN TABLE archived_orders (id bigint, total numeric) SERVER k9_archive;
                        CREATE TABLE sales (id bigint PRIMARY KEY, amount numeric);
                        CREATE MATERIALIZED VIEW sales_totals AS SELECT count(*) AS n, sum(amount) AS total FROM sales;
                        GRANT SELECT ON sales_totals TO k9_analyst;
                        GRANT SELECT, INSERT ON archived_orders TO k9_analyst;
                        GRANT SELECT ON archived_orders TO PUBLIC;
                        COMMENT ON FOREIGN TABLE archived_orders IS 'Orders before 2020, in the archive';
                        COMMENT ON MATERIALIZED VIEW sales_totals IS 'Refreshed nightly';
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        new CorpusKindsRoundTripTest().roundTripsExactly(fixture);
    }
}
