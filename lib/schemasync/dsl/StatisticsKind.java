package schemasync.dsl;

import java.util.Locale;

/** The kinds of an extended statistics object, as CREATE STATISTICS names them ({@code (ndistinct, dependencies, mcv)}). */
public enum StatisticsKind {
    /** N-distinct counts of the column combinations (GROUP BY estimates). */
    NDISTINCT,
    /** Functional dependencies between the columns (estimates of ANDed equality clauses). */
    DEPENDENCIES,
    /** The most common value combinations. */
    MCV;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
