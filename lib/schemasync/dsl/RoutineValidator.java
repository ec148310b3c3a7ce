package schemasync.dsl;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of the declarations that name code run on a table's rows or by the server: policies (their USING and WITH
 * CHECK expressions), triggers (timing, events, the function they execute, transition tables) and functions and
 * procedures (signature, definition, declared once).
 */
record RoutineValidator(Validator validator) {

    void validate(List<Declaration> declarations) {
        Set<String> functionSignatures = new TreeSet<>();
        Set<String> triggerNames = new TreeSet<>();
        Set<String> policyNames = new TreeSet<>();
        for (Declaration d : declarations) {
            if (d instanceof AccessDecl.PolicyDecl p) {
                validator.name(p.origin(), "policy", p.name());
                if (p.table() == null) validator.problem(p.origin(), "policy " + p.name() + " has no table: add .on(\"table\")");
                else if (!policyNames.add(p.table() + "." + p.name())) validator.problem(p.origin(), "policy " + p.name() + " on " + p.table() + " is declared twice");
                if (!java.util.Set.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE").contains(String.valueOf(p.command())))
                    validator.problem(p.origin(), "policy " + p.name() + ": command must be ALL, SELECT, INSERT, UPDATE or DELETE");
                if (p.using() == null && p.withCheck() == null)
                    validator.problem(p.origin(), "policy " + p.name() + " has neither .using(...) nor .withCheck(...)");
                validator.fragment(p.origin(), () -> "the using() of policy " + p.name(), p.using());
                validator.fragment(p.origin(), () -> "the withCheck() of policy " + p.name(), p.withCheck());
            } else if (d instanceof Declaration.TriggerDecl g) {
                validator.name(g.origin(), "trigger", g.name());
                if (g.table() == null) validator.problem(g.origin(), "trigger " + g.name() + " has no table: add .on(\"table\")");
                else {
                    validator.qualified(g.origin(), "table", g.table());
                    if (!triggerNames.add(g.table() + "." + g.name())) validator.problem(g.origin(), "trigger " + g.name() + " on " + g.table() + " is declared twice");
                }
                if (g.timing() == null || g.events() == null || g.events().isBlank())
                    validator.problem(g.origin(), "trigger " + g.name() + " has no events: add .before(\"UPDATE\"), .after(...) or .insteadOf(...)");
                if (g.function() == null || g.function().isBlank())
                    validator.problem(g.origin(), "trigger " + g.name() + " has no function: add .executes(\"function()\")");
                validator.fragment(g.origin(), () -> "the when() of trigger " + g.name(), g.when());
                validator.fragment(g.origin(), () -> "the function call of trigger " + g.name(), g.function());
                if (g.constraint() != null && (!"AFTER".equals(g.timing()) || !g.forEachRow()))
                    validator.problem(g.origin(), "constraint trigger " + g.name() + " must be .after(...) and .forEachRow()");
                if (g.transitions() != null) {
                    // PostgreSQL's own rule (trigger.c): transition tables only on AFTER triggers.
                    if (!"AFTER".equals(g.timing())) validator.problem(g.origin(), "trigger " + g.name() + ": transition tables (REFERENCING) need .after(...)");
                    if (g.transitions().oldTable() != null) validator.name(g.origin(), "old transition table of trigger " + g.name(), g.transitions().oldTable());
                    if (g.transitions().newTable() != null) validator.name(g.origin(), "new transition table of trigger " + g.name(), g.transitions().newTable());
                }
            } else if (d instanceof Declaration.FunctionDecl f) {
                validator.qualified(f.origin(), "function", f.name());
                if (f.arguments() == null) validator.problem(f.origin(), "function " + f.name() + ": write the signature as name(argument types), e.g. \"set_updated_at()\"");
                else if (!functionSignatures.add(f.signature())) validator.problem(f.origin(), f.word() + " " + f.signature() + " is declared twice");
                if (f.definition() == null || f.definition().isBlank()) validator.problem(f.origin(), "function " + f.name() + " has no definition");
            }
        }
    }
}
