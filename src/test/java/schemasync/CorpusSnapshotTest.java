package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;

/**
 * Real-world schemas (src/test/resources/corpus, copied from the team's shared corpus): loaded twice into fresh
 * databases, they read back as equal snapshots: nothing run-specific (OIDs, statistics order) leaks
 * into the catalog, whatever the schema uses (partitions, domains, triggers, GiST/GIN, NOT VALID...).
 */
public class CorpusSnapshotTest {

    /** A corpus file: the test resources copy, else the team's shared corpus beside the checkout. */
    public static Path corpus(String name) {
        for (Path dir : new Path[] {Path.of("src", "test", "resources", "corpus"), Path.of("..", "shared", "corpus")}) {
            if (Files.isRegularFile(dir.resolve(name))) return dir.resolve(name);
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chinook.sql", "pagila.sql", "osm.sql"})
    void aRecreatedSchemaReadsBackEqual(String file) throws Exception {
        Path sql = corpus(file);
        org.junit.jupiter.api.Assertions.assertNotNull(sql, "corpus file " + file + " is missing");
        String ddl = Files.readString(sql);
        Catalog first = load(ddl);
        Catalog second = load(ddl);
        assertTrue(first.tables().size() >= 10, "read " + first.tables().size() + " tables");
        assertEquals(first, second);
    }

    private static Catalog load(String ddl) throws Exception {
        try (Scenario s = Scenario.start("DO $$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $$")) {
            try (Statement st = s.connection.createStatement()) {
                st.execute(ddl);
            }
            s.connection.setAutoCommit(false);
            try {
                return CatalogReader.read(s.connection, Set.of("public"));
            } finally {
                s.connection.rollback();
            }
        }
    }
}
