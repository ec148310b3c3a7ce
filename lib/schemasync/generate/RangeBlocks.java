package schemasync.generate;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RangeType;
import schemasync.catalog.SqlText;

/**
 * Where range types go in the generated blocks: one whose subtype_diff or canonical function is a user's
 * comes after that function (CREATE TYPE ... AS RANGE resolves it at once), in a block of its own just
 * after the functions the tables use and before the tables (with the domains and composite types over it,
 * {@link BlockPlan}); the others with their schema's types.
 */
final class RangeBlocks {
    private RangeBlocks() {
    }

    /** regproc prints a pg_catalog function bare and any other qualified (the reader's search_path is pg_catalog). */
    static boolean usesUserFunction(RangeType r) {
        return isUser(r.subtypeDiff()) || isUser(r.canonical());
    }

    private static boolean isUser(String function) {
        return function != null && function.contains(".");
    }

    /** The signatures ({@code schema.name(identity arguments)}) of the user functions range types name. */
    static Set<String> functionsRangesUse(Source source) {
        Set<String> names = new HashSet<>();
        for (RangeType r : source.catalog().rangeTypes().values()) {
            if (isUser(r.subtypeDiff())) names.add(r.subtypeDiff());
            if (isUser(r.canonical())) names.add(r.canonical());
        }
        Set<String> signatures = new HashSet<>();
        for (Catalog.Function routine : source.routines()) {
            if (names.contains(regproc(routine.name()))) signatures.add(routine.signature());
        }
        return signatures;
    }

    /** {@code schema.name} as regproc prints it (each part quoted when PostgreSQL would). */
    private static String regproc(QualifiedName name) {
        return SqlText.quoteIdent(name.schema()) + "." + SqlText.quoteIdent(name.name());
    }

    /** The range types over user functions, but those {@code placed} by the graph (over a type placed among the tables). */
    static void rangesOverUserFunctions(Generator g, Catalog catalog, Set<QualifiedName> placed) {
        List<RangeType> ranges = catalog.rangeTypes().values().stream().filter(RangeBlocks::usesUserFunction)
                .filter(r -> !placed.contains(r.name()))
                .sorted(Comparator.comparing((RangeType r) -> r.name().schema()).thenComparing(r -> r.name().name())).toList();
        if (ranges.isEmpty()) return;
        g.startBlock("Range types over functions", "Range types whose subtype_diff or canonical function is one of the"
                + " functions above, and the domains and composite types over them: they must exist before the tables");
        for (RangeType r : ranges) g.add(KindCalls.RangeTypeCall.of(g.dslName(r.name()), r));
    }
}
