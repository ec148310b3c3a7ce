package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What generate used to write as a custom step or stop on (issue 13): a partition's own primary key, and the cycles
 * pg_dump breaks by splitting a part out. Each is generated with the defaults, applied to an empty database and must
 * come back exactly (no difference, no custom step, empty plans: {@link ExactRoundTrip}).
 */
class CycleSplitRoundTripTest {

    record Fixture(String name, int minimumVersion, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("a partition created alone with its own primary key and attached to a parent without one", 0, """
                        CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at);
                        CREATE TABLE events_2024 (id bigint NOT NULL, at date NOT NULL, note text, PRIMARY KEY (id, at));
                        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                        CREATE TABLE events_2025 (id bigint NOT NULL, at date NOT NULL, note text,
                            CONSTRAINT events_2025_key PRIMARY KEY (at, id), CONSTRAINT events_2025_note_key UNIQUE (note));
                        ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        ExactRoundTrip.assertExact(fixture.name(), fixture.minimumVersion(), fixture.sql());
    }
}
