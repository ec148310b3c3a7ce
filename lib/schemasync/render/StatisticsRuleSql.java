package schemasync.render;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.impl.DSL;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;

/**
 * CREATE STATISTICS, ALTER STATISTICS ... SET STATISTICS and CREATE [OR REPLACE] RULE as plain-SQL templates (jOOQ
 * 3.19 has none of them). Names and columns go through {@code DSL.name}; statistics expressions and a rule's
 * definition are the user's SQL, appended verbatim after rendering.
 */
final class StatisticsRuleSql {
    private StatisticsRuleSql() {
    }

    /**
     * {@code CREATE STATISTICS name (ndistinct, dependencies) ON "city", "zip", (lower(city)) FROM table}: names
     * rendered by jOOQ, the expressions appended verbatim (never parsed as a template: a {@code ?} stays an operator).
     */
    static String createStatistics(DSLContext ctx, Statistics s, Name name, Name table) {
        List<String> items = new ArrayList<>();
        for (String column : s.columns()) items.add(ctx.render(DSL.name(column)));
        for (String e : s.expressions()) items.add("(" + e + ")");
        return "CREATE STATISTICS " + ctx.render(name) + (s.kinds().isEmpty() ? "" : " (" + String.join(", ", s.kinds()) + ")")
                + " ON " + String.join(", ", items) + " FROM " + ctx.render(table);
    }

    /** {@code ALTER STATISTICS name SET STATISTICS n}; -1 restores the default (accepted on 13–18). */
    static String setStatisticsTarget(DSLContext ctx, Name name, Integer target) {
        return ctx.render(DSL.query("ALTER STATISTICS {0} SET STATISTICS " + (target == null ? -1 : target), name));
    }

    /** {@code CREATE [OR REPLACE] RULE name AS ON event TO table ... DO ...}: the definition names its table. */
    static String createRule(DSLContext ctx, Rule r, boolean replace) {
        return (replace ? "CREATE OR REPLACE RULE " : "CREATE RULE ") + ctx.render(DSL.name(r.name())) + " AS " + r.definition();
    }

    /** {@code ALTER TABLE table DISABLE RULE name}, {@code ... ENABLE REPLICA TRIGGER name}: the state's own words. */
    static String setEnabled(DSLContext ctx, schemasync.step.StatisticsRuleSteps.SetEnabled s, Name table) {
        return "ALTER TABLE " + ctx.render(table) + " " + s.enabled().sql + " " + s.kind().word().toUpperCase(java.util.Locale.ROOT)
                + " " + ctx.render(DSL.name(s.name()));
    }
}
