package schemasync.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.OperatorClass.Member;
import schemasync.catalog.QualifiedName;

/**
 * Checks of operator families and classes before any connection is opened, as PostgreSQL's own rules go (the grammar of
 * CREATE OPERATOR CLASS and ALTER OPERATOR FAMILY: an access method, a class's input type and at least one item, positive
 * strategy and support numbers, a support function named with its argument list), never stricter: whether the method,
 * types, operators and functions exist and suit each other is left to PostgreSQL, which names what is wrong.
 */
final class OperatorClassValidator {
    private final Validator validator;

    OperatorClassValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Set<String> seen = new HashSet<>();
        for (Declaration d : declarations) {
            if (d instanceof OperatorClassDecl.FamilyDeclared f) {
                String what = "operator family " + f.name();
                named(f.origin(), what, f.name(), f.options().method(), seen, "family");
                members(f.origin(), what, f.options().members(), true);
            } else if (d instanceof OperatorClassDecl.ClassDeclared c) {
                String what = "operator class " + c.name();
                OperatorClassOptions o = c.options();
                named(c.origin(), what, c.name(), o.method(), seen, "class");
                if (blank(o.type())) validator.problem(c.origin(), what + " needs an input type: c -> c.forType(\"...\")");
                if (o.members().isEmpty() && blank(o.storage())) {
                    validator.problem(c.origin(), what + " needs at least one operator, function or storage type");
                }
                for (String[] part : new String[][] {{"forType", o.type()}, {"family", o.family()}, {"storage", o.storage()}}) {
                    fragment(c.origin(), what, part[0], part[1]);
                }
                members(c.origin(), what, o.members(), false);
            } else if (d instanceof OperatorClassDecl.FamilyRemoval r) {
                removal(r.origin(), "ensureNoOperatorFamily", r.name(), r.method());
            } else if (d instanceof OperatorClassDecl.ClassRemoval r) {
                removal(r.origin(), "ensureNoOperatorClass", r.name(), r.method());
            }
        }
    }

    private void named(Origin origin, String what, QualifiedName name, String method, Set<String> seen, String kind) {
        if (name.name().isBlank()) validator.problem(origin, what + " has no name");
        if (QualifiedName.utf8Length(name.name()) > QualifiedName.MAX_IDENTIFIER_BYTES) {
            validator.problem(origin, what + " is longer than " + QualifiedName.MAX_IDENTIFIER_BYTES + " bytes");
        }
        if (blank(method)) {
            validator.problem(origin, what + " needs an access method: using(\"btree\")");
        } else if (!seen.add(kind + " " + name + " USING " + method.strip().toLowerCase(java.util.Locale.ROOT))) {
            validator.problem(origin, what + " USING " + method + " is declared twice");
        }
    }

    private void members(Origin origin, String what, List<Member> members, boolean loose) {
        for (Member m : members) {
            String item = (m.function() ? "FUNCTION " : "OPERATOR ") + m.number();
            if (m.number() < 1) validator.problem(origin, what + ": " + item + ": strategy and support numbers start at 1");
            if (blank(m.target())) {
                validator.problem(origin, what + ": " + item + " names no " + (m.function() ? "function" : "operator"));
                continue;
            }
            if (m.function() && !m.target().contains("(")) {
                validator.problem(origin, what + ": " + item + ": name the function with its argument types, f(type, ...)");
            }
            if (loose && !m.function() && !m.target().contains("(")) {
                validator.problem(origin, what + ": " + item + ": a family's operator needs its argument types, op(left,right)");
            }
            fragment(origin, what, item, m.target());
            fragment(origin, what, item, m.leftType());
            fragment(origin, what, item, m.rightType());
        }
    }

    private void removal(Origin origin, String verb, QualifiedName name, String method) {
        if (name.name().isBlank()) validator.problem(origin, verb + " needs a name");
        if (blank(method)) validator.problem(origin, verb + "(\"" + name + "\", ...) needs an access method");
    }

    private void fragment(Origin origin, String what, String part, String text) {
        if (text == null) return;
        String why = text.isBlank() ? "is blank" : SqlFragment.problem(text);
        if (why != null) validator.problem(origin, what + ": " + part + " " + why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
