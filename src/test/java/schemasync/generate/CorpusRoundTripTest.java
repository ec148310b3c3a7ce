package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import schemasync.Scenario;
import schemasync.verify.RoundTrip;

/**
 * The adoption proof on the three real-world corpus schemas: generate blocks from the loaded schema
 * S, apply them to an empty database E, and the catalogs are equal object by object; the blocks
 * plan nothing against S and nothing against E again. Prints the object counts compared.
 */
class CorpusRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"chinook.sql", "pagila.sql", "osm.sql"})
    void generatedBlocksRebuildTheSchemaExactly(String file) throws Exception {
        Path sql = schemasync.CorpusSnapshotTest.corpus(file);
        assertNotNull(sql, "corpus file " + file + " is missing");
        try (Scenario source = Scenario.start("DO $$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
             Scenario target = Scenario.start()) {
            source.execute(Files.readString(sql));
            RoundTrip.Report report = RoundTrip.run(source.connection, Set.of("public"), target.connection);
            System.out.println(file + ": compared " + report.diff().compared() + "; " + report.generated().blocks().size()
                    + " blocks, " + report.generated().carried().size() + " custom steps, " + report.statementsApplied()
                    + " statements applied; generated in " + report.generateTime().toMillis() + " ms; unmodeled in source: "
                    + report.generated().unmodeled() + "; drift against the source: " + report.sourceDrift().size());
            report.generated().carried().forEach(c -> System.out.println("  custom step: " + c.what() + " (" + c.why() + ")"));
            report.generated().notCarried().forEach(n -> System.out.println("  not carried: " + n));
            report.sourceDrift().forEach(d -> System.out.println("  drift: " + d));
            assertEquals(java.util.List.of(), report.diff().differences(), "catalog differences");
            assertEquals(java.util.List.of(), report.sourcePlan(), "plan against the source");
            assertEquals(java.util.List.of(), report.targetPlan(), "plan against the rebuilt database");
            assertTrue(report.diff().compared().get("tables") >= 10);
        }
    }
}
