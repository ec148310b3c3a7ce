package schemasync.generate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.Catalog;

/**
 * The generated blocks of routines: those a domain needs (before the types), those a table needs
 * (before the tables, or between them when a standard SQL body reads a table), then each schema's others, each after the routines it calls (pg_depend for
 * aggregates and standard SQL bodies, the text for the others); those whose standard SQL body reads a
 * view are written with the views ({@link BlockPlan}).
 */
final class RoutineBlocks {
    private final Generator g;
    private final Catalog catalog;
    private final CreationOrder order;
    /** The catalog's functions, procedures and aggregates ({@link Source#routines()}). */
    private final List<Catalog.Function> routines;

    RoutineBlocks(Generator g, Source source) {
        this.g = g;
        this.catalog = source.catalog();
        this.order = source.creationOrder();
        this.routines = source.routines();
    }

    /**
     * The routines a table's default, generated column, CHECK or index calls, or an operator or cast names (and the routines
     * they call), in a block before the tables: PostgreSQL resolves the call when the table is created. Those
     * whose standard SQL body reads a table are kept for {@link #routinesBefore}, between the tables.
     */
    void routinesTablesUse(Set<String> rangesUse, Set<String> operatorsUse) {
        Set<String> seed = new HashSet<>(order.routinesTablesUse());
        seed.addAll(rangesUse); // a range type's subtype_diff or canonical function, created before the range
        seed.addAll(operatorsUse); // an operator's or cast's: the graph places it after them (PlacedKinds), between the tables if need be
        // A domain's CHECK or default calling one whose standard SQL body reads a table: between the tables too, the domain
        // after it (PlacedTypes); the others a domain calls were written before the types.
        seed.addAll(order.routinesNeedingTables(closure(order.routinesTypesUse())));
        Set<String> needsTables = order.routinesNeedingTables(closure(seed));
        needsTables.removeAll(closure(rangesUse)); // the range types come before every table
        Set<String> used = early(seed, r -> !needsTables.contains(r), "Functions the tables use", "Functions called by column"
                + " defaults, generated columns, checks or indexes, or named by range types: they must exist before the tables");
        for (String r : needsTables) if (used.contains(r)) betweenTables.add(r);
    }

    /**
     * Routines a table calls whose standard SQL body reads a table (or its row type), and those they call that
     * do too: each is written between the tables, after what it reads ({@link CreationOrder#tables}).
     */
    Set<String> routinesBetweenTables() {
        return Set.copyOf(betweenTables);
    }

    private final Set<String> betweenTables = new HashSet<>();

    /** A block of routines between the tables ({@code signatures} in creation order), named after the table that follows. */
    void routinesBefore(String title, List<String> signatures) {
        if (signatures.isEmpty()) return;
        g.startBlock(title, "Functions whose standard SQL body reads the tables above, called by the tables that follow");
        Map<String, Catalog.Function> bySignature = new HashMap<>();
        for (Catalog.Function r : routines) bySignature.put(r.signature(), r);
        for (String s : signatures) {
            Catalog.Function r = bySignature.get(s);
            if (r == null || earlyRoutines.contains(s)) continue;
            routine(r);
            earlyRoutines.add(s);
        }
    }

    /** {@code seed} with the routines they call, by pg_depend or by their text, until none is added. */
    private Set<String> closure(Set<String> seed) {
        Set<String> wanted = new HashSet<>(seed);
        boolean grew = !wanted.isEmpty();
        while (grew) {
            grew = false;
            for (Catalog.Function r : routines) {
                if (wanted.contains(r.signature()) || body(r) == null) continue;
                for (Catalog.Function user : routines) {
                    if (wanted.contains(user.signature()) && user != r && (order.routinesUsedBy(user.signature()).contains(r.signature())
                            || body(user) != null && calls(body(user), r.name().name()))) {
                        grew |= wanted.add(r.signature());
                        break;
                    }
                }
            }
        }
        return wanted;
    }

    /**
     * The routines a domain's CHECK or default calls, in a block before the types — those that need
     * no type or table of their own (a routine taking the domain could not come first in any order).
     */
    void routinesTypesUse() {
        early(order.routinesTypesUse(), order::needsOnlyRoutines, "Functions the types use",
                "Functions called by a domain's CHECK or default: they must exist before the domain");
    }

    /** Writes the routines {@code seed} needs that {@code canGoEarly} accepts; returns all it needs. */
    private Set<String> early(Set<String> seed, java.util.function.Predicate<String> canGoEarly, String title, String description) {
        Set<String> needed = closure(seed);
        Set<String> wanted = new HashSet<>(needed);
        wanted.removeAll(earlyRoutines);
        wanted.removeIf(canGoEarly.negate());
        if (wanted.isEmpty()) return needed;
        g.startBlock(title, description);
        for (String schema : g.schemas()) {
            for (Catalog.Function r : routinesInOrder(schema)) {
                if (wanted.contains(r.signature())) routine(r);
            }
        }
        earlyRoutines.addAll(wanted);
        return needed;
    }

    /** Routines already written before the tables. */
    private final Set<String> earlyRoutines = new HashSet<>();

    void routines(String schema) {
        g.startBlock(schema + " functions", "Functions, procedures and aggregates of schema " + schema);
        for (Catalog.Function r : routinesInOrder(schema)) {
            if (!earlyRoutines.contains(r.signature()) && !order.readsViews(r.signature())) routine(r);
        }
    }

    /**
     * Routines whose standard SQL body ({@code BEGIN ATOMIC}) reads a view: PostgreSQL resolves the
     * body when it creates the routine, so they are written in the views block, each after what it reads.
     */
    List<Catalog.Function> routinesReadingViews() {
        return routines.stream().filter(r -> !earlyRoutines.contains(r.signature()) && order.readsViews(r.signature()))
                .toList();
    }

    /** pg_get_functiondef's text of a function or procedure; null for an aggregate (its definition is an option list). */
    private static String body(Catalog.Function r) {
        return kind(r).equals("f") || kind(r).equals("p") ? r.definition() : null;
    }

    private static String kind(Catalog.Function r) {
        return r.header().kind();
    }

    void routine(Catalog.Function r) {
        String what = switch (kind(r)) {
            case "p" -> "procedure";
            case "a" -> "aggregate";
            case "w" -> "window function";
            default -> "function";
        };
        String word = kind(r).equals("p") ? "PROCEDURE" : "FUNCTION";
        String arguments = r.header().allArguments();
        String header = "CREATE OR REPLACE " + word + " " + BlockPlan.sqlName(r.name()) + "(" + arguments + ")\n";
        Catalog.Function aggregate = catalog.aggregates().get(r.signature());
        String definition = body(r);
        if ((kind(r).equals("f") || kind(r).equals("p")) && definition != null && definition.startsWith(header)) {
            g.add(new RoutineCalls.FunctionCall(g.dslName(r.name()) + "(" + arguments + ")", definition.substring(header.length()).strip(),
                    kind(r).equals("p")));
        } else if (kind(r).equals("f") || kind(r).equals("p")) {
            g.add(g.custom(what + " " + r.signature(), "its definition does not start as expected",
                    CustomSql.routineMissing(r.name(), r.arguments()), definition.strip(), g.dslName(r.name())));
        } else if (kind(r).equals("a") && aggregate != null) {
            g.add(new RoutineCalls.AggregateCall(g.dslName(r.name()) + "(" + r.arguments() + ")", aggregate.definition()));
        } else if (kind(r).equals("a")) {
            g.notCarried("aggregate " + r.signature() + ": not in the catalog the DSL compares (ordered-set or hypothetical-set)");
        }
    }

    /**
     * A schema's routines, each after the ones its text calls: PostgreSQL checks a SQL function's
     * body when it is created, and an aggregate needs its state function. Bodies record no
     * dependencies in pg_depend, so a call is recognised as the routine's name followed by "(".
     */
    private List<Catalog.Function> routinesInOrder(String schema) {
        List<Catalog.Function> all = routines.stream().filter(r -> r.name().schema().equals(schema)).toList();
        Map<Catalog.Function, String> text = new HashMap<>();
        for (Catalog.Function r : all) {
            Catalog.Function.Header h = r.header();
            text.put(r, body(r) != null ? body(r) : kind(r).equals("a") ? String.valueOf(h.transitionFunction()) + " "
                    + h.finalFunction() + " " + h.combineFunction() + "(" : "");
        }
        // Stuck on a cycle (recursion, or a name that only looks like a call), the first goes first.
        schemasync.model.DependencyGraph<Catalog.Function> graph = new schemasync.model.DependencyGraph<Catalog.Function>().addAll(all);
        for (Catalog.Function r : all) {
            Set<String> used = order.routinesUsedBy(r.signature());
            for (Catalog.Function o : all) {
                if (o != r && (used.contains(o.signature())
                        || !o.name().name().equals(r.name().name()) && calls(text.get(r), o.name().name()))) {
                    graph.edge(r, o);
                }
            }
        }
        return graph.order(e -> true).nodes();
    }

    private static boolean calls(String text, String routine) {
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_$])" + java.util.regex.Pattern.quote(routine) + "\\s*\\(",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).find()
                || text.contains(routine + " ") || text.endsWith(routine);
    }
}
