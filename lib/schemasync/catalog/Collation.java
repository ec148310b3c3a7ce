package schemasync.catalog;

import static schemasync.catalog.SqlText.literal;

/**
 * A collation of a user schema ({@code CREATE COLLATION}) as pg_collation holds it. {@code provider} is
 * {@code libc}, {@code icu} or {@code builtin} (PostgreSQL 17+). A libc collation has {@code lcCollate} and
 * {@code lcCtype} (collcollate, collctype); an ICU or builtin one has {@code locale} (collcollate up to 14,
 * colliculocale in 15 and 16, colllocale from 17) and an ICU one possibly {@code icuRules} (16+). The
 * collation version (collversion) is the library's, not the schema's: never compared.
 */
public record Collation(QualifiedName name, String provider, String lcCollate, String lcCtype, String locale,
                        String icuRules, boolean deterministic) {

    /** The CREATE COLLATION option list: {@code provider = icu, locale = 'und-u-ks-level2', deterministic = false}. */
    public String describe() {
        StringBuilder s = new StringBuilder("provider = " + provider);
        if (locale != null) s.append(", locale = ").append(literal(locale));
        if (lcCollate != null) s.append(", lc_collate = ").append(literal(lcCollate));
        if (lcCtype != null) s.append(", lc_ctype = ").append(literal(lcCtype));
        if (icuRules != null) s.append(", rules = ").append(literal(icuRules));
        if (!deterministic) s.append(", deterministic = false");
        return s.toString();
    }

}
