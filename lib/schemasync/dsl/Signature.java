package schemasync.dsl;

import schemasync.catalog.QualifiedName;

/** {@code [schema.]name(argument types)}; {@code arguments} is null when the parentheses are missing. */
record Signature(QualifiedName name, String arguments) {
    static Signature parse(String text) {
        String sig = text == null ? "" : text.strip();
        int open = sig.indexOf('(');
        boolean wellFormed = open > 0 && sig.endsWith(")");
        return new Signature(TenantScope.qualified(wellFormed ? sig.substring(0, open) : sig),
                wellFormed ? sig.substring(open + 1, sig.length() - 1).strip() : null);
    }
}
