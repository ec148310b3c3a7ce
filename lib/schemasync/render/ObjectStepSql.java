package schemasync.render;

import static schemasync.render.SqlRenderer.CTX;
import static schemasync.render.SqlRenderer.name;

import org.jooq.impl.DSL;
import schemasync.step.StepVisitor;

/**
 * The half of {@link StepSql} for objects beside tables and their columns: foreign servers, user mappings,
 * foreign tables, publications, event triggers, statistics objects, rules, owners, operators and casts, a
 * partition's own key (one statement each, identifiers through {@code DSL.name}).
 */
abstract class ObjectStepSql implements StepVisitor<String> {

    public String createConversion(schemasync.step.ConversionSteps.CreateConversion c) {
        return ConversionSql.create(c.conversion());
    }

    /**
     * SECURITY LABEL FOR provider ON kind object IS 'label': the kind is pg_seclabels' objtype word (also the grammar's
     * keyword), the object its identity as pg_seclabels prints it, each part already quoted where PostgreSQL quotes it.
     */
    public String setSecurityLabel(schemasync.step.SecurityLabelSteps.SetSecurityLabel s) {
        return "SECURITY LABEL FOR " + SqlRenderer.CTX.render(org.jooq.impl.DSL.name(s.target().provider())) + " ON "
                + s.target().objectType().toUpperCase(java.util.Locale.ROOT) + " " + s.target().object() + " IS "
                + (s.label() == null ? "NULL" : SqlRenderer.CTX.render(org.jooq.impl.DSL.inline(s.label())));
    }

    // Foreign servers, user mappings, foreign tables, publications, event triggers: spelled by ExternalSql.

    public String createServer(schemasync.step.ExternalSteps.CreateServer s) {
        return ExternalSql.createServer(s);
    }

    public String createUserMapping(schemasync.step.ExternalSteps.CreateUserMapping s) {
        return ExternalSql.createUserMapping(s);
    }

    public String createForeignTable(schemasync.step.ExternalSteps.CreateForeignTable s) {
        return ExternalSql.createForeignTable(s);
    }

    public String alterOptions(schemasync.step.ExternalSteps.AlterOptions s) {
        return ExternalSql.alterOptions(s);
    }

    public String createPublication(schemasync.step.ExternalSteps.CreatePublication s) {
        return ExternalSql.createPublication(s);
    }

    public String alterPublicationTables(schemasync.step.ExternalSteps.AlterPublicationTables s) {
        return ExternalSql.alterPublicationTables(s);
    }

    public String setPublicationOptions(schemasync.step.ExternalSteps.SetPublicationOptions s) {
        return ExternalSql.setPublicationOptions(s);
    }

    public String createEventTrigger(schemasync.step.ExternalSteps.CreateEventTrigger s) {
        return ExternalSql.createEventTrigger(s);
    }

    public String setEventTriggerEnabled(schemasync.step.ExternalSteps.SetEventTriggerEnabled s) {
        return ExternalSql.setEventTriggerEnabled(s);
    }

    public String dropExternal(schemasync.step.ExternalSteps.DropExternal s) {
        return ExternalSql.dropExternal(s);
    }

    // Extended statistics and rules: spelled by StatisticsRuleSql.
    public String createStatistics(schemasync.step.StatisticsRuleSteps.CreateStatistics s) {
        return StatisticsRuleSql.createStatistics(CTX, s.statistics(), name(s.statistics().name()), name(s.statistics().table()));
    }

    public String setStatisticsTarget(schemasync.step.StatisticsRuleSteps.SetStatisticsTarget s) {
        return StatisticsRuleSql.setStatisticsTarget(CTX, name(s.name()), s.target());
    }

    public String createRule(schemasync.step.StatisticsRuleSteps.CreateRule s) {
        return StatisticsRuleSql.createRule(CTX, s.rule(), s.replace());
    }

    public String setEnabled(schemasync.step.StatisticsRuleSteps.SetEnabled s) {
        return StatisticsRuleSql.setEnabled(CTX, s, name(s.table()));
    }

    public String setOwner(schemasync.step.OwnerSteps.SetOwner s) {
        return OwnerSql.setOwner(CTX, s.target(), s.role());
    }

    public String createOperator(schemasync.step.OperatorSteps.CreateOperator s) { return OperatorSql.createOperator(CTX, s); }

    public String setOperatorEstimators(schemasync.step.OperatorSteps.SetOperatorEstimators s) { return OperatorSql.setOperatorEstimators(CTX, s); }

    public String dropOperator(schemasync.step.OperatorSteps.DropOperator s) { return OperatorSql.dropOperator(CTX, s); }

    public String createCast(schemasync.step.OperatorSteps.CreateCast s) { return OperatorSql.createCast(s); }

    public String dropCast(schemasync.step.OperatorSteps.DropCast s) { return OperatorSql.dropCast(s); }

    public String createOperatorFamily(schemasync.step.OperatorClassSteps.CreateOperatorFamily s) { return OperatorClassSql.createFamily(CTX, s); }
    public String addOperatorFamilyMembers(schemasync.step.OperatorClassSteps.AddOperatorFamilyMembers s) { return OperatorClassSql.addMembers(CTX, s); }
    public String dropOperatorFamily(schemasync.step.OperatorClassSteps.DropOperatorFamily s) { return OperatorClassSql.dropFamily(CTX, s); }
    public String createOperatorClass(schemasync.step.OperatorClassSteps.CreateOperatorClass s) { return OperatorClassSql.createClass(CTX, s); }
    public String dropOperatorClass(schemasync.step.OperatorClassSteps.DropOperatorClass s) { return OperatorClassSql.dropClass(CTX, s); }
    public String addPrimaryKey(schemasync.step.KeySteps.AddPrimaryKey k) {
        return CTX.render(DSL.query("ALTER TABLE {0} ADD CONSTRAINT {1} PRIMARY KEY ({2})", name(k.table()), DSL.name(k.name()),
                DSL.list(k.columns().stream().map(DSL::name).toList())));
    }
}
