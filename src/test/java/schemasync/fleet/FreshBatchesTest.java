package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The two group-commit stages of fresh tenants, without a database: who runs, in which group, and what each learns. */
class FreshBatchesTest {

    @Test
    void everyTenantIsCommittedOnceAndCheckedOnceAfterItsCommitAndOnlyCheckedTenantsPass() throws Exception {
        FreshBatches batches = new FreshBatches();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Map<String, Integer> commits = new ConcurrentHashMap<>();
        Map<String, Integer> checks = new ConcurrentHashMap<>();
        List<Integer> checkSizes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inCommit = new AtomicInteger();
        AtomicInteger inCheck = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        FreshBatches.Stage commit = tenants -> {
            if (inCommit.incrementAndGet() > 1) problems.add("two batches at once");
            if (inCheck.get() > 0) overlap.incrementAndGet();
            if (tenants.size() > FreshBatches.MAX_BATCH) problems.add("batch of " + tenants.size());
            sleep(5);
            Set<String> ok = new HashSet<>();
            for (String t : tenants) {
                commits.merge(t, 1, Integer::sum);
                if (!t.endsWith("7")) { // tenant_…7 is not fresh any more: it never reaches the check
                    committed.add(t);
                    ok.add(t);
                }
            }
            inCommit.decrementAndGet();
            return ok;
        };
        FreshBatches.Stage check = tenants -> {
            if (inCheck.incrementAndGet() > 1) problems.add("two checks at once");
            checkSizes.add(tenants.size());
            sleep(20); // slower than a batch: the tenants of several batches queue for one read
            Set<String> ok = new HashSet<>();
            for (String t : tenants) {
                checks.merge(t, 1, Integer::sum);
                if (!committed.contains(t)) problems.add(t + " checked before its commit");
                if (!t.endsWith("3")) ok.add(t); // tenant_…3 differs from the template: the ordinary apply takes it
            }
            inCheck.decrementAndGet();
            return ok;
        };
        int n = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tenant = String.format("tenant_%03d", i);
            answers.add(pool.submit(() -> {
                start.await();
                return batches.apply(tenant, commit, check);
            }));
        }
        start.countDown();
        for (int i = 0; i < n; i++) {
            boolean expected = i % 10 != 7 && i % 10 != 3;
            assertEquals(expected, answers.get(i).get(60, TimeUnit.SECONDS), "tenant " + i);
        }
        pool.shutdown();
        assertEquals(List.of(), problems);
        for (int i = 0; i < n; i++) {
            String tenant = String.format("tenant_%03d", i);
            assertEquals(1, commits.get(tenant), tenant);
            assertEquals(i % 10 == 7 ? null : 1, checks.get(tenant), tenant);
        }
        assertTrue(overlap.get() > 0, "a batch's statements ran beside a check");
        assertTrue(checkSizes.stream().anyMatch(size -> size > 1), "a batch's tenants share one read: " + checkSizes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
