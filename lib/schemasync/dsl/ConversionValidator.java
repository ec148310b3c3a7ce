package schemasync.dsl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks of encoding conversions before any connection is opened: the name, one declaration each, what CREATE
 * CONVERSION's grammar requires (two encodings and a function), and PostgreSQL's own rule of one DEFAULT conversion per
 * schema and encoding pair ("default conversion for LATIN1 to UTF8 already exists"). Whether an encoding or the function
 * exists, and whether the function converts that pair, is PostgreSQL's to judge.
 */
final class ConversionValidator {
    private final Validator validator;

    ConversionValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Map<String, ConversionDecl> seen = new HashMap<>();
        Map<String, ConversionDecl> defaults = new HashMap<>();
        for (Declaration d : declarations) {
            if (!(d instanceof ConversionDecl c)) continue;
            String what = "conversion " + c.name();
            validator.qualified(c.origin(), "conversion", c.name());
            if (seen.putIfAbsent(c.name().toString(), c) != null) validator.problem(c.origin(), what + " is declared twice");
            ConversionOptions o = c.options();
            if (blank(o.source()) || blank(o.destination())) {
                validator.problem(c.origin(), what + " needs two encodings: c -> c.encodings(\"LATIN1\", \"UTF8\")");
            }
            if (blank(o.function())) {
                validator.problem(c.origin(), what + " needs a function: c -> c.function(\"iso8859_1_to_utf8\")");
                continue;
            }
            validator.qualified(c.origin(), "function of " + what, c.conversion().function());
            if (o.isDefault() && !blank(o.source()) && !blank(o.destination())) {
                String pair = c.name().schema() + " " + c.conversion().source() + " " + c.conversion().destination();
                ConversionDecl other = defaults.putIfAbsent(pair, c);
                if (other != null && !other.name().equals(c.name())) {
                    validator.problem(c.origin(), what + " is a DEFAULT conversion for " + c.conversion().source() + " to "
                            + c.conversion().destination() + " in schema " + c.name().schema() + ", as " + other.name()
                            + " is: PostgreSQL keeps one per schema and pair");
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
