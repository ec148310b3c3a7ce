package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import schemasync.db.Connections;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.execute.SchemaSync.Outcome;

/**
 * Two deploys at once: without the advisory lock, concurrent CREATE ... on an empty database fail
 * on pg_class / pg_type unique indexes. With it, one applies and the others find nothing to do.
 */
class ConcurrentApplyTest {

    @Test
    void concurrentAppliesSerializeAndExactlyOneApplies() throws Exception {
        try (Scenario s = Scenario.start()) {
            int runs = 4;
            ExecutorService pool = Executors.newFixedThreadPool(runs);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SchemaSync.Result>> outcomes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                outcomes.add(pool.submit(() -> {
                    try (Connection c = Connections.open(s.url)) {
                        start.await();
                        return SchemaSync.apply(c, DeclaredSchema.of(Changes.ALL), SchemaSync.Options.defaults());
                    }
                }));
            }
            start.countDown();
            List<SchemaSync.Result> applied = new ArrayList<>();
            for (Future<SchemaSync.Result> f : outcomes) applied.add(f.get());
            pool.shutdown();
            List<Outcome> results = applied.stream().map(SchemaSync.Result::outcome).toList();
            assertEquals(1, results.stream().filter(o -> o == Outcome.APPLIED).count(), results::toString);
            assertEquals(runs - 1, results.stream().filter(o -> o == Outcome.IN_SYNC).count(), results::toString);
            // the one run that applied planned on the empty catalog; the others executed nothing after it
            for (SchemaSync.Result r : applied) s.assertReplayPredicts(Changes.ALL, r);
            assertTrue(s.plan(Changes.ALL).isEmpty());
        }
    }
}
