package schemasync.dsl;

import schemasync.catalog.QualifiedName;

/** {@code [schema.]name(argument types)}; {@code arguments} is null when the parentheses are missing. */
record Signature(QualifiedName name, String arguments) {
    /** Parsed in a fold for {@code scope}: a name in the placeholder schema is in the tenant's. */
    static Signature parse(String text, TenantScope scope) {
        String sig = text == null ? "" : text.strip();
        int open = sig.indexOf('(');
        boolean wellFormed = open > 0 && sig.endsWith(")");
        return new Signature(scope.qualified(wellFormed ? sig.substring(0, open) : sig),
                wellFormed ? sig.substring(open + 1, sig.length() - 1).strip() : null);
    }
}
