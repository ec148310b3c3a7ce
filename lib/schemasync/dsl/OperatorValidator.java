package schemasync.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of operators and casts before any connection is opened, as PostgreSQL's own rules go (scan.l's operator
 * characters, CREATE OPERATOR's and CREATE CAST's required options), never stricter: whether a type or function
 * resolves, and whether HASHES or MERGES suit the operator, is left to PostgreSQL.
 */
final class OperatorValidator {
    /** The characters an operator name is made of (PostgreSQL's lexer, "op_chars"). */
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
    /** A multi-character name ending in + or - must contain one of these (else the lexer splits it). */
    private static final String NON_MATH_CHARS = "~!@#%^&|`?";

    private final Validator validator;

    OperatorValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Set<String> operators = new HashSet<>();
        Set<String> casts = new HashSet<>();
        for (Declaration d : declarations) {
            if (d instanceof OperatorDecl.OperatorDeclared o) operator(o, operators);
            else if (d instanceof OperatorDecl.OperatorRemoval r) operatorName(r.origin(), "operator " + r.name(), r.name().name());
            else if (d instanceof OperatorDecl.CastDeclared c) cast(c, casts);
            else if (d instanceof OperatorDecl.CastRemoval r && (blank(r.source()) || blank(r.target()))) {
                validator.problem(r.origin(), "ensureNoCast needs a source and a target type");
            }
        }
    }

    private void operator(OperatorDecl.OperatorDeclared o, Set<String> seen) {
        String what = "operator " + o.name();
        operatorName(o.origin(), what, o.name().name());
        OperatorOptions x = o.options();
        if (!seen.add(o.name() + "(" + x.leftArg() + ", " + x.rightArg() + ")")) validator.problem(o.origin(), what + " is declared twice");
        if (blank(x.function())) validator.problem(o.origin(), what + " needs a function: o -> o.function(\"...\")");
        if (blank(x.leftArg()) && blank(x.rightArg())) {
            validator.problem(o.origin(), what + " needs at least one argument type: o -> o.leftArg(...).rightArg(...)");
        }
        for (String[] part : new String[][] {{"leftArg", x.leftArg()}, {"rightArg", x.rightArg()}, {"function", x.function()},
                {"restrict", x.restrict()}, {"join", x.join()}}) {
            if (part[1] == null) continue;
            String why = part[1].isBlank() ? "is blank" : SqlFragment.problem(part[1]);
            if (why != null) validator.problem(o.origin(), what + ": " + part[0] + " " + why);
        }
        for (String[] other : new String[][] {{"commutator", x.commutator()}, {"negator", x.negator()}}) {
            if (other[1] == null) continue;
            String bare = other[1].strip().replaceFirst("^OPERATOR\\((.*)\\)$", "$1");
            operatorName(o.origin(), what + ": " + other[0], bare.substring(bare.lastIndexOf('.') + 1));
        }
    }

    private void operatorName(Origin origin, String what, String name) {
        operatorName(validator, origin, what, name);
    }

    /** PostgreSQL's rules for an operator name (the lexer's), and its length limit; also for ensureOwner's operators. */
    static void operatorName(Validator validator, Origin origin, String what, String name) {
        if (name == null || name.isEmpty()) {
            validator.problem(origin, what + " has no name");
            return;
        }
        for (char c : name.toCharArray()) {
            if (OPERATOR_CHARS.indexOf(c) < 0) {
                validator.problem(origin, what + ": '" + c + "' cannot be part of an operator name (only " + OPERATOR_CHARS + ")");
                return;
            }
        }
        if (name.contains("--") || name.contains("/*")) validator.problem(origin, what + ": -- and /* start a comment, not an operator");
        if (name.length() > 1 && (name.endsWith("+") || name.endsWith("-"))
                && name.chars().noneMatch(c -> NON_MATH_CHARS.indexOf(c) >= 0)) {
            validator.problem(origin, what + ": a name ending in + or - needs one of " + NON_MATH_CHARS);
        }
        if (name.length() > schemasync.catalog.QualifiedName.MAX_IDENTIFIER_BYTES) validator.problem(origin, what + " is longer than 63 characters");
    }

    private void cast(OperatorDecl.CastDeclared c, Set<String> seen) {
        String what = "cast (" + c.source() + " AS " + c.target() + ")";
        if (blank(c.source()) || blank(c.target())) {
            validator.problem(c.origin(), "ensureCast needs a source and a target type");
            return;
        }
        if (!seen.add(c.source() + " AS " + c.target())) validator.problem(c.origin(), what + " is declared twice");
        CastOptions o = c.options();
        if (o.method() == null || o.method().equals(schemasync.catalog.Cast.FUNCTION) && blank(o.function())) {
            validator.problem(c.origin(), what + " needs a method: c -> c.withFunction(\"f(type)\"), c.withInout() or c.withoutFunction()");
        }
        for (String[] part : new String[][] {{"source", c.source()}, {"target", c.target()}, {"withFunction", o.function()}}) {
            String why = part[1] == null ? null : SqlFragment.problem(part[1]);
            if (why != null) validator.problem(c.origin(), what + ": " + part[0] + " " + why);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
