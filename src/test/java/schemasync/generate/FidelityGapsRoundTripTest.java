package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * What a partition or an inheritance child has of its own, beside what it gets from its parent: generated with the
 * defaults, applied to an empty database, zero differences, zero custom steps, empty plans both ways
 * ({@link CorpusKindsRoundTripTest#roundTripsExactly}).
 */
class FidelityGapsRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("a partition's storage parameters, own index, own CHECK, table and column grants", """
                        DO $$ BEGIN CREATE ROLE k2_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                        CREATE TABLE measurements (id bigint NOT NULL, taken date NOT NULL, value numeric) PARTITION BY RANGE (taken);
                        CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
                            WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);
                        CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        ALTER TABLE measurements_2025 SET (toast.autovacuum_enabled = false);
                        ALTER TABLE measurements_2026 ADD CONSTRAINT measurements_2026_value_positive CHECK (value > 0);
                        CREATE INDEX measurements_2026_value_idx ON measurements_2026 (value);
                        GRANT SELECT ON measurements TO k2_reader;
                        GRANT SELECT, INSERT ON measurements_2025 TO k2_reader;
                        GRANT UPDATE (value) ON measurements_2026 TO k2_reader;
                        """),
                new Fixture("an INHERITS child's own default, dropped default and NOT NULL on inherited columns", """
                        CREATE TABLE cities (id bigint PRIMARY KEY, name text, country char(2) DEFAULT 'US', population int);
                        CREATE TABLE capitals (since date) INHERITS (cities);
                        ALTER TABLE ONLY capitals ALTER COLUMN country SET DEFAULT 'FR';
                        ALTER TABLE ONLY capitals ALTER COLUMN name SET NOT NULL;
                        CREATE TABLE villages () INHERITS (cities);
                        ALTER TABLE ONLY villages ALTER COLUMN country DROP DEFAULT;
                        """),
                new Fixture("a partition's comment, own trigger, column options and UNLOGGED", """
                        CREATE TABLE readings (id bigint NOT NULL, taken date NOT NULL, note text) PARTITION BY RANGE (taken);
                        CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE UNLOGGED TABLE readings_2026 PARTITION OF readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        COMMENT ON TABLE readings_2025 IS 'Last year''s readings';
                        ALTER TABLE readings ALTER COLUMN taken SET STATISTICS 200;
                        ALTER TABLE readings_2025 ALTER COLUMN note SET STATISTICS 500;
                        ALTER TABLE readings_2025 ALTER COLUMN note SET STORAGE MAIN;
                        ALTER TABLE readings_2025 ALTER COLUMN id SET (n_distinct = 1000);
                        CREATE FUNCTION readings_touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
                        CREATE TRIGGER readings_audit AFTER INSERT ON readings FOR EACH ROW EXECUTE FUNCTION readings_touch();
                        CREATE TRIGGER readings_2026_touch BEFORE INSERT ON readings_2026 FOR EACH ROW EXECUTE FUNCTION readings_touch();
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        new CorpusKindsRoundTripTest().roundTripsExactly(fixture);
    }
}
