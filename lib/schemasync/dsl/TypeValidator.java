package schemasync.dsl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of the type-like declarations (domains, composite types, sequences) before any connection
 * is opened. Domains, composite types and enums share PostgreSQL's namespace of types (pg_type), so
 * one name cannot be declared as two of them.
 */
final class TypeValidator {
    private final Validator validator;

    TypeValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Map<String, String> typeNames = new HashMap<>();
        for (Declaration d : declarations) {
            if (d instanceof Declaration.EnumDecl e) typeNames.putIfAbsent(e.name().toString(), "enum");
        }
        for (Declaration d : declarations) {
            if (d instanceof Declaration.DomainDecl t) domain(t, typeNames);
        }
    }

    private void domain(Declaration.DomainDecl t, Map<String, String> typeNames) {
        validator.qualified(t.origin(), "domain", t.name());
        String earlier = typeNames.putIfAbsent(t.name().toString(), "domain");
        if (earlier != null) {
            validator.problem(t.origin(), "domain " + t.name() + (earlier.equals("domain") ? " is declared twice"
                    : " is also declared as " + earlier + " (types share one namespace)"));
        }
        if (t.baseType() == null || t.baseType().isBlank()) validator.problem(t.origin(), "domain " + t.name() + " has no base type");
        if (t.defaultSql() != null && t.defaultSql().isBlank()) validator.problem(t.origin(), "domain " + t.name() + " has a blank default");
        if (t.collation() != null) validator.qualified(t.origin(), "collation of domain", t.collation());
        Set<String> names = new TreeSet<>();
        for (Declaration.DomainDecl.Check c : t.checks()) {
            validator.name(t.origin(), "check constraint of domain " + t.name(), c.name());
            if (c.name() != null && !names.add(c.name()))
                validator.problem(t.origin(), "check " + c.name() + " is declared twice on domain " + t.name());
            if (c.expression() == null || c.expression().isBlank())
                validator.problem(t.origin(), "check " + c.name() + " of domain " + t.name() + " has no expression");
        }
    }
}
