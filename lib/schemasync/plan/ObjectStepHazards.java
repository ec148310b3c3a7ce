package schemasync.plan;

import java.util.List;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;
import schemasync.step.ExternalSteps;
import schemasync.step.OwnerSteps;
import schemasync.step.StatisticsRuleSteps;
import schemasync.step.StepVisitor;

/**
 * The half of {@link StepHazards} for objects beside tables (foreign servers, publications, event
 * triggers, statistics objects, rules, owners), and the state both halves read: the table the step
 * touches as it was before this run ({@code null} when this run creates it).
 */
abstract class ObjectStepHazards implements StepVisitor<List<Hazard>> {
    final Table table;
    final String name;

    ObjectStepHazards(Table table) {
        this.table = table;
        this.name = table == null ? null : table.name().toString();
    }

    String size() {
        return HazardClassifier.size(table);
    }

    boolean small() {
        return HazardClassifier.small(table);
    }

    /** Metadata only, but ACCESS EXCLUSIVE: queued behind long transactions it blocks every query on the table. */
    List<Hazard> brief() {
        return table == null ? List.of() : List.of(HazardClassifier.brief(name));
    }

    static List<Hazard> none() {
        return List.of();
    }

    // Foreign servers, user mappings, publications, event triggers: catalog rows only. A foreign table holds no
    // rows, so re-creating or altering one costs nothing but its brief lock.

    public List<Hazard> createServer(ExternalSteps.CreateServer s) {
        return none();
    }

    public List<Hazard> createUserMapping(ExternalSteps.CreateUserMapping s) {
        return none();
    }

    public List<Hazard> createForeignTable(ExternalSteps.CreateForeignTable s) {
        return none();
    }

    public List<Hazard> alterOptions(ExternalSteps.AlterOptions s) {
        return none();
    }

    public List<Hazard> createPublication(ExternalSteps.CreatePublication s) {
        return none();
    }

    public List<Hazard> alterPublicationTables(ExternalSteps.AlterPublicationTables s) {
        return none();
    }

    public List<Hazard> setPublicationOptions(ExternalSteps.SetPublicationOptions s) {
        return none();
    }

    public List<Hazard> createEventTrigger(ExternalSteps.CreateEventTrigger s) {
        return none();
    }

    public List<Hazard> setEventTriggerEnabled(ExternalSteps.SetEventTriggerEnabled s) {
        return none();
    }

    public List<Hazard> dropExternal(ExternalSteps.DropExternal s) {
        return none();
    }

    /** SHARE UPDATE EXCLUSIVE: reads and writes go on; ANALYZE fills the new statistics later. */
    public List<Hazard> createStatistics(StatisticsRuleSteps.CreateStatistics s) {
        return none();
    }

    public List<Hazard> setStatisticsTarget(StatisticsRuleSteps.SetStatisticsTarget s) {
        return none();
    }

    /** CREATE [OR REPLACE] RULE holds ACCESS EXCLUSIVE on an existing table or view briefly. */
    public List<Hazard> createRule(StatisticsRuleSteps.CreateRule s) {
        return brief();
    }

    /** ENABLE / DISABLE RULE: brief ACCESS EXCLUSIVE; ENABLE / DISABLE TRIGGER: brief SHARE ROW EXCLUSIVE (writes wait). */
    public List<Hazard> setEnabled(StatisticsRuleSteps.SetEnabled s) {
        return s.kind() == schemasync.model.ObjectKind.RULE ? brief() : table == null ? none()
                : List.of(new Hazard(HazardKind.WRITE_LOCK, "brief SHARE ROW EXCLUSIVE lock on " + name + ": writes wait"));
    }

    public List<Hazard> setOwner(OwnerSteps.SetOwner s) {
        return OwnerPlanner.hazards(s, brief());
    }

    // Operators and casts: catalog rows only, no relation locked (OperatorSteps).
    public List<Hazard> createOperator(schemasync.step.OperatorSteps.CreateOperator s) { return List.of(); }

    public List<Hazard> setOperatorEstimators(schemasync.step.OperatorSteps.SetOperatorEstimators s) { return List.of(); }

    public List<Hazard> dropOperator(schemasync.step.OperatorSteps.DropOperator s) { return List.of(); }

    public List<Hazard> createCast(schemasync.step.OperatorSteps.CreateCast s) { return List.of(); }

    public List<Hazard> dropCast(schemasync.step.OperatorSteps.DropCast s) { return List.of(); }

    // Operator families and classes: catalog rows only; a DROP without CASCADE fails while an index uses the class.
    public List<Hazard> createOperatorFamily(schemasync.step.OperatorClassSteps.CreateOperatorFamily s) { return List.of(); }
    public List<Hazard> addOperatorFamilyMembers(schemasync.step.OperatorClassSteps.AddOperatorFamilyMembers s) { return List.of(); }
    public List<Hazard> dropOperatorFamily(schemasync.step.OperatorClassSteps.DropOperatorFamily s) { return List.of(); }
    public List<Hazard> createOperatorClass(schemasync.step.OperatorClassSteps.CreateOperatorClass s) { return List.of(); }
    public List<Hazard> dropOperatorClass(schemasync.step.OperatorClassSteps.DropOperatorClass s) { return List.of(); }
    /** On a partition this run creates (no table before): nothing to scan; otherwise the index build and NOT NULL scan. */
    public List<Hazard> addPrimaryKey(schemasync.step.KeySteps.AddPrimaryKey k) {
        if (table == null) return none();
        return List.of(new Hazard(schemasync.model.HazardKind.FULL_SCAN_UNDER_LOCK, "scans " + table.name()
                + " and builds the key's index under an ACCESS EXCLUSIVE lock"));
    }
}
