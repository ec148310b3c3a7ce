import java.sql.Connection;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.normalize.Normalizer;
import schemasync.normalize.DeclaredShapes;
import schemasync.plan.Plan;
import schemasync.plan.Planner;

/**
 * bench/bench.sh: the phases of one plan, in one JVM, ROUNDS times on the same connection (run with
 * the project's class path: java -cp CP InProcess.java). The first round is what a deploy pays in a
 * fresh JVM and a fresh server session; the best round is the code's own cost once both are warm.
 */
public class InProcess {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        DeclaredSchema declared = DeclaredSchema.of(changes.Changes.ALL);
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long[] first = new long[3];
        int steps = -1;
        try (Connection c = Connections.open(DatabaseUrl.parse(System.getenv("DATABASE_URL")))) {
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                Catalog catalog = SchemaSync.readCatalog(c, declared);
                long t1 = System.nanoTime();
                c.setAutoCommit(false);
                DeclaredShapes shapes = Normalizer.normalize(c, catalog, declared);
                long t2 = System.nanoTime();
                Plan plan = Planner.plan(catalog, declared, shapes, Map.of());
                long t3 = System.nanoTime();
                steps = plan.steps().size();
                long[] t = {t1 - t0, t2 - t1, t3 - t2};
                for (int i = 0; i < 3; i++) {
                    if (r == 0) first[i] = t[i];
                    best[i] = Math.min(best[i], t[i]);
                }
            }
        }
        System.out.printf("in-process: catalog read %d ms (best of %d: %d ms), normalize %d ms (%d ms), plan %d ms (%d ms); %d steps%n",
                first[0] / 1_000_000, rounds, best[0] / 1_000_000, first[1] / 1_000_000, best[1] / 1_000_000,
                first[2] / 1_000_000, best[2] / 1_000_000, steps);
    }
}
