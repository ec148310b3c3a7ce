package schemasync.plan;

import schemasync.step.ExternalSteps;
import schemasync.step.OwnerSteps;
import schemasync.step.StatisticsRuleSteps;
import schemasync.step.StepVisitor;

/**
 * The half of {@link Effects} for objects beside tables: foreign servers, user mappings, foreign tables,
 * publications, event triggers, statistics objects, rules, owners, operators, casts and a partition's own key.
 * {@code c} is the one edit both halves write.
 */
abstract class ObjectKindEffects implements StepVisitor<Void> {
    final CatalogEdit c;

    ObjectKindEffects(CatalogEdit c) {
        this.c = c;
    }

    // Foreign servers, user mappings, foreign tables, publications and event triggers: ExternalEffects.
    public Void createServer(ExternalSteps.CreateServer s) { ExternalEffects.createServer(c.externals, s); return null; }
    public Void createUserMapping(ExternalSteps.CreateUserMapping s) { ExternalEffects.createUserMapping(c.externals, s); return null; }
    public Void createForeignTable(ExternalSteps.CreateForeignTable s) { ExternalEffects.createForeignTable(c.externals, s); return null; }
    public Void alterOptions(ExternalSteps.AlterOptions s) { ExternalEffects.alterOptions(c.externals, s); return null; }
    public Void createPublication(ExternalSteps.CreatePublication s) { ExternalEffects.createPublication(c.externals, s); return null; }
    public Void alterPublicationTables(ExternalSteps.AlterPublicationTables s) { ExternalEffects.alterPublicationTables(c.externals, s); return null; }
    public Void setPublicationOptions(ExternalSteps.SetPublicationOptions s) { ExternalEffects.setPublicationOptions(c.externals, s); return null; }
    public Void createEventTrigger(ExternalSteps.CreateEventTrigger s) { ExternalEffects.createEventTrigger(c.externals, s); return null; }
    public Void setEventTriggerEnabled(ExternalSteps.SetEventTriggerEnabled s) { ExternalEffects.setEventTriggerEnabled(c.externals, s); return null; }
    public Void dropExternal(ExternalSteps.DropExternal s) { ExternalEffects.drop(c.externals, s); OwnerEffects.droppedExternal(c, s); DropEffects.droppedExternal(c, s); return null; }
    // Extended statistics and rules (CatalogOutline compares which exist, on which table).
    public Void createStatistics(StatisticsRuleSteps.CreateStatistics s) { c.statistics.put(s.statistics().name(), s.statistics()); return null; }
    public Void createRule(StatisticsRuleSteps.CreateRule s) { StatisticsRuleEffects.createRule(c, s); return null; }
    public Void setEnabled(StatisticsRuleSteps.SetEnabled s) { StatisticsRuleEffects.setEnabled(c, s); return null; }
    public Void setStatisticsTarget(StatisticsRuleSteps.SetStatisticsTarget s) { c.statistics.computeIfPresent(s.name(), (n, had) -> had.withTarget(s.target())); return null; }
    public Void setOwner(OwnerSteps.SetOwner s) { c.owners.put(s.target(), s.role()); return null; }
    public Void createConversion(schemasync.step.ConversionSteps.CreateConversion s) { c.conversions.put(s.conversion().name(), s.conversion()); return null; }
    public Void setSecurityLabel(schemasync.step.SecurityLabelSteps.SetSecurityLabel s) {
        if (s.label() == null) c.securityLabels.remove(s.target()); else c.securityLabels.put(s.target(), s.label());
        return null;
    }

    public Void createOperator(schemasync.step.OperatorSteps.CreateOperator s) { OperatorEffects.create(c, s.operator()); return null; }

    public Void setOperatorEstimators(schemasync.step.OperatorSteps.SetOperatorEstimators s) { c.operators.put(s.operator().key(), s.operator()); return null; }

    public Void dropOperator(schemasync.step.OperatorSteps.DropOperator s) { OperatorEffects.drop(c, s.operator()); OwnerEffects.droppedOperator(c, s.operator()); return null; }

    public Void createCast(schemasync.step.OperatorSteps.CreateCast s) { c.casts.put(s.cast().key(), s.cast()); return null; }

    public Void dropCast(schemasync.step.OperatorSteps.DropCast s) {
        c.casts.remove(s.cast().key());
        c.comments.remove(schemasync.catalog.CommentTarget.cast(s.cast().source(), s.cast().target())); // DROP CAST takes its comment
        return null;
    }
    // Operator families and classes: OperatorClassEffects.
    public Void createOperatorFamily(schemasync.step.OperatorClassSteps.CreateOperatorFamily s) { OperatorClassEffects.createFamily(c, s.family()); return null; }
    public Void addOperatorFamilyMembers(schemasync.step.OperatorClassSteps.AddOperatorFamilyMembers s) { OperatorClassEffects.addMembers(c, s.family()); return null; }
    public Void dropOperatorFamily(schemasync.step.OperatorClassSteps.DropOperatorFamily s) { OperatorClassEffects.dropFamily(c, s.family()); return null; }
    public Void createOperatorClass(schemasync.step.OperatorClassSteps.CreateOperatorClass s) { OperatorClassEffects.createClass(c, s.operatorClass()); return null; }
    public Void dropOperatorClass(schemasync.step.OperatorClassSteps.DropOperatorClass s) { OperatorClassEffects.dropClass(c, s.operatorClass()); return null; }
    public Void addPrimaryKey(schemasync.step.KeySteps.AddPrimaryKey k) { TableEffects.addPrimaryKey(c, k.table(), k.name(), k.columns()); return null; }
}
