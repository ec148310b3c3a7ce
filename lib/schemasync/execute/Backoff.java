package schemasync.execute;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import schemasync.SchemaSyncException;

/**
 * Exponential backoff with jitter between tries after a lock timeout: 250 ms, 500 ms, 1 s, ... capped
 * at 8 s, each pause drawn between half and all of that ("equal jitter"), so that several deploys
 * (or our retries and the application's) do not queue for the same lock in lockstep.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration CAP = Duration.ofSeconds(8);

    private int retries;

    /** The pause before the next try; counts one more retry. */
    Duration next() {
        long ceiling = Math.min(CAP.toMillis(), FIRST.toMillis() << Math.min(retries, 20));
        retries++;
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    int retries() {
        return retries;
    }

    void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaSyncException(SchemaSyncException.Code.DATABASE, "interrupted while waiting to retry after a"
                    + " lock timeout; nothing of the transactional part is half-applied");
        }
    }
}
