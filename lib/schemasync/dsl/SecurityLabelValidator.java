package schemasync.dsl;

import java.util.List;

/**
 * Checks of security labels before any connection is opened: a provider, a kind, an object (a column as
 * {@code table.column}), a label (SECURITY LABEL ... IS NULL removes one; the DSL declares labels only), and names
 * PostgreSQL would not truncate. Whether the provider is loaded and accepts the label is PostgreSQL's to judge: the
 * apply names its error ("security label provider ... is not loaded") and changes nothing.
 */
final class SecurityLabelValidator {
    private final Validator validator;

    SecurityLabelValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        for (Declaration d : declarations) {
            if (!(d instanceof SecurityLabelDecl l)) continue;
            String what = "security label" + (l.provider() == null || l.provider().isBlank() ? "" : " for " + l.provider());
            if (l.provider() == null || l.provider().isBlank()) validator.problem(l.origin(), what + " needs a provider (e.g. \"selinux\")");
            if (l.on() == null) {
                validator.problem(l.origin(), what + " needs what it labels: SecurityLabelOn.TABLE, COLUMN, SCHEMA, ...");
                continue;
            }
            if (l.name() == null || l.name().name().isBlank()) {
                validator.problem(l.origin(), what + " needs the object it labels");
                continue;
            }
            if (l.on() == SecurityLabelOn.COLUMN && (l.column() == null || l.column().isBlank())) {
                validator.problem(l.origin(), what + " on a column names it as table.column (\"shop.orders.note\"), not \""
                        + l.name() + "\"");
                continue;
            }
            if (l.label() == null) validator.problem(l.origin(), what + " on " + l.on().objectType() + " " + l.name()
                    + " needs a label (the DSL declares labels; an undeclared one is left alone)");
            if (l.on().databaseWide()) validator.name(l.origin(), l.on().objectType(), l.name().name());
            else validator.qualified(l.origin(), l.on().objectType(), l.name());
            if (l.column() != null) validator.name(l.origin(), "column", l.column());
        }
    }
}
