package schemasync.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Group commit for the fresh tenants of one database and one template, in two stages, each with a queue and one
 * leader at a time: the statements and the commit ({@link FreshTenants#commit}), then the check read
 * ({@link FreshTenants#converged}). Workers that arrive while a stage runs queue up, and the next of them to lead
 * runs the stage for the whole queue.
 *
 * <p>Why one batch of statements at a time. Every {@code CREATE TABLE … REFERENCES public.plans} takes SHARE ROW
 * EXCLUSIVE on the shared table until commit, a mode that conflicts with itself: two fresh-tenant transactions of one
 * database cannot run their DDL side by side anyway, and when they try, the second waits (and may hit the lock timeout
 * and fall back to the ordinary apply). One leader per database, the others waiting in a queue, turns that wait into
 * larger transactions: one round trip and one commit for the whole queue.
 *
 * <p>Why the check is a stage of its own. The check is a catalog read, and each of its queries scans pg_class and its
 * kin whole (no catalog index leads with the schema): its cost grows with the database's catalog, not with the tenants
 * it checks (≈ 60 ms at 100 tenants × 20 tables, ≈ 400 ms at 1,000 on the bench's machine, and ≈ 8 ms more a tenant).
 * Checked batch by batch, inside the statements' turn, it was more than half of a fresh fleet's time (bench/fleet-profile.md).
 * As a stage of its own it runs beside the next batch's statements (on another connection), and the tenants of every
 * batch that committed meanwhile share one read.
 */
final class FreshBatches {

    /** One stage: runs for a group of tenants, answers those that passed. Never throws: a failed stage answers none. */
    @FunctionalInterface
    interface Stage {
        Set<String> run(List<String> tenants);
    }

    /**
     * The most tenants in one transaction: bounds the locks one transaction holds (max_locks_per_transaction), and
     * leaves, at the bench's {@code --parallel 16}, as many workers again to wait for the check of the batch before
     * (a batch that took every waiting worker would leave the two stages nothing to overlap).
     */
    static final int MAX_BATCH = 8;

    /** The most tenants one check reads: bounds the rows of one read; the check's cost is mostly per read. */
    static final int MAX_CHECK = 64;

    private final Queue statements = new Queue(MAX_BATCH);
    private final Queue checks = new Queue(MAX_CHECK);

    /**
     * Whether {@code tenant} committed in a batch and its check found it converged (its own batch and check, or ones
     * another worker led); false: take the ordinary apply, which plans from what is there.
     */
    boolean apply(String tenant, Stage commit, Stage check) {
        Request mine = statements.await(statements.enqueue(tenant), commit, checks);
        return mine != null && checks.await(mine, check, null) != null;
    }

    /** A queue with one leader at a time, who runs the stage for up to {@code max} queued tenants (its own among them). */
    private static final class Queue {
        private final int max;
        private final Deque<Request> queue = new ArrayDeque<>();
        private boolean leading;

        Queue(int max) {
            this.max = max;
        }

        synchronized Request enqueue(String tenant) {
            Request request = new Request(tenant);
            queue.add(request);
            return request;
        }

        /**
         * Waits for {@code mine} to pass this stage (leading a group when no one else does); answers its request in
         * {@code next}, or itself when there is no next stage, or null when it did not pass. The leader puts the
         * tenants that passed into {@code next} all at once, before any of them goes on: else the leader, first out,
         * would find the next stage idle and lead it alone, and the next stage would run once more for nothing.
         */
        Request await(Request mine, Stage stage, Queue next) {
            boolean interrupted = false;
            while (true) {
                List<Request> group = new ArrayList<>();
                synchronized (this) {
                    while (!mine.done && leading) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // Not yet in a group: leave the queue. In one: its stage runs anyway, wait for the answer.
                            interrupted = true;
                            if (queue.remove(mine)) {
                                Thread.currentThread().interrupt();
                                return null;
                            }
                        }
                    }
                    if (interrupted) Thread.currentThread().interrupt();
                    if (mine.done) return mine.next;
                    leading = true;
                    while (!queue.isEmpty() && group.size() < max) group.add(queue.poll());
                }
                Set<String> passed = Set.of();
                try {
                    passed = stage.run(group.stream().map(r -> r.tenant).toList());
                } finally {
                    List<Request> onward = new ArrayList<>();
                    for (Request r : group) {
                        if (passed.contains(r.tenant)) onward.add(r);
                    }
                    if (next != null) next.enqueueAll(onward);
                    synchronized (this) {
                        if (next == null) for (Request r : onward) r.next = r;
                        for (Request r : group) r.done = true;
                        leading = false;
                        notifyAll();
                    }
                }
            }
        }

        /** Sets each request's {@code next} to a new request of this queue, all queued in one step. */
        private synchronized void enqueueAll(List<Request> requests) {
            for (Request r : requests) {
                r.next = new Request(r.tenant);
                queue.add(r.next);
            }
        }
    }

    private static final class Request {
        final String tenant;
        boolean done;
        /** Where it goes on when it passed: its request in the next stage, or itself after the last; null: it did not pass. */
        Request next;

        Request(String tenant) {
            this.tenant = tenant;
        }
    }
}
