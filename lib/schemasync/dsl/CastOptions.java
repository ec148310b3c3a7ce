package schemasync.dsl;

import schemasync.catalog.Cast;

/**
 * The options of {@code ensureCast}, as CREATE CAST takes them: {@code c -> c.withFunction("to_text(money2)")
 * .asImplicit()}, {@code c -> c.withInout().asAssignment()}, {@code c -> c.withoutFunction()}. Explicit by default;
 * the function is the user's signature, resolved by PostgreSQL.
 */
public record CastOptions(String method, String function, String context) {
    static final CastOptions NONE = new CastOptions(null, null, Cast.EXPLICIT);

    /** WITH FUNCTION name(argument types). */
    public CastOptions withFunction(String signature) {
        return new CastOptions(Cast.FUNCTION, signature, context);
    }

    /** WITH INOUT: through the types' text output and input functions. */
    public CastOptions withInout() {
        return new CastOptions(Cast.INOUT, null, context);
    }

    /** WITHOUT FUNCTION: the types are binary coercible. */
    public CastOptions withoutFunction() {
        return new CastOptions(Cast.BINARY, null, context);
    }

    /** AS IMPLICIT: applied in any context. */
    public CastOptions asImplicit() {
        return new CastOptions(method, function, Cast.IMPLICIT);
    }

    /** AS ASSIGNMENT: applied implicitly in assignments. */
    public CastOptions asAssignment() {
        return new CastOptions(method, function, Cast.ASSIGNMENT);
    }
}
