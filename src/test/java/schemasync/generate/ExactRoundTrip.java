package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import schemasync.Scenario;
import schemasync.verify.RoundTrip;

/**
 * The exact round trip, one proof for every fixture table (CorpusKindsRoundTripTest, CreationOrderRoundTripTest,
 * TableAttachedKindsRoundTripTest): the SQL is loaded into a fresh database, generated with the defaults (every
 * user schema), the blocks applied to an empty database, and the copy must come back exactly: no catalog
 * difference, no custom step, nothing not carried, empty plans (no ℹ, no ⚠) against the source and the copy.
 */
final class ExactRoundTrip {
    private ExactRoundTrip() {
    }

    /** Round-trips {@code sql} unless the server is older than {@code minimumVersionNum} (server_version_num; 0: any). */
    static void assertExact(String name, int minimumVersionNum, String sql) throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            if (Integer.parseInt(source.queryString("SHOW server_version_num")) < minimumVersionNum) return;
            source.execute(sql);
            RoundTrip.Report report = run(source, SchemaSelection.all().resolve(source.connection), target);
            assertExact(name, report);
        }
    }

    /**
     * {@link RoundTrip#run}, and the scenario harness's replay check on its apply to the empty target: the generated
     * blocks' executed steps replayed on the empty catalog equal the catalog read after the apply.
     */
    static RoundTrip.Report run(Scenario source, java.util.Collection<String> schemas, Scenario target) throws Exception {
        RoundTrip.Report report = RoundTrip.run(source.connection, schemas, target.connection);
        target.assertReplayPredicts(report.generated().blocks(), report.applied());
        return report;
    }

    /** Every way a round trip can fall short, printed first (the failure names one, the output shows them all). */
    static void assertExact(String name, RoundTrip.Report report) {
        System.out.println(name + ": compared " + report.diff().compared());
        report.generated().carried().forEach(c -> System.out.println("  custom step: " + c.what() + " (" + c.why() + ")"));
        report.diff().differences().forEach(d -> System.out.println("  difference: " + d));
        report.sourceDrift().forEach(d -> System.out.println("  drift against the source: " + d));
        report.sourcePlan().forEach(d -> System.out.println("  plan against the source: " + d));
        report.targetDrift().forEach(d -> System.out.println("  drift against the copy: " + d));
        report.targetPlan().forEach(d -> System.out.println("  plan against the copy: " + d));
        assertAll(name,
                () -> assertEquals(List.of(), report.diff().differences(), "catalog differences"),
                () -> assertEquals(List.of(), report.sourcePlan(), "ℹ in the plan against the source"),
                () -> assertEquals(List.of(), report.sourceDrift(), "⚠ in the plan against the source"),
                () -> assertEquals(List.of(), report.targetPlan(), "ℹ in the plan against the rebuilt database"),
                () -> assertEquals(List.of(), report.targetDrift(), "⚠ in the plan against the rebuilt database"),
                () -> assertEquals(List.of(), report.generated().carried(), "custom steps"),
                () -> assertEquals(List.of(), report.generated().notCarried(), "objects not carried"),
                () -> assertTrue(report.ok(), "the report says ok"));
    }
}
