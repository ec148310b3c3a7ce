package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import schemasync.SchemaSyncException;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.DesiredState;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;
import schemasync.dsl.Declaration;
import schemasync.dsl.Origin;
import schemasync.dsl.StatisticsRuleDecl;
import schemasync.model.Difference;
import schemasync.model.ObjectKind;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.plan.Summary.Verb;

/**
 * Extended statistics and rules. A missing one is created. A statistics object whose target differs gets ALTER
 * STATISTICS ... SET STATISTICS (the one attribute ALTER STATISTICS changes besides names, schema and owner);
 * one that differs in its table, kinds or columns is dropped and created again, which loses only its sampled
 * statistics until the next ANALYZE; one that differs only in how an expression reads is reported, since the
 * text the normalizer could not settle would otherwise be re-created at every run. A differing rule is replaced
 * with CREATE OR REPLACE RULE. Removals drop them. The working copy ({@link PlanContext#state}) is changed
 * through the steps' {@link Effects}.
 */
final class StatisticsRulePlanner {
    private final PlanContext context;

    StatisticsRulePlanner(PlanContext context) {
        this.context = context;
    }

    Map<QualifiedName, Statistics> statistics() {
        return context.state().statistics();
    }

    Map<String, Rule> rules() {
        return context.state().rules();
    }

    boolean handles(Declaration d) {
        return d instanceof StatisticsRuleDecl.StatisticsDecl || d instanceof StatisticsRuleDecl.RuleDecl
                || d instanceof Declaration.RemovalDecl r && (r.kind() == ObjectKind.STATISTICS || r.kind() == ObjectKind.RULE);
    }

    Decisions plan(Declaration d) {
        Decisions out = new Decisions();
        if (d instanceof StatisticsRuleDecl.StatisticsDecl s) out.addAll(statistics(s));
        else if (d instanceof StatisticsRuleDecl.RuleDecl r) out.addAll(rule(r));
        else if (d instanceof Declaration.RemovalDecl r) out.addAll(removal(r));
        return out;
    }

    private Decisions statistics(StatisticsRuleDecl.StatisticsDecl s) {
        Decisions out = new Decisions();
        Statistics declared = current(s.statistics());
        List<String> spelled = context.shapes().types().kinds().statisticsExpressions().get(s.name());
        Statistics want = spelled == null ? declared : new Statistics(declared.name(), declared.table(), declared.kinds(),
                declared.columns(), spelled, declared.target());
        Statistics have = statistics().get(s.name());
        String object = s.name().toString();
        List<Step> steps = new ArrayList<>();
        if (have == null) {
            exists(s.origin(), "statistics " + object, s.name().schema(), want.table());
            steps.add(new Step.CreateStatistics(want));
            if (want.target() != null) steps.add(new Step.SetStatisticsTarget(want.name(), want.table(), want.target()));
            change(out, s.origin(), "statistics", object, Summary.will(Verb.CREATE), steps);
            return out;
        }
        List<Difference> differences = Statistics.diff(want, have);
        if (differences.isEmpty()) {
            out.add(new Unchanged(s.origin(), "statistics", object, "exists, skipped"));
        } else if (Statistics.onlyTargetDiffers(want, have)) {
            change(out, s.origin(), "statistics", object, Summary.will(Verb.SET).plus(" STATISTICS " + (want.target() == null ? "default"
                    : want.target()) + " (database has " + (have.target() == null ? "default" : have.target()) + ")"),
                    List.of(new Step.SetStatisticsTarget(want.name(), want.table(), want.target())));
        } else if (differences.stream().allMatch(x -> x.field().equals("expressions") || x.field().equals("statistics target"))) {
            out.drift(s.origin(), "statistics", object, "differs in expressions: declared (" + want.describe() + "), database has ("
                    + have.describe() + "): not changed (write the expressions as PostgreSQL prints them)", null);
        } else {
            exists(s.origin(), "statistics " + object, s.name().schema(), want.table());
            steps.add(new Step.DropObject(ObjectKind.STATISTICS, want.name(), null));
            steps.add(new Step.CreateStatistics(want));
            if (want.target() != null) steps.add(new Step.SetStatisticsTarget(want.name(), want.table(), want.target()));
            change(out, s.origin(), "statistics", object, Summary.text("differs in " + fields(differences) + " (database has "
                    + have.describe() + "): ").plusWill(Verb.DROP).then(Verb.CREATE), steps);
        }
        return out;
    }

    private Decisions rule(StatisticsRuleDecl.RuleDecl r) {
        Decisions out = new Decisions();
        // Keyed by the declared table in the shapes; planned on the table's name when this position runs.
        String spelled = context.shapes().types().kinds().rules().get(r.rule().key());
        Rule declared = r.rule().onTable(context.renamesTable(r.table()));
        Rule want = spelled == null ? declared : declared.withDefinition(spelled);
        Rule have = rules().get(want.key());
        String object = want.key();
        // CREATE RULE leaves a rule enabled (origin); CREATE OR REPLACE RULE keeps the state it had.
        Step enable = new Step.SetEnabled(ObjectKind.RULE, want.table(), want.name(), want.enabled());
        String state = " " + want.enabled().sql + " RULE";
        refuseStateOnView(r, want, have);
        if (have == null) {
            exists(r.origin(), "rule " + object, want.table().schema(), want.table());
            boolean origin = want.enabled() == ExternalObjects.Enabled.ORIGIN;
            change(out, r.origin(), "rule", object, origin ? Summary.will(Verb.CREATE) : Summary.will(Verb.CREATE).plus(", then" + state),
                    origin ? List.of(new Step.CreateRule(declared, false)) : List.of(new Step.CreateRule(declared, false), enable));
        } else if (have.definition().equals(want.definition())) {
            if (have.enabled() == want.enabled()) {
                out.add(new Unchanged(r.origin(), "rule", object, "exists, skipped"));
            } else {
                change(out, r.origin(), "rule", object, Summary.text("is " + described(have.enabled()) + ", declared "
                        + described(want.enabled()) + ": will" + state), List.of(enable));
            }
        } else {
            List<Step> steps = new ArrayList<>(List.of(new Step.CreateRule(declared, true)));
            if (have.enabled() != want.enabled()) steps.add(enable);
            change(out, r.origin(), "rule", object, Summary.text("differs (database has " + have.definition() + "): will replace"
                    + (have.enabled() == want.enabled() ? "" : ", then" + state)), steps);
        }
        return out;
    }

    /**
     * A rule's state is set with ALTER TABLE ... ENABLE / DISABLE RULE, which PostgreSQL 13 to 18 refuse on a view or a
     * materialized view ("ALTER action DISABLE RULE cannot be performed on relation ...": the subcommand is for tables
     * only, and ALTER VIEW has no such clause); so a view's rule is always enabled (origin). Refused before anything runs.
     */
    private void refuseStateOnView(StatisticsRuleDecl.RuleDecl r, Rule want, Rule have) {
        boolean view = context.state().views().containsKey(want.table()) || context.state().materializedViews().containsKey(want.table());
        if (!view) return;
        ExternalObjects.Enabled now = have == null ? ExternalObjects.Enabled.ORIGIN : have.enabled();
        if (want.enabled() == ExternalObjects.Enabled.ORIGIN && now == ExternalObjects.Enabled.ORIGIN) return;
        throw SchemaSyncException.badInput(r.origin() + ": rule " + want.key() + " is declared " + described(want.enabled())
                + (now == want.enabled() ? "" : " (database: " + described(now) + ")") + ", but " + want.table()
                + " is a view: PostgreSQL sets a rule's state only on a table (ALTER TABLE ... ENABLE / DISABLE RULE refuses"
                + " a view, ALTER VIEW has no such clause); declare the rule without disabled() / enabledReplica() / enabledAlways()");
    }

    /**
     * The declared statistics on its table's name when this position runs, and its columns' (a later block's RENAME
     * TABLE or RENAME COLUMN has not run yet on a fresh database, but has on one deployed since): ALTER TABLE ... RENAME
     * keeps the statistics object by the table's oid and its columns by number, as it keeps an index.
     */
    private Statistics current(Statistics declared) {
        if (declared.table() == null) return declared;
        QualifiedName table = context.renamesTable(declared.table());
        List<String> columns = declared.columns().stream().map(c -> context.renamesColumn(declared.table(), c)).toList();
        return new Statistics(declared.name(), table, declared.kinds(), columns, declared.expressions(), declared.target());
    }

    private Decisions removal(Declaration.RemovalDecl r) {
        Decisions out = new Decisions();
        boolean isRule = r.kind() == ObjectKind.RULE;
        String key = isRule ? Rule.key(r.object(), r.column()) : r.object().toString();
        boolean present = isRule ? rules().containsKey(key) : statistics().containsKey(r.object());
        String kind = r.kind().word();
        if (!present) {
            out.add(new Unchanged(r.origin(), kind, key, "absent, nothing to drop"));
            return out;
        }
        change(out, r.origin(), kind, key, Summary.will(Verb.DROP), List.of(new Step.DropObject(r.kind(), r.object(), r.column())));
        return out;
    }

    private void change(Decisions out, Origin origin, String kind, String object, Summary summary, List<Step> steps) {
        Step[] emitted = steps.toArray(new Step[0]);
        out.change(origin, kind, object, summary, context.state().tables().get(relationOf(steps.get(steps.size() - 1))), emitted);
    }

    private static QualifiedName relationOf(Step step) {
        if (step instanceof Step.CreateStatistics c) return c.statistics().table();
        if (step instanceof Step.SetStatisticsTarget t) return t.table();
        if (step instanceof Step.CreateRule c) return c.rule().table();
        if (step instanceof Step.SetEnabled e) return e.table();
        return step instanceof Step.DropObject d && d.kind() == ObjectKind.RULE ? d.target() : null;
    }

    /** The schema and the table (or view) must exist or be declared by an earlier line: PostgreSQL checks at creation. */
    private void exists(Origin origin, String what, String schema, QualifiedName relation) {
        if (!context.state().schemas().contains(schema)) {
            throw SchemaSyncException.badInput(origin + ": " + what + " is in schema " + schema + ", which does not exist:"
                    + " declare ensureSchema(\"" + schema + "\") first");
        }
        boolean there = context.state().tables().containsKey(relation) || context.state().views().containsKey(relation)
                || context.state().materializedViews().containsKey(relation) || context.before().externals().foreignTables().containsKey(relation);
        if (!there) {
            throw SchemaSyncException.badInput(origin + ": " + what + " is on " + relation + ", which neither exists nor is"
                    + " declared by an earlier block");
        }
    }

    /** A rule of the catalog before the run, declared on its table's name then or on a name this run renamed the table to. */
    private boolean declaredUnderAnyName(Rule r) {
        if (context.desired().declares(DesiredState.rule(r.table(), r.name()))) return true;
        return context.renamedFrom().entrySet().stream().anyMatch(e -> e.getValue().equals(r.table())
                && context.desired().declares(DesiredState.rule(e.getKey(), r.name())));
    }

    /** ev_enabled in words: {@code disabled}, {@code enabled replica}. */
    static String described(ExternalObjects.Enabled e) {
        return switch (e) {
            case ORIGIN -> "enabled";
            case DISABLED -> "disabled";
            case REPLICA -> "enabled replica";
            case ALWAYS -> "enabled always";
        };
    }

    private static String fields(List<Difference> differences) {
        return differences.stream().map(Difference::field).collect(Collectors.joining(", "));
    }

    /** Statistics and rules no block declares: reported, never dropped. */
    Decisions reportUndeclared() {
        Decisions out = new Decisions();
        for (Statistics s : context.before().statistics().values()) {
            if (context.desired().declares(DesiredState.statistics(s.name())) || context.declared().isIgnored(s.name())) continue;
            out.add(new Drift(null, "statistics", s.name().toString(), "undeclared statistics (" + s.describe()
                    + "): no block declares it; left alone", null));
        }
        for (Rule r : context.before().rules().values()) {
            if (declaredUnderAnyName(r) || context.declared().isIgnoredColumn(r.table(), r.name())) continue;
            out.add(new Drift(null, "rule", r.key(), "undeclared rule (" + r.definition()
                    + (r.enabled() == ExternalObjects.Enabled.ORIGIN ? "" : ", " + described(r.enabled()))
                    + "): no block declares it; left alone", null));
        }
        return out;
    }
}
