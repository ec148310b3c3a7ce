package schemasync.dsl;

import java.util.List;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;
import schemasync.catalog.QualifiedName;

/**
 * The declarations of operator families and classes ({@link OperatorDeclarations}' verbs) and their removals: both are
 * named by a name and an access method (a btree and a hash class may share a name), so neither fits
 * {@link Declaration.RemovalDecl}'s one qualified name.
 */
public final class OperatorClassDecl {
    private OperatorClassDecl() {
    }

    /** {@code ensureOperatorFamily("public.money2_ops", f -> f.using("btree"))}. */
    public record FamilyDeclared(QualifiedName name, OperatorFamilyOptions options, Origin origin) implements Declaration.Kind {
        /** The family as written, in the catalog's shape (the normalizer spells its members as PostgreSQL will). */
        public OperatorFamily family() {
            return new OperatorFamily(name, options.method(), options.members());
        }
    }

    /** {@code ensureNoOperatorFamily("public.money2_ops", "btree")}. */
    public record FamilyRemoval(QualifiedName name, String method, Origin origin) implements Declaration.Kind {
    }

    /** {@code ensureOperatorClass("public.money2_ops", c -> c.forType("money2").using("btree").operator(1, "<") ...)}. */
    public record ClassDeclared(QualifiedName name, OperatorClassOptions options, Origin origin) implements Declaration.Kind {
        /** The class as written, in the catalog's shape; no FAMILY clause: the family of its own name. */
        public OperatorClass operatorClass() {
            String f = options.family();
            QualifiedName family = f == null ? name : f.contains(".") ? QualifiedName.parse(f) : name.sibling(f);
            return new OperatorClass(name, options.method(), options.type(), options.defaultForType(), family, options.storage(),
                    options.members());
        }
    }

    /** {@code ensureNoOperatorClass("public.money2_ops", "btree")}. */
    public record ClassRemoval(QualifiedName name, String method, Origin origin) implements Declaration.Kind {
    }

    /** A FOR ORDER BY family: a bare name is pg_catalog's ({@code float_ops}), where every built-in btree family is. */
    static QualifiedName orderFamily(String text) {
        return text == null ? null : text.contains(".") ? QualifiedName.parse(text.strip()) : new QualifiedName("pg_catalog", text.strip());
    }

    /**
     * The families and classes of earlier blocks that a later ensureNoOperatorFamily / ensureNoOperatorClass removes (the
     * {@link Superseded} rule). DROP OPERATOR FAMILY also drops the family's classes, as it does here.
     */
    static List<Declaration> removedLater(List<Declaration> declarations) {
        List<Declaration> removals = declarations.stream().filter(d -> d instanceof FamilyRemoval || d instanceof ClassRemoval).toList();
        if (removals.isEmpty()) return declarations;
        return declarations.stream().filter(d -> removals.stream().noneMatch(r -> r.origin().position() > d.origin().position()
                && removes(r, d))).toList();
    }

    private static boolean removes(Declaration removal, Declaration d) {
        if (removal instanceof ClassRemoval r && d instanceof ClassDeclared c) {
            return r.name().equals(c.name()) && r.method().equalsIgnoreCase(String.valueOf(c.options().method()));
        }
        if (removal instanceof FamilyRemoval r && d instanceof FamilyDeclared f) {
            return r.name().equals(f.name()) && r.method().equalsIgnoreCase(String.valueOf(f.options().method()));
        }
        if (d instanceof Declaration.CommentDecl k && k.target().kind() != null && k.target().kind().usingMethod()) { // DROP takes the comment along
            boolean family = k.target().kind() == schemasync.catalog.CommentTarget.Kind.OPERATOR_FAMILY;
            return (family ? removal instanceof FamilyRemoval : removal instanceof ClassRemoval) && k.target().detail() != null
                    && k.target().object().equals(removal instanceof FamilyRemoval f ? f.name() : ((ClassRemoval) removal).name())
                    && k.target().detail().equalsIgnoreCase(String.valueOf(removal instanceof FamilyRemoval f ? f.method() : ((ClassRemoval) removal).method()));
        }
        return removal instanceof FamilyRemoval r && d instanceof ClassDeclared c && r.name().equals(c.operatorClass().family())
                && r.method().equalsIgnoreCase(String.valueOf(c.options().method()));
    }
}
