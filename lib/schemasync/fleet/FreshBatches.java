package schemasync.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Group commit for the fresh tenants of one database and one template: workers that arrive while a batch runs queue
 * up, and the next of them to lead applies the whole queue in one transaction ({@link FreshTenants#apply}).
 *
 * <p>Why one batch at a time. Every {@code CREATE TABLE … REFERENCES public.plans} takes SHARE ROW EXCLUSIVE on the
 * shared table until commit, a mode that conflicts with itself: two fresh-tenant transactions of one database cannot
 * run their DDL side by side anyway, and when they try, the second waits (and may hit the lock timeout and fall back to
 * the ordinary apply). One leader per database, the others waiting in a queue, turns that wait into larger
 * transactions: one round trip, one commit and one catalog read for the whole queue.
 */
final class FreshBatches {

    /** Applies a batch; answers the tenants that converged. Never throws: a failed batch answers none. */
    @FunctionalInterface
    interface Applier {
        Set<String> apply(List<String> tenants);
    }

    /** The most tenants in one transaction: bounds the locks one transaction holds (max_locks_per_transaction). */
    static final int MAX_BATCH = 16;

    private static final class Request {
        final String tenant;
        boolean done;
        boolean converged;

        Request(String tenant) {
            this.tenant = tenant;
        }
    }

    private final Deque<Request> queue = new ArrayDeque<>();
    private boolean leading;

    /** Whether {@code tenant} converged in a batch (its own or one another worker led); false: take the ordinary apply. */
    boolean apply(String tenant, Applier applier) {
        Request mine = new Request(tenant);
        synchronized (this) {
            queue.add(mine);
        }
        while (true) {
            List<Request> batch = new ArrayList<>();
            synchronized (this) {
                while (!mine.done && leading) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        if (queue.remove(mine)) return false;
                    }
                }
                if (mine.done) return mine.converged;
                leading = true;
                while (!queue.isEmpty() && batch.size() < MAX_BATCH) batch.add(queue.poll());
            }
            Set<String> converged = Set.of();
            try {
                converged = applier.apply(batch.stream().map(r -> r.tenant).toList());
            } finally {
                synchronized (this) {
                    for (Request r : batch) {
                        r.done = true;
                        r.converged = converged.contains(r.tenant);
                    }
                    leading = false;
                    notifyAll();
                }
            }
        }
    }
}
