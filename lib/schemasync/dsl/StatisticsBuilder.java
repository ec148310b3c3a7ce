package schemasync.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of {@code ensureStatistics}: {@code s -> s.on("public.address").kinds(NDISTINCT, DEPENDENCIES)
 * .columns("city", "postal_code")}, with {@code .expressions("lower(city)")} (PostgreSQL 14+) and {@code .target(500)}
 * (ALTER STATISTICS ... SET STATISTICS). Immutable: each call returns a new value.
 */
public record StatisticsBuilder(String table, List<StatisticsKind> kinds, List<String> columns, List<String> expressions,
                                Integer target) {
    static final StatisticsBuilder NONE = new StatisticsBuilder(null, List.of(), List.of(), List.of(), null);

    public StatisticsBuilder {
        kinds = List.copyOf(kinds);
        columns = List.copyOf(columns);
        expressions = List.copyOf(expressions);
    }

    /** The table (or materialized view, foreign table) the statistics are about. */
    public StatisticsBuilder on(String tableName) {
        return new StatisticsBuilder(tableName, kinds, columns, expressions, target);
    }

    /** The kinds to build; none named: every kind PostgreSQL builds by default. */
    public StatisticsBuilder kinds(StatisticsKind... chosen) {
        return new StatisticsBuilder(table, Arrays.asList(chosen), columns, expressions, target);
    }

    /** Columns of the table, by name (PostgreSQL keeps them in column order whatever the order here). */
    public StatisticsBuilder columns(String... names) {
        List<String> all = new ArrayList<>(columns);
        all.addAll(Arrays.asList(names));
        return new StatisticsBuilder(table, kinds, all, expressions, target);
    }

    /** Expressions over the table's columns ({@code "lower(city)"}), PostgreSQL 14+. */
    public StatisticsBuilder expressions(String... sql) {
        List<String> all = new ArrayList<>(expressions);
        all.addAll(Arrays.asList(sql));
        return new StatisticsBuilder(table, kinds, columns, all, target);
    }

    /** ALTER STATISTICS ... SET STATISTICS {@code n}: how many values ANALYZE samples (0–10000; unset: the default). */
    public StatisticsBuilder target(int n) {
        return new StatisticsBuilder(table, kinds, columns, expressions, n);
    }
}
