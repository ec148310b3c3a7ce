package schemasync.dsl;

/**
 * What {@code ensureCollation} declares: {@code c -> c.icu("und-u-ks-level2").nondeterministic()},
 * {@code c -> c.libc("de_DE.utf8")}, {@code c -> c.libc("C", "en_US.utf8")}, {@code c -> c.builtin("C.UTF-8")}
 * (PostgreSQL 17+). One provider; the last call of icu / libc / builtin wins.
 */
public record CollationOptions(String provider, String lcCollate, String lcCtype, String locale, String icuRules,
                               boolean deterministic) {
    static final CollationOptions NONE = new CollationOptions(null, null, null, null, null, true);

    /** {@code provider = icu, locale = 'und-u-ks-level2'}: an ICU locale or BCP 47 language tag. */
    public CollationOptions icu(String icuLocale) {
        return new CollationOptions("icu", null, null, icuLocale, icuRules, deterministic);
    }

    /** {@code provider = libc, locale = 'de_DE.utf8'}: lc_collate and lc_ctype both. */
    public CollationOptions libc(String libcLocale) {
        return libc(libcLocale, libcLocale);
    }

    /** {@code provider = libc, lc_collate = ..., lc_ctype = ...}. */
    public CollationOptions libc(String lcCollateLocale, String lcCtypeLocale) {
        return new CollationOptions("libc", lcCollateLocale, lcCtypeLocale, null, null, deterministic);
    }

    /** {@code provider = builtin, locale = 'C.UTF-8'} (PostgreSQL 17+: C, C.UTF-8; 18 also PG_UNICODE_FAST). */
    public CollationOptions builtin(String builtinLocale) {
        return new CollationOptions("builtin", null, null, builtinLocale, null, deterministic);
    }

    /** {@code rules = '&a < g'}: ICU tailoring rules (PostgreSQL 16+, ICU only). */
    public CollationOptions rules(String tailoringRules) {
        return new CollationOptions(provider, lcCollate, lcCtype, locale, tailoringRules, deterministic);
    }

    /** {@code deterministic = false}: strings that compare equal need not be byte-equal (ICU only). */
    public CollationOptions nondeterministic() {
        return new CollationOptions(provider, lcCollate, lcCtype, locale, icuRules, false);
    }
}
