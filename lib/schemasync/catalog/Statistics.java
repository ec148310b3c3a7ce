package schemasync.catalog;

import java.util.List;
import schemasync.model.Difference;

/**
 * An extended statistics object ({@code CREATE STATISTICS}) as pg_statistic_ext holds it. {@code kinds}: the
 * words of stxkind ({@code ndistinct}, {@code dependencies}, {@code mcv}) in that order, without the implicit
 * {@code e} PostgreSQL 14+ adds for expressions; {@code columns}: the attribute names of stxkeys, sorted (PostgreSQL
 * keeps them in attnum order whatever the order written, so the order means nothing); {@code expressions}: PostgreSQL
 * 14+'s expressions as pg_get_statisticsobjdef_expressions prints them, in the order written; {@code target}: ALTER
 * STATISTICS ... SET STATISTICS (null: the default, stored as -1 before PostgreSQL 17 and as NULL from 17).
 */
public record Statistics(QualifiedName name, QualifiedName table, List<String> kinds, List<String> columns,
                         List<String> expressions, Integer target) {
    /** stxkind's letters and the words CREATE STATISTICS takes, in PostgreSQL's order. */
    public static final List<String> ALL_KINDS = List.of("ndistinct", "dependencies", "mcv");

    public Statistics {
        kinds = ALL_KINDS.stream().filter(kinds::contains).toList();
        columns = columns.stream().sorted().toList();
        expressions = expressions.stream().map(Statistics::spelled).toList();
        if (target != null && target < 0) target = null;
    }

    /**
     * The kinds CREATE STATISTICS builds when it names none: all three over two or more columns and expressions,
     * none over a single expression (PostgreSQL then keeps only the expression's own statistics).
     */
    /** The same statistics object after ALTER STATISTICS ... SET STATISTICS. */
    public Statistics withTarget(Integer newTarget) {
        return new Statistics(name, table, kinds, columns, expressions, newTarget);
    }

    public static List<String> defaultKinds(int items) {
        return items >= 2 ? ALL_KINDS : List.of();
    }

    /** {@code (lower(city))} and {@code lower( city )} read as {@code lower(city)}: outer parentheses and spacing aside. */
    static String spelled(String expression) {
        String e = Rule.collapsed(expression);
        while (e.startsWith("(") && SqlText.closingParenthesis(e, 0) == e.length() - 1) e = e.substring(1, e.length() - 1).strip();
        return e;
    }

    /** {@code (ndistinct, mcv) ON city, postal_code FROM public.address}, for messages. */
    public String describe() {
        List<String> items = new java.util.ArrayList<>(columns);
        expressions.forEach(e -> items.add("(" + e + ")"));
        return (kinds.isEmpty() ? "" : "(" + String.join(", ", kinds) + ") ") + "ON " + String.join(", ", items) + " FROM " + table
                + (target == null ? "" : ", STATISTICS " + target);
    }

    /** What CREATE STATISTICS fixes (table, kinds, columns, expressions) and what ALTER STATISTICS changes (target). */
    public static List<Difference> diff(Statistics want, Statistics have) {
        return new Differ.Fields().add("table", want.table(), have.table()).add("kinds", want.kinds(), have.kinds())
                .add("columns", want.columns(), have.columns()).add("expressions", want.expressions(), have.expressions())
                .add("statistics target", want.target(), have.target()).list();
    }

    /** Only the target differs: ALTER STATISTICS ... SET STATISTICS reaches it; anything else means drop and create. */
    public static boolean onlyTargetDiffers(Statistics want, Statistics have) {
        return diff(want, have).stream().allMatch(d -> d.field().equals("statistics target"));
    }
}
