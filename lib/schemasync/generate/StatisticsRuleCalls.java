package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.StatisticsKind;

/**
 * The generated calls of extended statistics and rules, and their block. Both come after every table, view,
 * materialized view, foreign table and routine, and after the triggers and policies: a statistics object needs
 * only its table (and the functions of its expressions); a rule needs its table or view and whatever its
 * condition and actions read or call (pg_depend of the pg_rewrite row), all of which PostgreSQL can only hold as
 * those kinds, created by the blocks before this one. Nothing depends on a rule or a statistics object in turn,
 * so nothing needs to come after them.
 */
final class StatisticsRuleCalls {
    private StatisticsRuleCalls() {
    }

    /** One block with every statistics object and rule of the managed schemas, sorted by name. */
    static void write(Generator g, Catalog catalog) {
        List<Call> calls = new ArrayList<>();
        catalog.statistics().values().stream().filter(s -> g.schemas().contains(s.name().schema()))
                .sorted(java.util.Comparator.comparing(s -> s.name().toString()))
                .forEach(s -> calls.add(new StatisticsCall(g.dslName(s.name()), g.dslName(s.table()), s)));
        catalog.rules().values().stream().filter(r -> g.schemas().contains(r.table().schema()))
                .sorted(java.util.Comparator.comparing(Rule::key))
                .forEach(r -> calls.add(new RuleCall(g.dslName(r.table()), r.name(), r.definition(), r.enabled())));
        if (calls.isEmpty()) return;
        g.startBlock("Statistics and rules", "Extended statistics and rules, after the tables, views and routines they use");
        g.addAll(calls);
    }

    /** {@code db.ensureStatistics("s", s -> s.on("address").kinds(StatisticsKind.MCV).columns("a", "b").target(500));} */
    record StatisticsCall(String name, String table, Statistics statistics) implements Call {
        private boolean defaultKinds() {
            return statistics.kinds().equals(Statistics.defaultKinds(statistics.columns().size() + statistics.expressions().size()));
        }

        public void render(JavaCode code) {
            StringBuilder s = new StringBuilder("db.ensureStatistics(" + JavaCode.literal(name) + ", s -> s.on(" + JavaCode.literal(table) + ")");
            if (!defaultKinds()) {
                code.importClass("schemasync.dsl.StatisticsKind");
                s.append(".kinds(").append(String.join(", ", statistics.kinds().stream()
                        .map(k -> "StatisticsKind." + k.toUpperCase(java.util.Locale.ROOT)).toList())).append(')');
            }
            if (!statistics.columns().isEmpty()) s.append(".columns(").append(JavaCode.strings(statistics.columns())).append(')');
            if (!statistics.expressions().isEmpty()) s.append(".expressions(").append(JavaCode.strings(statistics.expressions())).append(')');
            if (statistics.target() != null) s.append(".target(").append(statistics.target()).append(')');
            code.line(0, s.append(");").toString());
        }

        public void declare(SchemaChanges db) {
            db.ensureStatistics(name, s -> {
                s = s.on(table);
                if (!defaultKinds()) {
                    s = s.kinds(statistics.kinds().stream().map(k -> StatisticsKind.valueOf(k.toUpperCase(java.util.Locale.ROOT)))
                            .toArray(StatisticsKind[]::new));
                }
                if (!statistics.columns().isEmpty()) s = s.columns(statistics.columns().toArray(String[]::new));
                if (!statistics.expressions().isEmpty()) s = s.expressions(statistics.expressions().toArray(String[]::new));
                return statistics.target() == null ? s : s.target(statistics.target());
            });
        }
    }

    /**
     * {@code db.ensureRule("t", "r_name", "ON INSERT TO public.t DO INSTEAD NOTHING");}: the text as pg_get_ruledef prints
     * it, with {@code r -> r.disabled()} (or {@code enabledReplica()}, {@code enabledAlways()}) when it does not fire as
     * CREATE RULE leaves it.
     */
    record RuleCall(String table, String name, String definition, ExternalObjects.Enabled enabled) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureRule(" + JavaCode.literal(table) + ", " + JavaCode.literal(name) + ", " + JavaCode.literal(definition)
                    + (option() == null ? "" : ", r -> r." + option() + "()") + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureRule(table, name, definition, r -> switch (enabled) {
                case ORIGIN -> r;
                case DISABLED -> r.disabled();
                case REPLICA -> r.enabledReplica();
                case ALWAYS -> r.enabledAlways();
            });
        }

        private String option() {
            return switch (enabled) {
                case ORIGIN -> null;
                case DISABLED -> "disabled";
                case REPLICA -> "enabledReplica";
                case ALWAYS -> "enabledAlways";
            };
        }
    }
}
