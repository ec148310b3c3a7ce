package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;
import schemasync.catalog.QualifiedName;
import schemasync.verify.RoundTrip;

/**
 * A foreign key {@code ON DELETE SET NULL (cols)} / {@code SET DEFAULT (cols)} (PostgreSQL 15+): the DSL has no such
 * form, so {@code generate} carries it as a custom step, decided from the model's confdelsetcols (no pattern over the
 * constraint's text), and the copy holds the same columns. Runs when the test server is 15+.
 */
class ForeignKeyDeleteColumnsRoundTripTest {

    @Test
    void aReferenceSettingSomeColumnsRoundTripsAsACustomStep() throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            Assumptions.assumeTrue(Integer.parseInt(source.queryString("SHOW server_version_num")) >= 150000, "PostgreSQL 15+");
            source.execute("CREATE TABLE tenants (tenant int, id int, PRIMARY KEY (tenant, id));"
                    + " CREATE TABLE members (id int PRIMARY KEY, tenant int NOT NULL DEFAULT 0, tenant_id int,"
                    + " CONSTRAINT members_tenant_fkey FOREIGN KEY (tenant, tenant_id) REFERENCES tenants ON DELETE SET NULL (tenant_id),"
                    + " CONSTRAINT members_plain_fkey FOREIGN KEY (tenant, tenant_id) REFERENCES tenants ON DELETE SET NULL)");
            RoundTrip.Report report = RoundTrip.run(source.connection, SchemaSelection.all().resolve(source.connection),
                    target.connection);
            report.diff().differences().forEach(d -> System.out.println("  difference: " + d));
            assertEquals(List.of(), report.diff().differences(), "catalog differences");
            assertEquals(List.of(), report.sourcePlan(), "plan against the source");
            assertEquals(List.of(), report.sourceDrift(), "drift against the source");
            assertEquals(List.of(), report.targetPlan(), "plan against the copy");
            assertEquals(List.of(), report.targetDrift(), "drift against the copy");
            // Only the narrowed reference is a custom step; the plain ON DELETE SET NULL is DSL.
            assertEquals(1, report.generated().carried().size(), report.generated().carried().toString());
            assertEquals(true, report.generated().carried().get(0).what().contains("members_tenant_fkey"),
                    report.generated().carried().toString());
            var copy = RoundTrip.read(target.connection, List.of("public"));
            assertEquals(List.of("tenant_id"), copy.tables().get(new QualifiedName("public", "members"))
                    .constraint("members_tenant_fkey").orElseThrow().foreignKey().deleteSetColumns());
        }
    }
}
