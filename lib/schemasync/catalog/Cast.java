package schemasync.catalog;

/**
 * A cast a user created ({@code CREATE CAST}) as pg_cast holds it: database-wide, read when its source type, target
 * type or function is in a managed schema (as pg_dump writes a cast with the schema its parts are in). Types as
 * format_type prints them; {@code function} as regprocedure prints it ({@code public.to_text(public.money2)}), null
 * for WITHOUT FUNCTION / WITH INOUT. {@code context}: {@code explicit}, {@code assignment} or {@code implicit};
 * {@code method}: {@code function}, {@code inout} or {@code binary}. Nothing of a cast can be altered in place.
 */
public record Cast(String source, String target, String function, String context, String method) {
    public static final String EXPLICIT = "explicit";
    public static final String ASSIGNMENT = "assignment";
    public static final String IMPLICIT = "implicit";
    public static final String FUNCTION = "function";
    public static final String INOUT = "inout";
    public static final String BINARY = "binary";

    /** How casts are keyed: {@code (source AS target)}, as DROP CAST names one. */
    public String key() {
        return key(source, target);
    }

    public static String key(String source, String target) {
        return "(" + source + " AS " + target + ")";
    }

    /** {@code WITH FUNCTION public.f(public.t) AS IMPLICIT}, {@code WITH INOUT}, {@code WITHOUT FUNCTION AS ASSIGNMENT}. */
    public String describe() {
        String how = switch (method) {
            case FUNCTION -> "WITH FUNCTION " + function;
            case INOUT -> "WITH INOUT";
            default -> "WITHOUT FUNCTION";
        };
        return how + (context.equals(EXPLICIT) ? "" : " AS " + context.toUpperCase(java.util.Locale.ROOT));
    }
}
