package schemasync.dsl;

import java.util.function.UnaryOperator;
import schemasync.model.ObjectKind;

/**
 * The verbs of extended statistics ({@code CREATE STATISTICS}) and rules ({@code CREATE RULE}). A statistics
 * object's target is changed in place (ALTER STATISTICS ... SET STATISTICS); anything else about it is fixed at
 * creation, so a differing one is dropped and created again (only its sampled statistics are lost, until the next
 * ANALYZE). A differing rule is replaced (CREATE OR REPLACE RULE, a brief ACCESS EXCLUSIVE lock).
 */
public abstract class StatisticsRuleDeclarations extends ChangeDeclarations {

    StatisticsRuleDeclarations() {
    }

    /**
     * The extended statistics object exists: {@code ensureStatistics("public.s_city_zip", s -> s.on("public.address")
     * .kinds(NDISTINCT, DEPENDENCIES).columns("city", "postal_code"))}. Created when missing.
     */
    public SchemaChanges ensureStatistics(String name, UnaryOperator<StatisticsBuilder> shape) {
        StatisticsBuilder s = shape == null ? StatisticsBuilder.NONE : shape.apply(StatisticsBuilder.NONE);
        if (s == null) s = StatisticsBuilder.NONE;
        // The table in a tenant's schema when it is the placeholder's (TenantScope), resolved while the fold runs.
        if (s.table() != null) s = s.on(scope().qualified(s.table()).toString());
        add(new StatisticsRuleDecl.StatisticsDecl(scope().qualified(name), s, currentOrigin()));
        return self();
    }

    /** The statistics object must not exist: dropped if present (DROP STATISTICS). */
    public SchemaChanges ensureNoStatistics(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.STATISTICS, scope().qualified(name), null, currentOrigin()));
        return self();
    }

    /**
     * The rule exists on {@code table} (a table or view) with this definition, the text after {@code CREATE RULE
     * name AS}: {@code ensureRule("public.t", "r_name", "ON INSERT TO public.t DO INSTEAD NOTHING")}. Compared as
     * PostgreSQL prints it (pg_get_ruledef); a differing rule is replaced.
     */
    public SchemaChanges ensureRule(String table, String name, String definition) {
        return ensureRule(table, name, definition, null);
    }

    /**
     * The rule with options: {@code ensureRule("public.t", "r_name", "ON INSERT TO public.t DO INSTEAD NOTHING",
     * r -> r.disabled())} (also {@code enabledReplica()}, {@code enabledAlways()}); a differing state is set in place
     * with ALTER TABLE ... ENABLE | DISABLE RULE.
     */
    public SchemaChanges ensureRule(String table, String name, String definition, UnaryOperator<RuleOptions> options) {
        RuleOptions o = options == null ? RuleOptions.NONE : options.apply(RuleOptions.NONE);
        add(new StatisticsRuleDecl.RuleDecl(scope().qualified(table), name, definition,
                (o == null ? RuleOptions.NONE : o).enabled(), currentOrigin()));
        return self();
    }

    /** The rule must not exist on {@code table}: dropped if present (DROP RULE name ON table). */
    public SchemaChanges ensureNoRule(String table, String name) {
        add(new Declaration.RemovalDecl(ObjectKind.RULE, scope().qualified(table), name, currentOrigin()));
        return self();
    }
}
