package schemasync.dsl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.OwnerTarget;

/**
 * Checks of {@code ensureOwner} before any connection: a kind, the object's and the role's names, a routine's
 * signature, and one owner per object (two blocks naming two owners would alter it back and forth on every
 * run). Whether the role exists is the server's to say: the normalizer asks it before the plan.
 */
final class OwnerValidator {
    private final Validator validator;

    OwnerValidator(Validator validator) {
        this.validator = validator;
    }

    /** An operator: its schema, its name by the lexer's rules, and its two types (one may be NONE). */
    private void operator(OwnerDecl o) {
        OwnerTarget t = o.target();
        validator.name(o.origin(), "schema", t.name().schema());
        OperatorValidator.operatorName(validator, o.origin(), "owner of operator " + t.name(), t.name().name());
        if (OwnerDecl.operatorTypes(t.arguments()) == null) {
            validator.problem(o.origin(), "owner of operator " + t.name() + ": write it as name(left type, right type),"
                    + " NONE for a prefix operator's left, e.g. \"shop.===(money2, money2)\"");
        }
    }

    /** One key per operator whatever the spacing of its types. */
    private static OwnerTarget normalized(OwnerTarget t) {
        String[] types = OwnerDecl.operatorTypes(t.arguments());
        return types == null ? t : OwnerTarget.operator(t.name(), types[0], types[1]);
    }

    void validate(List<Declaration> declarations) {
        Map<OwnerTarget, OwnerDecl> seen = new HashMap<>();
        for (Declaration d : declarations) {
            if (!(d instanceof OwnerDecl o)) continue;
            OwnerTarget t = o.target();
            if (t.kind() == null) {
                validator.problem(o.origin(), "ensureOwner: name the kind of object (OwnerOf.TABLE, OwnerOf.FUNCTION, ...)");
                continue;
            }
            if (t.kind() == OwnerTarget.Kind.SCHEMA) validator.name(o.origin(), "schema", t.name().name());
            else if (t.kind().databaseWide()) validator.name(o.origin(), t.kind().word(), t.name().name());
            else if (t.kind() == OwnerTarget.Kind.OPERATOR) operator(o);
            else validator.qualified(o.origin(), t.kind().word(), t.name());
            if (t.kind().usingMethod() && (t.method() == null || t.method().isBlank())) {
                validator.problem(o.origin(), "owner of " + t.kind().word() + " " + t.name()
                        + ": write it as name USING method, e.g. \"shop.money2_ops USING btree\"");
            }
            if (t.kind().routine() && t.arguments() == null) {
                validator.problem(o.origin(), "owner of " + t.kind().word() + " " + t.name()
                        + ": write the signature as name(argument types), e.g. \"app_add(integer, integer)\"");
            }
            validator.name(o.origin(), "role", o.role());
            if (t.kind() == OwnerTarget.Kind.OPERATOR && t.arguments() != null) t = normalized(t);
            OwnerDecl earlier = seen.put(t, o);
            if (earlier != null && earlier.role() != null && !earlier.role().equals(o.role())) {
                validator.problem(o.origin(), "owner of " + t.kind().word() + " " + t + " is declared as " + o.role()
                        + " here and as " + earlier.role() + " in " + earlier.origin() + ": declare one owner");
            }
        }
    }
}
