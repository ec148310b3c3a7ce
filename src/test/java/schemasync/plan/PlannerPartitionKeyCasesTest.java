package schemasync.plan;

import static schemasync.plan.Fixtures.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * A partition's own primary key ({@code ensurePartition(..., t -> t.primaryKey(...))}, a partition created alone and
 * attached to a parent without one), without a server ({@link PlannerCasesTest} explains the form): added to a partition
 * the run creates, compared on an existing one.
 */
class PlannerPartitionKeyCasesTest {
    private static final String BOUND = "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a new partition with a primary key of its own: CREATE ... PARTITION OF, then ADD PRIMARY KEY",
                        catalog().table(table("public.events", 50_000, 1_000, notNull("at", "date"), column("id", "bigint")))
                                .partitioned("public.events", "RANGE (at)").build(),
                        db -> db.ensurePartition("events_2026", "events", BOUND, t -> t.primaryKey("id", "at")),
                        shapes().partition("public.events_2026", BOUND).build(),
                        List.of("CREATE TABLE \"public\".\"events_2026\" PARTITION OF \"public\".\"events\" " + BOUND,
                                "ALTER TABLE \"public\".\"events_2026\" ADD CONSTRAINT \"events_2026_pkey\" PRIMARY KEY (\"id\", \"at\")"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of()),
                        List.of("create partition public.events_2026", "create constraint public.events_2026.events_2026_pkey",
                                "undeclared table public.events")),
                new Case("an existing partition without the declared key: drift, not added (it scans and builds an index under lock)",
                        catalog().table(table("public.events", 50_000, 1_000, notNull("at", "date"), column("id", "bigint")))
                                .table(table("public.events_2026", 50_000, 1_000, notNull("at", "date"), column("id", "bigint")))
                                .partitioned("public.events", "RANGE (at)").partitionOf("public.events_2026", "public.events", BOUND).build(),
                        db -> db.ensurePartition("events_2026", "events", BOUND, t -> t.primaryKey("id", "at").named("events_2026_key")),
                        shapes().partition("public.events_2026", BOUND).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged partition public.events_2026", "drift constraint public.events_2026 primary key",
                                "undeclared table public.events")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
