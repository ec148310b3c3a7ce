package schemasync.dsl;

import schemasync.catalog.CommentTarget;
import schemasync.catalog.SequenceOptions;

import java.util.HashMap;
import schemasync.catalog.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of the type-like declarations (enums, domains, composite types, sequences) before any connection
 * is opened. Domains, composite types and enums share PostgreSQL's namespace of types (pg_type), so
 * one name cannot be declared as two of them.
 */
final class TypeValidator {
    private final Validator validator;

    TypeValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Map<String, String> typeNames = new HashMap<>();
        Set<String> sequenceNames = new TreeSet<>();
        Set<schemasync.catalog.CommentTarget> comments = new java.util.HashSet<>();
        Set<String> enumNames = new TreeSet<>();
        for (Declaration d : declarations) {
            if (d instanceof TypeDecl.EnumDecl e) {
                typeNames.putIfAbsent(e.name().toString(), "enum");
                validator.qualified(e.origin(), "enum", e.name());
                if (!enumNames.add(e.name().toString())) validator.problem(e.origin(), "enum " + e.name() + " is declared twice");
                // PostgreSQL accepts an enum without labels and an empty label; it refuses labels over 63 bytes.
                Set<String> seen = new TreeSet<>();
                for (String label : e.labels()) {
                    if (label == null) {
                        validator.problem(e.origin(), "enum " + e.name() + " has a null label");
                    } else if (QualifiedName.utf8Length(label) > QualifiedName.MAX_IDENTIFIER_BYTES) {
                        validator.problem(e.origin(), "enum " + e.name() + ": label '" + label + "' is " + QualifiedName.utf8Length(label)
                                + " bytes; PostgreSQL allows " + QualifiedName.MAX_IDENTIFIER_BYTES);
                    }
                    if (label != null && !seen.add(label)) validator.problem(e.origin(), "enum " + e.name() + " lists '" + label + "' twice");
                }
            }
        }
        for (Declaration d : declarations) {
            if (d instanceof TypeDecl.DomainDecl t) domain(t, typeNames);
            else if (d instanceof TypeDecl.CompositeTypeDecl t) composite(t, typeNames);
            else if (d instanceof TypeDecl.SequenceDecl q) sequence(q, sequenceNames);
            else if (d instanceof Declaration.CommentDecl c) comment(c, comments);
            else if (d instanceof KindDecl.RangeTypeDecl r) unique(r.origin(), "range type", r.name(), typeNames);
        }
    }

    private void unique(Origin origin, String kind, schemasync.catalog.QualifiedName name, Map<String, String> typeNames) {
        validator.qualified(origin, kind, name);
        String earlier = typeNames.putIfAbsent(name.toString(), kind);
        if (earlier != null) {
            validator.problem(origin, kind + " " + name + (earlier.equals(kind) ? " is declared twice"
                    : " is also declared as " + earlier + " (types share one namespace)"));
        }
    }

    private void comment(Declaration.CommentDecl c, Set<CommentTarget> seen) {
        CommentTarget t = c.target();
        if (t.kind() == null) {
            validator.problem(c.origin(), "comment needs a kind (CommentOn.VIEW, ...)");
            return;
        }
        String what = "comment on " + t.kind().word() + " " + t;
        CommentTarget.Kind kind = t.kind();
        if (kind.databaseWide()) validator.name(c.origin(), kind.word(), t.object().name());
        else if (kind == CommentTarget.Kind.CAST) {
            if (t.object().name().isBlank() || t.detail() == null || t.detail().isBlank())
                validator.problem(c.origin(), what + ": write the cast as source AS target, e.g. \"text AS money2\"");
        } else if (kind == CommentTarget.Kind.OPERATOR) {
            validator.name(c.origin(), "schema", t.object().schema());
            OperatorValidator.operatorName(validator, c.origin(), what, t.object().name());
            if (OwnerDecl.operatorTypes(t.detail()) == null) {
                validator.problem(c.origin(), what + ": write it as name(left type, right type), NONE for a prefix operator's left,"
                        + " e.g. \"shop.===(money2, money2)\"");
            }
        } else validator.qualified(c.origin(), kind.word(), t.object());
        if (kind.onTableOrDomain()) validator.name(c.origin(), kind.word(), t.detail());
        else if (kind.usingMethod() && (t.detail() == null || t.detail().isBlank()))
            validator.problem(c.origin(), what + ": write it as name USING method, e.g. \"shop.money2_ops USING btree\"");
        else if (kind.routine() && t.detail() == null)
            validator.problem(c.origin(), what + ": write the routine as name(argument types)");
        else if (!kind.routine() && !kind.usingMethod() && kind != CommentTarget.Kind.OPERATOR && kind != CommentTarget.Kind.CAST
                && t.detail() != null)
            validator.problem(c.origin(), what + ": " + ("aeiou".indexOf(kind.word().charAt(0)) >= 0 ? "an " : "a ") + kind.word()
                    + " is named by itself; use ensureComment(kind, name, text)");
        // COMMENT ... IS '' removes the comment: that is not a comment to converge to.
        if (c.text() == null || c.text().isEmpty()) validator.problem(c.origin(), what + " has no text");
        if (!seen.add(unspaced(t))) validator.problem(c.origin(), what + " is declared twice");
    }

    /** One key per operator whatever the spacing of its types. */
    private static CommentTarget unspaced(CommentTarget t) {
        String[] types = t.kind() == CommentTarget.Kind.OPERATOR ? OwnerDecl.operatorTypes(t.detail()) : null;
        return types == null ? t : CommentTarget.operator(t.object(), types[0], types[1]);
    }

    private void sequence(TypeDecl.SequenceDecl q, Set<String> names) {
        validator.qualified(q.origin(), "sequence", q.name());
        if (!names.add(q.name().toString())) validator.problem(q.origin(), "sequence " + q.name() + " is declared twice");
        boolean integer = q.dataType() == null || SequenceOptions.range(q.dataType()) != null;
        if (!integer)
            validator.problem(q.origin(), "sequence " + q.name() + ": AS must be smallint, integer or bigint, not " + q.dataType());
        // The same checks as an identity column's options; AS bigint (the default) when AS is missing or wrong.
        for (String p : q.options().problems(integer ? q.dataType() : null)) validator.problem(q.origin(), "sequence " + q.name() + ": " + p);
        if (q.ownedColumn() != null) {
            validator.name(q.origin(), "column owning sequence " + q.name(), q.ownedColumn());
            if (q.ownedTable().name().isEmpty())
                validator.problem(q.origin(), "sequence " + q.name() + ": write OWNED BY as \"table.column\"");
            else validator.qualified(q.origin(), "table owning sequence " + q.name(), q.ownedTable());
        }
    }

    private void composite(TypeDecl.CompositeTypeDecl t, Map<String, String> typeNames) {
        unique(t.origin(), "composite type", t.name(), typeNames);
        if (t.attributes().isEmpty()) validator.problem(t.origin(), "composite type " + t.name() + " has no attributes");
        Set<String> names = new TreeSet<>();
        for (TypeDecl.CompositeTypeDecl.Attribute a : t.attributes()) {
            validator.name(t.origin(), "attribute of composite type " + t.name(), a.name());
            if (a.name() != null && !names.add(a.name()))
                validator.problem(t.origin(), "attribute " + a.name() + " is declared twice in composite type " + t.name());
            if (a.type() == null || a.type().isBlank())
                validator.problem(t.origin(), "attribute " + a.name() + " of composite type " + t.name() + " has no type");
            if (a.collation() != null) validator.qualified(t.origin(), "collation of attribute " + a.name(), a.collation());
        }
    }

    private void domain(TypeDecl.DomainDecl t, Map<String, String> typeNames) {
        unique(t.origin(), "domain", t.name(), typeNames);
        if (t.baseType() == null || t.baseType().isBlank()) validator.problem(t.origin(), "domain " + t.name() + " has no base type");
        if (t.defaultSql() != null && t.defaultSql().isBlank()) validator.problem(t.origin(), "domain " + t.name() + " has a blank default");
        if (t.collation() != null) validator.qualified(t.origin(), "collation of domain", t.collation());
        Set<String> names = new TreeSet<>();
        for (TypeDecl.DomainDecl.Check c : t.checks()) {
            validator.name(t.origin(), "check constraint of domain " + t.name(), c.name());
            if (c.name() != null && !names.add(c.name()))
                validator.problem(t.origin(), "check " + c.name() + " is declared twice on domain " + t.name());
            if (c.expression() == null || c.expression().isBlank())
                validator.problem(t.origin(), "check " + c.name() + " of domain " + t.name() + " has no expression");
        }
    }
}
