package schemasync.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of collations and range types before any connection is opened: names, one declaration each, a
 * provider with its locale. What only the server can judge (whether the locale exists, whether ICU or the
 * builtin provider is available, whether a subtype or function resolves) is left to PostgreSQL, which the
 * normalizer asks in a rolled-back transaction: never a rule stricter than PostgreSQL's own.
 */
final class KindValidator {
    private final Validator validator;

    KindValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Set<String> collations = new HashSet<>();
        for (Declaration d : declarations) {
            if (d instanceof KindDecl.CollationDecl c) collation(c, collations);
            else if (d instanceof KindDecl.RangeTypeDecl r) range(r);
        }
    }

    private void collation(KindDecl.CollationDecl c, Set<String> seen) {
        String what = "collation " + c.name();
        validator.qualified(c.origin(), "collation", c.name());
        if (!seen.add(c.name().toString())) validator.problem(c.origin(), what + " is declared twice");
        CollationOptions o = c.options();
        if (o.provider() == null) {
            validator.problem(c.origin(), what + " needs a provider: c -> c.icu(\"und-u-ks-level2\"), c.libc(\"de_DE.utf8\")"
                    + " or c.builtin(\"C.UTF-8\")");
            return;
        }
        boolean libc = o.provider().equals("libc");
        if (libc ? blank(o.lcCollate()) || blank(o.lcCtype()) : blank(o.locale())) {
            validator.problem(c.origin(), what + ": the " + o.provider() + " provider needs a locale");
        }
        if (o.icuRules() != null && !o.provider().equals("icu")) {
            validator.problem(c.origin(), what + ": rules(...) are ICU tailoring rules; the " + o.provider() + " provider has none");
        }
    }

    private void range(KindDecl.RangeTypeDecl r) {
        String what = "range type " + r.name();
        if (blank(r.subtype())) validator.problem(r.origin(), what + " has no subtype");
        RangeTypeOptions o = r.options();
        for (String[] option : new String[][] {{"subtypeOpclass", o.subtypeOpclass()}, {"collation", o.collation()},
                {"canonical", o.canonical()}, {"subtypeDiff", o.subtypeDiff()}, {"multirangeTypeName", o.multirange()}}) {
            if (option[1] != null && option[1].isBlank()) validator.problem(r.origin(), what + ": " + option[0] + "(...) is blank");
        }
        if (o.multirange() != null && !o.multirange().isBlank()) {
            validator.qualified(r.origin(), "multirange type of " + what, r.multirange());
            if (r.multirange().equals(r.name())) validator.problem(r.origin(), what + ": its multirange type needs another name");
        }
        // Spliced into CREATE TYPE as written (PostgreSQL resolves them): one name or type each, nothing more.
        for (String[] part : new String[][] {{"subtype", r.subtype()}, {"subtypeOpclass", o.subtypeOpclass()},
                {"canonical", o.canonical()}, {"subtypeDiff", o.subtypeDiff()}}) {
            if (blank(part[1])) continue;
            String why = SqlFragment.problem(part[1]);
            if (why != null) validator.problem(r.origin(), what + ": " + part[0] + " " + why);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
