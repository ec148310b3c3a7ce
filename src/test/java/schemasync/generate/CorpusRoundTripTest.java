package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import schemasync.Scenario;
import schemasync.verify.RoundTrip;

/**
 * The adoption proof on the three real-world corpus schemas: generate blocks from the loaded schema
 * S, apply them to an empty database E, and the catalogs are equal object by object; the blocks
 * plan nothing against S and nothing against E again, without a single warning (so
 * {@code --dry-run --check} against S says in sync), with the exact number of custom steps expected.
 * Prints the object counts compared.
 */
class CorpusRoundTripTest {

    /**
     * Custom steps expected per corpus schema: none. Everything in chinook, pagila (a partitioned table
     * whose partitions have foreign keys of their own, a materialized view with a unique index) and osm
     * (NOT VALID foreign keys, a primary key with a name of its own) is said with the DSL.
     */
    @ParameterizedTest
    @CsvSource({"chinook.sql, 0", "pagila.sql, 0", "osm.sql, 0", "temporal.sql, 0", "omop.sql, 0"})
    void generatedBlocksRebuildTheSchemaExactly(String file, int customSteps) throws Exception {
        Path sql = schemasync.CorpusSnapshotTest.corpus(file);
        assertNotNull(sql, "corpus file " + file + " is missing");
        try (Scenario source = Scenario.start("DO $$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
             Scenario target = Scenario.start()) {
            source.execute(Files.readString(sql));
            RoundTrip.Report report = ExactRoundTrip.run(source, SchemaSelection.all().resolve(source.connection), target);
            System.out.println(file + ": compared " + report.diff().compared() + "; " + report.generated().blocks().size()
                    + " blocks, " + report.generated().carried().size() + " custom steps, " + report.statementsApplied()
                    + " statements applied; generated in " + report.generateTime().toMillis() + " ms; unmodeled in source: "
                    + report.generated().unmodeled() + "; drift against the source: " + report.sourceDrift().size());
            report.generated().carried().forEach(c -> System.out.println("  custom step: " + c.what() + " (" + c.why() + ")"));
            report.generated().notCarried().forEach(n -> System.out.println("  not carried: " + n));
            report.sourceDrift().forEach(d -> System.out.println("  drift: " + d));
            assertEquals(java.util.List.of(), report.diff().differences(), "catalog differences");
            // The plan against the source is EMPTY: no ℹ (nothing to do) and no ⚠ (nothing undeclared or different),
            // so `--dry-run --check` against the database the blocks came from says in sync.
            assertEquals(java.util.List.of(), report.sourcePlan(), "ℹ in the plan against the source");
            assertEquals(java.util.List.of(), report.sourceDrift(), "⚠ in the plan against the source");
            assertEquals(java.util.List.of(), report.targetPlan(), "ℹ in the plan against the rebuilt database");
            assertEquals(java.util.List.of(), report.targetDrift(), "⚠ in the plan against the rebuilt database");
            assertTrue(report.ok());
            assertEquals(customSteps, report.generated().carried().size(), report.generated().carried().toString());
            assertEquals(java.util.List.of(), report.generated().notCarried(), "objects not carried");
            assertEquals(java.util.Map.of(), report.generated().unmodeled(), "objects the comparison does not cover");
            assertTrue(report.diff().compared().get("tables") >= 10);
            if (file.equals("pagila.sql")) {
                // The partitioned payment table and its 55 partitions, and the materialized view with its unique
                // index (indexes of materialized views are among the indexes compared), were compared too.
                assertEquals(56, report.diff().compared().get("partitionings"));
                assertEquals(1, report.diff().compared().get("materializedViews"));
            }
        }
    }
}
