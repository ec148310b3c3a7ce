package schemasync.plan;

import schemasync.step.Step;
import schemasync.model.HazardKind;
import java.util.List;
import schemasync.catalog.Table;

/**
 * The one place that decides what a step costs, from the step and the table it touches as it was
 * before this run (never from SQL text). A step on a table created earlier in the same run costs
 * nothing: no other session can see that table before the transaction commits. A rewrite, a scan or
 * a plain index build of a {@link #small} table is only its brief lock; of any other table (or one
 * whose size is unknown) it is the full hazard, which {@code --apply} refuses unless allowed.
 */
public final class HazardClassifier {
    /** Small: at most 128 pages (1 MB with 8 kB pages) and 10,000 rows, per the last VACUUM / ANALYZE. */
    public static final long SMALL_PAGES = 128;
    public static final long SMALL_ROWS = 10_000;

    private HazardClassifier() {
    }

    /**
     * Known to be small: reltuples and relpages both known (a table never vacuumed or analyzed reads
     * reltuples -1 and may hold anything) and both under the limits. Statistics lag behind bulk
     * loads; that is why a non-trivial size needs only the last ANALYZE to be noticed.
     */
    public static boolean small(Table table) {
        return table.estimatedRows() >= 0 && table.pages() >= 0 && table.estimatedRows() <= SMALL_ROWS
                && table.pages() <= SMALL_PAGES;
    }

    /**
     * @param table the table as it was before this run, or null when this run creates it
     */
    public static List<Hazard> classify(Step step, Table table) {
        return step.accept(new StepHazards(table));
    }

    static Hazard brief(String table) {
        return new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + table);
    }

    static String size(Table table) {
        long rows = table.estimatedRows();
        if (rows < 0) return "size unknown: never vacuumed or analyzed";
        return "~" + rows + " rows" + (table.pages() >= 0 ? ", " + table.pages() + " pages" : "");
    }
}
