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
            else validator.qualified(o.origin(), t.kind().word(), t.name());
            if (t.kind().routine() && t.arguments() == null) {
                validator.problem(o.origin(), "owner of " + t.kind().word() + " " + t.name()
                        + ": write the signature as name(argument types), e.g. \"app_add(integer, integer)\"");
            }
            validator.name(o.origin(), "role", o.role());
            OwnerDecl earlier = seen.put(t, o);
            if (earlier != null && earlier.role() != null && !earlier.role().equals(o.role())) {
                validator.problem(o.origin(), "owner of " + t.kind().word() + " " + t + " is declared as " + o.role()
                        + " here and as " + earlier.role() + " in " + earlier.origin() + ": declare one owner");
            }
        }
    }
}
