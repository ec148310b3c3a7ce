package schemasync.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs units with bounded parallelism. A unit's failure is its own: the others go on, unless
 * {@code failFast}, which stops starting new ones (those in flight finish: an apply is never cut
 * off mid-transaction by us). With a canary of K, the first K units run first and must all end ok
 * before any other starts; otherwise the rest are skipped, untouched.
 */
public final class FleetRun {

    /** Converges (or plans) one unit; never throws: failures are results. */
    @FunctionalInterface
    public interface UnitWork {
        UnitResult run(Unit unit);
    }

    public record Settings(int parallel, int canary, boolean failFast) {
        public Settings {
            if (parallel < 1) throw schemasync.SchemaSyncException.badInput("--parallel must be at least 1, not " + parallel);
            if (canary < 0) throw schemasync.SchemaSyncException.badInput("--canary must be 0 or more, not " + canary);
        }
    }

    private FleetRun() {
    }

    /** Results in the order of {@code units}; {@code finished} hears of each as it ends (from worker threads, one at a time). */
    public static List<UnitResult> run(List<Unit> units, Settings settings, UnitWork work, Consumer<UnitResult> finished) {
        UnitResult[] results = new UnitResult[units.size()];
        int canary = Math.min(settings.canary(), units.size());
        AtomicReference<String> stop = new AtomicReference<>();
        Consumer<UnitResult> heard = r -> {
            synchronized (results) {
                finished.accept(r);
            }
        };
        runRange(units, results, 0, canary, settings, work, heard, stop);
        if (stop.get() == null && canary > 0) {
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < canary; i++) if (!results[i].ok()) failed.add(results[i].unit());
            if (!failed.isEmpty()) stop.set("--canary: " + String.join(", ", failed) + " did not succeed, so the other units were not started");
        }
        runRange(units, results, canary, units.size(), settings, work, heard, stop);
        return List.of(results);
    }

    private static void runRange(List<Unit> units, UnitResult[] results, int from, int to, Settings settings,
                                 UnitWork work, Consumer<UnitResult> heard, AtomicReference<String> stop) {
        if (from >= to) return;
        int threads = Math.min(settings.parallel(), to - from);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "schema-sync-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Unit unit = units.get(index);
                    String why = stop.get();
                    UnitResult r = why != null ? UnitResult.skipped(unit, why) : work.run(unit);
                    results[index] = r;
                    if (!r.ok() && why == null && settings.failFast()) {
                        stop.compareAndSet(null, "--fail-fast: stopped after " + unit.name() + " failed");
                    }
                    heard.accept(r);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a fleet worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
