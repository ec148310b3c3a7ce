package schemasync.dsl;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of the declarations that ask for a change rather than declare a shape: custom steps (an id, a guard and
 * SQL), column changes (something to change; USING only with a type) and allowed hazards (a kind and a reason).
 */
record ChangeValidator(Validator validator) {

    void validate(List<Declaration> declarations) {
        Set<String> customIds = new TreeSet<>();
        for (Declaration d : declarations) {
            if (d instanceof Declaration.CustomStepDecl c) {
                validator.name(c.origin(), "custom step id", c.id());
                if (c.id() != null && !customIds.add(c.id())) validator.problem(c.origin(), "custom step " + c.id() + " is declared twice");
                if (c.guardSql() == null || c.guardSql().isBlank()) validator.problem(c.origin(), "custom step " + c.id() + " has no guard: add .neededWhile(\"SELECT ...\")");
                if (c.sql() == null || c.sql().isBlank()) validator.problem(c.origin(), "custom step " + c.id() + " has no SQL: add .runs(\"...\")");
            } else if (d instanceof Declaration.ColumnChangeDecl c) {
                validator.qualified(c.origin(), "table", c.table());
                validator.name(c.origin(), "column", c.column());
                if (c.type() == null && c.notNull() == null && c.defaultSql() == null && !c.dropDefault()) {
                    validator.problem(c.origin(), "ensureColumnChanged(" + c.table() + ", " + c.column() + ") says nothing to change:"
                            + " add .type(...), .notNull(), .nullable(), .dflt(...) or .noDefault()");
                }
                if (c.onlyThisTable() && (c.type() != null || c.notNull() != null || c.defaultSql() == null && !c.dropDefault())) {
                    validator.problem(c.origin(), "ensureColumnChanged(" + c.table() + ", " + c.column() + "): onlyThisTable() goes"
                            + " with dflt(...) or noDefault() alone (ALTER TABLE ONLY sets or drops a default; a type or NOT NULL"
                            + " change of a partitioned table must reach its partitions)");
                }
                if (c.notNullName() != null) validator.notNullName(c.origin(), c.table() + "." + c.column(), c.notNullName());
                if (c.using() != null && c.type() == null) {
                    validator.problem(c.origin(), "ensureColumnChanged(" + c.table() + ", " + c.column() + "): using(...) goes with type(...)");
                }
            } else if (d instanceof Declaration.AllowHazardDecl a) {
                if (a.kind() == null) validator.problem(a.origin(), "allowHazard needs a hazard kind");
                if (a.reason() == null || a.reason().isBlank()) {
                    validator.problem(a.origin(), "allowHazard(" + a.kind() + ", ...) needs a reason: say why this block may do it");
                }
            }
        }
    }
}
